//! The terminal console (ratatui + crossterm). The only module that draws.
//!
//! Start-up: open the store (created and migrated on first run), build the App (the
//! first-run dialog when the database is new), init the terminal, then block on events
//! and redraw only when the state changed. The terminal is restored on quit, on error
//! and on panic (ratatui's init installs a panic hook that restores it).

pub mod action;
pub mod app;
pub mod effect;
pub mod keymap;
pub mod pending;
pub mod screens;
pub mod tab;
pub mod text;
pub mod theme;
pub mod view;
pub mod widgets;

use std::path::PathBuf;
use std::time::Duration;

use crossterm::event::{self, Event};

use self::app::App;
use self::keymap::Keymap;
use self::theme::Theme;
use self::widgets::status::{Level, Message};
use crate::domain::{Clock, Lang};
use crate::store::Store;

/// How the console was started.
#[derive(Debug, Clone)]
pub struct TuiOptions {
    pub db: PathBuf,
    pub read_only: bool,
    pub no_color: bool,
    /// The interface language, resolved by the caller (DESIGN section 7's order).
    pub lang: Lang,
}

/// Runs the console until the user quits. The terminal is always restored.
pub fn run(opts: TuiOptions) -> anyhow::Result<()> {
    let mut store = if opts.read_only {
        Store::open_read_only(&opts.db)?
    } else {
        if let Some(dir) = opts.db.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                let dir = dir.display().to_string();
                anyhow::anyhow!(crate::t!(
                    opts.lang,
                    "tui-creating-dir",
                    path = dir,
                    error = e.to_string()
                ))
            })?;
        }
        Store::open(&opts.db)?
    };
    if store.is_read_only() && !store.db().is_initialized()? {
        let path = opts.db.display().to_string();
        anyhow::bail!(crate::t!(opts.lang, "app-not-set-up", path = path));
    }
    let (keymap, key_warning) = Keymap::load_in(Keymap::user_file().as_deref(), opts.lang);
    let theme = Theme::detect(opts.no_color);
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::new(&mut store, keymap, theme, Clock::system(), size)?;
    app.set_lang(opts.lang, &mut store)?;
    if let Some(w) = key_warning {
        app.message = Some(Message {
            level: Level::Error,
            text: w,
        });
    }
    let mut terminal = ratatui::try_init()?;
    // install crossterm's SIGWINCH handler now, or an early resize is lost (DESIGN §8)
    let _ = event::poll(Duration::ZERO);
    let result = event_loop(&mut terminal, &mut app, &mut store);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    store: &mut Store,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app.resize(size.width, size.height, store);
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|f| view::render(app, f))?;
            dirty = false;
        }
        if app.quit {
            return Ok(());
        }
        // block until something happens: no timer redraws
        match event::read()? {
            Event::Key(k) => dirty = app.handle_key(k, store),
            Event::Resize(w, h) => {
                app.resize(w, h, store);
                terminal.autoresize()?;
                dirty = true;
            }
            _ => {}
        }
    }
}
