//! Copying to the terminal's clipboard by OSC 52, the one way that works
//! over ssh and in tmux (with `set -g set-clipboard on`) without a helper
//! program. The text is built and cleaned in `app`
//! ([`crate::app::citation`]); this only sends it.

use std::io::Write;

use crossterm::clipboard::CopyToClipboard;

/// Write the OSC 52 sequence that puts `text` on the clipboard to `out`,
/// and flush it.
pub fn write_osc52(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    crossterm::queue!(out, CopyToClipboard::to_clipboard_from(text.as_bytes()))?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_one_osc52_sequence_in_base64() {
        let mut out = Vec::new();
        write_osc52(&mut out, "Hé\n— A").unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(s, "\u{1b}]52;c;SMOpCuKAlCBB\u{1b}\\");
    }
}
