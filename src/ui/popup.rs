//! The quote details popup (`i`): the rows [`crate::app::detail_rows`]
//! builds (already safe to show), drawn as a box over the reading pane.
//!
//! It exists apart from `draw` so that the frame's main parts and the
//! popups laid over them stay each in a file of a readable size.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};
use unicode_width::UnicodeWidthStr;

use super::draw::{fit, visible};
use crate::app::State;
use crate::theme::Styles;

/// Draw the details popup of quote `q`, centred on the screen.
pub fn draw_details(buf: &mut Buffer, s: &State, st: &Styles, q: usize) {
    let rows = crate::app::detail_rows(s, q);
    let area = buf.area;
    if rows.is_empty() || area.width < 8 || area.height < 4 {
        return;
    }
    let title = " Quote details (Esc closes) ";
    let kw = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let vw = rows.iter().map(|(_, v)| v.width()).max().unwrap_or(0);
    let w = ((kw + vw + 5).max(title.width() + 4) as u16)
        .min(area.width.saturating_sub(2))
        .max(1);
    let h = ((rows.len() + 2) as u16).min(area.height.saturating_sub(2));
    let x = area.x + (area.width - w) / 2;
    let y = area.y + (area.height - h) / 2;
    let r = Rect::new(x, y, w, h);
    ratatui::widgets::Clear.render(r, buf);
    Block::default()
        .borders(Borders::ALL)
        .border_style(st.panel_border)
        .style(st.popup)
        .render(r, buf);
    let inner = (w as usize).saturating_sub(4);
    buf.set_stringn(x + 2, y, fit(title, inner), inner, st.title);
    for (i, (k, v)) in rows.iter().take(h.saturating_sub(2) as usize).enumerate() {
        let yy = y + 1 + i as u16;
        let label = fit(k, inner);
        buf.set_stringn(x + 2, yy, &label, inner, st.heading.patch(st.popup));
        let dx = kw + 2;
        if dx < inner {
            let room = inner - dx;
            let value = fit(&visible(v), room);
            buf.set_stringn(x + 2 + dx as u16, yy, value, room, st.popup);
        }
    }
}
