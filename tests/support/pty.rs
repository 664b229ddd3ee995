//! Real-terminal harness (adapted from the terminal probe): portable-pty (a real Linux PTY) + vt100 (screen model).
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
// NB: locks ignore poisoning: an assert! inside with_screen() must not also kill the reader thread.

pub struct Tui {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    eof: Arc<Mutex<bool>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
    last_out: Arc<Mutex<Instant>>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Tui {
    /// Spawn `argv` inside a fresh PTY of `rows`x`cols`. `env` is applied on top of the
    /// inherited environment (set TERM explicitly: CI has no TERM or TERM=dumb).
    pub fn spawn(argv: &[&str], env: &[(&str, &str)], rows: u16, cols: u16) -> Tui {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut cmd = CommandBuilder::new(argv[0]);
        cmd.args(&argv[1..]);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("COLORTERM");
        cmd.env_remove("MINSPECT_DB");
        for (k, v) in super::harness::ENV {
            cmd.env(k, v);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        // Drop our copy of the slave so the master sees EOF/EIO when the child exits.
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let eof = Arc::new(Mutex::new(false));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let r2 = raw.clone();
        let last_out = Arc::new(Mutex::new(Instant::now()));
        let l2 = last_out.clone();
        let mut rd = pair.master.try_clone_reader().expect("reader");
        let (p2, e2) = (parser.clone(), eof.clone());
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match rd.read(&mut buf) {
                    Ok(0) | Err(_) => break, // EIO on Linux once the slave side is gone
                    Ok(n) => {
                        r2.lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .extend_from_slice(&buf[..n]);
                        p2.lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .process(&buf[..n]);
                        *l2.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
                    }
                }
            }
            *e2.lock().unwrap_or_else(|e| e.into_inner()) = true;
        });
        let writer = pair.master.take_writer().expect("writer");
        Tui {
            master: pair.master,
            writer,
            child,
            parser,
            eof,
            raw,
            last_out,
            reader: Some(reader),
        }
    }

    pub fn send(&mut self, s: &str) {
        self.writer.write_all(s.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Whole visible screen as text (rows joined with '\n').
    pub fn text(&self) -> String {
        self.parser
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .screen()
            .contents()
    }

    pub fn with_screen<R>(&self, f: impl FnOnce(&vt100::Screen) -> R) -> R {
        f(self
            .parser
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .screen())
    }

    /// Poll the parsed screen until `pred` holds AND no output arrived for SETTLE
    /// (a frame can arrive in several read() chunks: matching the header of a half-drawn
    /// frame and then asserting on its body is a race). Panics with a screen dump on timeout.
    pub fn wait_for(&self, what: &str, timeout: Duration, pred: impl Fn(&vt100::Screen) -> bool) {
        const SETTLE: Duration = Duration::from_millis(30);
        let start = Instant::now();
        loop {
            if self.with_screen(|s| pred(s))
                && self
                    .last_out
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .elapsed()
                    >= SETTLE
            {
                return;
            }
            if *self.eof.lock().unwrap_or_else(|e| e.into_inner()) {
                // child gone: fail fast instead of burning the whole timeout
                if !self.with_screen(|s| pred(s)) {
                    panic!(
                        "child exited while waiting for {what}; screen:\n{}",
                        self.text()
                    );
                }
            }
            if start.elapsed() > timeout {
                panic!(
                    "timed out after {:?} waiting for {what}; screen:\n{}",
                    timeout,
                    self.text()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn wait_text(&self, needle: &str) {
        let n = needle.to_string();
        self.wait_for(needle, Duration::from_secs(30), move |s| {
            s.contents().contains(&n)
        });
    }

    /// Resize: TIOCSWINSZ on the master => kernel sends SIGWINCH to the child's process group.
    /// The vt100 model must be resized too, or it keeps clipping at the old size.
    /// Resize the model BEFORE the PTY, under the parser lock: otherwise the reader thread
    /// can feed the app's new-size frame into the old-size model (lines wrap, screen scrolls).
    pub fn resize(&mut self, rows: u16, cols: u16) {
        let mut p = self.parser.lock().unwrap_or_else(|e| e.into_inner());
        p.screen_mut().set_size(rows, cols);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
        drop(p);
    }

    /// Wait for the child to exit (and the reader to drain); returns the exit status.
    pub fn wait_exit(&mut self, timeout: Duration) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(st) = self.child.try_wait().unwrap() {
                // let the reader drain the final bytes (restore sequences)
                while !*self.eof.lock().unwrap_or_else(|e| e.into_inner())
                    && start.elapsed() < timeout
                {
                    std::thread::sleep(Duration::from_millis(5));
                }
                return st;
            }
            if start.elapsed() > timeout {
                let _ = self.child.kill();
                panic!(
                    "child did not exit within {:?}; screen:\n{}",
                    timeout,
                    self.text()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Row `r` of the screen as plain text.
pub fn row(s: &vt100::Screen, r: u16) -> String {
    let (_, cols) = s.size();
    s.contents_between(r, 0, r, cols)
}

/// Find the first (row, column) where `needle` begins (column in characters).
pub fn find(s: &vt100::Screen, needle: &str) -> Option<(u16, u16)> {
    let (rows, _) = s.size();
    (0..rows).find_map(|r| {
        let line = row(s, r);
        line.find(needle)
            .map(|c| (r, line[..c].chars().count() as u16))
    })
}
