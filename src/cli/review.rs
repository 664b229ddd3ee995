//! `minspect review approve|return ID --comment TEXT` (headquarters).

use std::path::Path;

use clap::Subcommand;

use super::{CliResult, open_existing};
use crate::store::Decision;

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Approve a received inspection
    Approve {
        #[arg(value_name = "ID")]
        id: String,
        #[arg(long, default_value = "")]
        comment: String,
    },
    /// Return a received inspection to its officer with a comment
    Return {
        #[arg(value_name = "ID")]
        id: String,
        #[arg(long)]
        comment: String,
    },
}

pub fn run(db: &Path, read_only: bool, cmd: ReviewCommand) -> CliResult {
    let (id, decision, comment) = match cmd {
        ReviewCommand::Approve { id, comment } => (id, Decision::Approved, comment),
        ReviewCommand::Return { id, comment } => (id, Decision::Returned, comment),
    };
    let mut store = open_existing(db, read_only)?;
    let r = store
        .hq_mut()
        .record_review(id.trim(), decision, &comment)?;
    let by = store.hq().acting_officer()?.name;
    println!(
        "{} inspection {} by {} (review {}); it goes to device {} with the next receipt",
        r.decision.as_str(),
        r.inspection_id,
        crate::domain::sanitize(&by),
        r.id,
        r.device_id
    );
    Ok(())
}
