use std::process::ExitCode;

use clap::Parser;
use minspect::cli::{self, Cli};
use minspect::tui;

fn main() -> ExitCode {
    let args = Cli::parse();
    let result = if args.command.is_none() {
        let no_color = args.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        cli::resolve_db_path(args.db.clone()).and_then(|db| {
            let early = cli::resolve_language(args.lang.as_deref(), std::path::Path::new(""))?;
            cli::db_key::use_given(args.key_file.as_deref(), early)?;
            let lang = cli::resolve_language(args.lang.as_deref(), &db)?;
            tui::run(tui::TuiOptions {
                db,
                read_only: args.read_only,
                no_color,
                lang,
            })
            .map_err(|e| cli::CliError::Failed(format!("{e:#}")))
        })
    } else {
        restore_default_sigpipe();
        cli::run(args)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let msg = e.to_string();
            if !msg.is_empty() {
                eprintln!("minspect: {msg}");
            }
            e.exit_code()
        }
    }
}

/// Headless output piped into `head` or `less` should end quietly when the reader goes
/// away, as other command-line tools do, instead of panicking on a broken pipe.
fn restore_default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called once at start-up, before any thread exists; SIG_DFL is always valid.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
