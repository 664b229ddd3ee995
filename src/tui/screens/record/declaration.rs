//! The shipment taken from the declaration the officer already has as data: the import
//! key opens a path prompt (Tab completes, as the attach prompt does); Enter reads the
//! file's `shipment` part (the record-import format of `minspect record import`, whose
//! other parts may be absent) and fills every field of the Shipment form, shown for the
//! officer to check and change. The draft stores exactly what the form then shows. A file
//! that cannot be read or parsed is named with the field path and changes nothing.

use super::{Prompt, PromptKind, RecordScreen, Section, shipment as ship};
use crate::domain::{FieldError, RecordImport, Shipment};
use crate::i18n;
use crate::t;
use crate::tui::effect::Effect;
use crate::tui::screens::Cx;

/// The shipment part of a declaration file's text; Err names the field path.
pub fn shipment_of(text: &str) -> Result<Shipment, FieldError> {
    let Ok(mut v) = serde_json::from_str::<serde_json::Value>(text) else {
        // the import's own parse names the problem
        return RecordImport::from_json(text).map(|r| r.shipment);
    };
    // a declaration carries the shipment only: the other parts are the officer's to record
    if let Some(obj) = v.as_object_mut()
        && !obj.contains_key("inspection")
    {
        obj.insert(
            "inspection".into(),
            serde_json::Value::Object(Default::default()),
        );
    }
    RecordImport::from_json(&v.to_string()).map(|r| r.shipment)
}

impl RecordScreen {
    /// The import key: a path prompt over a shipment that may still change.
    pub(super) fn ask_declaration(&mut self, cx: &Cx) -> Effect {
        let Some(ed) = &self.editor else {
            return Effect::None;
        };
        if cx.read_only {
            return Effect::error(i18n::text(cx.lang, "record-read-only"));
        }
        if ed.finalized {
            return Effect::error(i18n::text(cx.lang, "record-finalized-amend"));
        }
        if ed.shipment_final {
            return Effect::error(i18n::text(cx.lang, "record-shipment-final"));
        }
        self.prompt = Prompt::new(PromptKind::DeclarationPath);
        Effect::Redraw
    }

    /// Enter in the declaration prompt: the form is filled and the draft saved as shown.
    /// Err keeps the prompt open with the problem said.
    pub(super) fn import_declaration(&mut self, path: &str, cx: &mut Cx) -> Result<Effect, Effect> {
        if path.is_empty() {
            return Err(Effect::error(i18n::text(
                cx.lang,
                "profile-decl-empty-path",
            )));
        }
        let cap = crate::domain::limits::MAX_RECORD_FILE_BYTES;
        let text =
            crate::sync::fsio::read_text_capped(std::path::Path::new(path), cap).map_err(|e| {
                Effect::error(t!(
                    cx.lang,
                    "profile-decl-unreadable",
                    path = crate::domain::sanitize(path).into_owned(),
                    reason = e.to_string()
                ))
            })?;
        let imported = shipment_of(&text).map_err(|e| {
            Effect::error(t!(
                cx.lang,
                "profile-decl-bad",
                problem = i18n::field_error(cx.lang, &e)
            ))
        })?;
        let Some(ed) = &mut self.editor else {
            return Ok(Effect::None);
        };
        let mut form = ship::form(&imported);
        form.touch_filled();
        ed.shipment = form;
        ed.section = Some(Section::Shipment);
        let said = self.save_current(cx);
        let name = crate::domain::sanitize(&imported.declaration_no).into_owned();
        Ok(said.and(Effect::info(t!(cx.lang, "profile-decl-done", no = name))))
    }
}
