# The inspection's start and end, typed and shown in local time with the offset.
insp-started_at = Started
    .hint = YYYY-MM-DD hh:mm (local time)
insp-ended_at = Ended
    .hint = YYYY-MM-DD hh:mm, or empty
time-not-local = '{ $value }' is not a date and time like { $example }
time-in-future = '{ $value }' is in the future (now { $now }); give the time it happened
