# minspect en/problems_scenario.ftl: problems of a scenario file (src/fixture/scenario), as ids.

scn-at = { $file }:{ $line }: { $reason }
scn-ref-twice = shipment ref '{ $ref }' is used twice
scn-one-key = shipment '{ $ref }' needs exactly one [[key]] (found { $n })
scn-file-name = the file name '{ $id }' must be lower-case letters, digits and dashes
scn-empty = { $field } must not be empty
scn-difficulty = difficulty is { $value }; give 1, 2 or 3
scn-case = case '{ $case }' is not a rules-reference case id like C12
scn-no-shipment = a scenario needs at least one [[shipment]]
scn-needs-ref = every shipment of a scenario with several needs a ref
scn-declared = shipment { $name }: declared.{ $field }: { $problem }
scn-declared-late = shipment { $name }: declared_on { $on } is after the scenario's date { $date }
scn-reading-label = shipment { $name }: a reading needs a label
scn-reading = shipment { $name }: reading '{ $label }': { $field }: { $problem }
scn-seal-state = shipment { $name }: seal { $seal }: state '{ $state }' is not one of { $states }
scn-key-no-ref = key: no shipment has ref '{ $ref }'
scn-key-no-outcome = key { $name }: outcome lists no outcome
scn-key-seize = key { $name }: seize = { $seize } does not agree with outcome
scn-key-legal-basis = key { $name }: a seizure needs a legal_basis, and only a seizure has one
scn-key-custody = key { $name }: custody transfers need a seizure
scn-key-finding-twice = key { $name }: finding { $kind } is listed twice
scn-key-no-points = key { $name }: no item has points
scn-key-rule = key { $name }: '{ $id }' is not a rule id of the rule pack
scn-key-announcement = key { $name }: '{ $id }' is not an announcement of the rule pack (write it like 2023 No. 23)
