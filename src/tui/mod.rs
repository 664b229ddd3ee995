//! The terminal console (ratatui + crossterm). The only module that draws.

use std::path::PathBuf;

/// How the console was started.
#[derive(Debug, Clone)]
pub struct TuiOptions {
    pub db: PathBuf,
    pub read_only: bool,
    pub no_color: bool,
}

/// Runs the console until the user quits. The terminal is always restored.
pub fn run(opts: TuiOptions) -> anyhow::Result<()> {
    anyhow::bail!(
        "the console is not built yet (database {})",
        opts.db.display()
    )
}
