//! A client for QEMU's machine protocol (QMP, JSON lines over a socket):
//! the two commands `epitome board` needs, `screendump` (the emulated
//! display's picture) and `send-key` (the emulated board's buttons).
//!
//! QMP rather than the human monitor: its replies are JSON, one per line,
//! and events QEMU sends between them are recognised and skipped.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use serde_json::{Value, json};

/// A QMP session over a Unix socket.
#[derive(Debug)]
pub struct Qmp {
    reader: BufReader<UnixStream>,
    writer: UnixStream,
}

impl Qmp {
    /// Connects to the socket QEMU serves (`-qmp unix:PATH,server=on,wait=off`),
    /// retrying until `timeout` while QEMU starts, and leaves capabilities
    /// negotiation mode.
    pub fn connect(socket: &Path, timeout: Duration) -> Result<Self> {
        let start = Instant::now();
        let stream = loop {
            match UnixStream::connect(socket) {
                Ok(s) => break s,
                Err(_) if start.elapsed() < timeout => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) => {
                    return Err(e).with_context(|| format!("connecting to QEMU's QMP socket {}", socket.display()));
                }
            }
        };
        stream.set_read_timeout(Some(timeout)).context("QMP socket")?;
        let writer = stream.try_clone().context("QMP socket")?;
        let mut qmp = Qmp { reader: BufReader::new(stream), writer };
        let greeting = qmp.next_message()?;
        if greeting.get("QMP").is_none() {
            bail!("QEMU did not greet with QMP: {greeting}");
        }
        qmp.execute("qmp_capabilities", json!({}))?;
        Ok(qmp)
    }

    /// Runs `command` with `arguments`; its `return` value, or its error.
    pub fn execute(&mut self, command: &str, arguments: Value) -> Result<Value> {
        let line = json!({ "execute": command, "arguments": arguments }).to_string();
        writeln!(self.writer, "{line}").context("writing to QMP")?;
        loop {
            let msg = self.next_message()?;
            if let Some(r) = msg.get("return") {
                return Ok(r.clone());
            }
            if let Some(e) = msg.get("error") {
                bail!("QEMU refused {command}: {}", e.get("desc").and_then(Value::as_str).unwrap_or("no reason given"));
            }
            // An asynchronous event: not the reply.
        }
    }

    /// Saves the display's picture to `path` (a binary PPM).
    pub fn screendump(&mut self, path: &Path) -> Result<()> {
        let file = path.to_str().ok_or_else(|| anyhow!("{} is not UTF-8", path.display()))?;
        self.execute("screendump", json!({ "filename": file }))?;
        Ok(())
    }

    /// Presses and releases the key `qcode` (e.g. `right`) on the emulated keyboard.
    pub fn send_key(&mut self, qcode: &str) -> Result<()> {
        self.execute("send-key", json!({ "keys": [{ "type": "qcode", "data": qcode }] }))?;
        Ok(())
    }

    fn next_message(&mut self) -> Result<Value> {
        let mut line = String::new();
        let n = self.reader.read_line(&mut line).context("reading from QMP")?;
        if n == 0 {
            bail!("QEMU closed the QMP socket");
        }
        serde_json::from_str(&line).with_context(|| format!("QMP sent something that is not JSON: {line:?}"))
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::net::UnixListener;

    use super::*;

    #[test]
    fn handshake_events_and_errors() {
        let dir = tempfile::tempdir().unwrap();
        let sock = dir.path().join("qmp.sock");
        let listener = UnixListener::bind(&sock).unwrap();
        let server = std::thread::spawn(move || {
            let (s, _) = listener.accept().unwrap();
            let mut out = s.try_clone().unwrap();
            let mut lines = BufReader::new(s).lines();
            writeln!(out, r#"{{"QMP": {{"version": {{}}, "capabilities": []}}}}"#).unwrap();
            let mut seen = Vec::new();
            while let Some(Ok(l)) = lines.next() {
                let v: Value = serde_json::from_str(&l).unwrap();
                let cmd = v["execute"].as_str().unwrap().to_owned();
                match cmd.as_str() {
                    "send-key" => {
                        writeln!(out, r#"{{"event": "SOMETHING", "data": {{}}}}"#).unwrap();
                        writeln!(out, r#"{{"return": {{}}}}"#).unwrap();
                    }
                    "screendump" => {
                        writeln!(out, r#"{{"error": {{"class": "GenericError", "desc": "no display"}}}}"#).unwrap()
                    }
                    _ => writeln!(out, r#"{{"return": {{}}}}"#).unwrap(),
                }
                seen.push(v);
            }
            seen
        });
        let mut qmp = Qmp::connect(&sock, Duration::from_secs(5)).unwrap();
        qmp.send_key("right").unwrap();
        let err = qmp.screendump(Path::new("/tmp/x.ppm")).unwrap_err();
        assert!(err.to_string().contains("no display"), "{err}");
        drop(qmp);
        let seen = server.join().unwrap();
        assert_eq!(seen[0]["execute"], "qmp_capabilities");
        assert_eq!(seen[1]["arguments"]["keys"][0]["data"], "right");
        assert_eq!(seen[2]["arguments"]["filename"], "/tmp/x.ppm");
    }
}
