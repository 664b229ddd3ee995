# minspect en/problems_store.ftl: refusals of the store (src/store), as ids.

## Devices, their keys and worlds (src/store/device)
sp-place-live-hq = a live headquarters
sp-place-training-hq = a training headquarters
sp-place-live-field = a live field device
sp-place-training-laptop = a training laptop
sp-trusted-other-key = { $field }: device { $id } is already trusted with a different key; refusing to replace it
sp-key-not-32 = { $what } is not 32 bytes long
sp-key-public = this device's public key
sp-key-private = this device's private key
sp-key-sealing = this device's sealing key
sp-key-of-device = public key of device { $id }
sp-key-sealing-of = sealing key of device { $id }
sp-device-world = world: device { $device } is of the { $world } world and this is a { $here } database; live and training never mix
sp-private-key-missing = this device's private key is missing from the database
sp-training-key-world = world: a training device's key must be of the training world, not { $world }
sp-trust-world = world: this is { $here } and the key is of { $key } ('{ $name }'); live and training never trust each other's keys
sp-trust-kind = kind: { $here } trusts { $wanted } keys only; this key file is for a { $kind } device
sp-own-key = device_id: this is this database's own key
sp-not-device-id = device_id: '{ $id }' is not a device id
sp-name-empty = name: must not be empty

## Review decisions and officers at headquarters (src/store/hq)
sp-no-received = ID: no received inspection { $id }
sp-return-needs-comment = --comment: a returned inspection needs a comment saying what to fix
sp-own-badge = inspection { $id } was recorded under your own badge { $badge }: another supervisor decides on it
sp-already-decided = already { $decision } by { $name } at { $at }; to change the decision use --change, or C on the Review tab (the history keeps both)
sp-nothing-to-change = inspection { $id } has no decision to change; decide without --change
sp-review-not-hq = review decisions are made at headquarters; this is not a headquarters database
sp-not-supervisor = login '{ $login }' is mapped to { $name } (badge { $badge }), who is { $role ->
    [officer] an officer
   *[other] a { $role }
}, not a supervisor; review decisions need a login mapped to a supervisor (`minspect officer list` shows who is mapped)
sp-officers-at-hq = officers and their logins are managed at headquarters; this database's officer is the one set by `minspect init`
sp-doing = { $doing }: { $why }
sp-doing-add-officer = adding an officer
sp-doing-map-login = mapping a login
sp-owner-unknown = { $doing }: cannot tell who owns { $path }: { $error }
sp-first-login-owner = { $doing }: no officer of this headquarters database is mapped to a login yet, so only the owner of { $path }, { $owner }, may map the first one; this process runs as { $me }

## A received record refused at headquarters (src/store/hq/received_checks.rs)
sp-record-refused = record seq { $seq } (id { $id }) refused: { $field }: { $problem }
sp-not-record-id = is not a record id (control characters, or too long)
sp-not-json = is not JSON: { $error }
sp-received-state = is '{ $state }'; headquarters accepts finalized records only (a field device sends nothing else)
sp-received-device = names device { $device }, not the bundle's device { $bundle }; a device sends only its own records
sp-received-hq-officer = officer { $officer } is a headquarters supervisor; headquarters records no field work
