# minspect en/cipher.ftl: encryption at rest: the passphrase prompt, key files, rekey.
# Every id is in both languages (tests/architecture/catalogue.rs). Values never start or end
# with spaces (Fluent trims them; {" "} keeps one).

## The console's start-up prompt
unlock-title = Unlock the database
unlock-file = { $name } is encrypted.
unlock-ask = Passphrase:
unlock-footer = Enter unlock · Ctrl-C quit
unlock-wrong = Wrong passphrase: nothing was opened or changed. Try again.
unlock-empty = Type the passphrase first.
unlock-new-ask = A new field database is encrypted: choose its passphrase.
unlock-new-again = The same passphrase again:
unlock-new-differ = The two passphrases differ: type them again.

## The command line
cipher-locked = { $path } is encrypted: give MINSPECT_PASSPHRASE or --key-file (nothing was opened)
cipher-wrong = wrong passphrase for { $path }: nothing was opened or changed
cipher-init-needs-key = a field or headquarters database is encrypted: give MINSPECT_PASSPHRASE or --key-file, or --no-encryption for a plain file
cipher-key-file-unreadable = --key-file { $path }: { $error }
cipher-key-file-empty = --key-file { $path }: the file is empty
cipher-key-file-open = --key-file { $path }: readable by other users (mode { $mode }); allow only its owner (and group): chmod 600 or 640
cipher-no-group = --group { $group }: no such group
cipher-group-hq-only = --group shares a headquarters database: use it with --hq
cipher-rekey-plain = { $path } is not encrypted: nothing to rekey
cipher-rekey-needs-new = give the new passphrase in MINSPECT_NEW_PASSPHRASE or type it at the prompt (a terminal is needed)
cipher-rekey-prompt = New passphrase:
cipher-rekey-again = The new passphrase again:
cipher-rekey-differ = the two new passphrases differ: nothing was changed
cipher-rekey-empty = the new passphrase is empty: nothing was changed
cipher-rekey-done = { $path }: passphrase changed; the old one no longer opens it
cipher-key-file-made = key file { $path } written (mode { $mode }); give it with --key-file or MINSPECT_KEY_FILE
cipher-key-file-exists = { $path } exists: a key file is never overwritten

## db encrypt: a plain file made an encrypted one
cipher-encrypt-already = { $path } is already encrypted: nothing was changed (db rekey changes its passphrase)
cipher-encrypt-needs-key = db encrypt needs the new passphrase: give MINSPECT_PASSPHRASE or --key-file (nothing was changed)
cipher-encrypt-hq-group = { $path } is a headquarters file shared with its group (mode { $mode }): give --group GROUP so the encrypted file is shared the same way (nothing was changed)
cipher-encrypt-in-use = { $path } is open in another process: close it there and run db encrypt again (nothing was changed)
cipher-encrypt-done = { $path } is now encrypted (mode { $mode }); it opens only with the passphrase given
cipher-check-test-kdf = warning: { $path } was made with the test key-derivation parameters (MINSPECT_KDF=test), which a stolen copy can be guessed against cheaply; it is meant for tests only: make the field file again without MINSPECT_KDF set
cipher-encrypt-copy-mismatch = { $path }: the encrypted copy does not match the file ({ $found } of { $tables } schema objects, { $check }); the plain file is unchanged
