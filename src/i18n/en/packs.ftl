## Published, signed rule packs: rules publish, rules import, the pack a receipt carries
packs-published = published rule pack { $version } (signed by headquarters { $hq }): { $path }
packs-published-again = rule pack { $version } was published before; its file was written again: { $path }
packs-published-installed = headquarters now screens with rule pack { $version }
packs-imported-signed = installed rule pack { $version } (published { $published }), signed by headquarters { $hq }
packs-imported-unsigned = installed UNSIGNED rule pack { $version } (published { $published }); it is audited and shown as unsigned until a signed pack arrives
packs-ack-installed = installed rule pack { $version } from the receipt (signed by headquarters)
packs-ack-kept = the receipt carried rule pack { $version }, not newer than the installed one: the installed pack is kept
packs-publish-read-only = rules publish: the database is open read-only
packs-hq-pack-file = { $file }: a published pack file is imported on field laptops; headquarters imports the pack TOML (then `rules publish` it)

## The active pack on the status bar and the Sync tab
packs-status-signed = pack { $version } · signed · { $days } d
packs-status-unsigned = pack { $version } · UNSIGNED · { $days } d
packs-line-signed = rule pack { $version } · signed by { $hq } · published { $published }, { $days } d
packs-line-unsigned = rule pack { $version } · UNSIGNED · published { $published }, { $days } d
packs-line-local = rule pack { $version } · local, not signed · published { $published }, { $days } d
packs-line-none = no rule pack installed
