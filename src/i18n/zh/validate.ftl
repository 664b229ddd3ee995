# minspect zh/validate.ftl：关员表单的提示（src/domain/validate.rs 及 src/domain 的字段解析），显示在所指字段之后。

## 字段及其问题：`field` 为字段路径（shipment.destination），中文在其前加表单上的字段名。
field-problem = { $field }：{ $problem }
problem-text = { $text }

v-empty-enter = 为空；请填写{ $what }
v-what-declaration_no = 18 位报关单号
v-what-exporter_name = 出口商名称
v-what-consignee = 收货人
v-what-description = 申报品名
v-what-net_weight_g = 净重
v-what-goods = 扣押的货物
v-what-seal_nos = 封志号
v-what-storage_location = 货物存放地点
v-what-from_party = 移交方
v-what-to_party = 接收方
v-what-reason = 货物移交的原因
v-not-declaration_no = “{ $value }”不是 18 位报关单号
v-containers-empty = 为空；海运须填写集装箱号
v-weight-not-positive = { $value } g：净重必须大于零
v-negative = { $value } 为负数
v-before-start = “{ $value }”早于开始时间
v-after-end = “{ $value }”晚于结束时间
v-outcome-empty = 为空；请选择 released（放行）、held（扣留）、query_issued（已发质疑）、seized（扣押）或 referred（移交）
v-due-empty = 为空；处置结果 { $outcome } 须填写期限（YYYY-MM-DD）
v-not-measurement-name = “{ $value }”不是检测项名称（如 purity_pct、xrf_pct）
v-not-element = “{ $value }”不是化学元素符号（如 Dy、Bi、Ga）
v-value-required = 须填写检测值
v-not-non-negative = { $value } 不是非负数
v-found-empty = 为空；请写明查获情况（或提供证据）
v-legal-basis-empty = 为空；请填写筛查结果中的规则编号
v-same-parties = 与移交方相同
v-seized-none = 处置结果为扣押，但未登记扣押
v-seizures-not-seized = 已登记扣押，处置结果须为 seized（扣押）
v-not-country = “{ $value }”不是 ISO 3166 两位字母国家代码
v-not-number = “{ $value }”不是数字
v-not-rule-id = “{ $id }”不是规则包 { $version } 中的规则编号
v-not-given = “{ $id }”不是本记录筛查结果给出的规则（筛查给出：{ $gave }）；请引用筛查结果中的规则，或在 legal_basis_reason 中说明理由
v-gave-none = 无

## 货物筛选
filter-family-empty = 请填写物项类别，如 family:gallium
filter-not-review = “{ $value }”不是审核状态；请用 review:pending
filter-not-status = “{ $value }”不是 { $statuses } 之一
