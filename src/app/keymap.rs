//! Key bindings: which key sequence triggers which action. Defaults follow
//! less and vim; the configuration file overrides them entry by entry.
//!
//! CONTRACT (to be filled in by the reader work): `Keymap::default()`,
//! `Keymap::bind(&mut self, action: &str, keys: &str) -> Result<(), String>`
//! (an unknown action, an unparsable key or a conflict is an `Err` with the
//! reason), and `Keymap::action_names() -> &'static [&'static str]`.

/// Key bindings (STUB: the reader work fills this in).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {}

impl Keymap {
    /// Bind `keys` (such as `]q` or `<C-d>`) to `action`, replacing its default keys.
    pub fn bind(&mut self, action: &str, keys: &str) -> Result<(), String> {
        Err(format!(
            "cannot bind {action} to {keys}: key bindings are not built yet"
        ))
    }

    /// The names of all actions that can be bound.
    pub fn action_names() -> &'static [&'static str] {
        &[]
    }
}
