//! Streaming import, both passes: bundles forged with the device's own key (so only the
//! internal checks can catch them) are refused naming the check and the first bad record,
//! and pass 2 refuses a file whose bytes differ from what pass 1 verified.

use std::io::Cursor;

use ed25519_dalek::SigningKey;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::bundle::{Sig, SigLine};
use super::keys::sign_hex;
use super::verify::tests::{rows, rows_with_reason, write};
use super::verify::verify;
use crate::domain::World;

fn key() -> SigningKey {
    SigningKey::from_bytes(&[7; 32])
}

fn lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8(bytes.to_vec())
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

fn join(lines: &[String]) -> Vec<u8> {
    (lines.join("\n") + "\n").into_bytes()
}

/// Re-signs `lines` (header, records, manifest, signature) as the device would: the
/// manifest's record hashes recomputed, then `edit` applied to the manifest.
fn resign(lines: &[String], edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let n = lines.len();
    let mut m: Value = serde_json::from_str(&lines[n - 2]).unwrap();
    let shas: Vec<Value> = lines[1..n - 2]
        .iter()
        .map(|l| hex::encode(Sha256::digest(l.as_bytes())).into())
        .collect();
    m["manifest"]["record_sha256"] = shas.into();
    edit(&mut m["manifest"]);
    let manifest = m.to_string();
    // the header names the manifest's range, and the signature covers both
    let mut h: Value = serde_json::from_str(&lines[0]).unwrap();
    h["bundle"]["seq_from"] = m["manifest"]["seq_from"].clone();
    h["bundle"]["seq_to"] = m["manifest"]["seq_to"].clone();
    let header = h.to_string();
    let sig = SigLine {
        signature: Sig {
            alg: "ed25519".into(),
            signer: "dev".into(),
            value: sign_hex(&key(), format!("{header}\n{manifest}").as_bytes()),
        },
    };
    let mut out = lines[..n - 2].to_vec();
    out[0] = header;
    out.push(manifest);
    out.push(serde_json::to_string(&sig).unwrap());
    join(&out)
}

fn refusal(bytes: &[u8]) -> String {
    let pk = key().verifying_key().to_bytes();
    verify(&mut Cursor::new(bytes), World::Live, |_| Ok(Some(pk)), 1)
        .unwrap_err()
        .to_string()
}

/// Replaces `from` by `to` once in line `i`.
fn edit(lines: &[String], i: usize, from: &str, to: &str) -> Vec<String> {
    let mut l = lines.to_vec();
    let edited = l[i].replacen(from, to, 1);
    assert_ne!(edited, l[i], "'{from}' not in line {i}");
    l[i] = edited;
    l
}

#[test]
fn forged_bundles_are_refused_naming_the_check_and_the_first_bad_record() {
    let rs = rows(4);
    let good = lines(&write(&rs, &key()));
    let n = good.len();
    let genesis = crate::store::chain::GENESIS_HASH;

    let mut swapped = good.clone();
    swapped.swap(2, 3);
    let e = refusal(&resign(&swapped, |_| {}));
    assert!(
        e.contains("sequence broken: record seq 3 (id r3) is at the place of seq 2"),
        "{e}"
    );

    let relinked = edit(&good, 3, &rs[1].hash, genesis); // seq 3's prev_hash
    let e = refusal(&resign(&relinked, |_| {}));
    assert!(e.contains("chain link broken: record seq 3 (id r3)"), "{e}");

    let repaid = edit(&good, 2, "line", "lime"); // seq 2's payload, hash kept
    let e = refusal(&resign(&repaid, |_| {}));
    assert!(e.contains("record hash wrong: record seq 2 (id r2)"), "{e}");

    let e = refusal(&resign(&good, |m| {
        m["chain_head"] = rs[2].hash.clone().into()
    }));
    assert!(e.contains("chain head wrong: the last record seq 4"), "{e}");

    let e = refusal(&resign(&good, |m| m["count"] = 3.into()));
    assert!(
        e.contains("manifest inconsistent: seq 1..4 with 3 records"),
        "{e}"
    );

    // the first bad record is named, whatever the check: seq 2 (link) before seq 3 (SHA)
    let signed = lines(&resign(&edit(&good, 2, &rs[0].hash, genesis), |_| {}));
    let e = refusal(&join(&edit(&signed, 3, "line", "lime")));
    assert!(e.contains("chain link broken: record seq 2 (id r2)"), "{e}");
    // ... and seq 1 (SHA) before seq 2 (link)
    let e = refusal(&join(&edit(&signed, 1, "line", "lime")));
    assert!(
        e.contains("record seq 1 (id r1): SHA-256 does not match"),
        "{e}"
    );

    // a count mismatch comes before any record check
    let mut extra = good.clone();
    extra.insert(2, good[2].clone());
    let e = refusal(&join(&extra));
    assert!(
        e.contains("extra record: the bundle holds 5 record lines"),
        "{e}"
    );
    let mut short = edit(&good, 1, "line", "lime");
    short.remove(3);
    let e = refusal(&join(&short));
    assert!(
        e.contains("record missing") && e.contains("seq 3 is missing"),
        "{e}"
    );

    // a manifest with no record lines before it, and an empty record line
    let e = refusal(&join(&[
        good[0].clone(),
        good[n - 2].clone(),
        good[n - 1].clone(),
    ]));
    assert!(
        e.contains("record missing") && e.contains("seq 1 is missing"),
        "{e}"
    );
    let mut blank = good.clone();
    blank[2] = String::new();
    let e = refusal(&join(&blank));
    assert!(e.contains("record seq 2: SHA-256 does not match"), "{e}");
}

#[test]
fn pass_two_refuses_bytes_other_than_the_verified_ones() {
    let good = write(&rows(4), &key());
    let pk = key().verifying_key().to_bytes();
    let v = verify(
        &mut Cursor::new(&good[..]),
        World::Live,
        |_| Ok(Some(pk)),
        1,
    )
    .unwrap();
    let l = lines(&good);
    let read_all = |bytes: &[u8]| {
        let mut records = v.reread(Cursor::new(bytes)).unwrap();
        let mut seqs = Vec::new();
        loop {
            match records.next_record() {
                Ok(Some(r)) => seqs.push(r.seq),
                Ok(None) => return (seqs, None),
                Err(e) => return (seqs, Some(e.to_string())),
            }
        }
    };
    assert_eq!(read_all(&good), (vec![1, 2, 3, 4], None));

    // record seq 3 changed (still valid JSON): seq 1 and 2 came through, then the refusal
    let (seqs, e) = read_all(&join(&edit(&l, 3, "line", "lime")));
    let e = e.unwrap();
    assert_eq!(seqs, vec![1, 2]);
    assert!(
        e.contains("the file changed after it was verified: record seq 3 (id r3): SHA-256"),
        "{e}"
    );
    assert!(e.contains("nothing was imported"), "{e}");

    // cut short after seq 2, and cut inside seq 4
    let (seqs, e) = read_all(&join(&l[..3]));
    assert_eq!(seqs, vec![1, 2]);
    assert!(e.unwrap().contains("the file ends before record seq 3"));
    let cut = l[..4].join("\n") + "\n" + &l[4][..10];
    let (seqs, e) = read_all(cut.as_bytes());
    assert_eq!(seqs, vec![1, 2, 3]);
    assert!(e.unwrap().contains("the file ends before record seq 4"));

    // a longer header shifts every record: nothing matches at the verified offset
    let shifted = join(&edit(&l, 0, "\"b1\"", "\"b1-longer\""));
    let (seqs, e) = read_all(&shifted);
    assert!(seqs.is_empty());
    assert!(e.unwrap().contains("record seq 1: SHA-256"));

    // lines after the last listed record are not read
    let mut more = l.clone();
    more.insert(5, "junk".into());
    assert_eq!(read_all(&join(&more)), (vec![1, 2, 3, 4], None));
}

#[test]
fn lines_longer_than_the_read_buffers_verify_and_read_back_exactly() {
    let rows = rows_with_reason(3, |seq| "x".repeat(300_000 * seq as usize));
    let bytes = write(&rows, &key());
    let pk = key().verifying_key().to_bytes();
    let v = verify(
        &mut Cursor::new(&bytes[..]),
        World::Live,
        |_| Ok(Some(pk)),
        1,
    )
    .unwrap();
    let mut records = v.reread(Cursor::new(&bytes[..])).unwrap();
    for row in &rows {
        let r = records.next_record().unwrap().unwrap();
        assert_eq!(
            (r.seq, &r.payload, &r.hash),
            (row.seq, &row.payload, &row.hash)
        );
    }
    assert!(records.next_record().unwrap().is_none());
}
