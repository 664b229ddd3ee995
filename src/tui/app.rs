//! The application state and its one entry for change: [`App::update`]. Keys become
//! actions through the keymap; unbound printable keys go to the focused text field.

use std::rc::Rc;

use chrono::NaiveDate;
use crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Rect;

use super::action::Action;
use super::keymap::{Context, Key, Keymap};
use super::screens::record::RecordScreen;
use super::screens::rules::RulesScreen;
use super::screens::setup::{SetupForm, SetupOutcome};
use super::screens::shipments::ShipmentsScreen;
use super::screens::sync::SyncScreen;
use super::screens::{Cx, Screens, Tab};
use super::theme::Theme;
use super::widgets::help::HelpState;
use super::widgets::palette::PaletteState;
use super::widgets::status::{Level, Message, StatusInfo};
use crate::rules::RulePack;
use crate::store::{Store, StoreError, setup_new_database};

/// A window over the tabs.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help(HelpState),
    Palette(PaletteState),
    ConfirmQuit,
    Setup(SetupForm),
}

pub struct App {
    pub keymap: Keymap,
    pub theme: Theme,
    pub read_only: bool,
    pub today: NaiveDate,
    pub tab: Tab,
    pub screens: Screens,
    pub overlay: Option<Overlay>,
    pub status: StatusInfo,
    pub message: Option<Message>,
    pub pack: Option<Rc<RulePack>>,
    pub size: (u16, u16),
    pub quit: bool,
}

impl App {
    /// The console over `store`. Opens the first-run dialog when the database is new.
    pub fn new(
        store: &mut Store,
        keymap: Keymap,
        theme: Theme,
        today: NaiveDate,
        size: (u16, u16),
    ) -> Result<App, StoreError> {
        let read_only = store.is_read_only();
        let mut keymap = keymap;
        keymap.set_read_only(read_only);
        let initialized = store.is_initialized()?;
        if !initialized && read_only {
            return Err(StoreError::Invalid(format!(
                "database {} is not set up yet; start minspect once without --read-only",
                store
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default()
            )));
        }
        let mut app = App {
            keymap,
            theme,
            read_only,
            today,
            tab: Tab::Rules,
            screens: Screens {
                rules: RulesScreen::new(None),
                shipments: ShipmentsScreen::new(),
                record: RecordScreen::default(),
                sync: SyncScreen::default(),
            },
            overlay: (!initialized).then(|| Overlay::Setup(SetupForm::default())),
            status: StatusInfo::default(),
            message: None,
            pack: None,
            size,
            quit: false,
        };
        app.reload(store)?;
        app.offer_drafts(store)?;
        app.resize(size.0, size.1, store);
        Ok(app)
    }

    /// Re-reads the cached pack and the status bar (after start-up and writes).
    pub fn reload(&mut self, store: &mut Store) -> Result<(), StoreError> {
        self.pack = store.active_pack()?.map(Rc::new);
        self.screens.rules.set_pack(self.pack.clone());
        self.screens.record.set_pack(self.pack.clone());
        let id = store.identity()?;
        self.status = StatusInfo {
            role: id
                .as_ref()
                .map(|i| i.role.as_str().to_string())
                .unwrap_or_default(),
            officer: id
                .as_ref()
                .map(|i| i.officer_name.clone())
                .unwrap_or_default(),
            badge: id.as_ref().map(|i| i.badge.clone()).unwrap_or_default(),
            kind: id
                .as_ref()
                .map(|i| i.kind.as_str().to_string())
                .unwrap_or_default(),
            db_name: store
                .path()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "(in memory)".into()),
            pending_sync: store.pending_sync_count()?,
            pack_version: self.pack.as_ref().map(|p| p.pack.version.clone()),
            pack_published: self.pack.as_ref().map(|p| p.pack.published),
            read_only: self.read_only,
        };
        super::screens::review::acting_status(store, &mut self.status);
        Ok(())
    }

    /// The keymap context in force.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Some(Overlay::Help(_)) => Context::Help,
            Some(Overlay::Palette(_)) => Context::Palette,
            Some(Overlay::ConfirmQuit) => Context::Confirm,
            Some(Overlay::Setup(_)) => Context::Setup,
            None => self.screens.get(self.tab).context(),
        }
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < super::widgets::dialog::MIN_WIDTH
            || self.size.1 < super::widgets::dialog::MIN_HEIGHT
    }

    /// The area the tabs draw in (the whole terminal minus tab bar, footer, status bar).
    pub fn body(&self) -> Rect {
        Rect::new(0, 1, self.size.0, self.size.1.saturating_sub(3))
    }

    fn cx<'a>(
        store: &'a mut Store,
        today: NaiveDate,
        read_only: bool,
        message: &'a mut Option<Message>,
    ) -> Cx<'a> {
        Cx {
            store,
            today,
            read_only,
            message,
        }
    }

    /// A key press. Returns true when the state changed (a redraw is needed).
    pub fn handle_key(&mut self, ev: KeyEvent, store: &mut Store) -> bool {
        if ev.kind == KeyEventKind::Release {
            return false;
        }
        let had_message = self.message.take().is_some();
        let key = Key::of(&ev);
        let ctx = self.context();
        if self.too_small() && ctx != Context::Setup {
            let quit = self.keymap.lookup(Context::Global, key) == Some(Action::Quit);
            return quit && self.update(Action::Quit, store);
        }
        if let Some(action) = self.keymap.lookup(ctx, key) {
            return self.update(action, store) || had_message;
        }
        // no editable field has focus (a finalized record): tab keys, help ... work
        if ctx.is_text()
            && self.overlay.is_none()
            && self.screens.get(self.tab).text_locked()
            && let Some(action) = self.keymap.lookup(Context::Global, key)
        {
            return self.update(action, store) || had_message;
        }
        if let crossterm::event::KeyCode::Char(c) = key.code
            && !key.ctrl
            && ctx.is_text()
        {
            return self.type_char(c, store) || had_message;
        }
        had_message
    }

    fn type_char(&mut self, c: char, store: &mut Store) -> bool {
        match &mut self.overlay {
            Some(Overlay::Help(h)) => {
                h.filter.insert(c);
                h.scroll = 0;
                true
            }
            Some(Overlay::Palette(p)) => {
                p.input.insert(c);
                p.refilter();
                true
            }
            Some(Overlay::Setup(s)) => {
                s.type_char(c);
                true
            }
            Some(Overlay::ConfirmQuit) => false,
            None => {
                let mut cx = Self::cx(store, self.today, self.read_only, &mut self.message);
                self.screens.get_mut(self.tab).type_char(c, &mut cx)
            }
        }
    }

    /// The terminal was resized.
    pub fn resize(&mut self, w: u16, h: u16, store: &mut Store) {
        self.size = (w, h);
        if self.too_small() {
            return;
        }
        let body = self.body();
        let mut cx = Self::cx(store, self.today, self.read_only, &mut self.message);
        for tab in Tab::ALL {
            self.screens.get_mut(*tab).resize(body, &mut cx);
        }
        if self.overlay.is_none() {
            self.screens.get_mut(self.tab).activate(&mut cx);
        }
    }

    fn switch(&mut self, tab: Tab, store: &mut Store) {
        self.tab = tab;
        let mut cx = Self::cx(store, self.today, self.read_only, &mut self.message);
        self.screens.get_mut(tab).activate(&mut cx);
    }

    /// Applies one action. Returns true when the state changed.
    pub fn update(&mut self, action: Action, store: &mut Store) -> bool {
        if self.read_only && action.is_write() {
            self.message = Some(Message {
                level: Level::Error,
                text: format!("read-only: {} is not available", action.name()),
            });
            return true;
        }
        match self.overlay.take() {
            Some(Overlay::Help(mut h)) => {
                match action {
                    Action::Cancel | Action::Help => return true,
                    Action::Down => h.scroll += 1,
                    Action::Up => h.scroll = h.scroll.saturating_sub(1),
                    Action::PageDown => h.scroll += 10,
                    Action::PageUp => h.scroll = h.scroll.saturating_sub(10),
                    Action::Palette => {
                        self.overlay = Some(Overlay::Palette(PaletteState::new(
                            h.context,
                            self.read_only,
                        )));
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
            Some(Overlay::Palette(mut p)) => {
                match action {
                    Action::Cancel => return true,
                    Action::Accept => {
                        if let Some(a) = p.chosen() {
                            let before = self.message.clone();
                            if !self.update(a, store) && self.message == before {
                                self.message = Some(Message::error(format!(
                                    "'{}' is not available here: {}",
                                    a.name(),
                                    a.where_available()
                                )));
                            }
                        } else {
                            let q = p.input.text().trim();
                            self.message =
                                Some(Message::error(format!("no command matches '{q}'")));
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
            Some(Overlay::ConfirmQuit) => {
                if action == Action::Yes {
                    self.quit = true;
                }
                true
            }
            Some(Overlay::Setup(mut s)) => {
                match action {
                    Action::Quit => self.quit = true,
                    a => match s.update(a) {
                        SetupOutcome::Continue => self.overlay = Some(Overlay::Setup(s)),
                        SetupOutcome::Save(opts) => match setup_new_database(store, &opts)
                            .and_then(|_| self.reload(store))
                        {
                            Ok(()) => {
                                self.message = Some(Message {
                                    level: Level::Info,
                                    text: format!("Database set up for {}.", opts.officer_name),
                                });
                                let (w, h) = self.size;
                                self.resize(w, h, store);
                            }
                            Err(e) => {
                                s.error = Some(e.to_string());
                                self.overlay = Some(Overlay::Setup(s));
                            }
                        },
                    },
                }
                true
            }
            None => {
                // sync actions run from the palette on another tab go to the Sync tab
                if matches!(
                    action,
                    Action::SyncExport | Action::SyncAck | Action::SyncImport | Action::SyncRefresh
                ) && self.tab != Tab::Sync
                {
                    self.switch(Tab::Sync, store);
                }
                let changed = self.update_screen(action, store);
                // the Sync tab wrote (or re-read): the status bar's pending count follows
                if std::mem::take(&mut self.screens.sync.queue_changed) {
                    match store.pending_sync_count() {
                        Ok(n) => self.status.pending_sync = n,
                        Err(e) => {
                            self.message = Some(Message {
                                level: Level::Error,
                                text: format!("pending count: {e}"),
                            })
                        }
                    }
                }
                changed
            }
        }
    }

    fn update_screen(&mut self, action: Action, store: &mut Store) -> bool {
        match action {
            Action::Quit => {
                if Tab::ALL.iter().any(|t| self.screens.get(*t).has_unsaved()) {
                    self.overlay = Some(Overlay::ConfirmQuit);
                } else {
                    self.quit = true;
                }
                true
            }
            Action::Help => {
                self.overlay = Some(Overlay::Help(HelpState::new(self.context())));
                true
            }
            Action::Palette => {
                self.overlay = Some(Overlay::Palette(PaletteState::new(
                    self.context(),
                    self.read_only,
                )));
                true
            }
            Action::NextTab | Action::PrevTab => {
                let t = self
                    .tab
                    .offset(if action == Action::NextTab { 1 } else { -1 });
                self.switch(t, store);
                true
            }
            Action::NewRecord | Action::InspectShipment | Action::OpenRecord
                if self.tab != Tab::Record =>
            {
                self.start_record(action, store);
                true
            }
            a => {
                if let Some(t) = Tab::of_action(a) {
                    self.switch(t, store);
                    return true;
                }
                let mut cx = Self::cx(store, self.today, self.read_only, &mut self.message);
                let changed = self.screens.get_mut(self.tab).update(a, &mut cx);
                if std::mem::take(&mut self.screens.record.queue_changed) {
                    self.status.pending_sync = store.pending_sync_count().unwrap_or(0);
                    self.screens.shipments.loaded = false; // re-read on its next visit
                }
                changed
            }
        }
    }
}
