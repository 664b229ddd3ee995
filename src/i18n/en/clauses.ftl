# minspect en/clauses.ftl: where a rule stands, suspensions, destination and end-use clauses,
# red flags (rules show, the screening's clause reasons).

## Standing of an announcement or clause on a date
standing-in_force = in force
standing-not_yet = not yet in force (applies from { $from })
standing-never = never took effect
standing-suspended = suspended by { $by } until { $until }
standing-ended = no longer in force (last day { $last_day })
rule-suspension = suspended { $start } to { $end } by { $by }
rule-suspension-clause = clause { $clause } suspended { $start } to { $end } by { $by }

## rules show
rules-show-unknown = ID: no item, clause, red flag or announcement '{ $id }' in rule pack { $version }; try `minspect rules search`
rules-show-clause-head = { $id } ({ $announcement }, clause { $clause })
rules-show-scope = country: { $country }  end use: { $end_use }  families: { $families }
rules-show-any = any
rules-show-every-item = every dual-use item
rules-show-effect = effect: { $effect }; valid from { $from }
rules-show-effect-to = effect: { $effect }; valid from { $from } to { $to }
rules-show-today = today ({ $date }): { $standing }
rules-show-source = source: { $url }
rules-show-issuers = issuers: { $issuers }; published { $published }; effective { $effective }
rules-show-items = items: { $items }
rules-show-clause = clause { $id }: { $text } [today: { $standing }]
rules-show-unconfirmed = UNCONFIRMED: { $text }
rules-show-family = family: { $family }   control code: { $code }   licence required: { $licence }
rules-show-technology = (technology)
rules-show-code-unknown = - (not known)
rules-show-yes = yes
rules-show-no = no
rules-show-formulae = formulae/symbols: { $formulae }
rules-show-announcement = announcement: { $number } { $title } (published { $published }, effective { $effective })
rules-show-status = status today ({ $date }): { $standing }
rules-show-criteria-unconfirmed = criteria: UNCONFIRMED (the sources do not give them): a match needs review
rules-show-criteria-none = criteria: none (every grade)
rules-show-criterion = criterion: { $criterion }
rules-show-hs = reference HS: { $hs }
rules-show-hs-none = reference HS: none known
rules-show-notes = notes: { $notes }
rules-show-group = [group { $group }]
rules-show-misprint = (probably a misprint for { $code })
