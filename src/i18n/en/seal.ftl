# Sealed bundles (format version 2): whether an export is sealed to headquarters' X25519 key.
seal-exported-sealed = sealed to headquarters '{ $hq }': without headquarters' key the bundle reveals no record, officer or device name
seal-exported-unsealed = NOT sealed: no trusted headquarters key carries a sealing key (a version-1 key file), so anyone holding the bundle reads its records; trust headquarters' current key file (minspect device trust FILE) to seal the next one
seal-status-sealed = bundles sealed to headquarters '{ $hq }'
seal-status-unsealed = bundles NOT sealed: the trusted headquarters key has no sealing key
# Sealed attachment lines: each is verified against the signed manifest before it is opened.
seal-attachment-altered = bundle refused: attachment altered: record { $record } attachment { $sha256 }: its sealed line { $part } does not match the SHA-256 the signed manifest lists (the bundle was altered or a line was moved); nothing was imported
seal-attachment-unopened = bundle refused: attachment altered: record { $record } attachment { $sha256 }: its sealed line { $part } does not open with this headquarters' key; nothing was imported
seal-attachment-missing = bundle refused: attachment missing: record { $record } attachment { $sha256 }: its sealed line { $part } is listed in the signed manifest but not in the bundle (the bundle was cut short or a line was removed); nothing was imported
seal-attachment-extra = bundle refused: extra attachment: sealed attachment line { $line } is not listed in the signed manifest; nothing was imported
seal-attachment-hashes-missing = bundle refused: attachment { $sha256 } of record { $record }: a sealed bundle's manifest must list the SHA-256 of each of its sealed lines; nothing was imported
seal-attachment-hashes-unsealed = bundle refused: attachment { $sha256 } of record { $record }: an unsealed bundle's manifest lists sealed lines; nothing was imported
seal-attachment-in-clear = bundle refused: attachment in clear: a sealed bundle carries an attachment line that is not sealed (the bundle was altered); nothing was imported
seal-attachment-in-unsealed = bundle refused: sealed attachment: an unsealed bundle carries a sealed attachment line (the bundle was altered); nothing was imported
