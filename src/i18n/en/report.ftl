# minspect en/report.ftl: headquarters reports, `minspect report NAME`.
# Every id is in both languages (tests/architecture/catalogue.rs). Values never start or end
# with spaces (Fluent trims them; {" "} keeps one).

## Titles and sections
report-title-summary = Summary of inspections and seizures
report-title-seizures = Seizures
report-title-inspections = Inspections
report-title-officers = Officers
report-title-exporters = Exporters by findings
report-title-review = Review of received inspections
report-scope = Declared from { $from } to { $to } · port { $port } · family { $family } · officer { $officer }
report-all = all
report-none = none
report-total = Total
report-duration = { $h } h { $m } min
report-section-by_family = By mineral family
report-section-by_month = By month
report-section-by_port = By port
report-section-by_officer = By officer
report-section-by_exporter = By exporter (most findings first)
report-section-review = Review states and turnaround (finalized to decided)

## Columns
report-col-family = Family
report-col-month = Month
report-col-port = Port
report-col-officer = Officer
report-col-exporter = Exporter
report-col-inspections = Inspections
report-col-seized_inspections = Inspections with seizures
report-col-seizures = Seizures
report-col-seized_kg = Seized (kg)
report-col-seized_value_cny = Seized value (CNY)
report-col-findings = Findings
report-col-metric = Measure
report-col-value = Value
report-metric-pending = Pending
report-metric-approved = Approved
report-metric-returned = Returned
report-metric-resubmitted = Resubmitted
report-metric-decided = Decided
report-metric-turnaround_median_s = Turnaround, median
report-metric-turnaround_p90_s = Turnaround, 90th percentile

## Refusals
report-unknown-name = report: '{ $name }' is not a report; the reports are { $names }
report-bad-format = --format: '{ $value }' is not a format; the formats are { $formats }
report-bad-date = { $flag }: '{ $value }' is not a date; write YYYY-MM-DD, e.g. 2026-03-02
report-dates-reversed = --from { $from } is after --to { $to }; give --from on or before --to
report-unknown-officer = --officer: no officer here has badge '{ $value }'; `minspect officer list` shows the badges
report-unknown-port = --port: no received inspection took place at '{ $value }'; write a UN/LOCODE such as CNSHA
report-unknown-family = --family: no received inspection is of family '{ $value }'; write a family id such as gallium, germanium or antimony
report-not-hq = reports are made at headquarters; this is not a headquarters database
report-out-exists = --out: { $path } exists; add --force to replace it (the file is unchanged)
report-out-failed = --out: cannot write { $path }: { $error }
report-written = Report { $name } written to { $path }

## The shipment card (Shipments detail pane)
ship-exporter = Exporter
ship-credit-code = Credit code
ship-end-user = End user
ship-goods = Goods
ship-quantity-value = { $quantity } { $unit } · net { $net } kg
ship-value = Value
ship-transport = Transport
ship-via = Via
ship-licence = Licence
ship-licence-none = none declared
ship-screening = Screening
ship-finding = { $kind }: declared { $declared } · found { $found } · { $evidence }
ship-seizure = { $goods } ({ $family }) { $quantity } { $unit } · stored at { $location }
