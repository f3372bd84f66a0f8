use serde::Serialize;

/// Pretty JSON with a final newline. Serialized to a buffer first so that a closed pipe shows up
/// as a plain `io::Error` when the caller writes, not hidden inside `serde_json::Error`.
pub fn render(report: &impl Serialize) -> Vec<u8> {
    // Room for the largest report up front: growing the buffer step by step cost more than
    // writing it (callgrind).
    let mut bytes = Vec::with_capacity(16 * 1024);
    serde_json::to_writer_pretty(&mut bytes, report).unwrap_or_else(|err| {
        // Reports hold only strings, numbers and lists: serialization cannot fail.
        unreachable!("report serializes: {err}")
    });
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    #[test]
    fn ends_with_one_newline() {
        let bytes = super::render(&["a"]);
        assert_eq!(String::from_utf8(bytes).unwrap(), "[\n  \"a\"\n]\n");
    }
}
