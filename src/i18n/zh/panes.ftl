# 可滚动窗格（详情与结论窗格）、规则页的风险信号与公告。
scroll-more-below = ▼ 下方还有
scroll-more-above = ▲ 上方还有
key-scroll-reasons-down = 理由下翻
key-scroll-reasons-up = 理由上翻
receipt-officer = 查验关员
receipt-officer-is = { $name }（警号 { $badge }）
