//! `minspect review approve|return ID --comment TEXT [--change]` and `minspect review list
//! [FILTER...] [--sort KEY] [--json]` (headquarters).

use std::path::Path;

use clap::Subcommand;

use super::{CliError, CliResult, open_existing, open_for_reading};
use crate::domain::{Clock, Lang, sanitize};
use crate::store::queue::{QueueFilter, QueueFrom, QueueRow, QueueSort};
use crate::store::{Decision, DecisionMode, Store};
use crate::t;

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Approve a received inspection
    Approve {
        #[arg(value_name = "ID")]
        id: String,
        #[arg(long, default_value = "")]
        comment: String,
        /// Change the decision already standing (the history keeps both)
        #[arg(long)]
        change: bool,
    },
    /// Return a received inspection to its officer with a comment
    Return {
        #[arg(value_name = "ID")]
        id: String,
        #[arg(long)]
        comment: String,
        /// Change the decision already standing (the history keeps both)
        #[arg(long)]
        change: bool,
    },
    /// The review queue: received inspections, filtered (officer:BADGE port:LOCODE state:pending ...)
    List {
        #[arg(value_name = "FILTER")]
        filter: Vec<String>,
        /// received (default), declared, officer or port
        #[arg(long, default_value = "received")]
        sort: String,
        /// At most this many rows
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(db: &Path, read_only: bool, lang: Lang, cmd: ReviewCommand) -> CliResult {
    let (id, decision, comment, change) = match cmd {
        ReviewCommand::Approve {
            id,
            comment,
            change,
        } => (id, Decision::Approved, comment, change),
        ReviewCommand::Return {
            id,
            comment,
            change,
        } => (id, Decision::Returned, comment, change),
        ReviewCommand::List {
            filter,
            sort,
            limit,
            json,
        } => return list(db, read_only, lang, &filter.join(" "), &sort, limit, json),
    };
    let mode = if change {
        DecisionMode::Change
    } else {
        DecisionMode::First
    };
    let mut store = open_existing(db, read_only, lang)?;
    let r = store.hq_mut().decide(id.trim(), decision, &comment, mode)?;
    let by = store.hq().acting_officer()?.name;
    println!(
        "{}",
        t!(
            lang,
            "review-decided",
            decision = r.decision.as_str(),
            id = r.inspection_id.clone(),
            by = sanitize(&by).into_owned(),
            review = r.id.clone(),
            device = r.device_id.clone()
        )
    );
    Ok(())
}

/// Parses and checks a filter line against `store`: a refusal in words (exit 2).
pub fn resolve(store: &Store, lang: Lang, line: &str) -> CliResult<crate::store::queue::Resolved> {
    let f = QueueFilter::parse(line).map_err(|m| CliError::BadInput(crate::i18n::msg(lang, &m)))?;
    store
        .hq()
        .resolve_queue_filter(&f)?
        .map_err(|m| CliError::BadInput(crate::i18n::msg(lang, &m)))
}

fn list(
    db: &Path,
    read_only: bool,
    lang: Lang,
    line: &str,
    sort: &str,
    limit: usize,
    json: bool,
) -> CliResult {
    let store = open_for_reading(db, read_only, lang)?;
    store.hq().acting_supervisor()?;
    let sort =
        QueueSort::parse(sort).map_err(|m| CliError::BadInput(crate::i18n::msg(lang, &m)))?;
    let r = resolve(&store, lang, line)?;
    let counts = store.hq().queue_counts(&r)?;
    let rows = store
        .hq()
        .queue_page(&r, sort, &QueueFrom::First, limit.max(1))?;
    if json {
        let out = serde_json::json!({ "sort": sort.as_str(), "counts": counts, "rows": rows });
        println!("{out:#}");
        return Ok(());
    }
    println!(
        "{}",
        t!(
            lang,
            "review-counts",
            pending = counts.pending as i64,
            approved = counts.approved as i64,
            returned = counts.returned as i64,
            resubmitted = counts.resubmitted as i64,
            total = counts.total as i64
        )
    );
    if !line.trim().is_empty() {
        println!("{}", matching(lang, &counts));
    }
    if rows.is_empty() {
        println!("{}", t!(lang, "review-list-empty"));
        return Ok(());
    }
    let clock = Clock::system();
    println!("{}", t!(lang, "review-list-head"));
    for row in &rows {
        println!("{}", line_of(row, &clock));
    }
    if (rows.len() as u64) < counts.matching {
        println!("{}", t!(lang, "review-list-more", shown = rows.len()));
    }
    Ok(())
}

/// How many inspections the filter matches, in words (the count stops at a cap).
pub fn matching(lang: Lang, c: &crate::store::queue::QueueCounts) -> String {
    if c.matching_capped {
        t!(lang, "review-matching-capped", count = c.matching as i64)
    } else {
        t!(lang, "review-matching", count = c.matching as i64)
    }
}

/// One queue row as a text line (the columns of `review-list-head`).
pub fn line_of(r: &QueueRow, clock: &Clock) -> String {
    format!(
        "{:<16}  {:<11}  {:<10}  {:<5}  {:<10}  {:<16}  {:<16}  {:<12}  {}",
        crate::report::shipment_detail::local(&r.received_at, clock),
        r.state,
        sanitize(&r.officer_badge),
        sanitize(&r.port),
        r.declared_on,
        r.declared_verdict,
        r.found_verdict,
        sanitize(&r.outcome),
        r.inspection_id
    )
}
