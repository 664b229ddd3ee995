//! Every `ToSql`/`FromSql` of the store: the state enums stored as text, one impl each.
//! (Ids are UUID text and bind as `&str`.)

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::domain::World;
use crate::store::chain::marks::DeliveryState;
use crate::store::hq::reviews::Decision;
use crate::store::record::RecordState;

/// A text column parsed by `parse`; any other value is an error naming it.
fn text<T>(v: ValueRef<'_>, what: &str, parse: fn(&str) -> Option<T>) -> FromSqlResult<T> {
    let s = v.as_str()?;
    parse(s).ok_or_else(|| FromSqlError::Other(format!("unknown {what} '{s}'").into()))
}

impl ToSql for RecordState {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl FromSql for RecordState {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        text(v, "record state", RecordState::parse)
    }
}

impl ToSql for DeliveryState {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl FromSql for DeliveryState {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        text(v, "delivery state", DeliveryState::parse)
    }
}

impl ToSql for Decision {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl FromSql for Decision {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        text(v, "review decision", Decision::parse)
    }
}

impl ToSql for World {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl FromSql for World {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        text(v, "world", World::parse)
    }
}
