//! Resuming a draft opens at the field last edited (remembered with the draft), and the
//! drafts list reads at 80x24.

use crate::support::flow::*;
use minspect::store::Store;
use minspect::tui::screens::record::Section;

fn field_store(path: &std::path::Path) -> Store {
    let mut s = crate::support::harness::try_open(path).unwrap();
    s.set_clock(clock());
    s
}

#[test]
fn a_resumed_draft_opens_at_the_field_last_edited() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("field.db");
    {
        let mut s = field_store(&path);
        minspect::store::setup_new_database(&mut s, &crate::support::init_opts()).unwrap();
        s.rules_mut().install_pack(TEST_PACK, "test").unwrap();
        let mut a = app(&mut s, 80, 24);
        keys(&mut a, &mut s, "3n");
        keys(&mut a, &mut s, SHIPMENT_KEYS);
        keys(&mut a, &mut s, "<c-n>CNSHA");
        let ed = a.screens.record.editor.as_mut().unwrap();
        ed.inspection.focus = 5;
        keys(&mut a, &mut s, "Ingots under copper cathodes");
        // moving on without typing is no edit: the draft keeps the narrative
        keys(&mut a, &mut s, "<c-p><tab>");
        // the terminal closes here
    }
    let mut s = field_store(&path);
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "<enter>");
    let ed = editor(&a);
    assert_eq!(ed.section(), Section::Inspection);
    assert_eq!(ed.inspection.focused().unwrap().name, "narrative");
    assert!(screen_text(&a).contains("›Narrative"));
    // typing goes on where it stopped
    keys(&mut a, &mut s, ".");
    assert_eq!(
        editor(&a).inspection.get("narrative"),
        "Ingots under copper cathodes."
    );
}

#[test]
fn a_draft_edited_in_a_measurement_resumes_on_that_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("field.db");
    {
        let mut s = field_store(&path);
        minspect::store::setup_new_database(&mut s, &crate::support::init_opts()).unwrap();
        s.rules_mut().install_pack(TEST_PACK, "test").unwrap();
        let mut a = app(&mut s, 80, 24);
        keys(&mut a, &mut s, &format!("3n{SHIPMENT_KEYS}"));
        keys(
            &mut a,
            &mut s,
            "<c-n>CNSHA<c-n><c-o>purity_pct<c-o>weighed_mass_kg",
        );
    }
    let mut s = field_store(&path);
    let mut a = app(&mut s, 80, 24);
    insta::assert_snapshot!(snap_name("drafts_list", &a), draw(&a).backend());
    keys(&mut a, &mut s, "<enter>");
    let ed = editor(&a);
    assert_eq!(ed.section(), Section::Measurements);
    assert_eq!(ed.item, 1);
    assert_eq!(
        ed.measurements[1].form.focused().unwrap().name,
        "name",
        "{:?}",
        ed.stored_focus
    );
}
