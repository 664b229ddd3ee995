//! The Record tab around the editor: drafts offered after a restart (and discarded),
//! inspections started from the Shipments tab, and read-only mode.

use crate::support::count;
use crate::support::flow::*;
use minspect::tui::action::Action;
use minspect::tui::app::App;
use minspect::tui::keymap::{Context, Keymap};
use minspect::tui::screens::Tab;
use minspect::tui::screens::record::Section;
use minspect::tui::theme::Theme;
use minspect::tui::widgets::help::HelpState;

#[test]
fn drafts_are_offered_after_a_restart_and_resume_where_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("field.db");
    {
        let mut s = crate::support::harness::try_open(&path).unwrap();
        minspect::store::setup_new_database(&mut s, &crate::support::init_opts()).unwrap();
        s.rules_mut().install_pack(TEST_PACK, "test").unwrap();
        let mut a = app(&mut s, 80, 24);
        keys(&mut a, &mut s, "3n");
        keys(&mut a, &mut s, SHIPMENT_KEYS);
        // an invalid HS code is saved as typed (a draft may be invalid)
        a.screens.record.editor.as_mut().unwrap().shipment.focus = 12;
        keys(&mut a, &mut s, "<c-u>81AB");
        keys(&mut a, &mut s, "<c-n>CNSHA");
        // the terminal closes here: no quit, no save step
    }
    let mut s = crate::support::harness::try_open(&path).unwrap();
    let mut a = app(&mut s, 80, 24);
    assert_eq!(a.tab, Tab::Record, "open drafts are offered first");
    assert!(a.message.as_ref().unwrap().text.contains("1 open draft"));
    assert_eq!(a.screens.record.drafts.len(), 1);
    assert!(screen_text(&a).contains("223320260501000123"));
    keys(&mut a, &mut s, "<enter>");
    let ed = editor(&a);
    assert_eq!(ed.shipment.get("exporter_name"), "Yunnan Example Metals Co");
    assert_eq!(ed.inspection.get("locode"), "CNSHA");
    assert_eq!(ed.shipment.get("net_weight_g"), "600 kg");
    // its message shows at once on the resumed draft
    let hs = &ed.shipment.fields[12];
    assert_eq!((hs.name, hs.input.text()), ("hs_code", "81AB"));
    assert!(hs.touched && hs.error.as_deref().unwrap().contains("'A'"));
    // it opens where it was last edited: the inspection's place
    assert_eq!(ed.section(), Section::Inspection);
    assert_eq!(ed.inspection.focused().unwrap().name, "locode");
    keys(&mut a, &mut s, "<c-p>");
    a.screens.record.editor.as_mut().unwrap().shipment.focus = 12;
    assert!(screen_text(&a).contains("contains 'A'"));
    // discard it from the list (asks first; kept in the audit log)
    keys(&mut a, &mut s, "<esc>d");
    assert_eq!(a.context(), Context::Confirm);
    keys(&mut a, &mut s, "n");
    assert_eq!(count(&s, "shipments"), 1);
    keys(&mut a, &mut s, "dy");
    assert_eq!(count(&s, "shipments"), 0);
    assert!(a.screens.record.drafts.is_empty());
}

#[test]
fn the_shipments_tab_starts_an_inspection_of_the_selected_shipment() {
    let mut s = store_with_shipments(3);
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "2");
    let id = a.screens.shipments.rows[0].id.clone();
    keys(&mut a, &mut s, "i");
    assert_eq!(a.tab, Tab::Record);
    let ed = editor(&a);
    assert_eq!(ed.shipment_id.as_deref(), Some(id.as_str()));
    assert!(ed.shipment_final);
    assert_eq!(ed.section(), Section::Inspection);
    keys(&mut a, &mut s, "CNSHA");
    let insp = s.records().inspections_of(&id).unwrap();
    assert!(insp.iter().any(|(_, st)| st == "draft"), "{insp:?}");
    // the finalized shipment itself cannot change
    keys(&mut a, &mut s, "<c-p>x");
    assert!(a.message.as_ref().unwrap().text.contains("finalized"));
    // o opens the shipment's latest record: the draft just started
    keys(&mut a, &mut s, "<esc>2o");
    assert_eq!(a.tab, Tab::Record);
    let ed = editor(&a);
    assert_eq!(ed.shipment_id.as_deref(), Some(id.as_str()));
    assert_eq!(ed.inspection.get("locode"), "CNSHA");
    // n starts a blank record from the Shipments tab
    keys(&mut a, &mut s, "<esc>2n");
    assert_eq!(a.tab, Tab::Record);
    assert!(editor(&a).shipment_id.is_none());
}

#[test]
fn read_only_hides_every_write_from_keys_and_help() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("field.db");
    {
        let mut s = crate::support::harness::try_open(&path).unwrap();
        minspect::store::setup_new_database(&mut s, &crate::support::init_opts()).unwrap();
        s.rules_mut().install_pack(TEST_PACK, "test").unwrap();
        let mut a = app(&mut s, 80, 24);
        keys(&mut a, &mut s, "3n");
        keys(&mut a, &mut s, SHIPMENT_KEYS);
    }
    let mut s = crate::support::harness::try_open_read_only(&path).unwrap();
    let mut a = App::new(
        &mut s,
        Keymap::default(),
        Theme::new(false, 16),
        clock(),
        (80, 24),
    )
    .unwrap();
    for ctx in [Context::Record, Context::RecordForm, Context::Shipments] {
        let rows = HelpState::new(ctx, minspect::domain::Lang::En).rows(&a.keymap);
        assert!(rows.iter().all(|r| !r.action.is_write()), "{ctx:?}");
    }
    assert!(a.keymap.bindings().all(|b| !b.action.is_write()));
    keys(&mut a, &mut s, "3n");
    assert!(
        a.screens.record.editor.is_none(),
        "n does nothing read-only"
    );
    keys(&mut a, &mut s, "<enter>");
    assert!(
        a.screens.record.editor.is_some(),
        "drafts can still be read"
    );
    keys(&mut a, &mut s, "<c-f>x");
    assert!(a.message.as_ref().unwrap().text.contains("read-only"));
    assert_eq!(count(&s, "outbox"), 0);
    for act in [Action::Finalize, Action::AddItem, Action::AddCustody] {
        assert!(act.is_write());
    }
}

#[test]
fn escape_sequences_in_a_draft_never_reach_the_screen() {
    use minspect::domain::{Finding, Inspection, Shipment};
    let mut s = store();
    let evil = "Evil\u{1b}[2J\u{1b}]0;pwned\u{7} Metals\u{9b}31m";
    let shipment = s
        .records_mut()
        .create_shipment(&Shipment {
            exporter_name: evil.into(),
            description: "zinc\u{1b}[?1049l ingots".into(),
            ..Shipment::default()
        })
        .unwrap();
    let inspection = s
        .records_mut()
        .start_inspection(
            &shipment,
            &Inspection {
                narrative: format!("line one\n{evil}\nline three"),
                ..Inspection::default()
            },
        )
        .unwrap();
    s.records_mut()
        .add_finding(
            &inspection,
            &Finding {
                found: evil.into(),
                ..Finding::default()
            },
        )
        .unwrap();
    let mut a = app(&mut s, 80, 24);
    assert_eq!(a.tab, Tab::Record);
    let mut screens = vec![screen_text(&a)];
    keys(&mut a, &mut s, "<enter>");
    screens.push(screen_text(&a));
    keys(&mut a, &mut s, "<c-n>");
    screens.push(screen_text(&a));
    keys(&mut a, &mut s, "<c-n><c-n>");
    screens.push(screen_text(&a));
    for text in &screens {
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{9b}') && !text.contains('\u{7}'),
            "{text}"
        );
    }
    assert!(screens[1].contains("Evil␛[2J"), "{}", screens[1]);
    assert!(screens[3].contains("Evil␛[2J"), "{}", screens[3]);
    assert_eq!(editor(&a).section(), Section::Findings);
}
