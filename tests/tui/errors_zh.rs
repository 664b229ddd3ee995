//! A field error in the console in Chinese: the problem is worded from its message id in
//! the active language, under the field it names, and switching the language rewords it
//! without a new check. 80x24.

use crate::support::flow::*;
use minspect::domain::Lang;

#[test]
fn a_bad_destination_reads_in_chinese_under_its_field() {
    let mut s = store();
    let mut a = app(&mut s, 80, 24);
    a.set_lang(Lang::Zh, &mut s).unwrap();
    keys(&mut a, &mut s, "3n");
    keys(&mut a, &mut s, SHIPMENT_KEYS);
    let idx = minspect::tui::screens::record::shipment::FIELDS
        .iter()
        .position(|f| f.0 == "destination")
        .unwrap();
    a.screens.record.editor.as_mut().unwrap().shipment.focus = idx;
    keys(&mut a, &mut s, "<c-u>XX");
    let err = editor(&a).shipment.fields[idx].error.clone();
    // the English words are kept for the code that reads them; the screen speaks Chinese
    assert_eq!(
        err.as_deref(),
        Some("'XX' is not an ISO 3166 alpha-2 country code")
    );
    let text = screen_text(&a);
    assert!(
        text.contains("“XX”不是 ISO 3166 两位字母国家代码"),
        "{text}"
    );
    assert!(!text.contains("is not an ISO"), "{text}");
    insta::assert_snapshot!("field_error_zh_80x24", text);
    // the same problem in English after the switch, as it always read
    a.set_lang(Lang::En, &mut s).unwrap();
    keys(&mut a, &mut s, "");
    let text = screen_text(&a);
    assert!(text.contains("'XX' is not an ISO 3166"), "{text}");
    assert!(!text.contains("不是 ISO 3166"), "{text}");
}
