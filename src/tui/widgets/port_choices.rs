//! Completion for the fields that name a port: the inspection's place (UN/LOCODE) and the
//! shipment's route (countries and ports), from the domain's port table.

use crate::domain::country_codes;
use crate::domain::ports::PORTS;

/// Every port of the table as (UN/LOCODE, name): the Chinese ports of departure first.
pub fn ports() -> Vec<(String, String)> {
    PORTS
        .iter()
        .map(|p| (p.locode.to_string(), p.name.to_string()))
        .collect()
}

/// A route's stops: the ISO countries, then the ports (a route names either).
pub fn route() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = country_codes()
        .iter()
        .map(|c| (c.to_string(), String::new()))
        .collect();
    out.extend(ports());
    out
}
