# minspect en/validate.ftl: the officer's form messages (src/domain/validate.rs and the
# field parsers of src/domain), each shown after the field it names.

## A problem with its field: `field` is the path (shipment.destination); in Chinese the
## form's label goes before it.
field-problem = { $field }: { $problem }
problem-text = { $text }

v-empty-enter = is empty; enter { $what }
v-what-declaration_no = the 18-digit customs declaration number
v-what-exporter_name = the exporter's name
v-what-consignee = the consignee
v-what-description = the declared description
v-what-net_weight_g = the net weight
v-what-goods = the goods seized
v-what-seal_nos = the seal numbers
v-what-storage_location = where the goods are stored
v-what-from_party = who hands the goods over
v-what-to_party = who receives the goods
v-what-reason = why the goods moved
v-not-declaration_no = '{ $value }' is not an 18-digit customs declaration number
v-containers-empty = is empty; sea freight needs the container number(s)
v-weight-not-positive = { $value } g: the net weight must be more than zero
v-negative = { $value } is negative
v-before-start = '{ $value }' is before the start
v-after-end = '{ $value }' is after the end
v-outcome-empty = is empty; choose released, held, query_issued, seized or referred
v-due-empty = is empty; outcome { $outcome } needs a due date (YYYY-MM-DD)
v-not-measurement-name = '{ $value }' is not a measurement name like purity_pct or xrf_pct
v-not-element = '{ $value }' is not a chemical element symbol (e.g. Dy, Bi, Ga)
v-value-required = a measured value is required
v-not-non-negative = { $value } is not a non-negative number
v-found-empty = is empty; say what was found (or give the evidence)
v-legal-basis-empty = is empty; give the rule ids from the screening
v-same-parties = is the same as from_party
v-seized-none = outcome is seized but no seizure is recorded
v-seizures-not-seized = seizures are recorded, so the outcome must be seized
v-not-country = '{ $value }' is not an ISO 3166 alpha-2 country code
v-not-number = '{ $value }' is not a number
v-not-rule-id = '{ $id }' is not a rule id of rule pack { $version }
v-not-given = '{ $id }' was not given by this record's screening (it gave: { $gave }); cite the screening's rules, or say why in legal_basis_reason
v-gave-none = none

## The shipment filter
filter-family-empty = give a family, e.g. family:gallium
filter-not-review = '{ $value }' is not a review state; use review:pending
filter-not-status = '{ $value }' is not one of { $statuses }
