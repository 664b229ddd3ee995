//! Headquarters review on the Shipments tab: a supervisor approves or returns the marked
//! inspection of the selected shipment. Who may is decided once per load from the store
//! (the supervisor mapped to this process's OS login); anyone else reads why. A decision
//! waits in a modal (its comment; required for a return) and is one store call.

use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::Cx;
use crate::domain::Role;
use crate::domain::{DbKind, sanitize};
use crate::store::shipments::{InspectionLine, ShipmentDetail};
use crate::store::{Decision, Store, StoreError, os_login};
use crate::tui::action::Action;
use crate::tui::keymap::{Binding, Context, Key, bind, hint, text_bindings};
use crate::tui::theme::Theme;
use crate::tui::widgets::input::LineInput;
use crate::tui::widgets::status::StatusInfo;
use crate::tui::widgets::table::{centered, modal};

/// Who is looking, as far as review goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// Headquarters, a login mapped to this supervisor (name).
    Supervisor(String),
    /// Headquarters, but this login may not review: why, and what would fix it.
    Denied { why: String, how: Option<String> },
    /// A field or training database: decisions arrive in receipts.
    NotHq,
}

/// A decision waiting in the modal for its comment and Enter.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewPrompt {
    pub decision: Decision,
    pub inspection_id: String,
    /// The inspection in words (time, place, officer, outcome).
    pub what: String,
    pub comment: LineInput,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewState {
    /// None until first checked (on the tab's first load and on every reload).
    pub access: Option<Access>,
    /// Which received inspection is marked, counted from the newest.
    pub pick: usize,
    pub prompt: Option<ReviewPrompt>,
}

/// The review keys (context Review: the Shipments tab for a supervisor at headquarters)
/// first, so the footer shows them at 80 columns, then every Shipments key (`existing`)
/// in that context too. The refresh and awaiting-review keys work for everyone.
pub fn bindings(existing: &[Binding]) -> Vec<Binding> {
    use Action::*;
    let (r, s) = (Context::Review, Context::Shipments);
    let mut v = vec![
        hint(r, Key::ch('A'), ReviewApprove, "approve"),
        hint(r, Key::ch('R'), ReviewReturn, "return"),
        bind(r, Key::ch('v'), NextInspection, "mark next inspection"),
    ];
    v.extend([
        bind(s, Key::ch('w'), AwaitingReview, "awaiting review only"),
        bind(s, Key::plain(KeyCode::F(5)), Reload, "re-read"),
        bind(s, Key::ctrl('l'), Reload, "re-read"),
    ]);
    let copies: Vec<Binding> = existing
        .iter()
        .chain(v.iter())
        .filter(|b| b.context == s)
        .map(|b| Binding {
            context: r,
            ..b.clone()
        })
        .collect();
    v.extend(copies);
    let p = Context::ReviewComment;
    v.extend([
        hint(p, Key::plain(KeyCode::Enter), Accept, "decide"),
        hint(p, Key::plain(KeyCode::Esc), Cancel, "cancel"),
    ]);
    v.extend(text_bindings(p));
    v
}

/// The received (finalized) inspections of a shipment, newest first.
fn received(d: &ShipmentDetail) -> Vec<&InspectionLine> {
    d.inspections
        .iter()
        .rev()
        .filter(|i| i.state == "finalized")
        .collect()
}

impl ReviewState {
    /// Re-reads who may review (the login's mapping may have changed).
    pub fn check(&mut self, cx: &mut Cx) {
        let denied = |why: String, how: Option<String>| Access::Denied { why, how };
        // the OS user name is outside text too: sanitized like anything from a file
        let login = sanitize(&os_login().unwrap_or_else(|| "(none)".into())).into_owned();
        self.access = Some(match cx.store.db_kind() {
            Ok(DbKind::Hq) if cx.read_only => {
                denied("the database is open read-only (--read-only)".into(), None)
            }
            Ok(DbKind::Hq) => match cx.store.acting_officer() {
                Ok(o) if o.role == Role::Supervisor => Access::Supervisor(o.name),
                Ok(o) => denied(
                    format!(
                        "login '{login}' is {} ({}), not a supervisor",
                        sanitize(&o.name),
                        o.role.as_str()
                    ),
                    Some("`minspect officer list` shows who is mapped to which login".into()),
                ),
                Err(StoreError::Invalid(_)) => denied(
                    format!("login '{login}' is not mapped to an officer here"),
                    Some(format!(
                        "map it: minspect officer add --name N --badge B --role supervisor --login {login}"
                    )),
                ),
                Err(e) => denied(format!("reading the officers: {e}"), None),
            },
            Ok(_) => Access::NotHq,
            Err(e) => denied(format!("reading the database kind: {e}"), None),
        });
    }

    pub fn is_supervisor(&self) -> bool {
        matches!(self.access, Some(Access::Supervisor(_)))
    }

    /// The inspection the review keys act on.
    pub fn target<'a>(&self, d: &'a ShipmentDetail) -> Option<&'a InspectionLine> {
        let r = received(d);
        (!r.is_empty()).then(|| r[self.pick % r.len()])
    }

    /// Why review is not offered here, or None for a supervisor.
    fn refusal(&self) -> Option<String> {
        match &self.access {
            Some(Access::Supervisor(_)) => None,
            Some(Access::Denied { why, how }) => Some(match how {
                Some(how) => format!("review: {why}; {how}"),
                None => format!("review: {why}"),
            }),
            Some(Access::NotHq) | None => Some(
                "review decisions are made at headquarters; this database receives them in receipts"
                    .into(),
            ),
        }
    }

    /// `v`: mark the shipment's next received inspection.
    pub fn next(&mut self, d: Option<&ShipmentDetail>, cx: &mut Cx) {
        let n = d.map(|d| received(d).len()).unwrap_or(0);
        if let Some(why) = self.refusal() {
            cx.error(why);
        } else if n < 2 {
            cx.info("this shipment has no other received inspection".into());
        } else {
            self.pick = (self.pick + 1) % n;
        }
    }

    /// `A` / `R`: opens the modal for the marked inspection, or says why not.
    pub fn start(&mut self, decision: Decision, d: Option<&ShipmentDetail>, cx: &mut Cx) {
        if let Some(why) = self.refusal() {
            return cx.error(why);
        }
        let Some(i) = d.and_then(|d| self.target(d)) else {
            return cx.error(
                "nothing to review: this shipment has no received (finalized) inspection".into(),
            );
        };
        self.prompt = Some(ReviewPrompt {
            decision,
            inspection_id: i.id.clone(),
            what: format!(
                "{} {} · {} · {} · by {}",
                super::shipments_view::local(&i.started_at),
                sanitize(&i.locode),
                sanitize(&i.outcome),
                sanitize(&i.verdict),
                sanitize(&i.officer)
            ),
            comment: LineInput::default(),
            error: None,
        });
    }

    /// An action while the modal is open. Returns true when a decision was stored (the
    /// screen re-reads the shipment).
    pub fn prompt_update(&mut self, action: Action, cx: &mut Cx) -> bool {
        let Some(p) = &mut self.prompt else {
            return false;
        };
        match action {
            Action::Cancel => {
                self.prompt = None;
                cx.info("nothing decided".into());
            }
            Action::Accept => {
                let comment = p.comment.text().trim().to_string();
                if p.decision == Decision::Returned && comment.is_empty() {
                    p.error =
                        Some("a return needs a comment: say what the officer must fix".into());
                    return false;
                }
                match cx
                    .store
                    .record_review(&p.inspection_id, p.decision, &comment)
                {
                    Ok(r) => {
                        let by = match &self.access {
                            Some(Access::Supervisor(n)) => sanitize(n).into_owned(),
                            _ => String::new(),
                        };
                        cx.info(format!(
                            "{} by {by}; it goes to the device with its next receipt",
                            r.decision.as_str()
                        ));
                        self.prompt = None;
                        return true;
                    }
                    Err(e) => p.error = Some(e.to_string()),
                }
            }
            a => {
                if p.comment.edit(a) {
                    p.error = None;
                }
            }
        }
        false
    }

    pub fn type_char(&mut self, c: char) -> bool {
        match &mut self.prompt {
            Some(p) => {
                p.comment.insert(c);
                p.error = None;
                true
            }
            None => false,
        }
    }

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

/// The status bar at headquarters names the officer acting under this login (not the
/// officer who created the file), or the unmapped login.
pub fn acting_status(store: &Store, st: &mut StatusInfo) {
    if store.db_kind().ok() != Some(DbKind::Hq) {
        return;
    }
    match store.acting_officer() {
        Ok(o) => {
            st.role = o.role.as_str().to_string();
            st.officer = o.name;
            st.badge = o.badge;
        }
        Err(_) => {
            st.role = "unmapped".into();
            st.officer = format!("login {}", os_login().unwrap_or_default());
            st.badge = String::new();
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
