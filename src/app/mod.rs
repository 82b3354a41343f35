//! The reader's state, the actions that change it, and `update`: a pure
//! function from state and action to state. No drawing and no terminal here.

pub mod keymap;

/// Reader settings that come from the command line and the configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Reading width in columns (the pane width when that is smaller).
    pub width: u16,
    /// Which layers start on: quotes, speaker labels, entities, topics, notes.
    pub layers: LayerSwitches,
    /// Whether the side panel starts shown.
    pub panel: bool,
    /// Whether the mouse is captured.
    pub mouse: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            width: 100,
            layers: LayerSwitches::default(),
            panel: true,
            mouse: false,
        }
    }
}

/// The annotation layers the reader can switch on and off (keys `1`…`5`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayerSwitches {
    /// `1`: quote highlighting.
    pub quotes: bool,
    /// `2`: speaker labels at the start of quotes and turns.
    pub speakers: bool,
    /// `3`: entity styling.
    pub entities: bool,
    /// `4`: topic markers.
    pub topics: bool,
    /// `5`: notes.
    pub notes: bool,
}

impl Default for LayerSwitches {
    fn default() -> Self {
        LayerSwitches {
            quotes: true,
            speakers: true,
            entities: true,
            topics: true,
            notes: true,
        }
    }
}
