//! Drawing review: the lines atop the Shipments detail pane and the decision modal.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Access, ReviewPrompt, ReviewState, received};
use crate::domain::sanitize;
use crate::store::Decision;
use crate::store::query::shipment_detail::ShipmentDetail;
use crate::tui::theme::Theme;
use crate::tui::widgets::table::{centered, modal};

impl ReviewState {
    /// The lines at the top of the detail pane at headquarters: the keys, or why not.
    pub fn detail_lines(&self, d: &ShipmentDetail, theme: &Theme) -> Vec<Line<'static>> {
        match &self.access {
            Some(Access::Supervisor(name)) => {
                let n = received(d).len();
                let text = match n {
                    0 => format!("Review ({}): no received inspection", sanitize(name)),
                    1 => format!("Review ({}): A approve · R return ▶", sanitize(name)),
                    _ => format!(
                        "Review ({}): A approve · R return ▶ {}/{n} · v next",
                        sanitize(name),
                        self.pick % n + 1
                    ),
                };
                vec![Line::styled(text, theme.key)]
            }
            Some(Access::Denied { why, how }) => {
                let mut v = vec![Line::styled(format!("Review: {why}"), theme.warn)];
                v.extend(how.iter().map(|h| Line::styled(h.clone(), theme.dim)));
                v
            }
            Some(Access::NotHq) | None => Vec::new(),
        }
    }
}

pub fn render_prompt(p: &ReviewPrompt, f: &mut Frame, area: Rect, t: &Theme) {
    let (title, ask, enter) = match p.decision {
        Decision::Approved => (
            "Approve inspection",
            "Comment (optional):",
            "Enter: approve",
        ),
        Decision::Returned => (
            "Return inspection to its officer",
            "Comment (required): what must the officer fix?",
            "Enter: return",
        ),
    };
    let rect = centered(area, 76, 9);
    let inner = modal(f, rect, title, t);
    let mut lines = vec![
        Line::raw(p.what.clone()),
        Line::raw(""),
        Line::raw(ask),
        p.comment.line("> ", t.base, true),
        Line::raw(""),
    ];
    match &p.error {
        Some(e) => lines.push(Line::styled(sanitize(e).into_owned(), t.error)),
        None => lines.push(Line::styled(format!("{enter}    Esc / C-g: cancel"), t.key)),
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
