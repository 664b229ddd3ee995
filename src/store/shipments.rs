//! The shipment log, read side: filtered keyset pages (newest first) and one shipment's
//! detail. Never OFFSET, never LIKE over the log; every statement is finished before
//! the call returns (no read transaction is held across frames).

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, ToSql};

use super::{Context, Result, Store};
use crate::domain::FieldError;

/// What the log is filtered by. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShipmentFilter {
    /// Free text, matched with FTS5 over declaration no., exporter, consignee, end user,
    /// description, HS code and container numbers (each word as a prefix, all must match).
    pub text: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// ISO 3166 alpha-2.
    pub destination: Option<String>,
    pub family: Option<String>,
    pub status: Option<String>,
}

pub const STATUSES: &[&str] = &[
    "declared",
    "inspecting",
    "released",
    "held",
    "query_issued",
    "seized",
    "referred",
];

impl ShipmentFilter {
    /// Parses a filter line: free words plus `from:DATE to:DATE dest:CC family:NAME
    /// status:NAME`. Errors name the field.
    pub fn parse(line: &str) -> Result<ShipmentFilter, FieldError> {
        let mut f = ShipmentFilter::default();
        let mut words = Vec::new();
        for tok in line.split_whitespace() {
            let Some((key, value)) = tok.split_once(':') else {
                words.push(tok);
                continue;
            };
            match key {
                "from" => f.from = Some(crate::domain::parse_date("from", value)?),
                "to" => f.to = Some(crate::domain::parse_date("to", value)?),
                "dest" | "destination" => {
                    f.destination = Some(
                        crate::domain::Country::parse("dest", value)?
                            .as_str()
                            .to_string(),
                    )
                }
                "family" => {
                    if value.is_empty() {
                        return Err(FieldError::new(
                            "family",
                            "give a family, e.g. family:gallium",
                        ));
                    }
                    f.family = Some(value.to_lowercase())
                }
                "status" => {
                    if !STATUSES.contains(&value) {
                        return Err(FieldError::new(
                            "status",
                            format!("'{value}' is not one of {}", STATUSES.join(", ")),
                        ));
                    }
                    f.status = Some(value.to_string())
                }
                _ => words.push(tok),
            }
        }
        f.text = words.join(" ");
        Ok(f)
    }

    pub fn is_empty(&self) -> bool {
        *self == ShipmentFilter::default()
    }
}

/// The FTS5 query for free text: every word quoted (so punctuation is literal) and
/// matched as a prefix; all words must match. None when there are no words.
pub fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Where a page starts in the (declared_on, id) order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageFrom {
    /// The newest rows.
    Newest,
    /// Rows strictly older than this key (the next page down).
    OlderThan(PageKey),
    /// Rows at or older than this key (the same page, re-read at another size).
    AtOrOlder(PageKey),
    /// Rows strictly newer than this key (the previous page up).
    NewerThan(PageKey),
    /// The oldest rows (the last page).
    Oldest,
}

/// A keyset position: (declared_on, id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageKey {
    pub declared_on: String,
    pub id: String,
}

/// One line of the log table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShipmentRow {
    pub id: String,
    pub declared_on: String,
    pub declaration_no: String,
    pub exporter_name: String,
    pub destination: String,
    pub hs_code: String,
    pub description: String,
    pub family: String,
    pub verdict: String,
    pub status: String,
}

impl ShipmentRow {
    pub fn key(&self) -> PageKey {
        PageKey {
            declared_on: self.declared_on.clone(),
            id: self.id.clone(),
        }
    }
}

const ROW_COLS: &str = "s.id, s.declared_on, s.declaration_no, s.exporter_name, s.destination, \
                        s.hs_code, s.description, s.family, s.verdict, s.status";

fn row_of(r: &Row<'_>) -> rusqlite::Result<ShipmentRow> {
    Ok(ShipmentRow {
        id: r.get(0)?,
        declared_on: r.get(1)?,
        declaration_no: r.get(2)?,
        exporter_name: r.get(3)?,
        destination: r.get(4)?,
        hs_code: r.get(5)?,
        description: r.get(6)?,
        family: r.get(7)?,
        verdict: r.get(8)?,
        status: r.get(9)?,
    })
}

/// Free text matching fewer rows than this is fetched from FTS and sorted (bounded
/// work); a broader match walks the log's index newest first and probes FTS per row,
/// stopping after one page (DESIGN §10: rank only small result sets).
pub const FTS_SORT_CAP: usize = 20_000;

/// The SQL and its parameters for one page (public for EXPLAIN QUERY PLAN checks).
/// `broad_text`: the free text matches at least [`FTS_SORT_CAP`] rows.
pub fn page_sql(
    f: &ShipmentFilter,
    from: &PageFrom,
    limit: usize,
    broad_text: bool,
) -> (String, Vec<String>) {
    let mut conds: Vec<String> = Vec::new();
    let mut params: Vec<String> = Vec::new();
    let p = |v: String, params: &mut Vec<String>| {
        params.push(v);
        format!("?{}", params.len())
    };
    if let Some(q) = fts_query(&f.text) {
        let n = p(q, &mut params);
        conds.push(if broad_text {
            format!("EXISTS (SELECT 1 FROM shipments_fts WHERE shipments_fts MATCH {n} AND rowid = s.rowid)")
        } else {
            format!("s.rowid IN (SELECT rowid FROM shipments_fts WHERE shipments_fts MATCH {n})")
        });
    }
    // A date bound on the side the keyset already bounds is implied by the key (the key
    // row passed the filter): leave it out so the index range starts at the key.
    let key_date = match from {
        PageFrom::OlderThan(k) | PageFrom::AtOrOlder(k) | PageFrom::NewerThan(k) => {
            Some(k.declared_on.as_str())
        }
        _ => None,
    };
    let older = matches!(from, PageFrom::OlderThan(_) | PageFrom::AtOrOlder(_));
    let newer = matches!(from, PageFrom::NewerThan(_));
    if let Some(d) = f.from.map(|d| d.to_string())
        && !(newer && key_date.is_some_and(|k| k >= d.as_str()))
    {
        let n = p(d, &mut params);
        conds.push(format!("s.declared_on >= {n}"));
    }
    if let Some(d) = f.to.map(|d| d.to_string())
        && !(older && key_date.is_some_and(|k| k <= d.as_str()))
    {
        let n = p(d, &mut params);
        conds.push(format!("s.declared_on <= {n}"));
    }
    for (col, v) in [
        ("destination", &f.destination),
        ("family", &f.family),
        ("status", &f.status),
    ] {
        if let Some(v) = v {
            let n = p(v.clone(), &mut params);
            conds.push(format!("s.{col} = {n}"));
        }
    }
    let (desc, key_cond) = match from {
        PageFrom::Newest => (true, None),
        PageFrom::Oldest => (false, None),
        PageFrom::OlderThan(k) => (true, Some(("<", k))),
        PageFrom::AtOrOlder(k) => (true, Some(("<=", k))),
        PageFrom::NewerThan(k) => (false, Some((">", k))),
    };
    if let Some((op, k)) = key_cond {
        let a = p(k.declared_on.clone(), &mut params);
        let b = p(k.id.clone(), &mut params);
        conds.push(format!("(s.declared_on, s.id) {op} ({a}, {b})"));
    }
    let dir = if desc { "DESC" } else { "ASC" };
    let where_ = if conds.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conds.join(" AND "))
    };
    (
        format!(
            "SELECT {ROW_COLS} FROM shipments s {where_} \
             ORDER BY s.declared_on {dir}, s.id {dir} LIMIT {limit}"
        ),
        params,
    )
}

/// One inspection of a shipment, as listed in its detail.
#[derive(Debug, Clone, PartialEq)]
pub struct InspectionLine {
    pub id: String,
    pub state: String,
    pub started_at: String,
    pub locode: String,
    pub trigger: String,
    pub outcome: String,
    pub verdict: String,
    pub officer: String,
    pub narrative: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FindingLine {
    pub inspection_id: String,
    pub kind: String,
    pub declared: String,
    pub found: String,
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SeizureLine {
    pub inspection_id: String,
    pub goods: String,
    pub family: String,
    pub quantity: String,
    pub unit: String,
    pub storage_location: String,
}

/// Everything the detail pane shows about one shipment.
#[derive(Debug, Clone, PartialEq)]
pub struct ShipmentDetail {
    pub row: ShipmentRow,
    pub state: String,
    pub exporter_credit_code: String,
    pub consignee: String,
    pub end_user: String,
    pub end_use: String,
    pub transshipment: String,
    pub transport_mode: String,
    pub container_nos: String,
    pub composition: String,
    pub quantity: String,
    pub quantity_unit: String,
    pub net_weight_g: Option<i64>,
    pub value_minor: Option<i64>,
    pub currency: String,
    pub licence_no: String,
    pub inspections: Vec<InspectionLine>,
    pub findings: Vec<FindingLine>,
    pub seizures: Vec<SeizureLine>,
}

impl Store {
    /// One page of the log, newest first, starting at `from`. Rows come back newest
    /// first whatever the direction of the scan.
    pub fn shipments_page(
        &self,
        filter: &ShipmentFilter,
        from: &PageFrom,
        limit: usize,
    ) -> Result<Vec<ShipmentRow>> {
        let broad = self.fts_is_broad(&filter.text)?;
        let (sql, params) = page_sql(filter, from, limit, broad);
        let mut stmt = self
            .conn()
            .prepare_cached(&sql)
            .doing(|| "preparing the shipment log query".into())?;
        let args: Vec<&dyn ToSql> = params.iter().map(|p| p as &dyn ToSql).collect();
        let mut rows = stmt
            .query_map(args.as_slice(), row_of)
            .doing(|| "reading the shipment log".into())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(|| "reading the shipment log".into())?;
        if matches!(from, PageFrom::Oldest | PageFrom::NewerThan(_)) {
            rows.reverse();
        }
        Ok(rows)
    }

    /// The plan SQLite picks for a page query, one line per step.
    pub fn explain_page(&self, filter: &ShipmentFilter, from: &PageFrom) -> Result<Vec<String>> {
        let broad = self.fts_is_broad(&filter.text)?;
        self.explain_page_as(filter, from, broad)
    }

    /// The plan of a page query with the text path chosen by the caller.
    pub fn explain_page_as(
        &self,
        filter: &ShipmentFilter,
        from: &PageFrom,
        broad: bool,
    ) -> Result<Vec<String>> {
        let (sql, params) = page_sql(filter, from, 50, broad);
        let mut stmt = self
            .conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .doing(|| "explaining the shipment log query".into())?;
        let args: Vec<&dyn ToSql> = params.iter().map(|p| p as &dyn ToSql).collect();
        stmt.query_map(args.as_slice(), |r| r.get::<_, String>(3))
            .doing(|| "explaining the shipment log query".into())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(|| "explaining the shipment log query".into())
    }

    /// True when `text` matches at least [`FTS_SORT_CAP`] shipments (counted up to the cap).
    pub fn fts_is_broad(&self, text: &str) -> Result<bool> {
        let Some(q) = fts_query(text) else {
            return Ok(false);
        };
        let n: i64 = self
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*) FROM (SELECT 1 FROM shipments_fts WHERE shipments_fts MATCH ?1 LIMIT {FTS_SORT_CAP})"
            ))
            .doing(|| "counting text matches".into())?
            .query_row([q], |r| r.get(0))
            .doing(|| "counting text matches".into())?;
        Ok(n as usize >= FTS_SORT_CAP)
    }

    /// A shipment with its inspections, findings and seizures; None if unknown.
    pub fn shipment_detail(&self, id: &str) -> Result<Option<ShipmentDetail>> {
        let doing = || format!("reading shipment {id}");
        let c = self.conn();
        let head = c
            .prepare_cached(&format!(
                "SELECT {ROW_COLS}, s.state, s.exporter_credit_code, s.consignee, s.end_user,
                        s.end_use, s.transshipment, s.transport_mode, s.container_nos,
                        s.composition, s.quantity, s.quantity_unit, s.net_weight_g,
                        s.value_minor, s.currency, s.licence_no
                 FROM shipments s WHERE s.id = ?1"
            ))
            .doing(doing)?
            .query_row([id], |r| {
                Ok(ShipmentDetail {
                    row: row_of(r)?,
                    state: r.get(10)?,
                    exporter_credit_code: r.get(11)?,
                    consignee: r.get(12)?,
                    end_user: r.get(13)?,
                    end_use: r.get(14)?,
                    transshipment: r.get(15)?,
                    transport_mode: r.get(16)?,
                    container_nos: r.get(17)?,
                    composition: r.get(18)?,
                    quantity: r.get(19)?,
                    quantity_unit: r.get(20)?,
                    net_weight_g: r.get(21)?,
                    value_minor: r.get(22)?,
                    currency: r.get(23)?,
                    licence_no: r.get(24)?,
                    inspections: Vec::new(),
                    findings: Vec::new(),
                    seizures: Vec::new(),
                })
            })
            .optional()
            .doing(doing)?;
        let Some(mut d) = head else { return Ok(None) };
        d.inspections = c
            .prepare_cached(
                "SELECT i.id, i.state, i.started_at, i.locode, i.trigger, coalesce(i.outcome, ''),
                        i.verdict, coalesce(o.name, ''), i.narrative
                 FROM inspections i LEFT JOIN officers o ON o.id = i.officer_id
                 WHERE i.shipment_id = ?1 ORDER BY i.started_at",
            )
            .doing(doing)?
            .query_map([id], |r| {
                Ok(InspectionLine {
                    id: r.get(0)?,
                    state: r.get(1)?,
                    started_at: r.get(2)?,
                    locode: r.get(3)?,
                    trigger: r.get(4)?,
                    outcome: r.get(5)?,
                    verdict: r.get(6)?,
                    officer: r.get(7)?,
                    narrative: r.get(8)?,
                })
            })
            .doing(doing)?
            .collect::<rusqlite::Result<_>>()
            .doing(doing)?;
        d.findings = c
            .prepare_cached(
                "SELECT f.inspection_id, f.kind, f.declared, f.found, f.evidence
                 FROM findings f JOIN inspections i ON i.id = f.inspection_id
                 WHERE i.shipment_id = ?1 ORDER BY i.started_at, f.created_at",
            )
            .doing(doing)?
            .query_map([id], |r| {
                Ok(FindingLine {
                    inspection_id: r.get(0)?,
                    kind: r.get(1)?,
                    declared: r.get(2)?,
                    found: r.get(3)?,
                    evidence: r.get(4)?,
                })
            })
            .doing(doing)?
            .collect::<rusqlite::Result<_>>()
            .doing(doing)?;
        d.seizures = c
            .prepare_cached(
                "SELECT z.inspection_id, z.goods, z.family, z.quantity, z.unit, z.storage_location
                 FROM seizures z JOIN inspections i ON i.id = z.inspection_id
                 WHERE i.shipment_id = ?1 ORDER BY i.started_at, z.created_at",
            )
            .doing(doing)?
            .query_map([id], |r| {
                Ok(SeizureLine {
                    inspection_id: r.get(0)?,
                    goods: r.get(1)?,
                    family: r.get(2)?,
                    quantity: r.get(3)?,
                    unit: r.get(4)?,
                    storage_location: r.get(5)?,
                })
            })
            .doing(doing)?
            .collect::<rusqlite::Result<_>>()
            .doing(doing)?;
        Ok(Some(d))
    }

    /// Outbox records not yet acknowledged by headquarters (state finalized or sent).
    pub fn pending_sync_count(&self) -> Result<i64> {
        self.conn()
            .prepare_cached("SELECT count(*) FROM outbox WHERE state IN ('finalized', 'sent')")
            .doing(|| "counting pending sync records".into())?
            .query_row([], |r| r.get(0))
            .doing(|| "counting pending sync records".into())
    }
}
