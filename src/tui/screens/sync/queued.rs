//! A field device's queue on the Sync tab: the records waiting for headquarters, each
//! with the declaration number it is about (what an officer knows a record by).

use std::collections::HashMap;

use ratatui::layout::Rect;

use super::SyncScreen;
use super::world::id_in;
use crate::domain::{Lang, sanitize};
use crate::i18n;
use crate::report::SyncOverview;
use crate::report::sync_status::short_time;
use crate::t;
use crate::tui::screens::Cx;
use crate::tui::text::fit;

/// A list's title, column header and rows as text.
pub(super) type Table = (String, String, Vec<String>);

/// The declaration numbers of the queued records (none when they cannot be read: the
/// column then stays empty, the queue still shows).
pub(super) fn declarations(cx: &mut Cx, d: &SyncOverview) -> HashMap<String, String> {
    let records: Vec<(&str, &str)> = d
        .queued
        .iter()
        .map(|q| (q.kind.as_str(), q.record_id.as_str()))
        .collect();
    cx.store
        .query()
        .declaration_numbers(&records)
        .unwrap_or_default()
}

/// The record's kind in words (`inspection`, `custody transfer`); an unknown one as stored.
fn kind_word(lang: Lang, kind: &str) -> String {
    let id = format!("sync-kind-{kind}");
    match i18n::has(Lang::En, &id) {
        true => i18n::text(lang, &id),
        false => sanitize(kind).into_owned(),
    }
}

/// Title, header and rows: seq, kind, declaration no., (record id when there is room),
/// queued at, state.
pub(super) fn table(s: &SyncScreen, d: &SyncOverview, area: Rect, lang: Lang) -> Table {
    let w = (area.width as usize).saturating_sub(2);
    let (seq_w, kind_w, decl_w, at_w) = (6, 16, 18, 17);
    let state_w = 10;
    let id_w = w.saturating_sub(seq_w + kind_w + decl_w + at_w + state_w + 5);
    // a record id is shown whole or not at all
    let with_id = id_w >= 36;
    let shown = d.queued.len() as i64;
    let title = if shown < d.pending {
        t!(
            lang,
            id_in(s.world, "sync-queued-first"),
            shown = shown,
            count = d.pending
        )
    } else {
        t!(lang, id_in(s.world, "sync-queued"), count = d.pending)
    };
    let col = |id: &str| i18n::text(lang, id);
    let mut head = vec![
        fit(&col("sync-col-seq"), seq_w),
        fit(&col("sync-col-kind"), kind_w),
        fit(&col("sync-col-declaration"), decl_w),
    ];
    if with_id {
        head.push(fit(&col("sync-col-record-id"), id_w));
    }
    head.push(fit(&col("sync-col-created"), at_w));
    head.push(col("sync-col-state"));
    let rows = d
        .queued
        .iter()
        .map(|q| {
            let decl = s.declarations.get(&q.record_id).map_or("", String::as_str);
            let mut cells = vec![
                fit(&q.seq.to_string(), seq_w),
                fit(&kind_word(lang, &q.kind), kind_w),
                fit(&sanitize(decl), decl_w),
            ];
            if with_id {
                cells.push(fit(&sanitize(&q.record_id), id_w));
            }
            cells.push(fit(&short_time(&q.created_at), at_w));
            cells.push(sanitize(&q.state).into_owned());
            cells.join(" ")
        })
        .collect();
    (title, head.join(" "), rows)
}
