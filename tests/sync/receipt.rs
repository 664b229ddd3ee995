//! The seizure receipt for the exporter, in Markdown and plain text.

use crate::support::{example, new_store, pack};
use minspect::domain::{Clock, Record};
use minspect::report::{Receipt, ReceiptFormat};
use minspect::rules::RulePack;

/// The receipt as the CLI and the console make it: built once, rendered in `format`.
fn receipt(
    record: &Record,
    seizure_id: Option<&str>,
    pack: Option<&RulePack>,
    format: ReceiptFormat,
    clock: &Clock,
) -> Result<String, String> {
    Ok(Receipt::build(record, seizure_id, pack, clock)?.render(format))
}

#[test]
fn receipt_lists_shipment_goods_seals_legal_basis_and_custody() {
    let (_dir, mut store) = new_store();
    let mut rec = example();
    rec.seizures[0].seizure.goods = "NdFeB magnets P1179\u{1b}[2J | 12 cartons".into();
    let pack = pack();
    let done = store
        .records_mut()
        .import_record(&rec, true, &pack)
        .unwrap();
    let record = store.records().load_record(&done.inspection_id).unwrap();

    let hash = done.finalized.as_ref().unwrap().hash.clone();
    markdown_receipt_checks(&record, &pack, &hash);
    text_receipt_checks(&record, &pack);
}

/// Markdown: every part of the receipt, times in the clock's zone, text sanitized.
fn markdown_receipt_checks(record: &Record, pack: &RulePack, hash: &str) {
    // times in local time with the offset (DESIGN §3); a fixed +08:00 keeps this exact
    let cst = Clock::system().with_zone(chrono::FixedOffset::east_opt(8 * 3600).unwrap());
    let md = receipt(record, None, Some(pack), ReceiptFormat::Markdown, &cst).unwrap();
    for needle in [
        "# Seizure receipt",
        "| Declaration no. | 223320250704118806 |",
        "Shanghai Example Magnetics Co., Ltd. (credit code 91310115MA1K3T8W50)",
        "| Containers | TGHU8765436 |",
        "| Quantity | 250 kg |",
        "| Estimated value | 66143.20 CNY |",
        "| Seal numbers | CS-0705-001 CS-0705-002 |",
        "| Legal basis | Dysprosium-containing NdFeB permanent magnets [controlled item · 2025 No. 18 · 1C905.a.4] |",
        "| Started | 2025-07-05 09:30 +08:00 |",
        "| 1 | 2025-07-05 16:10 +08:00 | Yangshan Customs inspection team 2 | Yangshan Customs seizure store |",
        "| 2 | 2025-07-08 10:00 +08:00 | Yangshan Customs seizure store | Shanghai Customs anti-smuggling evidence store |",
        hash,
    ] {
        assert!(md.contains(needle), "missing {needle:?} in\n{md}");
    }
    assert!(!md.contains("00Z"), "no UTC times left:\n{md}");
    let west = Clock::system().with_zone(chrono::FixedOffset::west_opt(4 * 3600).unwrap());
    let md_west = receipt(record, None, Some(pack), ReceiptFormat::Markdown, &west).unwrap();
    assert!(
        md_west.contains("| 1 | 2025-07-05 04:10 -04:00 |"),
        "{md_west}"
    );
    // the default is the machine's local zone, with its offset at each instant
    let local_md = receipt(
        record,
        None,
        Some(pack),
        ReceiptFormat::Markdown,
        &Clock::system(),
    )
    .unwrap();
    let at = chrono::DateTime::parse_from_rfc3339("2025-07-05T08:10:00Z").unwrap();
    let here = at.with_timezone(&chrono::Local);
    assert!(
        local_md.contains(&format!("| 1 | {} |", here.format("%Y-%m-%d %H:%M %:z"))),
        "{local_md}"
    );
    assert!(
        !md.contains('\u{1b}'),
        "escape sequences never reach the receipt"
    );
    assert!(
        md.contains("P1179␛[2J \\| 12 cartons"),
        "pipes escaped in tables:\n{md}"
    );
}

/// Plain text, and a receipt for one seizure or none.
fn text_receipt_checks(record: &Record, pack: &RulePack) {
    let text = receipt(
        record,
        None,
        Some(pack),
        ReceiptFormat::Text,
        &Clock::system(),
    )
    .unwrap();
    assert!(
        text.starts_with("Seizure receipt\n===============\n"),
        "{text}"
    );
    assert!(
        text.contains("Seal numbers      CS-0705-001 CS-0705-002"),
        "{text}"
    );
    assert!(text.contains("From: Yangshan Customs seizure store; To: Shanghai Customs anti-smuggling evidence store"), "{text}");
    assert!(!text.contains("|---"));

    // one seizure only, and a record without a seizure
    let sid = &record.seizures[0].seizure.id;
    assert!(
        receipt(
            record,
            Some(sid),
            None,
            ReceiptFormat::Text,
            &Clock::system()
        )
        .is_ok()
    );
    assert!(
        receipt(
            record,
            Some("nope"),
            None,
            ReceiptFormat::Text,
            &Clock::system()
        )
        .is_err()
    );
}

#[test]
fn a_draft_receipt_says_it_is_not_one() {
    let (_dir, mut store) = new_store();
    let mut rec = example();
    rec.seizures[0].custody.clear();
    let pack = pack();
    let done = store
        .records_mut()
        .import_record(&rec, false, &pack)
        .unwrap();
    let record = store.records().load_record(&done.inspection_id).unwrap();
    let text = receipt(&record, None, None, ReceiptFormat::Text, &Clock::system()).unwrap();
    assert!(text.contains("DRAFT: inspection"), "{text}");
    assert!(text.contains("No custody transfer recorded yet."));
}

/// The legal basis names the item as the console does, in each language and without the
/// pack at hand (from the screening stored with the inspection), never by its rule id.
#[test]
fn the_legal_basis_names_the_item_not_its_rule_id() {
    use minspect::domain::Lang;
    use minspect::report::receipt::Words;
    let (_dir, mut store) = new_store();
    let pack = pack();
    let done = store
        .records_mut()
        .import_record(&example(), true, &pack)
        .unwrap();
    let record = store.records().load_record(&done.inspection_id).unwrap();
    let clock = Clock::system();
    let without_pack = receipt(&record, None, None, ReceiptFormat::Markdown, &clock).unwrap();
    assert!(
        without_pack.contains("[controlled item · 2025 No. 18 · 1C905.a.4]"),
        "{without_pack}"
    );
    let both = Words {
        lang: Lang::Zh,
        bilingual: true,
    };
    // the shipped pack has the item's Chinese name
    let shipped: RulePack = toml::from_str(minspect::rules::EMBEDDED_PACK).unwrap();
    let md = Receipt::build_in(&record, None, Some(&shipped), &clock, both)
        .unwrap()
        .render(ReceiptFormat::Markdown);
    assert!(
        md.contains("含镝钕铁硼永磁体 [管制物项 · 2025 No. 18 · 1C905.a.4] / Dysprosium-containing NdFeB permanent magnets [controlled item · 2025 No. 18 · 1C905.a.4]"),
        "{md}"
    );
    for text in [&without_pack, &md] {
        assert!(!text.contains("re-dy-magnet"), "{text}");
    }
    let err = receipt(&record, Some("nope"), None, ReceiptFormat::Text, &clock).unwrap_err();
    assert!(
        err.contains("has no seizure to give a receipt for"),
        "{err}"
    );
}
