//! One typed handle per aggregate. `store.records()` reads; `store.records_mut()` also
//! writes (each write is one transaction). A handle is a borrow of the store: its
//! connection, its clock and its mode.

use crate::store::Store;

/// Drafts, finalize, amendments, custody, findings/measurements/seizures, the officer's
/// record import and bulk loading (`store/record/`).
pub struct Records<S>(pub(crate) S);

/// The hash chain's outbox, delivery marks and verification (`store/chain/`).
pub struct Chain<S>(pub(crate) S);

/// This device's key and the trusted devices (`store/device/`).
pub struct Device<S>(pub(crate) S);

/// Headquarters: the bundle import, officers, reviews and receipts (`store/hq/`).
pub struct Hq<S>(pub(crate) S);

/// Installed rule packs (`store/rules/`).
pub struct Rules<S>(pub(crate) S);

/// Read models: shipment pages, shipment detail, record show, the audit log (`store/query/`).
pub struct Query<S>(pub(crate) S);

/// The database itself: setup of a new database, meta values, identity (`store/db/`).
pub struct Db<S>(pub(crate) S);

impl Store {
    pub fn records(&self) -> Records<&Store> {
        Records(self)
    }

    pub fn records_mut(&mut self) -> Records<&mut Store> {
        Records(self)
    }

    pub fn chain(&self) -> Chain<&Store> {
        Chain(self)
    }

    pub fn chain_mut(&mut self) -> Chain<&mut Store> {
        Chain(self)
    }

    pub fn device(&self) -> Device<&Store> {
        Device(self)
    }

    pub fn device_mut(&mut self) -> Device<&mut Store> {
        Device(self)
    }

    pub fn hq(&self) -> Hq<&Store> {
        Hq(self)
    }

    pub fn hq_mut(&mut self) -> Hq<&mut Store> {
        Hq(self)
    }

    pub fn rules(&self) -> Rules<&Store> {
        Rules(self)
    }

    pub fn rules_mut(&mut self) -> Rules<&mut Store> {
        Rules(self)
    }

    pub fn query(&self) -> Query<&Store> {
        Query(self)
    }

    pub fn db(&self) -> Db<&Store> {
        Db(self)
    }

    pub fn db_mut(&mut self) -> Db<&mut Store> {
        Db(self)
    }
}
