//! Who this process is and who owns a file: the password-database entry of the real user
//! id, not `$USER` (which anyone can set). The one place that asks the OS who we are.

use std::path::Path;

/// The login name of the process's real user, or None when the user id has no entry
/// (e.g. a container running under an arbitrary uid).
pub fn os_login() -> Option<String> {
    login_of(os_uid())
}

/// The login name of `uid` in the password database, or None when it has no entry.
pub fn login_of(uid: u32) -> Option<String> {
    // SAFETY: getpwuid_r writes only into `pw` and `buf`, whose sizes we pass, and
    // `result` points at `pw` (or is null) on return. The name is copied out of `buf`
    // before it goes out of scope.
    unsafe {
        let mut buf = vec![0 as libc::c_char; 4096];
        loop {
            let mut pw: libc::passwd = std::mem::zeroed();
            let mut result: *mut libc::passwd = std::ptr::null_mut();
            let rc = libc::getpwuid_r(uid, &mut pw, buf.as_mut_ptr(), buf.len(), &mut result);
            if rc == libc::ERANGE && buf.len() < 1 << 20 {
                buf.resize(buf.len() * 4, 0);
                continue;
            }
            if rc != 0 || result.is_null() || pw.pw_name.is_null() {
                return None;
            }
            let name = std::ffi::CStr::from_ptr(pw.pw_name)
                .to_string_lossy()
                .into_owned();
            return (!name.is_empty()).then_some(name);
        }
    }
}

/// The real user id, for a message when it has no login name.
pub fn os_uid() -> u32 {
    // SAFETY: getuid has no preconditions and cannot fail.
    unsafe { libc::getuid() }
}

/// The user id that owns the file at `path` (the owner of a database file is the one
/// who may map its first login).
pub fn owner_uid(path: &Path) -> std::io::Result<u32> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).map(|m| m.uid())
}

/// `uid` in words for a message: "login 'li' (uid 1000)" or "uid 4242 (no login name)".
pub fn describe_uid(uid: u32) -> String {
    match login_of(uid) {
        Some(l) => format!("login '{}' (uid {uid})", crate::domain::sanitize(&l)),
        None => format!("uid {uid} (no login name)"),
    }
}

/// An audit row's `new` JSON object with the OS account of this process merged in
/// (`os_login`, null when the uid has no name, and `os_uid`), as text: at headquarters the
/// trail names the account that acted even when no officer is mapped to it.
pub(crate) fn with_os_account(mut new: serde_json::Value) -> String {
    if let Some(n) = new.as_object_mut() {
        n.insert("os_login".into(), os_login().into());
        n.insert("os_uid".into(), os_uid().into());
    }
    new.to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_login_of_this_process_matches_its_uid() {
        let name = crate::store::os_login().expect("the test user has a passwd entry");
        let out = std::process::Command::new("id")
            .arg("-un")
            .output()
            .unwrap();
        assert_eq!(name, String::from_utf8_lossy(&out.stdout).trim());
    }
}
