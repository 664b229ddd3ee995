# minspect en/record.ftl: the Record tab: its form labels (each with the example shown while
# the field is empty as `.hint`), sections and messages.

## The drafts list
drafts-title = Open drafts ({ $count })
drafts-none = No open drafts.
drafts-how = n: start a new record.  In the Shipments tab, i records an inspection of the selected shipment.
drafts-col-declaration = Declaration
drafts-col-exporter = Exporter
drafts-col-description = Description
drafts-col-kind = Draft of
drafts-col-changed = Changed
drafts-kind-amendment = amendment
drafts-kind-inspection = inspection
drafts-kind-shipment = shipment

drafts-offer = { $count ->
    [one] { $count } open draft from before: Enter resumes the selected one.
   *[other] { $count } open drafts from before: Enter resumes the selected one.
}
drafts-offer-training = { $count ->
    [one] { $count } shipment of the exercise is waiting: Enter opens it.
   *[other] { $count } shipments of the exercise are waiting: Enter opens the selected one.
}

## Sections and record states
section-shipment = Shipment
section-inspection = Inspection
section-measurements = Measurements
section-findings = Findings
section-seizures = Seizures
section-custody = Custody
record-finalized = FINALIZED
record-draft-saved = draft, saved
record-new = new, saved from the first change

## The editor: prompts, panes, why a section cannot change
record-receipt-title = Export the seizure receipt
record-receipt-ask = File to write (.md: Markdown, otherwise plain text):
record-amend-title = Amend the finalized record
record-amend-ask = Why is it corrected? (the original stays as it is)
record-prompt-keys = Enter: done    Esc: cancel
record-no-measurements = No measurements yet. C-o adds one (XRF: name xrf_pct with an element).
record-no-findings = No findings yet. C-o adds one; C-y accepts a suggestion.
record-no-seizures = No seizure. C-o adds one, prefilled from the screening.
record-no-custody = No seizure in this record: nothing to hand over.
record-next-transfer = Next transfer (C-t appends):
record-selected-row = Selected row:
record-screening = Screening
record-not-enough-facts = Verdict: not enough facts yet (the goods: HS code, description or composition)
record-no-pack = No rule pack installed.
record-review-decisions = Review decisions ({ $count }):
record-cannot-finalize = Cannot finalize:
record-suggested = Suggested (C-y take, C-k drop):
record-custody-after-finalize = custody transfers are recorded after finalizing (C-f)
record-no-seizure = this record has no seizure
record-finalized-amend = this record is finalized and cannot change; record an amendment instead
record-shipment-final = this shipment is finalized; only the inspection is a draft
record-read-only = read-only: this record cannot change
record-no-row = no row here yet: C-o adds one

## Suggested findings
record-no-suggestion-accept = no suggested finding to accept
record-no-suggestion-dismiss = no suggested finding to dismiss
record-finding-added = Finding added: { $kind }
record-finding-failed = adding the finding: { $error }
record-suggestion-dismissed = Suggestion dismissed: { $kind }
record-dismiss-failed = dismissing the suggestion: { $error }

record-measurement-slip = measurement { $row }: { $reason }
## Form labels
ship-declaration_no = Declaration no
    .hint = 18 digits
ship-declared_on = Declared on
    .hint = YYYY-MM-DD
ship-exporter_name = Exporter
    .hint = company name
ship-exporter_credit_code = Credit code
    .hint = 18-char unified social credit code
ship-consignee = Consignee
    .hint = name, city
ship-end_user = End user
    .hint = who uses the goods
ship-end_use = End use
    .hint = civil | military | unknown
ship-destination = Destination
    .hint = ISO country, e.g. US
ship-transshipment = Transshipment
    .hint = NLRTM SG ...
ship-transport_mode = Transport
    .hint = sea|air|road|rail|post|passenger
ship-container_nos = Containers
    .hint = TGHU8765436 ...
ship-seal_nos = Seals
    .hint = seal numbers
ship-hs_code = HS code
    .hint = 8112929090
ship-description = Description
    .hint = declared goods
ship-composition = Composition
    .hint = Ga 99.99%
ship-quantity = Quantity
    .hint = 600
ship-quantity_unit = Unit
    .hint = kg g t pcs set l m3 ct
ship-net_weight_g = Net weight
    .hint = 600 kg
ship-value_minor = Value
    .hint = 110661.31
ship-currency = Currency
    .hint = USD
ship-licence_no = Licence no
    .hint = if any
insp-locode = Place
    .hint = UN/LOCODE, e.g. CNSHA
insp-terminal = Terminal
    .hint = terminal / yard
insp-trigger = Trigger
    .hint = rule_hit|random|intelligence|officer
insp-outcome = Outcome
    .hint = released|held|query_issued|seized|referred
insp-outcome_due = Due date
    .hint = YYYY-MM-DD (query/referral)
insp-narrative = Narrative
    .hint = what was done and seen
meas-name = Measurement
    .hint = xrf_pct purity_pct weighed_mass_kg
meas-element = Element
    .hint = Dy (XRF readings)
meas-value = Value
    .hint = 0.36
meas-unit = Unit
    .hint = % kg g/cm3 MPa
meas-method = Method
    .hint = xrf lab scale caliper
find-kind = Kind
    .hint = misdeclared_name wrong_hs_code under_declared_content ...
find-declared = Declared
    .hint = what the papers say
find-found = Found
    .hint = what was found
find-evidence = Evidence
    .hint = photos, print-outs, samples
seiz-goods = Goods
    .hint = what is seized
seiz-family = Family
    .hint = mineral family
seiz-quantity = Quantity
    .hint = 250
seiz-unit = Unit
    .hint = kg g t pcs set l m3 ct
seiz-est_value_minor = Est. value
    .hint = 66143.20
seiz-currency = Currency
    .hint = CNY
seiz-legal_basis = Legal basis
    .hint = rule ids from the screening
seiz-seal_nos = Seals
    .hint = seal numbers
seiz-storage_location = Stored at
    .hint = seizure store, bay
cust-from_party = From
    .hint = who hands over
cust-to_party = To
    .hint = who receives
cust-at = When
    .hint = 2025-07-05T16:10:00+08:00
cust-reason = Why
    .hint = reason for the transfer

## The seizure receipt (English, Chinese, or Chinese with English for the exporter)
receipt-title = Seizure receipt
receipt-shipment = Shipment
receipt-inspection = Inspection
receipt-goods-seized = Goods seized ({ $count })
receipt-findings = Findings
receipt-signatures = Signatures
receipt-signature-line = Officer: ______________________   Exporter's representative: ______________________   Date: ____________
receipt-finalized = Inspection { $id } finalized { $at } (record hash { $hash }).
receipt-draft = DRAFT: inspection { $id } is not finalized; this is not a receipt.
receipt-goods = Goods
receipt-quantity = Quantity
receipt-family = Mineral family
receipt-est-value = Estimated value
receipt-not-assessed = not assessed
receipt-seals = Seal numbers
receipt-storage = Storage location
receipt-legal-basis = Legal basis
receipt-no-custody = No custody transfer recorded yet.
receipt-custody-transfers = Custody transfers:
receipt-col-when = When
receipt-col-from = From
receipt-col-to = To
receipt-col-why = Why
receipt-exporter-code = { $name } (credit code { $code })
receipt-declaration-no = Declaration no.
receipt-declared-on = Declared on
receipt-exporter = Exporter
receipt-consignee = Consignee
receipt-destination = Destination
receipt-transport = Transport
receipt-containers = Containers
receipt-declared-seals = Seals (declared)
receipt-declared-goods = Declared goods
receipt-hs-code = HS code
receipt-declared-quantity = Declared quantity
receipt-net-weight = Net weight
receipt-declared-value = Declared value
receipt-place = Place
receipt-started = Started
receipt-outcome = Outcome
receipt-col-finding = Finding
receipt-col-declared = Declared
receipt-col-found = Found
