# minspect zh/screening.ftl：结论和筛查理由。
# 每个 id 都在两种语言中（tests/architecture/catalogue.rs）。值不以空格开头或结尾
# （Fluent 会去掉；{" "} 可保留一个）。

## Verdicts and screening
verdict-not_controlled = 不受管制
verdict-needs_review = 需要审查
verdict-licence_required = 需要许可证
verdict-prohibited = 禁止出口
hit-kind-item = 管制物项
hit-kind-destination = 目的地规则
hit-kind-end_use = 最终用途规则
hit-kind-red_flag = 风险信号
hit-kind-stale = 请核实现行状态
screening-verdict = 结论：
screening-pack = （规则包 { $version }）
screening-families = 物项类别：{ $families }
screening-measure = 需测量：{ $names }
screening-no-rule = 没有匹配的规则。
screen-head = { $verdict }  （截至 { $as_of }；规则包 { $version }，发布于 { $published }）
screen-no-rule = 规则包中没有与这些事实匹配的规则。
screen-rule = 规则 { $id }
screen-control-code = 管制编码 { $code }
screen-note = 注意：{ $text }
screen-english-only = [仅有英文]

## Screening reasons (rules return these ids; each English text equals what rules write)
list-separator = ；
hit-may-be-controlled = { $name_zh }可能属于《{ $ann_zh }》（{ $ann }）{ $code } 管制物项：{ $basis }。请鉴定货物（并申报完整的 10 位商品编码）。
hit-family-mention = 品名描述提到“{ $word }”（{ $name_zh }），但未指明列管物项。请对照以下管制物项鉴定货物：{ $items_zh }{ $more }。
hit-controlled = { $name_zh }属于《{ $ann_zh }》（{ $ann }）{ $code } 管制物项（{ $crit }）；{ $basis }。出口须申领两用物项和技术出口许可证（监管证件代码 3）。{ $licence }{ $unconf }
hit-missing = { $name_zh }在 { $criteria } 时属于《{ $ann_zh }》（{ $ann }）{ $code } 管制物项；{ $basis }。需测量：{ $names }。{ $unconf }
hit-listed-unconfirmed = { $name_zh }列于《{ $ann_zh }》（{ $ann }）{ $code }，但其技术指标未经确认；{ $basis }。放行前请对货物进行鉴定（依海关总署 2025 年第 123 号公告提出查询）。{ $licence }{ $unconf }
hit-below-unconfirmed = { $name_zh }，《{ $ann_zh }》（{ $ann }）{ $code }：{ $failed }，低于一项未经确认的阈值；{ $basis }。请以官方文本或专家鉴定确认该阈值。
note-below = { $name_zh }（{ $id }，《{ $ann_zh }》（{ $ann }）{ $code }）：{ $failed }；低于阈值，不受该物项管制。
basis-matched = 匹配依据：{ $why }
basis-hs-exact = 申报商品编码 { $declared } 即参考编码 { $code }
basis-hs-covers = 申报商品编码 { $declared } 涵盖参考编码 { $code }
basis-word = 品名描述提到“{ $word }”
basis-element = 成分含 { $el } { $pct } %
basis-item = 匹配物项 { $id }
crit-none = 无阈值：所有等级均列管
crit-met = 满足指标：{ $held }
licence-none = 未申报许可证编号。
licence-declared = 已申报许可证号 { $no }：请核实其涵盖这些货物、数量和最终用户。
unconfirmed-note = 未经确认：{ $what }。
stale-pack-age = 规则包 { $version } 发布于 { $published }；{ $date } 已晚于其 { $days } 天以上。规则可能已变化：请向商务部核实现行状态并导入更新的规则包。
