//! Draws the whole console from the App's state. Never queries the database.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::app::{App, Overlay};
use super::widgets::{dialog, help, palette, status};
use crate::i18n;
use crate::t;

pub fn render(app: &App, f: &mut Frame) {
    let area = f.area();
    let theme = &app.theme;
    if area.width < dialog::MIN_WIDTH || area.height < dialog::MIN_HEIGHT {
        let question = match &app.overlay {
            Some(Overlay::ConfirmQuit) => Some(t!(app.lang, "dialog-quit-unsaved")),
            Some(Overlay::Confirm(c)) => Some(c.question.clone()),
            _ => None,
        };
        dialog::too_small(f, area, question.as_deref(), app.lang, theme);
        return;
    }
    let titles: Vec<(char, String, bool)> = app
        .tabs()
        .iter()
        .map(|t| {
            let title = i18n::text(app.lang, app.screens.get(*t).title());
            (t.key().0, title, *t == app.tab)
        })
        .collect();
    let mark = app
        .status
        .is_training()
        .then(|| i18n::text(app.lang, "kind-training"));
    status::tabs(
        f,
        Rect::new(0, 0, area.width, 1),
        &titles,
        mark.as_deref(),
        theme,
    );
    let body = Rect::new(0, 1, area.width, area.height - 3);
    app.screens.get(app.tab).render(f, body, &app.view_cx());
    let ctx = app.context();
    let hints: Vec<(String, String)> = app
        .keymap
        .footer(ctx)
        .into_iter()
        .map(|(key, id)| (key, i18n::text(app.lang, id)))
        .collect();
    status::footer(
        f,
        Rect::new(0, 1, area.width, area.height - 2),
        &hints,
        app.message.as_ref(),
        theme,
    );
    status::status_bar(
        f,
        Rect::new(0, area.height - 1, area.width, 1),
        &app.status,
        app.clock.today(),
        app.lang,
        theme,
    );
    match &app.overlay {
        Some(Overlay::Help(h)) => help::render(f, body, h, &app.keymap, theme),
        Some(Overlay::Palette(p)) => palette::render(f, body, p, &app.keymap, theme),
        Some(Overlay::ConfirmQuit) => {
            let q = t!(app.lang, "dialog-quit-unsaved");
            dialog::confirm(f, body, &q, app.lang, theme)
        }
        Some(Overlay::Confirm(c)) => dialog::confirm(f, body, &c.question, app.lang, theme),
        Some(Overlay::Setup(s)) => s.render(f, body, &app.status.db_words(app.lang), theme),
        Some(Overlay::Training(p)) => super::widgets::training::render(f, body, p, app.lang, theme),
        None => {}
    }
}
