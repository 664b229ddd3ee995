//! A listed party in the Rules tab's detail pane, from `report::PartyDetail`.

use chrono::NaiveDate;
use ratatui::text::{Line, Span};

use crate::domain::{Lang, sanitize};
use crate::report::PartyDetail;
use crate::rules::RulePack;
use crate::rules::party::Party;
use crate::tui::theme::Theme;

/// The party's detail as lines: its id and name, then each label and value.
pub fn party_lines(
    pack: &RulePack,
    party: Option<&Party>,
    today: NaiveDate,
    lang: Lang,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let Some(p) = party else {
        return Vec::new();
    };
    let d = PartyDetail::of(pack, p, today);
    let mut out = vec![Line::styled(
        format!("{}  {}", sanitize(&p.id), sanitize(&p.name_en)),
        theme.title,
    )];
    for (label, value) in d.lines(lang) {
        out.push(Line::from(vec![
            Span::styled(format!("{label}: "), theme.dim),
            Span::raw(value),
        ]));
    }
    out
}
