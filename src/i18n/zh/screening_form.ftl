# 规则页"筛查货物"表单:各字段的提示。
scr-pair-composition = “{ $part }”:请写名称和数值,例如 Ga 30
scr-pair-measurement = “{ $part }”:请写名称和数值,例如 purity_pct 99.9
scr-not-number = “{ $value }”不是数字
scr-not-finite = “{ $value }”不是有限的数字
scr-date-needed = 请按 YYYY-MM-DD 填写货物日期
