# minspect zh/problems_store.ftl：存储层（src/store）的拒绝理由，以消息 id 表示。

## 设备、密钥与环境（src/store/device）
sp-place-live-hq = 正式环境的总部
sp-place-training-hq = 培训环境的总部
sp-place-live-field = 正式环境的现场设备
sp-place-training-laptop = 培训笔记本
sp-trusted-other-key = { $field }：设备 { $id } 已以另一把密钥受信任；拒绝替换
sp-key-not-32 = { $what }不是 32 字节
sp-key-public = 本设备的公钥
sp-key-private = 本设备的私钥
sp-key-sealing = 本设备的封装密钥
sp-key-of-device = 设备 { $id } 的公钥
sp-key-sealing-of = 设备 { $id } 的封装密钥
sp-device-world = 环境（world）：设备 { $device } 属于 { $world } 环境，本数据库是 { $here } 数据库；正式与培训环境互不相通
sp-private-key-missing = 数据库中缺少本设备的私钥
sp-training-key-world = 环境（world）：培训设备的密钥必须属于 training（培训）环境，而不是 { $world }
sp-trust-world = 环境（world）：本处是{ $here }，该密钥属于{ $key }（“{ $name }”）；正式与培训环境互不信任对方的密钥
sp-trust-kind = 种类（kind）：{ $here }只信任 { $wanted } 密钥；此密钥文件属于 { $kind } 设备
sp-own-key = device_id：这是本数据库自己的密钥
sp-not-device-id = device_id：“{ $id }”不是设备编号
sp-name-empty = name：不能为空

## 总部的审核决定与关员（src/store/hq）
sp-no-received = ID：没有已接收的查验 { $id }
sp-return-needs-comment = --comment：退回查验须附意见，写明要改正什么
sp-own-badge = 查验 { $id } 是以你本人的工号 { $badge } 记录的：须由另一位主管决定
sp-already-decided = 已由 { $name } 于 { $at } { $decision }；如要更改决定，请用 --change，或在审核页按 C（历史两者都保留）
sp-nothing-to-change = 查验 { $id } 尚无可更改的决定；请不加 --change 作出决定
sp-review-not-hq = 审核决定在总部作出；本数据库不是总部数据库
sp-not-supervisor = 登录名“{ $login }”对应 { $name }（工号 { $badge }），其角色为 { $role }，不是主管；审核决定须由对应主管的登录名作出（`minspect officer list` 显示对应关系）
sp-officers-at-hq = 关员及其登录名在总部管理；本数据库的关员即 `minspect init` 设定的那一位
sp-doing = { $doing }：{ $why }
sp-doing-add-officer = 添加关员
sp-doing-map-login = 关联登录名
sp-owner-unknown = { $doing }：无法确定 { $path } 的所有者：{ $error }
sp-first-login-owner = { $doing }：本总部数据库尚无关员关联登录名，只有 { $path } 的所有者 { $owner } 可以关联第一位；本进程的身份为 { $me }

## 总部拒收的记录（src/store/hq/received_checks.rs）
sp-record-refused = 记录序号 { $seq }（id { $id }）被拒收：{ $field }：{ $problem }
sp-not-record-id = 不是记录编号（含控制字符或过长）
sp-not-json = 不是 JSON：{ $error }
sp-received-state = 为“{ $state }”；总部只接收已定稿的记录（现场设备不会发送其他记录）
sp-received-device = 指明设备 { $device }，而非数据包所属设备 { $bundle }；设备只发送自己的记录
sp-received-hq-officer = 关员 { $officer } 是总部主管；总部不记录现场工作
