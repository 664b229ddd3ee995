//! The options of the Record tab's fields: closed sets become pickers (end use, transport
//! mode, trigger, outcome, finding kind, units), and countries, currencies and HS codes
//! offer completion from what the binary already holds (ISO codes, the rule pack). The
//! keys of a field's short list.

use super::form::Form;
use crate::domain::{
    EndUse, FindingKind, Outcome, TransportMode, Trigger, UNITS, country_codes, currency_codes,
};
use crate::rules::RulePack;
use crate::tui::action::Action;
use crate::tui::widgets::picker::{Choices, Pick, Picked};

fn of<T: Copy>(all: &[T], s: fn(T) -> &'static str, l: fn(T) -> &'static str) -> Choices {
    Choices::closed(
        all.iter()
            .map(|v| (s(*v).to_string(), l(*v).to_string()))
            .collect(),
    )
}

fn plain(values: &[&str]) -> Vec<(String, String)> {
    values
        .iter()
        .map(|v| (v.to_string(), String::new()))
        .collect()
}

/// The reference HS codes of the pack's items, each with the item's name.
fn hs_codes(pack: Option<&RulePack>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for item in pack.map(|p| p.items.as_slice()).unwrap_or(&[]) {
        for h in &item.hs_codes {
            if !out.iter().any(|(c, _)| *c == h.code) {
                out.push((h.code.clone(), item.name_en.clone()));
            }
        }
    }
    out.sort();
    out
}

/// The common custody reasons, in both languages of the catalogue (a completion: only
/// those the typed text matches show, so each officer sees the ones of the language typed;
/// any other text stays allowed).
fn custody_reasons() -> Vec<(String, String)> {
    const IDS: [&str; 5] = [
        "cust-reason-storage",
        "cust-reason-case",
        "cust-reason-lab",
        "cust-reason-released",
        "cust-reason-returned",
    ];
    [crate::domain::Lang::En, crate::domain::Lang::Zh]
        .into_iter()
        .flat_map(|l| {
            IDS.iter()
                .map(move |id| (crate::i18n::text(l, id), String::new()))
        })
        .collect()
}

/// The options of field `name` (None: free text).
pub fn choices_for(name: &str, pack: Option<&RulePack>) -> Option<Choices> {
    Some(match name {
        "end_use" => of(
            &[EndUse::Civil, EndUse::Military, EndUse::Unknown],
            EndUse::as_str,
            EndUse::as_str,
        ),
        "transport_mode" => of(
            TransportMode::ALL,
            TransportMode::as_str,
            TransportMode::label,
        ),
        "trigger" => of(Trigger::ALL, Trigger::as_str, Trigger::label),
        "outcome" => of(Outcome::ALL, Outcome::as_str, Outcome::label),
        "kind" => of(FindingKind::ALL, FindingKind::as_str, FindingKind::label),
        "quantity_unit" | "seizure_unit" => Choices::closed(plain(UNITS)),
        "measurement_unit" => Choices::open(plain(&["%", "ppm", "kg", "g", "g/cm3", "MPa", "pcs"])),
        "destination" => Choices::open(plain(country_codes())),
        "transshipment" => Choices::open(crate::tui::widgets::port_choices::route()),
        "locode" => Choices::open(crate::tui::widgets::port_choices::ports()),
        "currency" => Choices::open(plain(&currency_codes())),
        "hs_code" => Choices::open(hs_codes(pack)),
        "reason" => Choices::open(custody_reasons()),
        _ => return None,
    })
}

impl Form {
    /// Gives each field its options; `unit_of` names which units a `unit` field takes.
    pub fn attach_choices(&mut self, pack: Option<&RulePack>, unit_of: &str) {
        for f in &mut self.fields {
            let key = if f.name == "unit" { unit_of } else { f.name };
            f.choices = choices_for(key, pack);
        }
    }

    /// The matches the focused field shows now, and the highlighted one: a picker's
    /// while its list is open, a completion's while its text narrows the options to
    /// something else than itself.
    pub fn shown_matches(&self) -> Option<(Vec<&(String, String)>, usize)> {
        let f = self.focused()?;
        let c = f.choices.as_ref()?;
        let pick = f.pick.as_ref()?;
        let query = if c.closed {
            pick.filter.text().to_string()
        } else {
            f.input.text().to_string()
        };
        let m = c.matches(&query);
        if !c.closed && (query.trim().is_empty() || m.iter().all(|o| o.0 == query.trim())) {
            return None;
        }
        Some((m, pick.selected))
    }

    /// A typed character in a picker goes to its filter (true: the picker took it).
    pub fn pick_char(&mut self, c: char) -> bool {
        let Some(f) = self.fields.get_mut(self.focus) else {
            return false;
        };
        match &f.choices {
            Some(ch) if ch.closed => {
                let p = f.pick.get_or_insert_with(Pick::default);
                p.filter.insert(c);
                p.selected = 0;
                true
            }
            Some(_) => {
                // a completion: the text is the value; the list follows it
                f.pick = Some(Pick::default());
                false
            }
            None => false,
        }
    }

    /// A key while the focused field has options.
    pub fn pick_key(&mut self, action: Action) -> Picked {
        let shown = self.shown_matches().map(|(m, s)| {
            let v: Vec<String> = m.iter().map(|o| o.0.clone()).collect();
            (v, s)
        });
        let Some(f) = self.fields.get_mut(self.focus) else {
            return Picked::NotMine;
        };
        let Some(closed) = f.choices.as_ref().map(|c| c.closed) else {
            return Picked::NotMine;
        };
        let n = shown.as_ref().map_or(0, |(m, _)| m.len());
        let take = |f: &mut super::form::Field, v: Option<&String>| match v {
            Some(v) => {
                let changed = f.input.text() != v;
                f.input.set(v);
                f.pick = None;
                if changed {
                    f.touched = true;
                }
                Picked::Chosen(changed)
            }
            None => Picked::Moved,
        };
        match (action, &shown) {
            (Action::Down, Some(_)) if n > 0 => {
                if let Some(p) = &mut f.pick {
                    p.selected = (p.selected + 1).min(n - 1);
                }
                Picked::Moved
            }
            (Action::Up, Some(_)) => {
                if let Some(p) = &mut f.pick {
                    p.selected = p.selected.saturating_sub(1);
                }
                Picked::Moved
            }
            (Action::Accept, Some((m, s))) => take(f, m.get(*s)),
            // a picker with a filter typed takes its highlighted match on Tab too
            (Action::NextField, Some((m, s)))
                if closed && f.pick.as_ref().is_some_and(|p| !p.filter.text().is_empty()) =>
            {
                take(f, m.get(*s))
            }
            (Action::Cancel, Some(_)) => {
                f.pick = None;
                Picked::Closed
            }
            // Enter on a picker opens its list
            (Action::Accept, None) if closed => {
                f.pick = Some(Pick::default());
                Picked::Moved
            }
            (Action::ClearField, _) if closed => {
                f.pick = Some(Pick::default());
                Picked::Moved
            }
            (
                Action::DeleteBack
                | Action::DeleteForward
                | Action::CursorLeft
                | Action::CursorRight,
                Some(_),
            ) if closed => {
                if let Some(p) = &mut f.pick {
                    p.filter.edit(action);
                    p.selected = 0;
                }
                Picked::Moved
            }
            (Action::NextField | Action::PrevField, _) => {
                f.pick = None;
                Picked::NotMine
            }
            _ => Picked::NotMine,
        }
    }
}
