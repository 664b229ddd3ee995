//! Headquarters review on the Shipments tab: a supervisor approves or returns the marked
//! inspection of the selected shipment. Who may is decided once per load from the store
//! (the supervisor mapped to this process's OS login); anyone else reads why. A decision
//! waits in a modal (its comment; required for a return) and is one store call.

mod keys;
mod view;

use super::Cx;
use crate::domain::Role;
use crate::domain::{DbKind, sanitize};
use crate::store::query::shipment_detail::{InspectionLine, ShipmentDetail};
use crate::store::{Decision, Store, StoreError, os_login};
use crate::tui::widgets::input::LineInput;
use crate::tui::widgets::status::StatusInfo;

pub use self::view::render_prompt;

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

/// The received (finalized) inspections of a shipment, newest first.
pub(super) fn received(d: &ShipmentDetail) -> Vec<&InspectionLine> {
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
        self.access = Some(match cx.store.device().db_kind() {
            Ok(DbKind::Hq) if cx.read_only => {
                denied("the database is open read-only (--read-only)".into(), None)
            }
            Ok(DbKind::Hq) => match cx.store.hq().acting_officer() {
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
    pub(super) fn refusal(&self) -> Option<String> {
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
}

/// The status bar at headquarters names the officer acting under this login (not the
/// officer who created the file), or the unmapped login.
pub fn acting_status(store: &Store, st: &mut StatusInfo) {
    if store.device().db_kind().ok() != Some(DbKind::Hq) {
        return;
    }
    match store.hq().acting_officer() {
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
