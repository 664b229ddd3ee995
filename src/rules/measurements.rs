//! Every measurement name a rule pack's criteria may use, in one place (the README
//! table is built from the same list). Element contents are `<symbol>_pct`.

use super::elements::is_element_symbol;

/// (name, unit, what it is)
pub const MEASUREMENTS: &[(&str, &str, &str)] = &[
    (
        "purity_pct",
        "%",
        "purity (mass fraction of the main substance)",
    ),
    (
        "flexural_strength_mpa",
        "MPa",
        "flexural (bending) strength",
    ),
    ("density_g_cm3", "g/cm³", "density"),
    (
        "dislocation_density_per_cm2",
        "/cm²",
        "dislocation density of a single crystal",
    ),
    ("cylinder_bore_mm", "mm", "cylinder bore of a press"),
    ("design_pressure_gpa", "GPa", "design pressure of a press"),
    (
        "synthesis_pressure_gpa",
        "GPa",
        "synthesis pressure a press part is rated for",
    ),
    ("particle_size_um", "µm", "average particle size"),
    ("wire_diameter_um", "µm", "wire diameter"),
    ("grain_size_um", "µm", "average abrasive grain size"),
    ("breaking_force_n", "N", "breaking force"),
    ("bond_hardness_hrb", "HRB", "bond hardness (Rockwell B)"),
    ("max_speed_m_s", "m/s", "maximum working speed"),
    ("elastic_limit_mpa", "MPa", "elastic limit"),
    ("tensile_strength_mpa", "MPa", "ultimate tensile strength"),
    ("elongation_pct", "%", "elongation at break"),
    ("ag_ppm", "ppm", "silver impurity"),
    (
        "<element>_pct",
        "%",
        "content of an element, e.g. w_pct, cu_pct, ag_pct, bi_pct, dy_pct, tb_pct; read from `measurements`, else from `composition`",
    ),
];

/// The element symbol of an element-content measurement (`dy_pct` -> `Dy`).
pub fn element_of(name: &str) -> Option<String> {
    let sym = name.strip_suffix("_pct")?;
    let mut chars = sym.chars();
    let first = chars.next()?.to_ascii_uppercase();
    let symbol: String = std::iter::once(first).chain(chars).collect();
    (sym.chars().all(|c| c.is_ascii_lowercase()) && is_element_symbol(&symbol)).then_some(symbol)
}

/// True for a name in [`MEASUREMENTS`] or an element content `<symbol>_pct`.
pub fn is_known_measurement(name: &str) -> bool {
    MEASUREMENTS.iter().any(|(n, _, _)| *n == name) || element_of(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(is_known_measurement("purity_pct"));
        assert!(is_known_measurement("dy_pct"));
        assert_eq!(element_of("w_pct").as_deref(), Some("W"));
        assert_eq!(element_of("dy_pct").as_deref(), Some("Dy"));
        assert!(!is_known_measurement("xx_pct"));
        assert!(!is_known_measurement("Dy_pct"));
        assert!(!is_known_measurement("purity"));
    }
}
