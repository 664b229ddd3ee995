# minspect zh/problems_sync.ftl：同步（src/sync）的拒绝理由，以消息 id 表示。

## 设备密钥文件（src/sync/keys.rs）
yp-not-key-file = { $source }：不是 minspect 设备密钥文件：{ $error }
yp-key-format = { $source }：格式（format）：应为 { $expected } 第 1 或 { $version } 版，实为 { $found } 第 { $found_version } 版
yp-key-v1-world = { $source }：环境（world）：第 1 版密钥文件不含环境（第 2 版才注明）
yp-key-v2-no-world = { $source }：环境（world）：缺失（第 2 版密钥文件须注明 live 或 training）
yp-key-training-world = { $source }：环境（world）：培训笔记本的密钥属于 training（培训）环境，而不是 { $world }
yp-key-field = { $source }：{ $field }：{ $problem }
yp-key-v1-seal = 第 1 版密钥文件不含封装密钥（第 2 版才携带）
yp-not-hex = 不是十六进制
yp-not-64-hex = 须为 64 位十六进制数字（32 字节）
yp-not-ed25519 = 不是有效的 ed25519 公钥
yp-out-is-dir = --out：{ $path } 是目录；请给出密钥文件的文件名
yp-out-exists = --out：{ $path } 已存在；请换一个名称，或加 --force 覆盖
yp-out-not-path = --out：{ $path } 不是文件路径
yp-key-name-bad = { $source }：名称（name）：{ $name } 为空或含控制字符（转义序列可能改写终端）；未予信任

## 数据包（src/sync/bundle_import.rs）
yp-bundle-refused = 数据包 { $path } 被拒收：{ $why }
