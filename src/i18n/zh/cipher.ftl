# minspect zh/cipher.ftl：静态加密：启动时的口令提示、密钥文件、更换口令。
# 每个 id 在两种语言中都有（tests/architecture/catalogue.rs）。

## 控制台启动提示
unlock-title = 解锁数据库
unlock-file = { $name } 已加密。
unlock-ask = 口令：
unlock-footer = Enter 解锁 · Ctrl-C 退出
unlock-wrong = 口令错误：未打开也未更改任何内容。请重试。
unlock-empty = 请先输入口令。
unlock-new-ask = 新的现场数据库将被加密：请设定口令。
unlock-new-again = 再次输入同一口令：
unlock-new-differ = 两次输入的口令不一致：请重新输入。

## 命令行
cipher-locked = { $path } 已加密：请提供 MINSPECT_PASSPHRASE 或 --key-file（未打开任何内容）
cipher-wrong = { $path } 的口令错误：未打开也未更改任何内容
cipher-init-needs-key = 现场或总部数据库需加密：请提供 MINSPECT_PASSPHRASE 或 --key-file，或用 --no-encryption 创建明文文件
cipher-key-file-unreadable = --key-file { $path }：{ $error }
cipher-key-file-empty = --key-file { $path }：文件为空
cipher-key-file-open = --key-file { $path }：其他用户可读（权限 { $mode }）；只允许所有者（及组）读取：chmod 600 或 640
cipher-no-group = --group { $group }：没有这个组
cipher-group-hq-only = --group 用于共享总部数据库：请与 --hq 一起使用
cipher-rekey-plain = { $path } 未加密：无需更换口令
cipher-rekey-needs-new = 请在 MINSPECT_NEW_PASSPHRASE 中提供新口令，或在提示处输入（需要终端）
cipher-rekey-prompt = 新口令：
cipher-rekey-again = 再次输入新口令：
cipher-rekey-differ = 两次输入的新口令不一致：未作任何更改
cipher-rekey-empty = 新口令为空：未作任何更改
cipher-rekey-done = { $path }：口令已更换；旧口令不再能打开它
cipher-key-file-made = 已写入密钥文件 { $path }（权限 { $mode }）；用 --key-file 或 MINSPECT_KEY_FILE 提供
cipher-key-file-exists = { $path } 已存在：密钥文件从不覆盖

## db encrypt：把明文文件变为加密文件
cipher-encrypt-already = { $path } 已经加密：未做任何更改（更改口令请用 db rekey）
cipher-encrypt-needs-key = db encrypt 需要新口令：请提供 MINSPECT_PASSPHRASE 或 --key-file（未做任何更改）
cipher-encrypt-hq-group = { $path } 是与其用户组共享的总部文件（权限 { $mode }）：请提供 --group GROUP，使加密后的文件以同样方式共享（未做任何更改）
cipher-encrypt-in-use = { $path } 正被另一个进程打开：请在那里关闭后再运行 db encrypt（未做任何更改）
cipher-encrypt-done = { $path } 现已加密（权限 { $mode }）；只有用所给口令才能打开
cipher-check-test-kdf = 警告：{ $path } 是用测试用的密钥派生参数（MINSPECT_KDF=test）创建的，被盗的副本可被廉价地猜解口令；它只用于测试：请在不设置 MINSPECT_KDF 的情况下重新创建该文件
cipher-encrypt-copy-mismatch = { $path }：加密副本与原文件不符（架构对象 { $found }/{ $tables }，{ $check }）；明文文件未改动
