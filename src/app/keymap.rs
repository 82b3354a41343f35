//! Key bindings: which key sequence triggers which action. Defaults follow
//! less and vim; the configuration file overrides them entry by entry.
//!
//! CONTRACT (to be filled in by the reader work): `Keymap::default()`,
//! `Keymap::bind(&mut self, action: &str, keys: &str) -> Result<(), String>`
//! (an unknown action, an unparsable key or a conflict is an `Err` with the
//! reason), and `Keymap::action_names() -> &'static [&'static str]`.
