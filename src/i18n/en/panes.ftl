# Scrollable panes (detail and verdict panes), the Rules tab's red flags and announcements.
scroll-more-below = ▼ more below
scroll-more-above = ▲ top above
key-scroll-reasons-down = reasons down
key-scroll-reasons-up = reasons up
receipt-officer = Inspecting officer
receipt-officer-is = { $name } (badge { $badge })
