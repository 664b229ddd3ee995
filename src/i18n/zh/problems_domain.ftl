# minspect zh/problems_domain.ftl：src/domain 字段解析发现的问题（以消息 id 表示，显示在所指字段之后）。

## 带校验位的编码（src/domain/idcodes.rs）
dp-not-locode = “{ $raw }”不是 UN/LOCODE 地点代码（国家代码 + 3 个字符，如 CNSHA）
dp-locode-country = “{ $raw }”：“{ $country }”不是 ISO 3166 国家代码
dp-locode-place = “{ $raw }”：地点部分“{ $place }”只能是字母或数字 2-9
dp-uscc-length = “{ $raw }”有 { $n } 个字符；统一社会信用代码为 18 位
dp-uscc-char = “{ $raw }”含有“{ $bad }”，统一社会信用代码不使用该字符（无 I、O、Z、S、V）
dp-uscc-authority = “{ $raw }”：“{ $code }”不是登记管理部门代码
dp-uscc-division = “{ $raw }”：第 3-8 位须为 6 位行政区划代码
dp-not-uscc = “{ $raw }”不是统一社会信用代码
dp-uscc-check = “{ $raw }”：校验码为“{ $got }”，应为“{ $expected }”；有字符录入错误
dp-container-shape = “{ $raw }”不是集装箱号（箱主代码 + U/J/Z + 6 位数字 + 校验位，如 CSQU3054383）
dp-not-container = “{ $raw }”不是集装箱号
dp-container-check = “{ $raw }”：校验位为 { $got }，应为 { $expected }；有字符录入错误

## 数字、重量、单位与百分比（src/domain/quantity.rs）
dp-number-empty = 为空；请填写数字，如 600 或 4000.5
dp-negative = “{ $raw }”为负数
dp-decimal-comma = “{ $raw }”：小数点请用“.”，不要用千位分隔符
dp-not-decimal = “{ $raw }”不是十进制数
dp-decimal-places = “{ $raw }”的小数位超过 { $scale } 位
dp-too-large = “{ $raw }”过大
dp-not-positive = “{ $raw }”必须大于零
dp-not-unit = “{ $raw }”不是计量单位；请使用以下之一：{ $units }
dp-not-weight-unit = “{ $raw }”不是重量单位；请使用 kg、g 或 t
dp-not-number = “{ $raw }”不是数字
dp-not-percent = { $value } 不是 0 到 100 之间的百分比

## 合理性限值（src/domain/limits.rs）
dp-name-long = 长 { $n } 个字符；最多允许 { $max } 个
dp-text-long = 长 { $n } 字节；最多允许 { $max } 字节（16 KiB）
dp-value-max = { $value } 超过上限 { $max }（最小货币单位）
dp-weight-max = { $value } g 超过上限 { $max } g（10 万吨）
dp-quantity-digits = “{ $raw }”有 { $n } 位有效数字；最多允许 { $max } 位
dp-declared-early = { $date } 早于 { $from }；请填写报关单的申报日期
dp-declared-late = { $date } 晚于查验当天 { $day }；货物应先申报后查验
dp-transfer-future = { $at } 是将来的时间（现在为 { $now }）；请填写交接的时间
dp-transfer-early = { $at } 早于扣押时间（{ $from }）；移交应在扣押之后

## 记录导入文件（src/domain/import.rs）
dp-json-null = null（空值）
dp-json-bool = 布尔值
dp-json-number = 数字
dp-json-string = 字符串
dp-json-array = 数组
dp-json-object = 对象
dp-expected-object-got = 应为对象，实为{ $got }
dp-expected-array-got = 应为数组，实为{ $got }
dp-unknown-field = 未知字段
dp-malformed-json = JSON 格式错误：{ $error }
dp-expected-record = 应为含 shipment 和 inspection 的 JSON 对象
dp-unknown-field-expected = 未知字段；应为以下之一：{ $expected }
dp-missing = 缺失
dp-expected-object = 应为对象
dp-custody-needs-finalize = 移交记录只能记在已定稿的扣押上；请加 --finalize 导入

## 编码、日期、成分、金额与记录的种类（src/domain）
dp-hs-char = “{ $raw }”含有“{ $bad }”；HS 编码只能是数字（可含点和空格）
dp-hs-length = “{ $raw }”有 { $n } 位数字；HS 编码为 6 到 10 位
dp-not-date = “{ $raw }”不是 YYYY-MM-DD 格式的日期
dp-not-timestamp = “{ $raw }”不是日期时间（如 2025-07-04T09:30:00+08:00）
dp-twice = 重复填写
dp-sum-over = 各百分比合计 { $sum }，超过 100
dp-not-one-of = “{ $raw }”不是以下之一：{ $all }
dp-not-currency = “{ $raw }”不是 ISO 4217 货币代码（如 CNY、USD、EUR）
dp-unknown-currency = 未知货币“{ $currency }”
dp-not-end-use = “{ $raw }”不是 civil（民用）、military（军用）、unknown（不明）之一
