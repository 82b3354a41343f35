//! Errors that reach the user: a message naming the file, the place and the
//! reason, and the exit code that goes with it.

use std::fmt;

/// An error for the user, with its exit code.
#[derive(Debug)]
pub struct Error {
    /// The full message, e.g. `doc.json: annotations[3] (quote): span 10..99 lies outside the text`.
    pub message: String,
    /// 1 for runtime failures, 2 for bad usage or bad input.
    pub code: i32,
}

impl Error {
    /// Bad input or usage (exit code 2).
    pub fn input(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            code: 2,
        }
    }

    /// A runtime failure such as an unwritable file or a terminal error (exit code 1).
    pub fn runtime(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            code: 1,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Result with a user-facing [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
