//! Where everything goes on a screen of a given size: title, reading pane,
//! side panel and status line. Pure arithmetic on cell counts.

/// A rectangle of the screen, in cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    /// Left column.
    pub x: u16,
    /// Top row.
    pub y: u16,
    /// Width.
    pub w: u16,
    /// Height.
    pub h: u16,
}

impl Area {
    /// Whether the cell `(col, row)` lies inside.
    pub fn contains(&self, col: u16, row: u16) -> bool {
        col >= self.x && row >= self.y && col - self.x < self.w && row - self.y < self.h
    }
}

/// Where everything goes on a screen of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    /// The screen is below the usable minimum.
    pub too_small: bool,
    /// Title line.
    pub title: Area,
    /// Reading pane.
    pub pane: Area,
    /// Side panel, when shown.
    pub panel: Option<Area>,
    /// Status line.
    pub status: Area,
    /// Width of the speaker label gutter (0: none).
    pub gutter: u16,
    /// First column of the text.
    pub text_x: u16,
    /// Width of the text.
    pub text_w: u16,
}

/// The smallest screen the reader draws on (below: "terminal too small").
pub const MIN_SIZE: (u16, u16) = (12, 3);
/// Rows of context kept above a jump target.
pub const CONTEXT: usize = 3;
const GUTTER: u16 = 14;
/// The narrowest reading pane beside the side panel: room for the speaker
/// gutter and a line of text. Below it the panel gives way to the gutter.
const PANE_WITH_PANEL: u16 = 40;
/// A comfortable text width: below it (with the panel shown) the panel
/// starts hidden.
pub const COMFORT: u16 = 50;

/// Whether the side panel, when shown on a screen `cols` wide, leaves the
/// text a comfortable measure (or the whole width it is set to).
pub fn panel_comfortable(cols: u16, labels: bool, width: u16) -> bool {
    let g = geometry(cols, MIN_SIZE.1.max(3), true, labels, width);
    g.panel.is_some() && g.text_w >= width.min(COMFORT)
}

/// Work out the screen layout.
pub fn geometry(cols: u16, rows: u16, panel: bool, labels: bool, width: u16) -> Geometry {
    if cols < MIN_SIZE.0 || rows < MIN_SIZE.1 {
        return Geometry {
            too_small: true,
            ..Geometry::default()
        };
    }
    let body_h = rows - 2;
    let panel_w = match (cols / 4).clamp(26, 36) {
        w if panel && cols >= w + PANE_WITH_PANEL => w,
        _ => 0,
    };
    let pane = Area {
        x: 0,
        y: 1,
        w: cols - panel_w,
        h: body_h,
    };
    let gutter = match pane.w {
        _ if !labels => 0,
        70.. => GUTTER,
        36.. => GUTTER - 4,
        _ => 0,
    };
    let margin = if pane.w >= 30 { 1 } else { 0 };
    let text_w = width
        .min(pane.w.saturating_sub(margin + gutter + margin))
        .max(1);
    Geometry {
        too_small: false,
        title: Area {
            x: 0,
            y: 0,
            w: cols,
            h: 1,
        },
        pane,
        panel: (panel_w > 0).then_some(Area {
            x: pane.w,
            y: 1,
            w: panel_w,
            h: body_h,
        }),
        status: Area {
            x: 0,
            y: rows - 1,
            w: cols,
            h: 1,
        },
        gutter,
        text_x: margin + gutter,
        text_w,
    }
}
