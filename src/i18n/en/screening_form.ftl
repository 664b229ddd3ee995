# The Rules tab's screening form: messages of its fields.
scr-pair-composition = '{ $part }': write name and number, e.g. Ga 30
scr-pair-measurement = '{ $part }': write name and number, e.g. purity_pct 99.9
scr-not-number = '{ $value }' is not a number
scr-not-finite = '{ $value }' is not a finite number
scr-date-needed = give the shipment date as YYYY-MM-DD
