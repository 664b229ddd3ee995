//! The Shipments table: its layout and its rows as text (formatted once per page).

use ratatui::layout::{Constraint, Layout, Rect};

use crate::domain::{Lang, sanitize};
use crate::store::query::verdicts::RowVerdicts;
use crate::store::shipments::ShipmentRow;
use crate::t;
use crate::tui::text::fit;

/// The width of the table's text (inside its borders) for a body area.
pub fn table_text_width(body: Rect) -> usize {
    split(body).0.width.saturating_sub(2) as usize
}

/// Table and detail: side by side from 120 columns, stacked below that.
pub fn split(area: Rect) -> (Rect, Rect) {
    if area.width >= 120 {
        let [t, d] =
            Layout::horizontal([Constraint::Percentage(62), Constraint::Min(0)]).areas(area);
        (t, d)
    } else {
        let [t, d] = Layout::vertical([Constraint::Percentage(58), Constraint::Min(0)]).areas(area);
        (t, d)
    }
}

fn c(s: &str) -> String {
    sanitize(s).into_owned()
}

struct Cols {
    hs: bool,
    decl: bool,
    rest: usize,
}

/// The width of the verdicts cell (`licence → banned`).
const VERDICTS_W: usize = 17;

/// Both verdicts are always shown; the HS code from 100 columns, the declaration
/// number from 130.
fn cols(width: usize) -> Cols {
    let hs = width >= 100;
    let decl = width >= 130;
    let fixed = 10
        + 1
        + 2
        + 1
        + 12
        + 1
        + 10
        + 1
        + VERDICTS_W
        + if hs { 11 } else { 0 }
        + if decl { 19 } else { 0 };
    Cols {
        hs,
        decl,
        rest: width.saturating_sub(fixed + 1).max(8),
    }
}

fn short_verdict(lang: Lang, v: &str) -> String {
    match v {
        "" => "-".into(),
        v => t!(lang, &format!("review-v-{v}")),
    }
}

/// A row's verdicts cell: on the declaration → after inspection (`-`: none yet).
pub fn verdicts_cell(lang: Lang, v: &RowVerdicts) -> String {
    format!(
        "{} → {}",
        short_verdict(lang, &v.declared),
        short_verdict(lang, &v.found)
    )
}

pub(super) fn header(width: usize, lang: Lang) -> String {
    let k = cols(width);
    let col = |id: &str, w: usize| fit(&t!(lang, id), w);
    let mut s = format!("{} {} ", col("ships-col-date", 10), col("ships-col-to", 2));
    if k.hs {
        s.push_str(&format!("{} ", col("ships-col-hs", 10)));
    }
    if k.decl {
        s.push_str(&format!("{} ", col("ships-col-declaration", 18)));
    }
    s.push_str(&format!(
        "{} {} {} ",
        col("ships-col-goods", k.rest),
        col("ships-col-family", 10),
        col("ships-col-status", 12)
    ));
    s.push_str(&fit(&t!(lang, "shipments-col-verdicts"), VERDICTS_W));
    fit(&s, width)
}

/// One table row as text, cut and padded to `width` (cached by the screen per page);
/// `verdicts` is its [`verdicts_cell`].
pub fn row_text(r: &ShipmentRow, verdicts: &str, width: usize) -> String {
    let k = cols(width);
    let mut s = format!(
        "{} {} ",
        fit(&c(&r.declared_on), 10),
        fit(&c(&r.destination), 2)
    );
    if k.hs {
        s.push_str(&format!("{} ", fit(&c(&r.hs_code), 10)));
    }
    if k.decl {
        s.push_str(&format!("{} ", fit(&c(&r.declaration_no), 18)));
    }
    let who = format!("{} · {}", c(&r.exporter_name), c(&r.description));
    s.push_str(&format!(
        "{} {} {} ",
        fit(&who, k.rest),
        fit(&c(&r.family), 10),
        fit(&c(&r.status), 12)
    ));
    s.push_str(&fit(verdicts, VERDICTS_W));
    fit(&s, width)
}
