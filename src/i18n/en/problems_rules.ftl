# minspect en/problems_rules.ftl: problems found in the facts given to screening
# (src/rules/facts.rs), as ids.

fp-expected-string = expected a string, got { $got }
fp-expected-names = expected an array of names, got { $got }
fp-expected-name = expected a name (a string), got { $got }
fp-expected-object = expected an object, got { $got }
fp-expected-number = expected a number, got { $got }
fp-negative = { $value } is negative
fp-not-element = is not a chemical element symbol (e.g. Ga, Dy, Sb)
fp-unknown-measurement = unknown measurement; known: { $known } (element symbol in lower case, e.g. dy_pct)
fp-expected-facts = expected a JSON object
fp-unknown-field = unknown field; facts have date, hs_code, description, composition, measurements, destination, end_use, end_user, licence_no, consignee, intermediaries
fp-date-missing = missing; give the shipment date as YYYY-MM-DD
