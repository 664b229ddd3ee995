# minspect zh/problems_rules.ftl：提交筛查的事实（src/rules/facts.rs）中发现的问题，以消息 id 表示。

fp-expected-string = 应为字符串，实为 { $got }
fp-expected-names = 应为名称数组，实为 { $got }
fp-expected-name = 应为名称（字符串），实为 { $got }
fp-expected-object = 应为对象，实为 { $got }
fp-expected-number = 应为数字，实为 { $got }
fp-negative = { $value } 为负数
fp-not-element = 不是化学元素符号（如 Ga、Dy、Sb）
fp-unknown-measurement = 未知检测项；已知：{ $known }（元素符号小写，如 dy_pct）
fp-expected-facts = 应为 JSON 对象
fp-unknown-field = 未知字段；事实包括 date、hs_code、description、composition、measurements、destination、end_use、end_user、licence_no、consignee、intermediaries
fp-date-missing = 缺失；请以 YYYY-MM-DD 格式填写货物日期
