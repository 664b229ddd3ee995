//! A throwaway sshd on 127.0.0.1 (random port, throwaway keys, ForceCommand = minspect
//! on a given database), started and stopped by pid. Adapted from the terminal probe.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Sshd {
    child: Child,
    pub dir: PathBuf,
    pub port: u16,
    pub user: String,
}

fn run(cmd: &mut Command) {
    let st = cmd.stdin(Stdio::null()).status().expect("spawn");
    assert!(st.success(), "{cmd:?} -> {st}");
}

impl Sshd {
    /// None (skip, with the reason printed) when not root or sshd is missing and CI is
    /// unset; under CI=true that is a failure.
    pub fn start(user: &str, bin: &str, db: &Path) -> Option<Sshd> {
        let root = unsafe { libc::geteuid() } == 0;
        if !root || !Path::new("/usr/sbin/sshd").exists() {
            let why = "needs root and /usr/sbin/sshd (openssh-server)";
            assert!(!super::must_run(), "CI=true but this test {why}");
            eprintln!("SKIP: {why}");
            return None;
        }
        fs::create_dir_all("/run/sshd").unwrap();
        fs::set_permissions("/run/sshd", fs::Permissions::from_mode(0o755)).unwrap();
        // one test binary may run several at once: each gets its own directory
        static STARTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = STARTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("minspect-sshd-{}-{n}-{user}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("keys")).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        let app = dir.join("minspect");
        fs::copy(bin, &app).unwrap(); // target/ may sit under a 0700 home: copy out
        fs::set_permissions(&app, fs::Permissions::from_mode(0o755)).unwrap();
        for k in ["host_key", "client_key"] {
            run(Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-C", k, "-f"])
                .arg(dir.join(k)));
        }
        fs::copy(dir.join("client_key.pub"), dir.join("keys").join(user)).unwrap();
        write_key_file(&dir, user);
        let mut last_err = String::new();
        for _attempt in 0..5 {
            let port = {
                let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
                l.local_addr().unwrap().port()
            };
            let d = dir.display();
            let cfg = format!(
                "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\nPidFile {d}/sshd.pid\n\
                 AuthorizedKeysFile {d}/keys/%u\nStrictModes no\nPubkeyAuthentication yes\n\
                 PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\n\
                 PermitRootLogin prohibit-password\nAllowUsers {user}\n\
                 AcceptEnv LANG LC_* NO_COLOR COLORTERM\n\
                 X11Forwarding no\nAllowTcpForwarding no\nAllowAgentForwarding no\nPermitTTY yes\n\
                 PrintMotd no\nPrintLastLog no\nClientAliveInterval 15\nMaxStartups 100\n\
                 ForceCommand {d}/minspect --db {} --key-file {d}/db.key\nLogLevel VERBOSE\n",
                db.display()
            );
            fs::write(dir.join("sshd_config"), cfg).unwrap();
            let log = fs::File::create(dir.join("sshd.log")).unwrap();
            let mut child = Command::new("/usr/sbin/sshd")
                .args(["-D", "-e", "-f"])
                .arg(dir.join("sshd_config"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .unwrap();
            let t0 = Instant::now();
            loop {
                let log = fs::read_to_string(dir.join("sshd.log")).unwrap_or_default();
                if log.contains("Server listening on") {
                    return Some(Sshd {
                        child,
                        dir,
                        port,
                        user: user.into(),
                    });
                }
                if let Some(st) = child.try_wait().unwrap() {
                    last_err = format!("sshd exited {st}: {log}");
                    break;
                }
                if t0.elapsed() > Duration::from_secs(10) {
                    let _ = child.kill();
                    let _ = child.wait();
                    last_err = format!("sshd not listening after 10s: {log}");
                    break;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        }
        panic!("could not start sshd: {last_err}");
    }

    pub fn ssh_argv(&self) -> Vec<String> {
        let key = self.dir.join("client_key").display().to_string();
        let port = self.port.to_string();
        let mut v: Vec<String> = [
            "ssh",
            "-tt",
            "-F",
            "/dev/null",
            "-p",
            &port,
            "-i",
            &key,
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "GlobalKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "ConnectTimeout=5",
            "-o",
            "SendEnv=LANG LC_* NO_COLOR COLORTERM",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        v.push(format!("{}@127.0.0.1", self.user));
        v
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        // the listener's per-connection children first (by parent pid), then the listener
        if let Ok(out) = Command::new("pgrep")
            .args(["-P", &self.child.id().to_string()])
            .output()
        {
            for pid in String::from_utf8_lossy(&out.stdout).split_whitespace() {
                if let Ok(pid) = pid.parse::<i32>() {
                    unsafe { libc::kill(pid, libc::SIGTERM) };
                }
            }
        }
        unsafe { libc::kill(self.child.id() as i32, libc::SIGTERM) };
        let _ = self.child.wait();
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// The service passphrase of an encrypted file, in `dir/db.key`: a key file only `user`
/// reads (the sessions open the file with `--key-file`).
fn write_key_file(dir: &Path, user: &str) {
    let key_file = dir.join("db.key");
    fs::write(&key_file, format!("{}\n", super::harness::PASSPHRASE)).unwrap();
    fs::set_permissions(&key_file, fs::Permissions::from_mode(0o600)).unwrap();
    let name = std::ffi::CString::new(user).unwrap();
    // SAFETY: getpwnam reads a NUL-terminated name; the record is read at once
    let pw = unsafe { libc::getpwnam(name.as_ptr()) };
    if !pw.is_null() {
        // SAFETY: pw is non-null (checked) and points at a valid passwd record
        let uid = unsafe { (*pw).pw_uid };
        std::os::unix::fs::chown(&key_file, Some(uid), None).unwrap();
    }
}
