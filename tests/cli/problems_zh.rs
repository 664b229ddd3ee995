//! Problems the layers below find, said as message ids: in `--lang zh` the CLI words them
//! in Chinese with the exit code unchanged (2, nothing written), and in English the
//! sentence is the one it always was (rendered from the catalogue).

use minspect::domain::{
    ContainerNo, CreditCode, Lang, Locode, RecordImport, parse_composition, parse_weight_g,
};
use minspect::i18n::field_error;

use super::commands::{bin, fresh, snapshot, stdout};

/// (exit code, stderr) of `minspect --lang LANG ARGS` with `stdin`.
fn run(db: &std::path::Path, lang: &str, args: &[&str], stdin: &str) -> (Option<i32>, String) {
    let out = bin(db)
        .args(["--lang", lang])
        .args(args)
        .write_stdin(stdin.to_string())
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

fn both(e: &minspect::domain::FieldError) -> (String, String) {
    (field_error(Lang::En, e), field_error(Lang::Zh, e))
}

#[test]
fn screening_facts_are_refused_in_chinese_with_exit_2() {
    let (_dir, db) = fresh();
    let before = snapshot(&db);
    let cases = [
        (
            r#"{"date":"2025-01-01","hs_code":"2825AB9001"}"#,
            "“2825AB9001”含有“A”；HS 编码只能是数字（可含点和空格）",
        ),
        (
            r#"{"date":"2025-06-01","composition":{"Ga":60,"Zn":60}}"#,
            "各百分比合计 120.00，超过 100",
        ),
        (
            r#"{"date":"2025-06-01","measurements":{"purity":99.99}}"#,
            "未知检测项；已知：purity_pct",
        ),
        (
            r#"{"hs_code":"2825909001"}"#,
            "缺失；请以 YYYY-MM-DD 格式填写货物日期",
        ),
        (r#"[1]"#, "应为 JSON 对象"),
    ];
    for (facts, want) in cases {
        let (code, err) = run(&db, "zh", &["screen", "--facts", "-"], facts);
        assert_eq!(code, Some(2), "{facts}: {err}");
        assert!(err.contains(want), "{facts}: expected '{want}' in {err}");
        assert!(!err.contains("dp-") && !err.contains("fp-"), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
    let (code, err) = run(&db, "en", &["screen", "--facts", "-"], r#"[1]"#);
    assert_eq!(code, Some(2));
    assert_eq!(err, "minspect: facts: expected a JSON object\n");
    assert_eq!(snapshot(&db), before, "nothing written");
}

#[test]
fn a_key_of_the_wrong_kind_is_refused_in_chinese_and_in_the_same_english() {
    let (dir, db) = fresh();
    let key = dir.path().join("field.key");
    stdout(bin(&db).args(["device", "export-key", "--out"]).arg(&key));
    let key = key.to_str().unwrap();
    // a field device trusts headquarters keys only (its own is a field key)
    let (code, err) = run(&db, "zh", &["device", "trust", key], "");
    assert_eq!(code, Some(2), "{err}");
    assert_eq!(
        err,
        "minspect: 种类（kind）：正式环境的现场设备只信任 hq 密钥；此密钥文件属于 field 设备\n"
    );
    let (code, err) = run(&db, "en", &["device", "trust", key], "");
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "minspect: kind: a live field device trusts hq keys only; this key file is for a field device\n"
    );
    // an existing --out in Chinese, from the sync layer's message id
    let (code, err) = run(&db, "zh", &["device", "export-key", "--out", key], "");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("已存在；请换一个名称，或加 --force 覆盖"),
        "{err}"
    );
    let (code, err) = run(&db, "en", &["device", "export-key", "--out", key], "");
    assert_eq!(code, Some(2));
    assert!(
        err.ends_with(" already exists; give another name or --force to overwrite it\n"),
        "{err}"
    );
}

#[test]
fn a_version_2_key_file_without_its_world_is_refused_in_chinese() {
    let (dir, db) = fresh();
    let key = dir.path().join("k.key");
    stdout(bin(&db).args(["device", "export-key", "--out"]).arg(&key));
    let text = std::fs::read_to_string(&key).unwrap();
    let bad = dir.path().join("bad.key");
    std::fs::write(&bad, text.replace("  \"world\": \"live\",\n", "")).unwrap();
    let bad = bad.to_str().unwrap();
    let (code, err) = run(&db, "zh", &["device", "trust", bad], "");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("环境（world）：缺失"), "{err}");
    let (_, err) = run(&db, "en", &["device", "trust", bad], "");
    assert!(
        err.contains(": world: missing (a version-2 key file names live or training)"),
        "{err}"
    );
}

#[test]
fn officers_are_managed_at_headquarters_in_chinese_too() {
    let (_dir, db) = fresh();
    let args = [
        "officer", "add", "--name", "X", "--badge", "B", "--role", "officer",
    ];
    let (code, err) = run(&db, "zh", &args, "");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("关员及其登录名在总部管理"), "{err}");
    let (code, err) = run(&db, "en", &args, "");
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "minspect: officers and their logins are managed at headquarters; this database's officer is the one set by `minspect init`\n"
    );
}

#[test]
fn identifier_problems_read_as_before_in_english_and_in_chinese() {
    let (en, zh) = both(&Locode::parse("inspection.locode", "XXSHA").unwrap_err());
    assert_eq!(
        en,
        "inspection.locode: 'XXSHA': 'XX' is not an ISO 3166 country code"
    );
    assert!(zh.ends_with("“XXSHA”：“XX”不是 ISO 3166 国家代码"), "{zh}");
    let (en, zh) = both(&CreditCode::parse("c", "91350100M000100Y44").unwrap_err());
    assert_eq!(
        en,
        "c: '91350100M000100Y44': check character is '4' but should be '3'; a character is mistyped"
    );
    assert!(zh.contains("校验码为“4”，应为“3”"), "{zh}");
    let (en, _) = both(&CreditCode::parse("c", "9135010").unwrap_err());
    assert_eq!(
        en,
        "c: '9135010' has 7 characters; a unified social credit code has 18"
    );
    let (en, zh) = both(&ContainerNo::parse("c", "CSQU3054384").unwrap_err());
    assert_eq!(
        en,
        "c: 'CSQU3054384': check digit is 4 but should be 3; a character is mistyped"
    );
    assert!(zh.contains("校验位为 4，应为 3"), "{zh}");
}

#[test]
fn quantities_compositions_and_import_files_read_as_before() {
    let (en, zh) = both(&parse_weight_g("w", "1.0005 kg").unwrap_err());
    assert_eq!(en, "w: '1.0005' has more than 3 decimal places");
    assert!(zh.contains("小数位超过 3 位"), "{zh}");
    let (en, zh) = both(&parse_weight_g("w", "12 lb").unwrap_err());
    assert_eq!(en, "w: 'lb' is not a weight unit; use kg, g or t");
    assert!(zh.contains("不是重量单位"), "{zh}");
    let (en, _) = both(&parse_composition("composition", "Fe 70%, Nd 40%").unwrap_err());
    assert_eq!(
        en,
        "composition: the percentages add up to 110.00, more than 100"
    );
    let e = RecordImport::from_json(r#"{"shipment": [], "inspection": {}}"#).unwrap_err();
    let (en, zh) = both(&e);
    assert_eq!(en, "shipment: expected an object, got an array");
    assert!(zh.ends_with("应为对象，实为数组"), "{zh}");
    let (en, _) = both(&RecordImport::from_json(r#"{"shipment": {}}"#).unwrap_err());
    assert_eq!(en, "inspection: is missing");
}

#[test]
fn a_broken_scenario_is_refused_in_chinese_with_its_file_and_line() {
    let (dir, db) = fresh();
    let (_, good) = minspect::fixture::scenario::EMBEDDED
        .iter()
        .find(|(id, _)| *id == "clean-release")
        .unwrap();
    let at = good.find("difficulty = ").unwrap();
    let line = good[..at].matches('\n').count() + 1;
    let end = at + good[at..].find('\n').unwrap();
    let broken = format!("{}difficulty = 0{}", &good[..at], &good[end..]);
    std::fs::write(dir.path().join("broken.toml"), broken).unwrap();
    let d = dir.path().to_str().unwrap();
    let args = ["training", "list", "--scenarios", d];
    let (code, err) = run(&db, "zh", &args, "");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains(&format!("broken.toml:{line}：难度为 0；请填 1、2 或 3")),
        "{err}"
    );
    let (code, err) = run(&db, "en", &args, "");
    assert_eq!(code, Some(2));
    assert!(
        err.ends_with(&format!(
            "broken.toml:{line}: difficulty is 0; give 1, 2 or 3\n"
        )),
        "{err}"
    );
}

#[test]
fn the_console_s_confirmed_writes_say_their_outcome_in_chinese() {
    use minspect::tui::pending::PendingWrite;
    let (dir, db) = fresh();
    let mut store = crate::support::harness::open(&db);
    let export = PendingWrite::Export {
        dir: dir.path().to_path_buf(),
    };
    assert_eq!(
        export.run(&mut store, Lang::Zh).as_deref(),
        Ok("无可导出：所有已定稿记录均已确认")
    );
    assert_eq!(
        export.run(&mut store, Lang::En).as_deref(),
        Ok("nothing to export: every finalized record is acknowledged")
    );
    let discard = PendingWrite::Discard { id: "nope".into() };
    let zh = discard.run(&mut store, Lang::Zh).unwrap_err();
    assert!(zh.starts_with("删除失败："), "{zh}");
    let en = discard.run(&mut store, Lang::En).unwrap_err();
    assert!(en.starts_with("discarding: "), "{en}");
}
