//! Running minspect as another OS user (the tests run as root) against a shared file.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Output;

/// Runs minspect as `uid` with $USER/$LOGNAME claiming to be root (they must not count).
pub fn as_uid(uid: (u32, u32), db: &Path, args: &[&str]) -> Output {
    open_up(db.parent().unwrap());
    crate::support::harness::minspect_std()
        .arg("--db")
        .arg(db)
        .args(args)
        .env("USER", "root")
        .env("LOGNAME", "root")
        .uid(uid.0)
        .gid(uid.1)
        .output()
        .unwrap()
}

/// Every user may read and write the directory and the files in it (ownership, which is
/// what the bootstrap rule looks at, is left as it is).
pub fn open_up(dir: &Path) {
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o666)).unwrap();
    }
}

/// `officer add --name NAME --badge BADGE --role supervisor --login LOGIN` run as `uid`.
pub fn add_supervisor(uid: (u32, u32), db: &Path, name: &str, badge: &str, login: &str) -> Output {
    let args = [
        "officer",
        "add",
        "--name",
        name,
        "--badge",
        badge,
        "--role",
        "supervisor",
        "--login",
        login,
    ];
    as_uid(uid, db, &args)
}
