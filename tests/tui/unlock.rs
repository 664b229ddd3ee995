//! The passphrase prompt drawn at 80x24 in both languages: the typed characters show as
//! dots only, a wrong passphrase is said; a new file's passphrase is asked twice.

use minspect::domain::Lang;
use minspect::tui::action::Action;
use minspect::tui::screens::unlock::{Ask, UnlockForm, UnlockOutcome};
use minspect::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn draw(form: &UnlockForm) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| form.render(f, f.area(), &Theme::new(false, 16)))
        .unwrap();
    t
}

#[test]
fn the_prompt_masks_what_is_typed_and_says_a_wrong_passphrase() {
    for lang in [Lang::En, Lang::Zh] {
        let mut form = UnlockForm::new("field.db".into(), Ask::Existing, lang);
        for c in "antimony".chars() {
            form.type_char(c);
        }
        let t = draw(&form);
        let text = format!("{}", t.backend());
        assert!(!text.contains("antimony"), "{text}");
        assert!(text.contains("••••••••"), "{text}");
        let typed = form.update(Action::Accept);
        assert_eq!(
            typed,
            UnlockOutcome::Try(minspect::store::Passphrase::new("antimony"))
        );
        form.wrong();
        let tag = format!("{lang:?}").to_lowercase();
        insta::assert_snapshot!(format!("unlock_wrong_{tag}_80x24"), draw(&form).backend());
        assert_eq!(form.update(Action::Quit), UnlockOutcome::Quit);
    }
}

#[test]
fn a_new_passphrase_is_asked_twice_and_must_agree() {
    let mut form = UnlockForm::new("new.db".into(), Ask::New { first: None }, Lang::En);
    assert_eq!(form.update(Action::Accept), UnlockOutcome::Continue);
    assert_eq!(form.error, Some("unlock-empty"));
    form.type_char('a');
    assert_eq!(form.update(Action::Accept), UnlockOutcome::Continue);
    form.type_char('b');
    assert_eq!(form.update(Action::Accept), UnlockOutcome::Continue);
    assert_eq!(form.error, Some("unlock-new-differ"));
    assert_eq!(form.ask, Ask::New { first: None });
    form.type_char('a');
    form.update(Action::Accept);
    form.type_char('a');
    assert_eq!(
        form.update(Action::Accept),
        UnlockOutcome::Try(minspect::store::Passphrase::new("a"))
    );
}
