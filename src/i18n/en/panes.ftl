# Scrollable panes (detail and verdict panes), the Rules tab's red flags and announcements.
scroll-more-below = ▼ more below
scroll-more-above = ▲ top above
key-scroll-reasons-down = reasons down
key-scroll-reasons-up = reasons up
receipt-officer = Inspecting officer
receipt-officer-is = { $name } (badge { $badge })
notice-announcement-row = § { $number } { $title }
notice-red-flag-row = ⚑ { $id } { $title }
notice-number = Announcement
notice-issuers = Issued by
notice-published = Published
notice-effective = Effective
notice-valid-to = Valid to
notice-status = Status
notice-unconfirmed = UNCONFIRMED: { $what }
notice-red-flag = Red flag
notice-sources = Sources
