# minspect en/engine.ftl: the screening engine's red flags and failed criteria (src/rules:
# flags_said.rs, criteria.rs). Each English text equals what the engine stores.

## Pack text the pack has in English only (marked outside English)
untranslated-text = { $text }

## Red flags: the pack's title, the detail, the pack's guidance
flag-hit = { $title }: { $detail } { $guidance }
flag-hit-bare = { $title }: { $detail }
flag-untitled = Red flag
flag-code = , { $code }
flag-what = { $name_en } ({ $ann }{ $code })
flag-misprint = declared HS { $declared } is reference code { $code } as printed in { $ann }, probably a misprint for { $of }; the goods match { $item } by description: correct the declared code.
flag-composition-under = the declared composition gives { $said } { $el }, but { $pct } % was found: { $name_en } ({ $ann }).
flag-composition-missing = the declared composition gives { $said } { $el }, but { $pct } % was found: { $name_en } ({ $ann }).
flag-ref-little = { $el } { $pct } % found, making the goods { $what }; declared HS { $declared } is not a reference code. The controlled content may be under-declared.
flag-ref-composition = the description does not name the goods, but the composition has { $el } { $pct } %: { $what }; declared HS { $declared } is not a reference code.
flag-ref-description = the description matches { $what }, but declared HS { $declared } is not one of its reference codes.

## Criteria that failed
crit-pair = { $a }, { $b }
crit-fail-unconfirmed = , UNCONFIRMED
crit-not-measured = { $el } not measured (absent from the composition; needs { $need }{ $mark })
crit-measured = measured { $name } { $value } (needs { $need }{ $mark })

## An item's UNCONFIRMED facts (the pack's Chinese text in Chinese)
unconfirmed-said = {" "}UNCONFIRMED: { $what }.
