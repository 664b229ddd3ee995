# minspect zh/limits.ftl：合理性限值（DESIGN 第 3 节）、被绕过数据库篡改的规则包，以及 DESIGN 第 7 节的退出路径。
# 每个 id 在两种语言中都有（tests/architecture/catalogue.rs）。

limits-pack-altered = 规则包已被篡改：{ $db } 通过了完整性检查，但 { $problems }
limits-read-only-files = --read-only：此命令会创建或重写数据库文件；请去掉 --read-only 再运行
limits-read-only-import = --read-only：导入数据包会写入数据库；请去掉 --read-only 再运行
limits-read-only-ack = --read-only：应用回执会写入数据库；请去掉 --read-only 再运行
seiz-legal_basis_reason = 依据说明
    .hint = 依据不是筛查结果时说明理由
