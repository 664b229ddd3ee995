# minspect zh/clauses.ftl：规则在某日的状态、暂停、目的地与最终用途条款、风险提示
#（rules show、筛查中的条款理由）。

## 公告或条款在某日的状态
standing-in_force = 有效
standing-not_yet = 尚未生效（自 { $from } 起适用）
standing-never = 从未生效
standing-suspended = 已由 { $by } 暂停至 { $until }
standing-ended = 已失效（最后有效日 { $last_day }）
rule-suspension = 自 { $start } 至 { $end } 由 { $by } 暂停
rule-suspension-clause = 第 { $clause } 条自 { $start } 至 { $end } 由 { $by } 暂停

## rules show
rules-show-unknown = ID：规则包 { $version } 中没有名为 '{ $id }' 的物项、条款、风险提示或公告；请试试 `minspect rules search`
rules-show-clause-head = { $id }（{ $announcement }，第 { $clause } 条）
rules-show-scope = 国家：{ $country }  最终用途：{ $end_use }  类别：{ $families }
rules-show-any = 任意
rules-show-every-item = 所有两用物项
rules-show-effect = 效力：{ $effect }；自 { $from } 起有效
rules-show-effect-to = 效力：{ $effect }；自 { $from } 至 { $to } 有效
rules-show-today = 今日（{ $date }）：{ $standing }
rules-show-source = 来源：{ $url }
rules-show-issuers = 发布机关：{ $issuers }；发布 { $published }；生效 { $effective }
rules-show-items = 物项：{ $items }
rules-show-clause = 条款 { $id }：{ $text } [今日：{ $standing }]
rules-show-unconfirmed = 未经证实：{ $text }
rules-show-family = 类别：{ $family }   管制编码：{ $code }   需要许可证：{ $licence }
rules-show-technology = （技术）
rules-show-code-unknown = -（未知）
rules-show-yes = 是
rules-show-no = 否
rules-show-formulae = 化学式/符号：{ $formulae }
rules-show-announcement = 公告：{ $number } { $title }（发布 { $published }，生效 { $effective }）
rules-show-status = 今日状态（{ $date }）：{ $standing }
rules-show-criteria-unconfirmed = 技术指标：未经证实（来源未给出）：命中需复核
rules-show-criteria-none = 技术指标：无（所有规格）
rules-show-criterion = 指标：{ $criterion }
rules-show-hs = 参考 HS：{ $hs }
rules-show-hs-none = 参考 HS：未知
rules-show-notes = 备注：{ $notes }
rules-show-group = [组 { $group }]
rules-show-misprint = （可能是 { $code } 的误印）
