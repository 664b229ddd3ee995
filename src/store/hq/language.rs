//! The acting officer's interface language: read at start-up, chosen from the palette.

use std::ops::Deref;

use serde_json::json;

use crate::domain::Lang;
use crate::store::audit::{audit, who};
use crate::store::{Context, Hq, Result, Store};

impl<S: Deref<Target = Store>> Hq<S> {
    /// The language the acting officer chose, None when not chosen or when no officer is
    /// set up (or mapped, at headquarters) yet.
    pub fn language(&self) -> Result<Option<Lang>> {
        Ok(self.acting_officer().ok().and_then(|o| o.lang))
    }
}

impl Hq<&mut Store> {
    /// Stores `lang` as the acting officer's choice, with an audit row.
    pub fn set_language(&mut self, lang: Lang) -> Result<()> {
        let officer = self.acting_officer()?;
        let clock = self.0.clock;
        self.0.write("storing the language", |tx| {
            tx.execute(
                "UPDATE officers SET lang = ?2 WHERE id = ?1",
                [officer.id.as_str(), lang.as_str()],
            )
            .doing(|| "storing the language".into())?;
            let old = officer.lang.map(Lang::as_str);
            // the actor is the acting officer (at headquarters: the supervisor logged in)
            let mut actor = who(tx, clock)?;
            actor.officer_id = officer.id.clone();
            audit(
                tx,
                &actor,
                "set_language",
                "officer",
                &officer.id,
                Some(&json!({ "lang": old })),
                Some(&json!({ "lang": lang.as_str() })),
            )
        })
    }
}
