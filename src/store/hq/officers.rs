//! Officers and who is acting. On a field or training database the acting officer is the
//! one configured at `init`. At headquarters it is the officer whose `login` is the real
//! OS login of this process (DESIGN §6: the SSH user mapped to a supervisor row), so
//! several supervisors share one file, each acting as themselves.

use std::ops::Deref;

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::domain::{DbKind, Lang, Msg, Role, new_id};
use crate::store::hq::os_login::{describe_uid, os_login, os_uid, owner_uid, with_os_account};
use crate::store::{Context, Hq, Result, Store, StoreError};

/// One row of `officers`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Officer {
    pub id: String,
    pub name: String,
    pub badge: String,
    pub role: Role,
    pub login: Option<String>,
    pub created_at: String,
    /// The interface language this officer chose (None: the locale decides).
    pub lang: Option<Lang>,
}

/// What `minspect officer add` gives.
#[derive(Debug, Clone)]
pub struct NewOfficer {
    pub name: String,
    pub badge: String,
    pub role: Role,
    pub login: Option<String>,
}

const COLS: &str = "id, name, badge, role, login, created_at, lang";

fn officer_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<Officer> {
    let role: String = r.get(3)?;
    Ok(Officer {
        id: r.get(0)?,
        name: r.get(1)?,
        badge: r.get(2)?,
        role: Role::parse(&role).unwrap_or_default(),
        login: r.get(4)?,
        created_at: r.get(5)?,
        lang: r
            .get::<_, Option<String>>(6)?
            .as_deref()
            .and_then(Lang::parse),
    })
}

/// A login name as the OS spells one: letters, digits, `.`, `_`, `-` (not first), at
/// most 32 characters. Errors name the flag.
pub fn check_login(login: &str) -> Result<()> {
    let ok = !login.is_empty()
        && login.len() <= 32
        && !login.starts_with('-')
        && login
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(StoreError::Said(
            Msg::new("officer-bad-login").arg("login", format!("{login:?}")),
        ))
    }
}

/// `login` is already mapped to officer `o`.
fn login_taken(login: &str, o: &Officer) -> StoreError {
    StoreError::Said(
        Msg::new("officer-login-taken")
            .arg("login", login)
            .arg("name", &o.name)
            .arg("badge", &o.badge),
    )
}

/// The command that maps `login` to a supervisor, for refusals.
fn how_to_map(login: &str) -> String {
    format!(
        "a supervisor maps it with `minspect officer add --name NAME --badge BADGE --role supervisor --login {login}`"
    )
}

impl<S: Deref<Target = Store>> Hq<S> {
    /// Every officer, by name.
    pub fn officers(&self) -> Result<Vec<Officer>> {
        let mut stmt = self
            .0
            .conn()
            .prepare(&format!("SELECT {COLS} FROM officers ORDER BY name, badge"))
            .doing(|| "reading officers".into())?;
        stmt.query_map([], officer_of)
            .doing(|| "reading officers".into())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(|| "reading officers".into())
    }

    fn officer_where(&self, col: &str, value: &str) -> Result<Option<Officer>> {
        self.0
            .conn()
            .query_row(
                &format!("SELECT {COLS} FROM officers WHERE {col} = ?1"),
                [value],
                officer_of,
            )
            .optional()
            .doing(|| format!("looking up the officer by {col}"))
    }

    /// Who is acting. Field and training: the configured officer. Headquarters: the
    /// officer mapped to this process's OS login; refused (naming the login and how to
    /// map it) when there is none.
    pub fn acting_officer(&self) -> Result<Officer> {
        let kind = self.0.device().db_kind()?;
        if kind != DbKind::Hq {
            let id = self
                .0
                .db()
                .meta("officer_id")?
                .ok_or_else(|| StoreError::NotFound("this database's officer".into()))?;
            return self
                .officer_where("id", &id)?
                .ok_or_else(|| StoreError::NotFound(format!("officer {id}")));
        }
        let Some(login) = os_login() else {
            return Err(StoreError::Invalid(format!(
                "this process's user (uid {}) has no login name, so no officer can be found for it at headquarters",
                os_uid()
            )));
        };
        self.officer_where("login", &login)?.ok_or_else(|| {
            StoreError::Invalid(format!(
                "login '{login}' is not mapped to an officer of this headquarters database; {}",
                how_to_map(&login)
            ))
        })
    }

    /// The acting officer, who must be a supervisor at a headquarters database (review
    /// decisions, adding officers). The refusal says why in words.
    pub fn acting_supervisor(&self) -> Result<Officer> {
        if self.0.device().db_kind()? != DbKind::Hq {
            return Err(StoreError::Said(Msg::new("sp-review-not-hq")));
        }
        let o = self.acting_officer()?;
        if o.role != Role::Supervisor {
            let login = o.login.clone().unwrap_or_default();
            return Err(StoreError::Said(
                Msg::new("sp-not-supervisor")
                    .arg("login", login)
                    .arg("name", &o.name)
                    .arg("badge", &o.badge)
                    .arg("role", o.role.as_str()),
            ));
        }
        Ok(o)
    }

    fn require_hq(&self) -> Result<()> {
        if self.0.device().db_kind()? != DbKind::Hq {
            return Err(StoreError::Said(Msg::new("sp-officers-at-hq")));
        }
        Ok(())
    }

    /// Who may add officers and map logins, as the audit actor. Once any officer has a
    /// login: the supervisor mapped to this process's login (its id). Before that (the
    /// bootstrap: `init --hq` ran under a uid with no login name, or the file predates
    /// logins) only the OS user owning the database file may, recorded as `login:NAME`
    /// (`uid:N` without a name) since no officer is theirs yet; an in-memory database has
    /// no owner. `doing` (a message id) starts the refusal.
    fn officer_authority(&self, doing: &str) -> Result<String> {
        let any_login = self
            .0
            .conn()
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM officers WHERE login IS NOT NULL)",
                [],
                |r| r.get::<_, bool>(0),
            )
            .doing(|| "reading officers".into())?;
        if any_login {
            return self.acting_supervisor().map(|o| o.id).map_err(|e| {
                let why = match e.said() {
                    Some(m) => m.clone(),
                    None => Msg::new("problem-text").arg("text", e.to_string()),
                };
                StoreError::Said(
                    Msg::new("sp-doing")
                        .arg("doing", Msg::new(doing))
                        .arg("why", why),
                )
            });
        }
        let me = os_uid();
        if let Some(path) = self.0.path() {
            let owner = owner_uid(path).map_err(|e| {
                StoreError::Said(
                    Msg::new("sp-owner-unknown")
                        .arg("doing", Msg::new(doing))
                        .arg("path", path.display().to_string())
                        .arg("error", e.to_string()),
                )
            })?;
            if owner != me {
                return Err(StoreError::Said(
                    Msg::new("sp-first-login-owner")
                        .arg("doing", Msg::new(doing))
                        .arg("path", path.display().to_string())
                        .arg("owner", describe_uid(owner))
                        .arg("me", describe_uid(me)),
                ));
            }
        }
        Ok(match os_login() {
            Some(l) => format!("login:{l}"),
            None => format!("uid:{me}"),
        })
    }
}

impl Hq<&mut Store> {
    /// Headquarters: adds an officer, optionally mapped to an OS login, with its audit
    /// row, in one transaction. Who may: see `officer_authority`.
    /// A duplicate badge or login is refused and nothing is written.
    pub fn add_officer(&mut self, new: &NewOfficer) -> Result<Officer> {
        let clock = self.0.clock;
        self.require_hq()?;
        let name = new.name.trim();
        let badge = new.badge.trim();
        if name.is_empty() {
            return Err(StoreError::Said(Msg::new("officer-name-empty")));
        }
        if badge.is_empty() {
            return Err(StoreError::Said(Msg::new("officer-badge-empty")));
        }
        if name.chars().chain(badge.chars()).any(char::is_control) {
            return Err(StoreError::Said(Msg::new("officer-control-chars")));
        }
        if let Some(l) = &new.login {
            check_login(l)?;
        }
        let actor = self.officer_authority("sp-doing-add-officer")?;
        if let Some(o) = self.officer_where("badge", badge)? {
            return Err(StoreError::Said(
                Msg::new("officer-badge-taken")
                    .arg("badge", badge)
                    .arg("name", o.name),
            ));
        }
        if let Some(l) = &new.login
            && let Some(o) = self.officer_where("login", l)?
        {
            return Err(login_taken(l, &o));
        }
        let officer = Officer {
            id: new_id(),
            name: name.to_string(),
            badge: badge.to_string(),
            role: new.role,
            login: new.login.clone(),
            created_at: clock.now_rfc3339(),
            lang: None,
        };
        self.0.write("adding an officer", |tx| {
            tx.execute(
                "INSERT INTO officers (id, name, badge, role, login, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    officer.id,
                    officer.name,
                    officer.badge,
                    officer.role.as_str(),
                    officer.login,
                    officer.created_at
                ],
            )
            .doing(|| "saving the officer".into())?;
            tx.execute(
                "INSERT INTO audit (at, actor, action, entity, entity_id, old, new)
                 VALUES (?1, ?2, 'add', 'officer', ?3, NULL, ?4)",
                params![
                    officer.created_at,
                    actor,
                    officer.id,
                    with_os_account(serde_json::json!({
                        "name": officer.name, "badge": officer.badge,
                        "role": officer.role.as_str(), "login": officer.login
                    }))
                ],
            )
            .doing(|| "writing the audit row".into())?;
            Ok(())
        })?;
        Ok(officer)
    }

    /// Headquarters: maps the officer with `badge` to the OS `login` (replacing the login
    /// it had), with an audit row holding the old and the new login, in one transaction.
    /// Who may: see `officer_authority`. Refuses a bad login, an unknown badge
    /// and a login mapped to someone else, writing nothing. Returns the officer as now
    /// mapped and its previous login; when that already was `login` nothing is written.
    pub fn map_login(&mut self, badge: &str, login: &str) -> Result<(Officer, Option<String>)> {
        let clock = self.0.clock;
        self.require_hq()?;
        let (badge, login) = (badge.trim(), login.trim());
        check_login(login)?;
        let actor = self.officer_authority("sp-doing-map-login")?;
        let Some(mut officer) = self.officer_where("badge", badge)? else {
            return Err(StoreError::Said(
                Msg::new("officer-no-badge").arg("badge", format!("{badge:?}")),
            ));
        };
        if let Some(o) = self.officer_where("login", login)?
            && o.id != officer.id
        {
            return Err(login_taken(login, &o));
        }
        let old = officer.login.replace(login.to_string());
        if old.as_deref() == Some(login) {
            return Ok((officer, old));
        }
        self.0.write("mapping a login", |tx| {
            tx.execute(
                "UPDATE officers SET login = ?1 WHERE id = ?2",
                params![login, officer.id],
            )
            .doing(|| "saving the login".into())?;
            tx.execute(
                "INSERT INTO audit (at, actor, action, entity, entity_id, old, new)
                 VALUES (?1, ?2, 'map_login', 'officer', ?3, ?4, ?5)",
                params![
                    clock.now_rfc3339(),
                    actor,
                    officer.id,
                    serde_json::json!({ "login": old }).to_string(),
                    with_os_account(serde_json::json!({ "login": login }))
                ],
            )
            .doing(|| "writing the audit row".into())?;
            Ok(())
        })?;
        Ok((officer, old))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An in-memory database has no file and so no owner: its bootstrap is allowed, and
    /// recorded under the OS account that did it.
    #[test]
    fn an_in_memory_database_without_logins_may_be_bootstrapped() {
        let mut s = Store::open_in_memory().unwrap();
        s.db_mut()
            .initialize(&crate::store::InitOptions {
                officer_name: "Officer Li".into(),
                badge: "HQ-0001".into(),
                device_name: "hq".into(),
                kind: DbKind::Hq,
                role: Role::Supervisor,
            })
            .unwrap();
        s.conn()
            .execute("UPDATE officers SET login = NULL", [])
            .unwrap();
        let me = os_login().expect("the test user has a login name");
        let (o, old) = s.hq_mut().map_login("HQ-0001", &me).unwrap();
        assert_eq!((o.login.as_deref(), old), (Some(me.as_str()), None));
        let actor: String = s
            .conn()
            .query_row(
                "SELECT actor FROM audit WHERE action = 'map_login'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(actor, format!("login:{me}"));
    }
}
