//! The real binary's rules commands, end to end: list and the five searches, show,
//! import (malformed, older and newer packs), and database text sanitized on output.

use predicates::prelude::*;

use crate::commands::{bin, fresh, snapshot, stdout};

#[test]
fn rules_list_and_the_five_searches() {
    let (_dir, db) = fresh();
    let list = stdout(bin(&db).args(["rules", "list"]));
    assert!(list.starts_with("rule pack 2026.03.1"), "{list}");
    assert!(list.lines().count() > 80);
    let json: serde_json::Value =
        serde_json::from_str(&stdout(bin(&db).args(["rules", "list", "--json"]))).unwrap();
    assert!(json["items"].as_array().unwrap().len() > 80);
    for (q, first) in [
        ("gallium", "ga-metal"),
        ("镓", "ga-metal"),
        ("GaAs", "ga-arsenide"),
        ("Sb2O3", "sb-oxide"),
        ("1C117", "w-apt"),
    ] {
        let out = stdout(bin(&db).args(["rules", "search", q]));
        assert!(out.starts_with(first), "search {q}: {out}");
        let j: serde_json::Value =
            serde_json::from_str(&stdout(bin(&db).args(["rules", "search", q, "--json"]))).unwrap();
        assert_eq!(j["results"][0]["id"], first, "search {q} --json");
    }
    let hs = stdout(bin(&db).args(["rules", "search", "2825", "--limit", "4"]));
    for id in ["ga-oxide", "ge-dioxide", "sb-oxide", "w-oxide"] {
        assert!(hs.contains(id), "2825: {hs}");
    }
    bin(&db)
        .args(["rules", "search", "zzzz-none"])
        .assert()
        .success()
        .stdout(predicate::str::contains("no rule matches"));
}

#[test]
fn rules_show_everything() {
    let (_dir, db) = fresh();
    let out = stdout(bin(&db).args(["rules", "show", "ga-metal"]));
    for want in [
        "金属镓",
        "8110929010 (probably a misprint for 8112929010)",
        "2023 No. 23",
        "effective 2023-08-01",
        "D-US-2",
        "2025 No. 72",
        "UNCONFIRMED",
        "source: http",
    ] {
        assert!(out.contains(want), "missing {want}: {out}");
    }
    // 2025 No. 72 suspends clause 2 of 2024 No. 46 only: not clause 1 (US military)
    let section = |out: &str, clause: &str| -> String {
        let from = out.find(&format!("clause {clause}:")).unwrap();
        let rest = &out[from..];
        let end = rest.find("\n  clause ").map_or(rest.len(), |e| e + 1);
        rest[..end].to_string()
    };
    let mil = section(&out, "D-US-MIL");
    assert!(
        !mil.contains("suspended"),
        "clause 1 shown suspended: {mil}"
    );
    let two = section(&out, "D-US-2");
    assert!(
        two.contains("clause 2 suspended 2025-11-09 to 2026-11-27 by 2025 No. 72"),
        "{two}"
    );
    let mil = stdout(bin(&db).args(["rules", "show", "D-US-MIL"]));
    assert!(!mil.contains("suspended"), "{mil}");
    let two = stdout(bin(&db).args(["rules", "show", "D-US-2"]));
    assert!(two.contains("suspended 2025-11-09 to 2026-11-27"), "{two}");
    let out = stdout(bin(&db).args(["rules", "show", "gr-artificial"]));
    assert!(
        out.contains("criterion: purity_pct > 99.9") && out.contains("density_g_cm3 > 1.73"),
        "{out}"
    );
    let out = stdout(bin(&db).args(["rules", "show", "2025-57"]));
    assert!(
        out.contains("suspended 2025-11-07 to 2026-11-10 by 2025 No. 70"),
        "{out}"
    );
    let j: serde_json::Value = serde_json::from_str(&stdout(bin(&db).args([
        "rules",
        "show",
        "re-dy-magnet",
        "--json",
    ])))
    .unwrap();
    assert_eq!(j["item"]["control_code"], "1C905.a.4");
    assert_eq!(j["announcement"]["number"], "2025 No. 18");
    stdout(bin(&db).args(["rules", "show", "M4"]));
    bin(&db)
        .args(["rules", "show", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ID: no item"));
}

#[test]
fn rules_import_refuses_malformed_and_older_packs() {
    let (dir, db) = fresh();
    let pack = minspect::rules::EMBEDDED_PACK;
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        pack.replacen(
            "published = \"2026-03-15\"",
            "published = \"2026-03-15\"\nbogus = 1",
            1,
        ),
    )
    .unwrap();
    let before = snapshot(&db);
    bin(&db)
        .args(["rules", "import", "--unsigned"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::is_match(r"bad\.toml:14: unknown field `bogus`").unwrap());
    let bad_hs = dir.path().join("badhs.toml");
    std::fs::write(
        &bad_hs,
        pack.replacen("{ code = \"2850001901\" }", "{ code = \"28500A1901\" }", 1),
    )
    .unwrap();
    bin(&db)
        .args(["rules", "import", "--unsigned"])
        .arg(&bad_hs)
        .assert()
        .code(2)
        .stderr(
            predicate::str::is_match(r"badhs\.toml:\d+: item ga-gan: HS code '28500A1901'")
                .unwrap(),
        );
    let older = dir.path().join("older.toml");
    std::fs::write(
        &older,
        pack.replacen("version = \"2026.03.1\"", "version = \"2025.12.1\"", 1),
    )
    .unwrap();
    bin(&db)
        .args(["rules", "import", "--unsigned"])
        .arg(&older)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("older than the installed 2026.03.1")
                .and(predicate::str::contains("--force")),
        );
    assert!(
        snapshot(&db) == before,
        "a refused import changed the database"
    );
    bin(&db)
        .args(["rules", "import", "--unsigned", "--force", "--json"])
        .arg(&older)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("\"version\":\"2025.12.1\"")
                .and(predicate::str::contains("\"previous\":\"2026.03.1\"")),
        );
    assert!(stdout(bin(&db).args(["rules", "list"])).starts_with("rule pack 2025.12.1"));
    let newer = dir.path().join("newer.toml");
    std::fs::write(
        &newer,
        pack.replacen("version = \"2026.03.1\"", "version = \"2026.04.1\"", 1),
    )
    .unwrap();
    let out = stdout(bin(&db).args(["rules", "import", "--unsigned"]).arg(&newer));
    assert!(
        out.contains("installed UNSIGNED rule pack 2026.04.1"),
        "{out}"
    );
    bin(&db)
        .args(["rules", "import", "--unsigned"])
        .arg(&newer)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already installed"));
}

#[test]
fn database_text_is_sanitized() {
    let (dir, db) = fresh();
    let evil = minspect::rules::EMBEDDED_PACK
        .replacen("version = \"2026.03.1\"", "version = \"2026.04.1\"", 1)
        .replacen(
            "name_en = \"Gallium metal (elemental)\"",
            "name_en = \"Gallium \\u001b[2Jmetal\"",
            1,
        );
    let file = dir.path().join("evil.toml");
    std::fs::write(&file, evil).unwrap();
    stdout(bin(&db).args(["rules", "import", "--unsigned"]).arg(&file));
    let out = stdout(bin(&db).args(["rules", "show", "ga-metal"]));
    assert!(
        !out.contains('\u{1b}') && out.contains("Gallium ␛[2Jmetal"),
        "{out}"
    );
}
