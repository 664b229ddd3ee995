//! The interface language from the command line (DESIGN section 7): `--lang`, else
//! `MINSPECT_LANG`, else the officer's stored choice, else the locale, else English; the
//! quayside text in Chinese; machine output the same in every language.

use minspect::domain::Lang;
use minspect_testkit::StoreKit;

use super::commands::{DY, bin, fresh, stdout};

/// `bin` without the harness's English pin and with the locale given.
fn unpinned(db: &std::path::Path, locale: &str) -> assert_cmd::Command {
    let mut c = bin(db);
    c.env_remove("MINSPECT_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale);
    c
}

#[test]
fn screen_speaks_chinese_with_lang_zh_from_the_pack_s_chinese_names() {
    let (_dir, db) = fresh();
    let out = stdout(
        bin(&db)
            .args(["--lang", "zh", "screen", "--facts", "-"])
            .write_stdin(DY),
    );
    assert!(out.starts_with("需要许可证  （截至 "), "{out}");
    assert!(out.contains("含镝钕铁硼永磁体"), "{out}");
    assert!(
        out.contains("[管制物项 · 2025 No. 18 · 1C905.a.4]"),
        "{out}"
    );
    assert!(out.contains("出口须申领两用物项和技术出口许可证"), "{out}");
    assert!(!out.contains("LICENCE REQUIRED"), "{out}");
    // a reason the catalogue has no Chinese words for yet is English, and says so
    for line in out.lines().filter(|l| l.starts_with("   ")) {
        let ascii = line.chars().filter(char::is_ascii_alphabetic).count();
        let cjk = line.chars().filter(|c| *c > '\u{2e80}').count();
        assert!(cjk > 0 || ascii == 0, "English without its mark: {line}");
    }
}

#[test]
fn the_locale_decides_when_nothing_else_does() {
    let (_dir, db) = fresh();
    let zh = stdout(
        unpinned(&db, "zh_CN.UTF-8")
            .args(["screen", "--facts", "-"])
            .write_stdin(DY),
    );
    assert!(zh.starts_with("需要许可证"), "{zh}");
    let en = stdout(
        unpinned(&db, "fr_FR.UTF-8")
            .args(["screen", "--facts", "-"])
            .write_stdin(DY),
    );
    assert!(en.starts_with("LICENCE REQUIRED"), "{en}");
    // MINSPECT_LANG wins over the locale, --lang over both
    let pinned = stdout(
        unpinned(&db, "zh_CN.UTF-8")
            .env("MINSPECT_LANG", "en")
            .args(["screen", "--facts", "-"])
            .write_stdin(DY),
    );
    assert!(pinned.starts_with("LICENCE REQUIRED"), "{pinned}");
    let flag = stdout(
        unpinned(&db, "C")
            .env("MINSPECT_LANG", "en")
            .args(["--lang", "zh", "screen", "--facts", "-"])
            .write_stdin(DY),
    );
    assert!(flag.starts_with("需要许可证"), "{flag}");
}

#[test]
fn the_officer_s_stored_choice_comes_before_the_locale() {
    let (_dir, db) = fresh();
    let mut store = crate::support::harness::open(&db);
    store.hq_mut().set_language(Lang::Zh).unwrap();
    assert_eq!(store.hq().language().unwrap(), Some(Lang::Zh));
    drop(store);
    let out = stdout(
        unpinned(&db, "en_US.UTF-8")
            .args(["screen", "--facts", "-"])
            .write_stdin(DY),
    );
    assert!(out.starts_with("需要许可证"), "{out}");
    let out = stdout(
        unpinned(&db, "en_US.UTF-8")
            .env("MINSPECT_LANG", "en")
            .args(["screen", "--facts", "-"])
            .write_stdin(DY),
    );
    assert!(out.starts_with("LICENCE REQUIRED"), "{out}");
}

#[test]
fn an_unknown_language_is_refused_naming_the_setting() {
    let (_dir, db) = fresh();
    let out = bin(&db)
        .args(["--lang", "fr", "screen", "--facts", "-"])
        .write_stdin(DY)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("--lang: 'fr' is not a language minspect speaks; use en or zh"),
        "{err}"
    );
    let out = unpinned(&db, "C")
        .env("MINSPECT_LANG", "klingon")
        .args(["rules", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("MINSPECT_LANG: 'klingon'")
    );
}

#[test]
fn json_is_the_same_in_every_language_with_stable_message_ids() {
    let (_dir, db) = fresh();
    let json = |lang: &str| -> serde_json::Value {
        let out = stdout(
            bin(&db)
                .args(["--lang", lang, "screen", "--json", "--facts", "-"])
                .write_stdin(DY),
        );
        serde_json::from_str(&out).unwrap()
    };
    let (en, zh) = (json("en"), json("zh"));
    assert_eq!(en, zh);
    assert_eq!(en["verdict"], "licence_required");
    let item = en["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["kind"] == "item")
        .unwrap();
    assert_eq!(item["message_id"], "hit-controlled");
    assert_eq!(item["message_args"]["name_zh"], "含镝钕铁硼永磁体");
    assert!(
        item["message"]
            .as_str()
            .unwrap()
            .contains("is controlled under")
    );
}

#[test]
fn the_receipt_in_chinese_and_bilingual_for_the_exporter() {
    let (_dir, db) = fresh();
    let made = crate::support::harness::open(&db)
        .test_support_finalize_samples(11)
        .unwrap();
    let id = made
        .iter()
        .find(|m| m.seizure_id.is_some())
        .unwrap()
        .inspection_id
        .clone();
    let text = |args: &[&str]| {
        let mut c = bin(&db);
        c.args(args).args(["record", "receipt", &id]);
        stdout(&mut c)
    };
    let en = text(&[]);
    assert!(en.starts_with("Seizure receipt\n"), "{en}");
    // the receipt names the inspecting officer, with the badge, and gives local times
    // with their offset
    let officer = en
        .lines()
        .find(|l| l.starts_with("Inspecting officer"))
        .unwrap_or_else(|| panic!("{en}"));
    assert!(officer.contains("(badge "), "{officer}");
    let started = en.lines().find(|l| l.starts_with("Started")).unwrap();
    assert!(
        started.contains(" +") || started.contains(" -"),
        "the offset: {started}"
    );
    let zh = text(&["--lang", "zh"]);
    assert!(zh.starts_with("扣押收据\n"), "{zh}");
    assert!(zh.contains("查验关员") && zh.contains("警号"), "{zh}");
    assert!(
        zh.contains("法律依据") && !zh.contains("Seizure receipt"),
        "{zh}"
    );
    let mut c = bin(&db);
    c.args(["record", "receipt", &id, "--bilingual"]);
    let both = stdout(&mut c);
    assert!(both.starts_with("扣押收据 / Seizure receipt\n"), "{both}");
    assert!(both.contains("货物 / Goods"), "{both}");
    assert!(both.contains("(badge "), "{both}");
    // a sentence: Chinese, then the same in English on the line below
    let zh_line = both
        .lines()
        .position(|l| l.starts_with("查验 ") && l.contains("定稿"))
        .unwrap();
    assert!(
        both.lines().nth(zh_line + 1).unwrap().contains("finalized"),
        "{both}"
    );
}
