# 加密封装的数据包（格式第 2 版）：导出是否已封装到总部的 X25519 密钥。
seal-exported-sealed = 已封装给总部 '{ $hq }'：没有总部的密钥，此数据包不泄露任何记录、检查员或设备名称
seal-exported-unsealed = 未封装：受信任的总部密钥均不带封装密钥（第 1 版密钥文件），持有此数据包的任何人都能读取其中的记录；请信任总部当前的密钥文件（minspect device trust FILE），以封装下一个数据包
seal-status-sealed = 数据包已封装给总部 '{ $hq }'
seal-status-unsealed = 数据包未封装：受信任的总部密钥不带封装密钥
