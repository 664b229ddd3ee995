//! The console's start-up prompt in a real pseudo-terminal: an encrypted file asks for its
//! passphrase (masked), a wrong one is said and asked again, the right one opens the main
//! screens; a new field file gets its passphrase typed twice and is created encrypted.

use std::time::Duration;

use crate::support::harness::{BIN, PASSPHRASE};
use crate::support::pty::Tui;

const WAIT: Duration = Duration::from_secs(30);

#[test]
fn the_console_asks_the_passphrase_first_and_says_when_it_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("field.db");
    crate::support::binary::field_db_with_pack(&db, minspect::rules::EMBEDDED_PACK);
    let argv = [BIN, "--db", db.to_str().unwrap()];
    // no passphrase in the environment: the console must ask
    let mut t = Tui::spawn(&argv, &[("MINSPECT_PASSPHRASE", "")], 24, 80);
    t.wait_for("the prompt", WAIT, |s| {
        let c = s.contents();
        c.contains("Unlock the database") && c.contains("is encrypted") && c.contains("Passphrase:")
    });
    t.send("tellurium");
    t.wait_for("nine dots", WAIT, |s| s.contents().contains("•••••••••"));
    assert!(!t.text().contains("tellurium"), "{}", t.text());
    t.send("\r");
    t.wait_for("wrong passphrase said", WAIT, |s| {
        s.contents().contains("Wrong passphrase")
    });
    assert!(!t.text().contains("Li Wei"));
    t.send(PASSPHRASE);
    t.send("\r");
    t.wait_for("the main screens", WAIT, |s| {
        let c = s.contents();
        c.contains("Li Wei") && !c.contains("Passphrase:")
    });
}

#[test]
fn a_new_field_file_gets_its_passphrase_typed_twice() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    let argv = [BIN, "--db", db.to_str().unwrap()];
    let mut t = Tui::spawn(&argv, &[("MINSPECT_PASSPHRASE", "")], 24, 80);
    t.wait_for("the new-passphrase prompt", WAIT, |s| {
        s.contents().contains("choose its passphrase")
    });
    t.send("first try\r");
    t.wait_for("asked again", WAIT, |s| {
        s.contents().contains("The same passphrase again")
    });
    t.send("other try\r");
    t.wait_for("they differ", WAIT, |s| s.contents().contains("differ"));
    assert!(!db.exists(), "nothing is made until both agree");
    t.send("laptop words\r");
    t.send("laptop words\r");
    t.wait_for("the first-run dialog", WAIT, |s| {
        s.contents().contains("set up this database")
    });
    assert!(minspect::store::Store::is_encrypted_file(&db));
    let ok = minspect::store::Store::check_passphrase(
        &db,
        &minspect::store::Passphrase::new("laptop words"),
    );
    assert!(ok.is_ok(), "{ok:?}");
}
