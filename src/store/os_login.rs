//! The real OS login name of this process: the password-database entry of the real user
//! id, not `$USER` (which anyone can set). The one place that asks the OS who we are.

/// The login name of the process's real user, or None when the user id has no entry
/// (e.g. a container running under an arbitrary uid).
pub fn os_login() -> Option<String> {
    // SAFETY: getuid cannot fail; getpwuid_r writes only into `pw` and `buf`, whose
    // sizes we pass, and `result` points at `pw` (or is null) on return. The name is
    // copied out of `buf` before it goes out of scope.
    unsafe {
        let uid = libc::getuid();
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_login_of_this_process_matches_its_uid() {
        let name = super::os_login().expect("the test user has a passwd entry");
        let out = std::process::Command::new("id")
            .arg("-un")
            .output()
            .unwrap();
        assert_eq!(name, String::from_utf8_lossy(&out.stdout).trim());
    }
}
