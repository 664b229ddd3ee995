# minspect en/problems_domain.ftl: problems the field parsers of src/domain find, as ids
# (shown after the field they name).

## Identifiers with check characters (src/domain/idcodes.rs)
dp-not-locode = '{ $raw }' is not a UN/LOCODE (country + 3 characters, e.g. CNSHA)
dp-locode-country = '{ $raw }': '{ $country }' is not an ISO 3166 country code
dp-locode-place = '{ $raw }': the place part '{ $place }' must be letters or digits 2-9
dp-uscc-length = '{ $raw }' has { $n } characters; a unified social credit code has 18
dp-uscc-char = '{ $raw }' contains '{ $bad }', which a credit code never uses (no I, O, Z, S, V)
dp-uscc-authority = '{ $raw }': '{ $code }' is not a registration-authority code
dp-uscc-division = '{ $raw }': characters 3-8 must be the 6-digit administrative division code
dp-not-uscc = '{ $raw }' is not a unified social credit code
dp-uscc-check = '{ $raw }': check character is '{ $got }' but should be '{ $expected }'; a character is mistyped
dp-container-shape = '{ $raw }' is not a container number (owner code + U/J/Z + 6 digits + check digit, e.g. CSQU3054383)
dp-not-container = '{ $raw }' is not a container number
dp-container-check = '{ $raw }': check digit is { $got } but should be { $expected }; a character is mistyped

## Numbers, weights, units and percentages (src/domain/quantity.rs)
dp-number-empty = is empty; enter a number such as 600 or 4000.5
dp-negative = '{ $raw }' is negative
dp-decimal-comma = '{ $raw }': use '.' as the decimal point and no thousands separators
dp-not-decimal = '{ $raw }' is not a decimal number
dp-decimal-places = '{ $raw }' has more than { $scale } decimal places
dp-too-large = '{ $raw }' is too large
dp-not-positive = '{ $raw }' must be greater than zero
dp-not-unit = '{ $raw }' is not a unit; use one of { $units }
dp-not-weight-unit = '{ $raw }' is not a weight unit; use kg, g or t
dp-not-number = '{ $raw }' is not a number
dp-not-percent = { $value } is not a percentage from 0 to 100

## Plausibility limits (src/domain/limits.rs)
dp-name-long = is { $n } characters long; at most { $max } are allowed
dp-text-long = is { $n } bytes long; at most { $max } bytes (16 KiB) are allowed
dp-value-max = { $value } is more than the maximum of { $max } minor units
dp-weight-max = { $value } g is more than the maximum of { $max } g (100,000 t)
dp-quantity-digits = '{ $raw }' has { $n } significant digits; at most { $max } are allowed
dp-declared-early = { $date } is before { $from }; give the declaration's date
dp-declared-late = { $date } is after the inspection day { $day }; a shipment is declared before it is inspected
dp-transfer-future = { $at } is in the future (now { $now }); give the time of the hand-over
dp-transfer-early = { $at } is before the seizure ({ $from }); a transfer follows the seizure

## The record-import file (src/domain/import.rs)
dp-json-null = null
dp-json-bool = a boolean
dp-json-number = a number
dp-json-string = a string
dp-json-array = an array
dp-json-object = an object
dp-expected-object-got = expected an object, got { $got }
dp-expected-array-got = expected an array, got { $got }
dp-unknown-field = unknown field
dp-malformed-json = malformed JSON: { $error }
dp-expected-record = expected a JSON object with shipment and inspection
dp-unknown-field-expected = unknown field; expected { $expected }
dp-missing = is missing
dp-expected-object = expected an object
dp-custody-needs-finalize = custody transfers are recorded on a finalized seizure; import with --finalize

## Codes, dates, compositions, money and the kinds of a record (src/domain)
dp-hs-char = '{ $raw }' contains '{ $bad }'; an HS code has digits only (dots and spaces allowed)
dp-hs-length = '{ $raw }' has { $n } digits; an HS code has 6 to 10
dp-not-date = '{ $raw }' is not a date in the form YYYY-MM-DD
dp-not-timestamp = '{ $raw }' is not a date and time like 2025-07-04T09:30:00+08:00
dp-twice = is given twice
dp-sum-over = the percentages add up to { $sum }, more than 100
dp-not-one-of = '{ $raw }' is not one of { $all }
dp-not-currency = '{ $raw }' is not an ISO 4217 currency code (e.g. CNY, USD, EUR)
dp-unknown-currency = unknown currency '{ $currency }'
dp-not-end-use = '{ $raw }' is not one of civil, military, unknown
