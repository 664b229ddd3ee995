# 可滚动窗格（详情与结论窗格）、规则页的风险信号与公告。
scroll-more-below = ▼ 下方还有
scroll-more-above = ▲ 上方还有
key-scroll-reasons-down = 理由下翻
key-scroll-reasons-up = 理由上翻
receipt-officer = 查验关员
receipt-officer-is = { $name }（警号 { $badge }）
notice-announcement-row = § { $number } { $title }
notice-red-flag-row = ⚑ { $id } { $title }
notice-number = 公告
notice-issuers = 发布机关
notice-published = 发布日期
notice-effective = 施行日期
notice-valid-to = 有效期至
notice-status = 状态
notice-unconfirmed = 未经确认：{ $what }
notice-red-flag = 风险信号
notice-sources = 来源
