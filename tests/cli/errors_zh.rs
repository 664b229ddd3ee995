//! A refused field in the officer's language: the problem is worded from its message id
//! (`src/i18n/*/validate.ftl`), the field named by its form label in Chinese with its path
//! beside it; English stays as it was; nothing changes and the exit code is 2.

use super::commands::{bin, fresh};

/// (exit code, stderr) of `screen` with `facts` in `lang`.
fn refused(lang: &str, facts: &str) -> (Option<i32>, String) {
    let (_dir, db) = fresh();
    let out = bin(&db)
        .args(["--lang", lang, "screen", "--facts", "-"])
        .write_stdin(facts.to_string())
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_bad_destination_in_chinese_names_the_field_in_chinese() {
    let facts = r#"{"date":"2025-04-30","destination":"Switzerland"}"#;
    let (code, err) = refused("zh", facts);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("目的国（destination）：“Switzerland”不是 ISO 3166 两位字母国家代码"),
        "{err}"
    );
    assert!(!err.contains("is not"), "{err}");
    let (code, err) = refused("en", facts);
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "minspect: destination: 'Switzerland' is not an ISO 3166 alpha-2 country code\n"
    );
}

#[test]
fn an_imported_record_s_problems_name_their_fields_in_chinese() {
    let (dir, db) = fresh();
    let mut record: serde_json::Value =
        serde_json::from_str(minspect::cli::EXAMPLE_RECORD).unwrap();
    record["shipment"]["destination"] = "XX".into();
    record["shipment"]["consignee"] = "".into();
    let file = dir.path().join("bad.json");
    std::fs::write(&file, record.to_string()).unwrap();
    let out = bin(&db)
        .args(["--lang", "zh", "record", "import"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("目的国（shipment.destination）：“XX”不是"),
        "{err}"
    );
    assert!(
        err.contains("收货人（shipment.consignee）：为空；请填写收货人"),
        "{err}"
    );
    // nothing was imported
    let drafts = bin(&db)
        .args(["record", "drafts", "--json"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(drafts.stdout).unwrap().trim(), "[]");
}
