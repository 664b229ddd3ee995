//! Ports and places by UN/LOCODE: the Chinese ports shipments leave from (with the
//! customs district their declarations are lodged in and a short badge code) and the
//! hubs routes commonly pass through. The inspection's place and the shipment's route
//! complete from this table, as countries complete from the ISO list.
//!
//! Sources: the codes and names are from the UNECE UN/LOCODE code list
//! (<https://unece.org/trade/uncefact/unlocode>, country files CN, SG, AE, NL, DE, BE,
//! KR, HK, MY, JP, TW, VN, TH, IN, US, GB). The four-digit customs district codes are the
//! ones the training generator has always written at the head of its declaration numbers:
//! UNCONFIRMED against the General Administration of Customs' list of customs codes.

/// One port or place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Port {
    /// UN/LOCODE: ISO 3166 alpha-2 country, then three letters or digits.
    pub locode: &'static str,
    /// The name as the UN/LOCODE list writes it.
    pub name: &'static str,
    /// A Chinese port's customs district (the first four digits of a declaration number);
    /// empty for a port abroad.
    pub district: &'static str,
    /// A short code of a Chinese port's city, as badges carry it; empty abroad.
    pub badge: &'static str,
}

const fn cn(
    locode: &'static str,
    name: &'static str,
    district: &'static str,
    badge: &'static str,
) -> Port {
    Port {
        locode,
        name,
        district,
        badge,
    }
}

const fn abroad(locode: &'static str, name: &'static str) -> Port {
    Port {
        locode,
        name,
        district: "",
        badge: "",
    }
}

/// Every port of the table: the Chinese ports of departure first.
pub const PORTS: &[Port] = &[
    cn("CNSHA", "Shanghai", "2248", "SH"),
    cn("CNNGB", "Ningbo", "3101", "NB"),
    cn("CNSZX", "Shenzhen", "5316", "SZ"),
    cn("CNTAO", "Qingdao", "4218", "QD"),
    cn("CNXMN", "Xiamen", "3701", "XM"),
    cn("CNCAN", "Guangzhou", "5141", "GZ"),
    cn("CNTSN", "Tianjin", "0201", "TJ"),
    cn("CNDLC", "Dalian", "", "DL"),
    cn("CNLYG", "Lianyungang", "", "LY"),
    cn("CNYTN", "Yantian", "", "YT"),
    cn("CNSHK", "Shekou", "", "SK"),
    abroad("HKHKG", "Hong Kong"),
    abroad("SGSIN", "Singapore"),
    abroad("MYPKG", "Port Klang"),
    abroad("AEJEA", "Jebel Ali"),
    abroad("NLRTM", "Rotterdam"),
    abroad("BEANR", "Antwerpen"),
    abroad("DEHAM", "Hamburg"),
    abroad("GBFXT", "Felixstowe"),
    abroad("KRPUS", "Busan"),
    abroad("JPTYO", "Tokyo"),
    abroad("JPYOK", "Yokohama"),
    abroad("TWKHH", "Kaohsiung"),
    abroad("VNSGN", "Ho Chi Minh City"),
    abroad("THLCH", "Laem Chabang"),
    abroad("INNSA", "Nhava Sheva"),
    abroad("USLAX", "Los Angeles"),
    abroad("USLGB", "Long Beach"),
    abroad("USNYC", "New York"),
];

/// How many ports, at the head of [`PORTS`], shipments are declared at.
const DEPARTURES: usize = 7;

/// The Chinese ports shipments are declared at (those with a customs district), in the
/// table's order (the training generator picks from them by index: keep the order).
pub fn departure_ports() -> &'static [Port] {
    &PORTS[..DEPARTURES]
}

/// The port of `locode` (exact, upper case), if the table has it.
pub fn port(locode: &str) -> Option<&'static Port> {
    PORTS.iter().find(|p| p.locode == locode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_a_locode_of_a_known_country_once() {
        for (i, p) in PORTS.iter().enumerate() {
            assert_eq!(p.locode.len(), 5, "{p:?}");
            assert!(crate::domain::is_country(&p.locode[..2]), "{p:?}");
            assert!(
                p.locode
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            );
            assert!(
                PORTS[i + 1..].iter().all(|q| q.locode != p.locode),
                "{p:?} twice"
            );
            assert!(p.district.is_empty() || p.locode.starts_with("CN"), "{p:?}");
        }
        assert_eq!(port("CNSHA").map(|p| p.district), Some("2248"));
        let with_district = PORTS.iter().filter(|p| !p.district.is_empty()).count();
        assert_eq!(departure_ports().len(), with_district);
        assert!(departure_ports().iter().all(|p| !p.district.is_empty()));
    }
}
