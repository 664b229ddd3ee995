# Sealed bundles (format version 2): whether an export is sealed to headquarters' X25519 key.
seal-exported-sealed = sealed to headquarters '{ $hq }': without headquarters' key the bundle reveals no record, officer or device name
seal-exported-unsealed = NOT sealed: no trusted headquarters key carries a sealing key (a version-1 key file), so anyone holding the bundle reads its records; trust headquarters' current key file (minspect device trust FILE) to seal the next one
seal-status-sealed = bundles sealed to headquarters '{ $hq }'
seal-status-unsealed = bundles NOT sealed: the trusted headquarters key has no sealing key
