//! Rows as JSON objects keyed by column name: one generic reader and writer shared by
//! the record aggregates, so that stored rows, chain payloads and `record show --json`
//! all use schema.sql's column names.

use rusqlite::types::{Value as Sql, ValueRef};
use rusqlite::{Connection, Params, params_from_iter};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::{Context, Result, StoreError};
use crate::domain::Stored;

pub(crate) type Row = Map<String, Value>;

fn to_json(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::String(hex::encode(b)),
    }
}

fn to_sql(v: &Value) -> Sql {
    match v {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Sql::Integer(i),
            None => Sql::Real(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Sql::Text(s.clone()),
        other => Sql::Text(other.to_string()),
    }
}

/// Runs a query and returns each row as a JSON object keyed by column name.
pub(crate) fn query_rows<P: Params>(
    conn: &Connection,
    sql: &str,
    params: P,
    doing: &str,
) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached(sql).doing(|| doing.to_string())?;
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let mut rows = stmt.query(params).doing(|| doing.to_string())?;
    let mut out = Vec::new();
    while let Some(r) = rows.next().doing(|| doing.to_string())? {
        let mut m = Map::new();
        for (i, n) in names.iter().enumerate() {
            m.insert(
                n.clone(),
                to_json(r.get_ref(i).doing(|| doing.to_string())?),
            );
        }
        out.push(m);
    }
    Ok(out)
}

/// One row by id, or NotFound naming `what`.
pub(crate) fn row_by_id(conn: &Connection, table: &str, id: &str, what: &str) -> Result<Row> {
    query_rows(
        conn,
        &format!("SELECT * FROM {table} WHERE id = ?1"),
        [id],
        &format!("reading {what} {id}"),
    )?
    .pop()
    .ok_or_else(|| StoreError::NotFound(format!("{what} {id}")))
}

/// Inserts `row` into `table` (column names from the keys; code-defined names only).
pub(crate) fn insert_row(conn: &Connection, table: &str, row: &Row, doing: &str) -> Result<()> {
    let cols: Vec<&str> = row.keys().map(|k| k.as_str()).collect();
    let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        cols.join(", "),
        marks.join(", ")
    );
    conn.prepare_cached(&sql)
        .and_then(|mut s| s.execute(params_from_iter(row.values().map(to_sql))))
        .doing(|| doing.to_string())?;
    Ok(())
}

/// Updates the columns in `row` of the row `id`; returns the number of rows changed.
pub(crate) fn update_row(
    conn: &Connection,
    table: &str,
    id: &str,
    row: &Row,
    doing: &str,
) -> Result<usize> {
    if row.is_empty() {
        return Ok(0);
    }
    let sets: Vec<String> = row
        .keys()
        .enumerate()
        .map(|(i, k)| format!("{k} = ?{}", i + 2))
        .collect();
    let sql = format!("UPDATE {table} SET {} WHERE id = ?1", sets.join(", "));
    let mut values = vec![Sql::Text(id.to_string())];
    values.extend(row.values().map(to_sql));
    conn.prepare_cached(&sql)
        .and_then(|mut s| s.execute(params_from_iter(values)))
        .doing(|| doing.to_string())
}

/// A domain value as a row object (its serde field names are column names).
pub(crate) fn to_row<T: Serialize>(t: &T) -> Row {
    match serde_json::to_value(t) {
        Ok(Value::Object(m)) => m
            .into_iter()
            .map(|(k, v)| match v {
                Value::Array(_) | Value::Object(_) => (k, Value::String(v.to_string())),
                Value::Bool(b) => (k, Value::from(i64::from(b))),
                v => (k, v),
            })
            .collect(),
        _ => unreachable!("record types are structs of plain fields"),
    }
}

/// Splits a stored row into the editable data `T` and the store-managed columns.
pub(crate) fn stored<T: DeserializeOwned + Serialize + Default>(mut row: Row) -> Result<Stored<T>> {
    let fields = to_row(&T::default());
    let mut data = Map::new();
    for k in fields.keys() {
        if let Some(v) = row.remove(k) {
            data.insert(k.clone(), v);
        }
    }
    let id = row
        .get("id")
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string();
    let data = serde_json::from_value(Value::Object(data))
        .map_err(|e| StoreError::Invalid(format!("stored row {id} is unreadable: {e}")))?;
    Ok(Stored {
        id,
        meta: row.into_iter().collect(),
        data,
    })
}

/// The keys whose values differ: (old, new) objects for an audit row.
pub(crate) fn diff(old: &Row, new: &Row) -> (Row, Row) {
    let mut o = Map::new();
    let mut n = Map::new();
    for (k, v) in new {
        if old.get(k) != Some(v) {
            o.insert(k.clone(), old.get(k).cloned().unwrap_or(Value::Null));
            n.insert(k.clone(), v.clone());
        }
    }
    (o, n)
}
