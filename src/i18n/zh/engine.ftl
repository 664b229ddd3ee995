# minspect zh/engine.ftl：筛查引擎的风险信号和未满足的指标（src/rules：flags_said.rs、criteria.rs）。

## 规则包只有英文的文字（非英文界面中加注）
untranslated-text = { screen-english-only } { $text }

## 风险信号：规则包中的名称、具体情况、规则包中的指导
flag-hit = { $title_zh }：{ $detail }{ $guidance_zh }
flag-hit-bare = { $title_zh }：{ $detail }
flag-untitled = 风险信号
flag-code = ，{ $code }
flag-what = { $name_zh }（{ $ann }{ $code }）
flag-misprint = 申报商品编码 { $declared } 即 { $ann } 所印参考编码 { $code }，可能是 { $of } 的印刷错误；按品名描述货物与 { $item } 相符：请更正申报编码。
flag-composition-under = 申报成分中 { $el } 为 { $said }，但实测为 { $pct } %：{ $name_zh }（{ $ann }）。
flag-composition-missing = 申报成分中没有 { $el }，但实测为 { $pct } %：{ $name_zh }（{ $ann }）。
flag-ref-little = 实测 { $el } { $pct } %，货物应为{ $what }；申报商品编码 { $declared } 不是参考编码。管制成分可能被少报。
flag-ref-composition = 品名描述未写明货物，但成分含 { $el } { $pct } %：{ $what }；申报商品编码 { $declared } 不是参考编码。
flag-ref-description = 品名描述与{ $what }相符，但申报商品编码 { $declared } 不是其参考编码。

## 未满足的指标
crit-pair = { $a }，{ $b }
crit-fail-unconfirmed = ，未经确认
crit-not-measured = 未测 { $el }（成分中没有；须 { $need }{ $mark }）
crit-measured = 实测 { $name } 为 { $value }（须 { $need }{ $mark }）

## 物项未经确认的事项（中文界面用规则包的中文）
unconfirmed-said = 未经确认：{ $what_zh }。
