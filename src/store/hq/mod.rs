//! Headquarters: the bundle import, officers and their OS logins, reviews and the review queue.

pub(crate) mod bundle_import;
pub(crate) mod bundle_rows;
pub(crate) mod decide;
pub(crate) mod desk;
pub(crate) mod incoming;
pub(crate) mod language;
pub(crate) mod officers;
pub(crate) mod os_login;
pub mod queue;
pub(crate) mod received_checks;
pub(crate) mod reviews;
pub mod stats;
