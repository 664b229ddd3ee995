//! The Sync tab's words in the training world: a training laptop waits for the training
//! headquarters and a training headquarters holds training laptops' records; neither ever
//! speaks of the live headquarters. In the live world every id stays as it is.

use crate::domain::{DbKind, Lang, World, sanitize};
use crate::report::SyncOverview;
use crate::report::sync_status::short_time;
use crate::t;

/// The catalogue id to show in `world` for the live-world id `id`.
pub fn id_in(world: World, id: &'static str) -> &'static str {
    if world == World::Live {
        return id;
    }
    match id {
        "sync-queued" => "world-sync-queued",
        "sync-queued-first" => "world-sync-queued-first",
        "sync-nothing-waiting" => "world-sync-nothing-waiting",
        "sync-decisions-from-hq" => "world-sync-decisions-from-hq",
        "sync-held-title" => "world-sync-held-title",
        "sync-nothing-received" => "world-sync-nothing-received",
        "sync-export-title" => "world-sync-export-title",
        "sync-ack-ask" => "world-sync-ack-ask",
        "sync-import-ask" => "world-sync-import-ask",
        other => other,
    }
}

/// The summary's lines in the training world (None in the live world); the first is the
/// title. The export and receipt log lines are the live world's (they name no place).
pub fn summary(d: &SyncOverview, world: World, lang: Lang) -> Option<Vec<String>> {
    if world == World::Live {
        return None;
    }
    let name = sanitize(&d.device_name).into_owned();
    let live = d.summary();
    let line = |i: usize| live.get(i).cloned().unwrap_or_default();
    let c = &d.status.counts;
    if d.kind == DbKind::Hq {
        return Some(vec![
            t!(
                lang,
                "world-sync-hq-title",
                device = name,
                received = c.received,
                devices = d.status.devices.len()
            ),
            t!(lang, "world-sync-hq-hint"),
            line(2),
        ]);
    }
    let first = match &d.status.oldest_unacknowledged {
        Some(o) => t!(
            lang,
            "world-sync-laptop-waiting",
            device = name,
            count = d.pending,
            oldest = short_time(&o.created_at)
        ),
        None => t!(lang, "world-sync-laptop-none", device = name),
    };
    Some(vec![
        first,
        t!(
            lang,
            "world-sync-counts",
            finalized = c.finalized,
            sent = c.sent,
            acknowledged = c.acknowledged
        ),
        line(2),
        line(3),
    ])
}
