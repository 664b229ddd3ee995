//! Before the main screens: an encrypted file is unlocked (the passphrase given to the
//! process, else the masked prompt), and a new field file gets its passphrase (given, or
//! typed twice) and is created encrypted. A wrong passphrase is said and asked again;
//! nothing is opened or changed until one opens the file.

use crossterm::event::{self, Event, KeyEventKind};

use crate::domain::sanitize;
use crate::store::{NewFile, Passphrase, Store, StoreError, passphrase, use_passphrase};
use crate::tui::TuiOptions;
use crate::tui::keymap::{Context, Key, Keymap};
use crate::tui::screens::unlock::{Ask, UnlockForm, UnlockOutcome};
use crate::tui::theme::Theme;

/// True when the console may go on to open the file; false when the user quit here.
pub fn unlock_first(opts: &TuiOptions) -> anyhow::Result<bool> {
    let db = &opts.db;
    let ask = if db.exists() {
        if !Store::is_encrypted_file(db) {
            return Ok(true);
        }
        Ask::Existing
    } else if opts.read_only {
        return Ok(true);
    } else {
        Ask::New { first: None }
    };
    let given = passphrase();
    let mut form = UnlockForm::new(
        sanitize(&db.display().to_string()).into_owned(),
        ask,
        opts.lang,
    );
    if let Some(p) = given {
        match attempt(opts, &form.ask, p) {
            Ok(()) => return Ok(true),
            Err(StoreError::WrongPassphrase(_)) => form.wrong(),
            Err(e) => return Err(e.into()),
        }
    }
    prompt(opts, form)
}

/// Opens (checks) or creates the file with `p`; on success the process keeps `p`.
fn attempt(opts: &TuiOptions, ask: &Ask, p: Passphrase) -> Result<(), StoreError> {
    match ask {
        Ask::Existing => Store::check_passphrase(&opts.db, &p)?,
        Ask::New { .. } => {
            if let Some(dir) = opts.db.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .map_err(|e| StoreError::Cipher(format!("{}: {e}", dir.display())))?;
            }
            drop(Store::create(&opts.db, &NewFile::encrypted(p.clone()))?)
        }
    }
    use_passphrase(Some(p));
    Ok(())
}

fn prompt(opts: &TuiOptions, mut form: UnlockForm) -> anyhow::Result<bool> {
    let (keymap, _) = Keymap::load_in(Keymap::user_file().as_deref(), opts.lang);
    let theme = Theme::detect(opts.no_color);
    let mut terminal = ratatui::try_init()?;
    let result = (|| -> anyhow::Result<bool> {
        loop {
            terminal.draw(|f| form.render(f, f.area(), &theme))?;
            let Event::Key(ev) = event::read()? else {
                continue;
            };
            if ev.kind == KeyEventKind::Release {
                continue;
            }
            let key = Key::of(&ev);
            let outcome = match keymap.lookup(Context::Setup, key) {
                Some(action) => form.update(action),
                None => {
                    if let crossterm::event::KeyCode::Char(c) = key.code
                        && !key.ctrl
                    {
                        form.type_char(c);
                    }
                    UnlockOutcome::Continue
                }
            };
            match outcome {
                UnlockOutcome::Continue => {}
                UnlockOutcome::Quit => return Ok(false),
                UnlockOutcome::Try(p) => match attempt(opts, &form.ask, p) {
                    Ok(()) => return Ok(true),
                    Err(StoreError::WrongPassphrase(_)) => form.wrong(),
                    Err(e) => return Err(e.into()),
                },
            }
        }
    })();
    ratatui::restore();
    result
}
