//! Peak RSS of the console's state with a database open: opens the App on the file,
//! shows the shipment log, pages and filters, draws at 200x60, then prints VmHWM.
//! `cargo run --release --example rss -- PATH`

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use minspect::store::Store;
use minspect::tui::app::App;
use minspect::tui::keymap::Keymap;
use minspect::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: rss PATH")?;
    let mut store = Store::open(std::path::Path::new(&path))?;
    let mut app = App::new(
        &mut store,
        Keymap::default(),
        Theme::new(false, 16),
        minspect::domain::Clock::system(),
        (200, 60),
    )?;
    let mut t = Terminal::new(TestBackend::new(200, 60))?;
    let script = "2jjjj\u{0}/zinc\r\u{0}\u{1}x/dest:US status:released\rG\u{1}";
    for c in script.chars() {
        let code = match c {
            '\r' => KeyCode::Enter,
            '\u{0}' => KeyCode::PageDown,
            '\u{1}' => KeyCode::PageUp,
            c => KeyCode::Char(c),
        };
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE), &mut store);
        t.draw(|f| minspect::tui::view::render(&app, f))?;
    }
    let status = std::fs::read_to_string("/proc/self/status")?;
    for line in status
        .lines()
        .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
    {
        println!("{line}");
    }
    println!("rows on screen: {}", app.screens.shipments.rows.len());
    Ok(())
}
