//! [`App::update`]: one action, to the overlay on top or else to the App's own keys and
//! the active tab.

use super::{App, Overlay};
use crate::domain::sanitize;
use crate::store::{Store, setup_new_database};
use crate::t;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::screens::Tab;
use crate::tui::screens::setup::{SetupForm, SetupOutcome};
use crate::tui::widgets::help::HelpState;
use crate::tui::widgets::palette::PaletteState;
use crate::tui::widgets::status::{Level, Message};

impl App {
    /// Applies one action. Returns true when the state changed.
    pub fn update(&mut self, action: Action, store: &mut Store) -> bool {
        if self.read_only && action.is_write() {
            self.message = Some(Message {
                level: Level::Error,
                text: t!(self.lang, "app-read-only-action", name = action.name()),
            });
            return true;
        }
        if self.hq && action.is_field_write() {
            let text = t!(self.lang, "review-hq-no-field-work", name = action.name());
            self.message = Some(Message::error(text));
            return true;
        }
        match self.overlay.take() {
            Some(Overlay::Help(h)) => self.help_key(h, action, store),
            Some(Overlay::Palette(p)) => self.palette_key(p, action, store),
            Some(Overlay::ConfirmQuit) => {
                if action == Action::Yes {
                    self.quit = true;
                }
                true
            }
            Some(Overlay::Confirm(c)) => match action {
                Action::Yes => self.run_confirmed(c, store),
                Action::Quit => self.update(Action::Quit, store),
                _ => true,
            },
            Some(Overlay::Setup(s)) => self.setup_key(s, action, store),
            Some(Overlay::Training(p)) => self.training_key(p, action, store),
            None => {
                // sync actions run from the palette on another tab go to the Sync tab
                if matches!(
                    action,
                    Action::SyncExport | Action::SyncAck | Action::SyncImport | Action::SyncRefresh
                ) && self.tab != Tab::Sync
                {
                    self.apply(Effect::Navigate(Tab::Sync), store);
                }
                // the statistics from the palette on another tab: the Review tab's view
                if action == Action::Statistics && self.hq && self.tab != Tab::Review {
                    self.apply(Effect::Navigate(Tab::Review), store);
                }
                self.update_screen(action, store)
            }
        }
    }

    fn help_key(&mut self, mut h: HelpState, action: Action, store: &mut Store) -> bool {
        match action {
            Action::Cancel | Action::Help => return true,
            Action::Down => h.scroll += 1,
            Action::Up => h.scroll = h.scroll.saturating_sub(1),
            Action::PageDown => h.scroll += 10,
            Action::PageUp => h.scroll = h.scroll.saturating_sub(10),
            Action::Palette => {
                self.overlay = Some(Overlay::Palette(
                    PaletteState::new(h.context, self.read_only, self.lang).at_hq(self.hq),
                ));
                return true;
            }
            Action::Quit => return self.update(Action::Quit, store),
            a => {
                h.filter.edit(a);
            }
        }
        self.overlay = Some(Overlay::Help(h));
        true
    }

    fn palette_key(&mut self, mut p: PaletteState, action: Action, store: &mut Store) -> bool {
        match action {
            Action::Cancel => return true,
            Action::Accept => {
                if let Some(a) = p.chosen() {
                    let before = self.message.clone();
                    if !self.update(a, store) && self.message == before {
                        let lang = self.lang;
                        let place = crate::i18n::text(lang, a.where_available());
                        let text = t!(lang, "palette-not-here", name = a.name(), place = place);
                        self.message = Some(Message::error(text));
                    }
                } else {
                    let q = sanitize(p.input.text().trim()).into_owned();
                    let text = t!(self.lang, "palette-no-command", query = q);
                    self.message = Some(Message::error(text));
                }
                return true;
            }
            Action::Down => p.move_by(1),
            Action::Up => p.move_by(-1),
            a => {
                if p.input.edit(a) {
                    p.refilter();
                }
            }
        }
        self.overlay = Some(Overlay::Palette(p));
        true
    }

    /// The first-run dialog: saving is one store call, then everything is read again.
    fn setup_key(&mut self, mut s: SetupForm, action: Action, store: &mut Store) -> bool {
        if action == Action::Quit {
            self.quit = true;
            return true;
        }
        match s.update(action) {
            SetupOutcome::Continue => self.overlay = Some(Overlay::Setup(s)),
            SetupOutcome::Save(opts) => {
                match setup_new_database(store, &opts).and_then(|_| self.reload(store)) {
                    Ok(()) => {
                        self.message = Some(Message {
                            level: Level::Info,
                            text: t!(
                                self.lang,
                                "app-set-up",
                                officer = opts.officer_name.as_str()
                            ),
                        });
                        let (w, h) = self.size;
                        self.resize(w, h, store);
                    }
                    Err(e) => {
                        s.error = Some(e.to_string());
                        self.overlay = Some(Overlay::Setup(s));
                    }
                }
            }
        }
        true
    }

    /// No overlay: the App's own keys, else the active tab's.
    fn update_screen(&mut self, action: Action, store: &mut Store) -> bool {
        match action {
            Action::Quit => self.apply(Effect::Quit, store),
            Action::Help => {
                self.overlay = Some(Overlay::Help(HelpState::new(self.context(), self.lang)));
                true
            }
            Action::Palette => {
                self.overlay = Some(Overlay::Palette(
                    PaletteState::new(self.context(), self.read_only, self.lang).at_hq(self.hq),
                ));
                true
            }
            Action::NextTab | Action::PrevTab => {
                let tabs = self.tabs();
                let i = tabs.iter().position(|t| *t == self.tab).unwrap_or(0) as isize;
                let d = if action == Action::NextTab { 1 } else { -1 };
                let t = tabs[(i + d).rem_euclid(tabs.len() as isize) as usize];
                self.apply(Effect::Navigate(t), store)
            }
            Action::SwitchLanguage => {
                self.switch_language(store);
                true
            }
            Action::TrainingBriefing => self.show_briefing(store),
            Action::TakeReading if self.tab == Tab::Record => self.take_reading(store),
            Action::NewRecord | Action::InspectShipment | Action::OpenRecord
                if self.tab != Tab::Record =>
            {
                self.start_record(action, store);
                true
            }
            a => {
                if let Some(t) = Tab::of_action(a) {
                    if !self.tabs().contains(&t) {
                        self.message = Some(Message::error(t!(self.lang, "review-not-hq")));
                        return true;
                    }
                    return self.apply(Effect::Navigate(t), store);
                }
                let mut cx = self.cx(store);
                let effect = self.screens.get_mut(self.tab).update(a, &mut cx);
                self.apply(effect, store)
            }
        }
    }

    /// The palette's language switch: the other language, stored as the acting officer's
    /// choice (a read-only session switches without storing).
    fn switch_language(&mut self, store: &mut Store) {
        self.lang = self.lang.other();
        let lang = self.lang;
        if let Some(Overlay::Setup(s)) = &mut self.overlay {
            s.lang = lang;
        }
        let stored = match self.read_only {
            true => Err(t!(lang, "status-read-only")),
            false => store
                .hq_mut()
                .set_language(lang)
                .map_err(|e| sanitize(&e.to_string()).into_owned()),
        };
        let text = match stored {
            Ok(()) => t!(
                lang,
                "lang-switched",
                officer = sanitize(&self.status.officer).into_owned()
            ),
            Err(reason) => t!(lang, "lang-switched-unsaved", reason = reason),
        };
        self.message = Some(Message::info(text));
    }
}
