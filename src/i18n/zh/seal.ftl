# 加密封装的数据包（格式第 2 版）：导出是否已封装到总部的 X25519 密钥。
seal-exported-sealed = 已封装给总部 '{ $hq }'：没有总部的密钥，此数据包不泄露任何记录、检查员或设备名称
seal-exported-unsealed = 未封装：受信任的总部密钥均不带封装密钥（第 1 版密钥文件），持有此数据包的任何人都能读取其中的记录；请信任总部当前的密钥文件（minspect device trust FILE），以封装下一个数据包
seal-status-sealed = 数据包已封装给总部 '{ $hq }'
seal-status-unsealed = 数据包未封装：受信任的总部密钥不带封装密钥
# 封装的附件行：每一行在打开之前先按已签名清单核验。
seal-attachment-altered = 数据包被拒绝：附件被篡改：记录 { $record } 的附件 { $sha256 }：其第 { $part } 个封装行与已签名清单所列的 SHA-256 不符（数据包被篡改或某行被移动）；未导入任何内容
seal-attachment-unopened = 数据包被拒绝：附件被篡改：记录 { $record } 的附件 { $sha256 }：其第 { $part } 个封装行无法用本总部的密钥打开；未导入任何内容
seal-attachment-missing = 数据包被拒绝：附件缺失：记录 { $record } 的附件 { $sha256 }：其第 { $part } 个封装行列在已签名清单中，但不在数据包里（数据包被截断或某行被删除）；未导入任何内容
seal-attachment-extra = 数据包被拒绝：多余的附件：第 { $line } 个封装附件行未列在已签名清单中；未导入任何内容
seal-attachment-hashes-missing = 数据包被拒绝：记录 { $record } 的附件 { $sha256 }：封装数据包的清单必须列出其每个封装行的 SHA-256；未导入任何内容
seal-attachment-hashes-unsealed = 数据包被拒绝：记录 { $record } 的附件 { $sha256 }：未封装数据包的清单列出了封装行；未导入任何内容
seal-attachment-in-clear = 数据包被拒绝：明文附件：封装数据包中有一行未封装的附件行（数据包被篡改）；未导入任何内容
seal-attachment-in-unsealed = 数据包被拒绝：封装的附件：未封装数据包中有一行封装的附件行（数据包被篡改）；未导入任何内容
