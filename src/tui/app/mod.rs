//! The application state and its one entry for change: [`App::update`]. Keys become
//! actions through the keymap; unbound printable keys go to the focused text field. A
//! screen answers with an [`Effect`](crate::tui::effect::Effect) that the App applies in
//! one place (`effects.rs`), including the confirmed writes.

mod effects;
mod record;
mod training;
pub mod unlock;
mod update;

use std::rc::Rc;

use crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Rect;

use super::action::Action;
use super::effect::Effect;
use super::keymap::{Context, Key, Keymap};
use super::pending::Confirm;
use super::screens::record::RecordScreen;
use super::screens::review::ReviewScreen;
use super::screens::rules::RulesScreen;
use super::screens::setup::SetupForm;
use super::screens::shipments::ShipmentsScreen;
use super::screens::sync::SyncScreen;
use super::screens::{Cx, Screens, Tab, ViewCx};
use super::theme::Theme;
use super::widgets::help::HelpState;
use super::widgets::palette::PaletteState;
use super::widgets::status::{Message, StatusInfo};
use super::widgets::training::TrainingPanel;
use crate::domain::{Clock, Lang};
use crate::rules::RulePack;
use crate::store::{Store, StoreError};

/// A window over the tabs.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help(HelpState),
    Palette(PaletteState),
    ConfirmQuit,
    /// A risky write waiting for its yes (asked by a screen through `Effect::Confirm`).
    Confirm(Confirm),
    Setup(SetupForm),
    /// A training file's briefing or debrief.
    Training(TrainingPanel),
}

pub struct App {
    pub keymap: Keymap,
    pub theme: Theme,
    pub read_only: bool,
    /// "Now" and "today" for every screen, and the zone stored times are shown in.
    pub clock: Clock,
    pub tab: Tab,
    pub screens: Screens,
    pub overlay: Option<Overlay>,
    pub status: StatusInfo,
    pub message: Option<Message>,
    pub pack: Option<Rc<RulePack>>,
    pub size: (u16, u16),
    pub quit: bool,
    /// The interface language (`tui::run` resolves it; the palette switches it).
    pub lang: Lang,
    /// A headquarters database: it opens on the Review tab and offers no field work.
    pub hq: bool,
}

impl App {
    /// The console over `store`. Opens the first-run dialog when the database is new.
    pub fn new(
        store: &mut Store,
        keymap: Keymap,
        theme: Theme,
        clock: Clock,
        size: (u16, u16),
    ) -> Result<App, StoreError> {
        let read_only = store.is_read_only();
        let mut keymap = keymap;
        keymap.set_read_only(read_only);
        let initialized = store.db().is_initialized()?;
        let hq = store.device().db_kind()? == crate::domain::DbKind::Hq;
        keymap.set_headquarters(hq);
        if !initialized && read_only {
            let path = store.path().map(|p| p.display().to_string());
            let said = crate::t!(Lang::En, "app-not-set-up", path = path.unwrap_or_default());
            return Err(StoreError::Invalid(said));
        }
        let mut app = App {
            keymap,
            theme,
            read_only,
            clock,
            tab: if hq { Tab::Review } else { Tab::Rules },
            screens: Screens {
                rules: RulesScreen::new(None),
                shipments: ShipmentsScreen::new(),
                record: RecordScreen::default(),
                sync: SyncScreen::default(),
                review: ReviewScreen::new(),
            },
            overlay: (!initialized).then(|| Overlay::Setup(SetupForm::default())),
            status: StatusInfo::default(),
            message: None,
            pack: None,
            size,
            quit: false,
            lang: Lang::En,
            hq,
        };
        app.reload(store)?;
        app.offer_drafts(store)?;
        app.resize(size.0, size.1, store);
        app.open_briefing(store);
        Ok(app)
    }

    /// Re-reads the cached pack and the status bar (after start-up and writes).
    pub fn reload(&mut self, store: &mut Store) -> Result<(), StoreError> {
        self.pack = store.rules().active_pack()?.map(Rc::new);
        self.screens.rules.set_pack(self.pack.clone());
        self.screens.record.set_pack(self.pack.clone());
        self.screens.shipments.set_pack(self.pack.clone());
        let id = store.db().identity()?;
        let field =
            |f: fn(&crate::store::Identity) -> String| id.as_ref().map(f).unwrap_or_default();
        self.status = StatusInfo {
            role: field(|i| i.role.as_str().to_string()),
            officer: field(|i| i.officer_name.clone()),
            badge: field(|i| i.badge.clone()),
            kind: field(|i| i.kind.as_str().to_string()),
            db_name: store
                .path()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            pending_sync: store.chain().pending_sync_count()?,
            pack_version: self.pack.as_ref().map(|p| p.pack.version.clone()),
            pack_published: self.pack.as_ref().map(|p| p.pack.published),
            pack_trust: store
                .rules()
                .pack_status()?
                .map(|p| p.trust)
                .unwrap_or_default(),
            read_only: self.read_only,
            world: store.device().world()?,
        };
        super::screens::review::acting_status(store, &mut self.status);
        Ok(())
    }

    /// The tabs shown: the Review tab only at headquarters (a field laptop never reviews).
    pub fn tabs(&self) -> Vec<Tab> {
        Tab::ALL
            .iter()
            .copied()
            .filter(|t| self.hq || *t != Tab::Review)
            .collect()
    }

    /// The keymap context in force.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Some(Overlay::Help(_)) => Context::Help,
            Some(Overlay::Palette(_)) => Context::Palette,
            Some(Overlay::ConfirmQuit | Overlay::Confirm(_)) => Context::Confirm,
            Some(Overlay::Setup(_)) => Context::Setup,
            Some(Overlay::Training(_)) => Context::Training,
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

    /// What the views draw with besides the state.
    pub fn view_cx(&self) -> ViewCx<'_> {
        ViewCx {
            theme: &self.theme,
            clock: self.clock,
            lang: self.lang,
            keymap: &self.keymap,
        }
    }

    fn cx<'a>(&self, store: &'a mut Store) -> Cx<'a> {
        Cx {
            store,
            clock: self.clock,
            read_only: self.read_only,
            lang: self.lang,
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
        // a confirmation is answered at any size: it stays on screen (dialog::too_small)
        if self.too_small() && !matches!(ctx, Context::Setup | Context::Confirm) {
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
            Some(Overlay::ConfirmQuit | Overlay::Confirm(_) | Overlay::Training(_)) => false,
            None => {
                let mut cx = self.cx(store);
                let effect = self.screens.get_mut(self.tab).type_char(c, &mut cx);
                self.apply(effect, store)
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
        let mut cx = self.cx(store);
        let mut effect = Effect::None;
        for tab in Tab::ALL {
            effect = effect.and(self.screens.get_mut(*tab).resize(body, &mut cx));
        }
        // the tab under a confirm modal stays current too (it asked)
        if matches!(self.overlay, None | Some(Overlay::Confirm(_))) {
            effect = effect.and(self.screens.get_mut(self.tab).activate(&mut cx));
        }
        self.apply(effect, store);
    }
}
