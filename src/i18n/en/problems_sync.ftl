# minspect en/problems_sync.ftl: refusals of the sync (src/sync), as ids.

## Device key files (src/sync/keys.rs)
yp-not-key-file = { $source }: not a minspect device key file: { $error }
yp-key-format = { $source }: format: expected { $expected } version 1 or { $version }, found { $found } version { $found_version }
yp-key-v1-world = { $source }: world: a version-1 key file has no world (version 2 names it)
yp-key-v2-no-world = { $source }: world: missing (a version-2 key file names live or training)
yp-key-training-world = { $source }: world: a training laptop's key is of the training world, not { $world }
yp-key-field = { $source }: { $field }: { $problem }
yp-key-v1-seal = a version-1 key file has no sealing key (version 2 carries it)
yp-not-hex = not hexadecimal
yp-not-64-hex = must be 64 hex digits (32 bytes)
yp-not-ed25519 = not a valid ed25519 public key
yp-out-is-dir = --out: { $path } is a directory; give the key file's name
yp-out-exists = --out: { $path } already exists; give another name or --force to overwrite it
yp-out-not-path = --out: { $path } is not a file path
yp-key-name-bad = { $source }: name: { $name } is empty or contains control characters (escape sequences could rewrite the terminal); not trusted

## Bundles (src/sync/bundle_import.rs)
yp-bundle-refused = bundle { $path } refused: { $why }
