# minspect zh/limits.ftl：合理性限值（DESIGN 第 3 节）、被绕过数据库篡改的规则包，以及 DESIGN 第 7 节的退出路径。
# 每个 id 在两种语言中都有（tests/architecture/catalogue.rs）。

limits-pack-altered = 规则包已被篡改：{ $db } 通过了完整性检查，但 { $problems }
