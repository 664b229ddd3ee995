#![allow(dead_code)]
//! Shared test helpers: in-process App driving, a real-terminal harness (portable-pty +
//! vt100) and a throwaway sshd on loopback.

pub mod flow;
pub mod pty;
pub mod sshd;

/// Whether tests that need root/sshd must run (CI) or may skip.
pub fn must_run() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}
