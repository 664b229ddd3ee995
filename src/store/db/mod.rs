//! Opening a database file: pragmas, schema migrations and the setup of a new database.

pub(crate) mod cipher;
pub(crate) mod disk_full;
pub(crate) mod encrypt;
pub(crate) mod keyed;
pub(crate) mod migrate;
pub(crate) mod modes;
pub(crate) mod open;
pub(crate) mod setup;
