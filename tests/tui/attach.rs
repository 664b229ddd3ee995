//! The Record tab's attach key: F7 over an open draft opens a path prompt whose Tab
//! completes the file name, then a caption; the file is stored by its SHA-256 and the
//! record's pane lists it (name, type, size, short hash), never rendering the image. A
//! finalized record refuses the key; read-only mode hides it.

use crate::support::flow::*;
use crate::support::{count, example, pack};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use minspect::store::Store;
use minspect::tui::action::Action;
use minspect::tui::app::App;
use minspect::tui::keymap::{Context, Keymap};

fn f7(a: &mut App, s: &mut Store) {
    a.handle_key(KeyEvent::new(KeyCode::F(7), KeyModifiers::NONE), s);
}

/// An app over a store holding the example record as a draft, opened in the editor.
fn opened() -> (Store, App) {
    let mut s = store();
    let mut record = example();
    for z in &mut record.seizures {
        z.custody.clear();
    }
    s.records_mut()
        .import_record(&record, false, &pack())
        .unwrap();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "<enter>");
    assert_eq!(a.context(), Context::RecordForm);
    (s, a)
}

#[test]
fn the_attach_key_is_data_in_the_record_form() {
    let km = Keymap::default();
    let key = km.key_for(Context::RecordForm, Action::AttachFile).unwrap();
    assert_eq!(key.label(), "F7");
    assert_eq!(Action::from_name("attach_file"), Some(Action::AttachFile));
    assert!(Action::AttachFile.is_field_write());
}

#[test]
fn f7_completes_a_path_asks_a_caption_and_lists_the_attachment() {
    let (mut s, mut a) = opened();
    f7(&mut a, &mut s);
    assert_eq!(a.context(), Context::RecordPrompt);
    // Tab completes from the directory (paths relative to the package root)
    keys(&mut a, &mut s, "fixtures/exam<tab>");
    let typed = |a: &App| {
        a.screens
            .record
            .prompt
            .as_ref()
            .unwrap()
            .input
            .text()
            .to_string()
    };
    assert_eq!(typed(&a), "fixtures/examples/");
    keys(&mut a, &mut s, "rec<tab>");
    assert_eq!(typed(&a), "fixtures/examples/record.json");
    insta::assert_snapshot!(snap_name("attach_path", &a), draw(&a).backend());
    keys(&mut a, &mut s, "<enter>");
    assert_eq!(a.context(), Context::RecordPrompt);
    keys(&mut a, &mut s, "Exporter's packing list<enter>");
    assert_eq!(a.context(), Context::RecordForm, "{:?}", a.message);
    assert_eq!(count(&s, "attachments"), 1);
    let ed = editor(&a);
    assert_eq!(ed.attachments.len(), 1);
    assert_eq!(ed.attachments[0].caption, "Exporter's packing list");
    assert!(a.message.as_ref().unwrap().text.contains("record.json"));
    insta::assert_snapshot!(snap_name("attach_listed", &a), draw(&a).backend());
    // the attachment is listed again when the record is opened anew
    keys(&mut a, &mut s, "<esc><enter>");
    assert_eq!(editor(&a).attachments.len(), 1);
}

#[test]
fn a_missing_file_is_named_and_nothing_is_stored() {
    let (mut s, mut a) = opened();
    f7(&mut a, &mut s);
    keys(&mut a, &mut s, "no/such/file.png<tab>");
    assert!(a.message.as_ref().unwrap().text.contains("No file matches"));
    keys(&mut a, &mut s, "<enter><enter>");
    let said = a.message.as_ref().unwrap().text.clone();
    assert!(
        said.contains("file:") && said.contains("no/such/file.png"),
        "{said}"
    );
    assert_eq!(count(&s, "attachments"), 0);
    // Esc leaves the prompt without storing anything
    f7(&mut a, &mut s);
    keys(&mut a, &mut s, "fixtures/examples/record.json<enter><esc>");
    assert_eq!(a.context(), Context::RecordForm);
    assert_eq!(count(&s, "attachments"), 0);
}

#[test]
fn a_finalized_record_refuses_the_attach_key() {
    let (mut s, mut a) = opened();
    let id = editor(&a).inspection_id.clone().unwrap();
    keys(&mut a, &mut s, "<esc>");
    s.records_mut()
        .finalize_inspection_with(&id, &pack())
        .unwrap();
    keys(&mut a, &mut s, "<enter>");
    assert!(editor(&a).finalized);
    // a finalized record is read, not written: the attach key is not offered there
    f7(&mut a, &mut s);
    assert_ne!(a.context(), Context::RecordPrompt, "no attach prompt");
    assert!(a.screens.record.prompt.is_none());
}
