//! `minspect report NAME` at headquarters: the numbers of a headquarters filled from a
//! laptop's bundle in every format (CSV parsed back and compared with JSON), Chinese
//! headings, and every refusal with exit 2 and nothing written.

use std::path::{Path, PathBuf};

use crate::support::binary::*;
use serde_json::Value;

/// An HQ database holding the samples of 12 records from laptop `laptop-a`: 11
/// inspections, one seizure (25 kg, 5,000.00 CNY), 11 findings; the first approved.
fn hq_with_samples(dir: &Path) -> PathBuf {
    let (usb, rec) = (dir.join("usb"), dir.join("receipts"));
    std::fs::create_dir_all(&usb).unwrap();
    std::fs::create_dir_all(&rec).unwrap();
    let hq = init(dir, "hq", "hq");
    let a = init(dir, "laptop-a", "field");
    pair(&hq, &a, dir);
    add_records(&a, 12);
    import(&hq, &export(&a, &usb), &rec);
    let id = table(&hq, "inspections")[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    ok(&hq, &["review", "approve", &id]);
    hq
}

fn json(hq: &Path, args: &[&str]) -> Value {
    let mut a = vec!["report"];
    a.extend(args);
    a.extend(["--format", "json"]);
    serde_json::from_str(&ok(hq, &a)).unwrap()
}

#[test]
fn summary_in_every_format_agrees_with_the_samples() {
    let dir = tempfile::tempdir().unwrap();
    let hq = hq_with_samples(dir.path());
    let j = json(&hq, &["summary"]);
    assert_eq!(j["report"], "summary");
    let total = &j["sections"][0]["total"];
    assert_eq!(total["inspections"], 11);
    assert_eq!(total["seizures"], 1);
    assert_eq!(total["seized_kg"], 25.0);
    assert_eq!(total["seized_value_cny_minor"], 500_000);
    assert_eq!(total["findings"], 11);
    assert_eq!(j["sections"][1]["rows"][0]["key"], "2026-03");

    let text = ok(&hq, &["report", "summary", "--format", "csv"]);
    let mut rd = csv::Reader::from_reader(text.as_bytes());
    let head: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        head,
        [
            "section",
            "key",
            "inspections",
            "seized_inspections",
            "seizures",
            "seized_kg",
            "seized_value_cny",
            "findings"
        ]
    );
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    let from_json: Vec<(String, String, String)> = j["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            s["rows"].as_array().unwrap().iter().map(move |r| {
                (
                    s["section"].as_str().unwrap().to_string(),
                    r["key"].as_str().unwrap().to_string(),
                    r["inspections"].to_string(),
                )
            })
        })
        .collect();
    let from_csv: Vec<(String, String, String)> = rows
        .iter()
        .map(|r| (r[0].to_string(), r[1].to_string(), r[2].to_string()))
        .collect();
    assert_eq!(from_csv, from_json, "CSV rows are the JSON rows");
    assert!(rows.iter().all(|r| &r[6] == "5000.00" || r[4] == *"0"));

    let md = ok(&hq, &["report", "summary", "--format", "md"]);
    assert!(
        md.starts_with("# Summary of inspections and seizures"),
        "{md}"
    );
    assert!(
        md.contains("| **Total** | **11** | **1** | **1** | **25.000** | **5000.00** | **11** |"),
        "{md}"
    );
    let table = ok(&hq, &["report", "summary"]);
    assert!(table.contains("By mineral family"), "{table}");
}

#[test]
fn review_officers_and_exporters_reports() {
    let dir = tempfile::tempdir().unwrap();
    let hq = hq_with_samples(dir.path());
    let r = json(&hq, &["review"]);
    assert_eq!(r["review"]["approved"], 1);
    assert_eq!(r["review"]["pending"], 10);
    assert_eq!(r["review"]["decided"], 1);
    assert!(r["review"]["turnaround_median_s"].is_i64());
    let csv_text = ok(&hq, &["report", "review", "--format", "csv"]);
    assert!(
        csv_text.starts_with("metric,value\npending,10\napproved,1\n"),
        "{csv_text}"
    );
    let o = json(&hq, &["officers", "--officer", "laptop-a"]);
    assert_eq!(o["sections"][0]["rows"][0]["findings"], 11);
    let e = json(
        &hq,
        &[
            "exporters",
            "--port",
            "cnsha",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
        ],
    );
    assert_eq!(
        e["sections"][0]["rows"][0]["key"],
        "Hunan Sample Metals Co."
    );
    assert_eq!(e["scope"]["port"], "CNSHA");
    for name in ["seizures", "inspections"] {
        assert_eq!(
            json(&hq, &[name])["sections"][0]["total"]["inspections"],
            11
        );
    }
}

#[test]
fn chinese_headings_in_md_and_table_and_english_machine_output() {
    let dir = tempfile::tempdir().unwrap();
    let hq = hq_with_samples(dir.path());
    let md = ok(
        &hq,
        &["--lang", "zh", "report", "summary", "--format", "md"],
    );
    assert!(md.starts_with("# 查验与扣押汇总"), "{md}");
    assert!(md.contains("| **合计** |"), "{md}");
    let table = ok(&hq, &["--lang", "zh", "report", "summary"]);
    assert!(
        table.contains("按矿种") && table.contains("扣押量（千克）"),
        "{table}"
    );
    // columns line up in terminal columns: every line of the family table is as wide
    let widths: Vec<usize> = table
        .lines()
        .skip_while(|l| !l.starts_with("按矿种"))
        .skip(1)
        .take(3)
        .map(unicode_width::UnicodeWidthStr::width)
        .collect();
    assert!(
        widths.windows(2).all(|w| w[0] == w[1]),
        "{widths:?}\n{table}"
    );
    let csv_zh = ok(
        &hq,
        &["--lang", "zh", "report", "summary", "--format", "csv"],
    );
    assert!(csv_zh.starts_with("section,key,inspections"), "{csv_zh}");
}

#[test]
fn out_writes_0600_and_refuses_an_existing_file_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let hq = hq_with_samples(dir.path());
    let out = dir.path().join("brief.md");
    let p = out.to_str().unwrap();
    ok(&hq, &["report", "summary", "--format", "md", "--out", p]);
    let first = std::fs::read_to_string(&out).unwrap();
    assert!(first.contains("**Total**"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let e = fails(&hq, &["report", "review", "--out", p], 2);
    assert!(e.contains("--force"), "{e}");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        first,
        "file unchanged"
    );
    ok(
        &hq,
        &["report", "review", "--format", "csv", "--out", p, "--force"],
    );
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("metric,value")
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        !names.iter().any(|n| n.to_string_lossy().ends_with(".tmp")),
        "{names:?}"
    );
}

#[test]
fn every_refusal_names_the_input_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let hq = hq_with_samples(dir.path());
    let out = dir.path().join("never.csv");
    let o = out.to_str().unwrap();
    for (args, needle) in [
        (
            vec!["report", "weekly"],
            "'weekly' is not a report; the reports are summary, seizures",
        ),
        (
            vec!["report", "summary", "--format", "xls"],
            "'xls' is not a format; the formats are table, csv, md, json",
        ),
        (
            vec!["report", "summary", "--from", "2026-13-01"],
            "--from: '2026-13-01' is not a date; write YYYY-MM-DD",
        ),
        (
            vec!["report", "summary", "--to", "march"],
            "--to: 'march' is not a date",
        ),
        (
            vec![
                "report",
                "summary",
                "--from",
                "2026-04-01",
                "--to",
                "2026-03-01",
            ],
            "--from 2026-04-01 is after --to 2026-03-01",
        ),
        (
            vec!["report", "summary", "--officer", "NO-1"],
            "--officer: no officer here has badge 'NO-1'",
        ),
        (
            vec!["report", "summary", "--port", "CNXXX"],
            "--port: no received inspection took place at 'CNXXX'; write a UN/LOCODE",
        ),
        (
            vec!["report", "summary", "--family", "tin"],
            "--family: no received inspection is of family 'tin'; write a family id",
        ),
    ] {
        let mut a = args.clone();
        a.extend(["--out", o]);
        let e = fails(&hq, &a, 2);
        assert!(e.contains(needle), "{args:?}: {e}");
        assert!(!out.exists(), "{args:?} wrote a file");
    }
    let dir2 = tempfile::tempdir().unwrap();
    let laptop = init(dir2.path(), "laptop-b", "field");
    let e = fails(&laptop, &["report", "summary", "--out", o], 2);
    assert!(e.contains("reports are made at headquarters"), "{e}");
    assert!(!out.exists());
}
