//! Reading the files a user names (a document, the configuration file, a
//! theme, a topic lexicon) with a size limit and a check of what they are.
//!
//! It exists because `std::fs::read` trusts the path: `/dev/zero`, a FIFO fed
//! by `yes` or a runaway log would be read until memory runs out, and opening
//! a FIFO nobody writes to blocks for ever. Settings files must be regular
//! files; a document may also be a pipe (`<(zcat doc.gz)`), read up to its
//! limit. Errors are [`std::io::Error`]s so that each caller keeps its own
//! wording ("cannot read the configuration file: …").

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The most a configuration, theme or topic file may hold (4 MiB).
pub const SETTINGS_LIMIT: u64 = 4 << 20;

/// The most a document may hold (1 GiB), read from a file, a pipe or
/// standard input.
pub const DOCUMENT_LIMIT: u64 = 1 << 30;

/// What a path may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accept {
    /// A regular file only (settings files).
    Regular,
    /// A regular file or a FIFO, such as a shell's process substitution (documents).
    RegularOrPipe,
}

/// Read the file at `path` (following symbolic links): refused when it is
/// not what `accept` allows (a device, a directory, a socket, a FIFO for
/// settings) or holds more than `limit` bytes; `what` names the kind of file
/// in the message ("a topic file").
pub fn read_limited(path: &Path, accept: Accept, limit: u64, what: &str) -> io::Result<Vec<u8>> {
    // Check before opening: opening a FIFO or a device can block or act.
    check_kind(&std::fs::metadata(path)?, accept)?;
    let file = File::open(path)?;
    let meta = file.metadata()?;
    check_kind(&meta, accept)?;
    if meta.is_file() && meta.len() > limit {
        return Err(too_large(limit, what));
    }
    read_capped(file, limit, what)
}

/// Read `r` to its end, or fail once it has given more than `limit` bytes:
/// an endless stream stops there.
pub fn read_capped(r: impl Read, limit: u64, what: &str) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    r.take(limit.saturating_add(1)).read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        return Err(too_large(limit, what));
    }
    Ok(buf)
}

/// A limit in words: "4 MiB", "1 GiB", else bytes.
pub fn show_limit(limit: u64) -> String {
    match limit {
        l if l >= 1 << 30 && l % (1 << 30) == 0 => format!("{} GiB", l >> 30),
        l if l >= 1 << 20 && l % (1 << 20) == 0 => format!("{} MiB", l >> 20),
        l => format!("{l} bytes"),
    }
}

fn too_large(limit: u64, what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!("larger than {}, the limit for {what}", show_limit(limit)),
    )
}

fn check_kind(meta: &std::fs::Metadata, accept: Accept) -> io::Result<()> {
    let ft = meta.file_type();
    if ft.is_file() {
        return Ok(());
    }
    let kind = describe_kind(ft);
    if kind == "a FIFO" && accept == Accept::RegularOrPipe {
        return Ok(());
    }
    let want = match accept {
        Accept::Regular => "a regular file",
        Accept::RegularOrPipe => "a regular file or a pipe",
    };
    let io_kind = if ft.is_dir() {
        io::ErrorKind::IsADirectory
    } else {
        io::ErrorKind::InvalidInput
    };
    Err(io::Error::new(io_kind, format!("it is {kind}, not {want}")))
}

/// What a file is, in words ("a directory", "a character device", …).
pub fn describe_kind(ft: std::fs::FileType) -> &'static str {
    if ft.is_file() {
        return "a regular file";
    }
    if ft.is_dir() {
        return "a directory";
    }
    if ft.is_symlink() {
        return "a symbolic link";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO";
        }
        if ft.is_char_device() {
            return "a character device";
        }
        if ft.is_block_device() {
            return "a block device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_stream_stops_at_the_limit() {
        let e = read_capped(io::repeat(b'a'), 1000, "a test file").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
        assert_eq!(
            e.to_string(),
            "larger than 1000 bytes, the limit for a test file"
        );
        assert_eq!(
            read_capped(&[7u8; 1000][..], 1000, "x").unwrap().len(),
            1000
        );
    }

    #[test]
    fn limits_read_as_words() {
        assert_eq!(show_limit(SETTINGS_LIMIT), "4 MiB");
        assert_eq!(show_limit(DOCUMENT_LIMIT), "1 GiB");
        assert_eq!(show_limit(1500), "1500 bytes");
    }

    #[test]
    fn a_big_regular_file_is_refused_without_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sparse.toml");
        // Sparse: no blocks are written, only the length is set.
        File::create(&p)
            .unwrap()
            .set_len(SETTINGS_LIMIT + 1)
            .unwrap();
        let e = read_limited(&p, Accept::Regular, SETTINGS_LIMIT, "a topic file").unwrap_err();
        assert!(e.to_string().contains("4 MiB"), "{e}");
        std::fs::write(&p, "ok").unwrap();
        assert_eq!(read_limited(&p, Accept::Regular, 10, "x").unwrap(), b"ok");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_directories_are_refused() {
        let e = read_limited(Path::new("/dev/zero"), Accept::RegularOrPipe, 10, "x").unwrap_err();
        assert_eq!(
            e.to_string(),
            "it is a character device, not a regular file or a pipe"
        );
        let e = read_limited(Path::new("/"), Accept::Regular, 10, "x").unwrap_err();
        assert_eq!(e.to_string(), "it is a directory, not a regular file");
    }
}
