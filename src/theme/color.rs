//! Colour arithmetic for themes: the colour depth a terminal gets, WCAG
//! contrast, lightness adjustment, and the mapping of RGB colours to the
//! xterm 256-colour palette and to the 16 ANSI colours.
//!
//! The environment (`NO_COLOR`, `COLORTERM`, `TERM`) is an explicit input,
//! [`ColorEnv`], so that tests never depend on the real environment.

use ratatui::style::Color;

/// The environment variables that decide colour, read once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColorEnv {
    /// `NO_COLOR`: any non-empty value turns colour off (unless a flag forces it).
    pub no_color: Option<String>,
    /// `COLORTERM`: `truecolor` or `24bit` enables 24-bit colour.
    pub colorterm: Option<String>,
    /// `TERM`: `dumb` turns colour off in auto mode.
    pub term: Option<String>,
}

impl ColorEnv {
    /// Read the variables from the process environment.
    pub fn from_process() -> Self {
        ColorEnv {
            no_color: std::env::var("NO_COLOR").ok(),
            colorterm: std::env::var("COLORTERM").ok(),
            term: std::env::var("TERM").ok(),
        }
    }

    fn no_color(&self) -> bool {
        self.no_color.as_deref().is_some_and(|v| !v.is_empty())
    }

    fn truecolor(&self) -> bool {
        self.colorterm
            .as_deref()
            .is_some_and(|v| v.eq_ignore_ascii_case("truecolor") || v.eq_ignore_ascii_case("24bit"))
    }
}

/// When to use colour and how many colours: the user's choice, from a flag
/// or the configuration file. A plain enum, so that this layer needs no
/// command-line types; `cli` converts its flag into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorMode {
    /// Colour on a terminal, truecolor when COLORTERM says so, else 256.
    Auto,
    /// Colour even when piped.
    Always,
    /// No colour: bold, underline and reverse only.
    Never,
    /// 16 colours.
    C16,
    /// 256 colours.
    C256,
    /// 24-bit colour.
    Truecolor,
}

impl ColorMode {
    /// Every mode, in the order help and error messages list them.
    pub const ALL: [ColorMode; 6] = [
        ColorMode::Auto,
        ColorMode::Always,
        ColorMode::Never,
        ColorMode::C16,
        ColorMode::C256,
        ColorMode::Truecolor,
    ];

    /// The mode's name as written on the command line and in the file.
    pub fn name(self) -> &'static str {
        match self {
            ColorMode::Auto => "auto",
            ColorMode::Always => "always",
            ColorMode::Never => "never",
            ColorMode::C16 => "16",
            ColorMode::C256 => "256",
            ColorMode::Truecolor => "truecolor",
        }
    }

    /// The mode a name stands for, ignoring case.
    pub fn from_name(name: &str) -> Option<ColorMode> {
        Self::ALL
            .into_iter()
            .find(|m| m.name().eq_ignore_ascii_case(name))
    }
}

/// How many colours the output may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorDepth {
    /// No colour at all: bold, underline and reverse only.
    None,
    /// The 16 ANSI colours.
    Ansi16,
    /// The xterm 256-colour palette.
    Ansi256,
    /// 24-bit RGB.
    TrueColor,
}

/// The colour depth for a colour choice (`None`: auto) in an environment.
/// `is_terminal` says whether the output is a terminal; `auto` gives no
/// colour when it is not, `always` and the explicit depths give colour anyway.
/// Explicit choices override `NO_COLOR`, as no-color.org asks.
pub fn color_depth(choice: Option<ColorMode>, env: &ColorEnv, is_terminal: bool) -> ColorDepth {
    let detected = if env.truecolor() {
        ColorDepth::TrueColor
    } else {
        ColorDepth::Ansi256
    };
    match choice.unwrap_or(ColorMode::Auto) {
        ColorMode::Never => ColorDepth::None,
        ColorMode::C16 => ColorDepth::Ansi16,
        ColorMode::C256 => ColorDepth::Ansi256,
        ColorMode::Truecolor => ColorDepth::TrueColor,
        ColorMode::Always => detected,
        ColorMode::Auto => {
            if env.no_color() || !is_terminal || env.term.as_deref() == Some("dumb") {
                ColorDepth::None
            } else {
                detected
            }
        }
    }
}

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// WCAG relative luminance of an sRGB colour (0 = black, 1 = white).
pub fn luminance(c: Rgb) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// WCAG contrast ratio between two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// Whether a background is dark (white text contrasts more than black text).
pub fn is_dark(bg: Rgb) -> bool {
    contrast(bg, [255, 255, 255]) > contrast(bg, [0, 0, 0])
}

fn to_hsl(c: Rgb) -> (f64, f64, f64) {
    let [r, g, b] = c.map(|v| f64::from(v) / 255.0);
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let l = (max + min) / 2.0;
    if max == min {
        return (0.0, 0.0, l);
    }
    let d = max - min;
    let s = if l > 0.5 {
        d / (2.0 - max - min)
    } else {
        d / (max + min)
    };
    let h = if max == r {
        (g - b) / d + if g < b { 6.0 } else { 0.0 }
    } else if max == g {
        (b - r) / d + 2.0
    } else {
        (r - g) / d + 4.0
    };
    (h / 6.0, s, l)
}

fn from_hsl(h: f64, s: f64, l: f64) -> Rgb {
    let to_byte = |v: f64| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    if s == 0.0 {
        let v = to_byte(l);
        return [v, v, v];
    }
    let q = if l < 0.5 {
        l * (1.0 + s)
    } else {
        l + s - l * s
    };
    let p = 2.0 * l - q;
    let hue = |mut t: f64| {
        if t < 0.0 {
            t += 1.0;
        }
        if t > 1.0 {
            t -= 1.0;
        }
        if t < 1.0 / 6.0 {
            p + (q - p) * 6.0 * t
        } else if t < 0.5 {
            q
        } else if t < 2.0 / 3.0 {
            p + (q - p) * (2.0 / 3.0 - t) * 6.0
        } else {
            p
        }
    };
    [
        to_byte(hue(h + 1.0 / 3.0)),
        to_byte(hue(h)),
        to_byte(hue(h - 1.0 / 3.0)),
    ]
}

/// `fg`, made lighter (on a dark background) or darker (on a light one)
/// until its contrast with `bg` reaches `min`, keeping its hue.
pub fn ensure_contrast(fg: Rgb, bg: Rgb, min: f64) -> Rgb {
    if contrast(fg, bg) >= min {
        return fg;
    }
    let lighten = is_dark(bg);
    let (h, s, mut l) = to_hsl(fg);
    for _ in 0..60 {
        l = if lighten { l + 0.02 } else { l - 0.02 };
        let c = from_hsl(h, s, l.clamp(0.0, 1.0));
        if contrast(c, bg) >= min || !(0.0..=1.0).contains(&l) {
            return c;
        }
    }
    from_hsl(h, s, l.clamp(0.0, 1.0))
}

/// `a` moved towards `b` by `t` (0: `a`, 1: `b`).
pub fn mix(a: Rgb, b: Rgb, t: f64) -> Rgb {
    let m = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    [m(a[0], b[0]), m(a[1], b[1]), m(a[2], b[2])]
}

/// A rough perceptual distance between two colours (weighted RGB, 0 to ~765).
pub fn distance(a: Rgb, b: Rgb) -> f64 {
    let rmean = (f64::from(a[0]) + f64::from(b[0])) / 2.0;
    let dr = f64::from(a[0]) - f64::from(b[0]);
    let dg = f64::from(a[1]) - f64::from(b[1]);
    let db = f64::from(a[2]) - f64::from(b[2]);
    ((2.0 + rmean / 256.0) * dr * dr + 4.0 * dg * dg + (2.0 + (255.0 - rmean) / 256.0) * db * db)
        .sqrt()
}

/// The xterm default RGB values of the 16 ANSI colours.
pub const ANSI16: [Rgb; 16] = [
    [0, 0, 0],
    [205, 0, 0],
    [0, 205, 0],
    [205, 205, 0],
    [0, 0, 238],
    [205, 0, 205],
    [0, 205, 205],
    [229, 229, 229],
    [127, 127, 127],
    [255, 0, 0],
    [0, 255, 0],
    [255, 255, 0],
    [92, 92, 255],
    [255, 0, 255],
    [0, 255, 255],
    [255, 255, 255],
];

const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// The RGB value of an xterm 256-colour palette index.
pub fn rgb_of_256(index: u8) -> Rgb {
    match index {
        0..=15 => ANSI16[usize::from(index)],
        16..=231 => {
            let i = index - 16;
            [
                CUBE[usize::from(i / 36)],
                CUBE[usize::from((i / 6) % 6)],
                CUBE[usize::from(i % 6)],
            ]
        }
        _ => {
            let v = 8 + 10 * (index - 232);
            [v, v, v]
        }
    }
}

/// The nearest xterm 256-colour palette index (the 6×6×6 cube or the grey
/// ramp; never the 16 system colours, which users reconfigure).
pub fn to_256(c: Rgb) -> u8 {
    let level = |v: u8| -> usize {
        // nearest of CUBE
        let mut best = 0;
        for (i, &l) in CUBE.iter().enumerate() {
            if v.abs_diff(l) < v.abs_diff(CUBE[best]) {
                best = i;
            }
        }
        best
    };
    let (r, g, b) = (level(c[0]), level(c[1]), level(c[2]));
    let cube_index = (16 + 36 * r + 6 * g + b) as u8;
    let avg = (u32::from(c[0]) + u32::from(c[1]) + u32::from(c[2])) / 3;
    let grey_step = (avg.saturating_sub(3) / 10).min(23) as u8;
    let grey_index = 232 + grey_step;
    if distance(c, rgb_of_256(grey_index)) < distance(c, rgb_of_256(cube_index)) {
        grey_index
    } else {
        cube_index
    }
}

/// The nearest of the 16 ANSI colours (index 0–15).
pub fn to_16(c: Rgb) -> u8 {
    let mut best = 0u8;
    let mut best_d = f64::MAX;
    for (i, &a) in ANSI16.iter().enumerate() {
        let d = distance(c, a);
        if d < best_d {
            best_d = d;
            best = i as u8;
        }
    }
    best
}

/// The ANSI colour (index 0–15) for a foreground: chromatic colours keep
/// their hue (red, yellow, green, cyan, blue, magenta), bright on a dark
/// background and normal on a light one; greys go to the nearest grey.
/// (Nearest-by-distance would turn most muted colours grey.)
pub fn to_16_fg(c: Rgb, dark_bg: bool) -> u8 {
    let (h, s, l) = to_hsl(c);
    if s < 0.2 || !(0.12..=0.92).contains(&l) {
        let mut best = 0u8;
        for i in [0u8, 7, 8, 15] {
            if distance(c, ANSI16[usize::from(i)]) < distance(c, ANSI16[usize::from(best)]) {
                best = i;
            }
        }
        return best;
    }
    let deg = h * 360.0;
    let hue = if !(25.0..335.0).contains(&deg) {
        1 // red
    } else if deg < 70.0 {
        // Orange and yellow: yellow reads on dark, red-brown on light.
        if dark_bg { 3 } else { 1 }
    } else if deg < 165.0 {
        2 // green
    } else if deg < 200.0 {
        6 // cyan
    } else if deg < 260.0 {
        4 // blue
    } else {
        5 // magenta
    };
    if dark_bg { hue + 8 } else { hue }
}

/// The ratatui colour of an ANSI index (named for 0–15, indexed above).
pub fn indexed(i: u8) -> Color {
    match i {
        0 => Color::Black,
        1 => Color::Red,
        2 => Color::Green,
        3 => Color::Yellow,
        4 => Color::Blue,
        5 => Color::Magenta,
        6 => Color::Cyan,
        7 => Color::Gray,
        8 => Color::DarkGray,
        9 => Color::LightRed,
        10 => Color::LightGreen,
        11 => Color::LightYellow,
        12 => Color::LightBlue,
        13 => Color::LightMagenta,
        14 => Color::LightCyan,
        15 => Color::White,
        n => Color::Indexed(n),
    }
}

/// A colour as a theme gives it, before choosing a depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// The terminal's own default colour (no escape code).
    Default,
    /// A palette index chosen by the theme (the user's terminal colours).
    Ansi(u8),
    /// An RGB colour.
    Rgb(Rgb),
}

impl Paint {
    /// A syntect colour, following bat's convention for terminal themes:
    /// alpha 0 means "palette colour number `r`", alpha 1 means "the
    /// terminal's default colour"; otherwise RGB, with a translucent colour
    /// blended over `under` when that is RGB.
    pub fn from_syntect(c: syntect::highlighting::Color, under: Option<Rgb>) -> Paint {
        match c.a {
            0 => Paint::Ansi(c.r),
            1 => Paint::Default,
            255 => Paint::Rgb([c.r, c.g, c.b]),
            a => match under {
                Some(u) => Paint::Rgb(mix(u, [c.r, c.g, c.b], f64::from(a) / 255.0)),
                None => Paint::Rgb([c.r, c.g, c.b]),
            },
        }
    }

    /// The RGB value when there is one (palette colours use xterm's values).
    pub fn rgb(self) -> Option<Rgb> {
        match self {
            Paint::Default => None,
            Paint::Ansi(i) => Some(rgb_of_256(i)),
            Paint::Rgb(c) => Some(c),
        }
    }

    /// The terminal colour at a depth (`None`: no colour code).
    pub fn at_depth(self, depth: ColorDepth) -> Option<Color> {
        match (self, depth) {
            (_, ColorDepth::None) | (Paint::Default, _) => None,
            (Paint::Ansi(i), ColorDepth::Ansi16) if i >= 16 => Some(indexed(to_16(rgb_of_256(i)))),
            (Paint::Ansi(i), _) => Some(indexed(i)),
            (Paint::Rgb(c), ColorDepth::TrueColor) => Some(Color::Rgb(c[0], c[1], c[2])),
            (Paint::Rgb(c), ColorDepth::Ansi256) => Some(Color::Indexed(to_256(c))),
            (Paint::Rgb(c), ColorDepth::Ansi16) => Some(indexed(to_16(c))),
        }
    }
}

/// The approximate RGB value a terminal colour shows (xterm defaults).
pub fn rgb_of_color(c: Color) -> Option<Rgb> {
    Some(match c {
        Color::Rgb(r, g, b) => [r, g, b],
        Color::Indexed(i) => rgb_of_256(i),
        Color::Black => ANSI16[0],
        Color::Red => ANSI16[1],
        Color::Green => ANSI16[2],
        Color::Yellow => ANSI16[3],
        Color::Blue => ANSI16[4],
        Color::Magenta => ANSI16[5],
        Color::Cyan => ANSI16[6],
        Color::Gray => ANSI16[7],
        Color::DarkGray => ANSI16[8],
        Color::LightRed => ANSI16[9],
        Color::LightGreen => ANSI16[10],
        Color::LightYellow => ANSI16[11],
        Color::LightBlue => ANSI16[12],
        Color::LightMagenta => ANSI16[13],
        Color::LightCyan => ANSI16[14],
        Color::White => ANSI16[15],
        Color::Reset => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_of_black_on_white_is_21() {
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 0.01);
        assert!((contrast([9, 9, 9], [9, 9, 9]) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn ensure_contrast_lightens_on_dark_and_darkens_on_light() {
        let blue = [0x00, 0x72, 0xb2];
        let dark = [0x10, 0x10, 0x18];
        let c = ensure_contrast(blue, dark, 4.5);
        assert!(contrast(c, dark) >= 4.5, "{c:?}");
        assert!(luminance(c) > luminance(blue));
        let yellow = [0xf0, 0xe4, 0x42];
        let light = [0xff, 0xff, 0xff];
        let c = ensure_contrast(yellow, light, 4.5);
        assert!(contrast(c, light) >= 4.5, "{c:?}");
        assert!(luminance(c) < luminance(yellow));
    }

    #[test]
    fn hsl_round_trip() {
        for c in [
            [0x56, 0xb4, 0xe9],
            [0xe6, 0x9f, 0x00],
            [12, 200, 99],
            [7, 7, 7],
        ] {
            let (h, s, l) = to_hsl(c);
            let back = from_hsl(h, s, l);
            for i in 0..3 {
                assert!(c[i].abs_diff(back[i]) <= 1, "{c:?} -> {back:?}");
            }
        }
    }

    #[test]
    fn maps_to_the_256_palette() {
        assert_eq!(to_256([255, 0, 0]), 196);
        assert_eq!(to_256([0, 0, 0]), 16);
        assert_eq!(to_256([255, 255, 255]), 231);
        assert_eq!(to_256([0x80, 0x80, 0x80]), 244);
        assert_eq!(to_256([95, 135, 175]), 67);
    }

    #[test]
    fn maps_to_the_16_colours() {
        assert_eq!(to_16([250, 10, 10]), 9);
        assert_eq!(to_16([180, 10, 10]), 1);
        assert_eq!(to_16([10, 10, 20]), 0);
        assert_eq!(to_16([230, 230, 230]), 7);
        assert_eq!(indexed(to_16([0, 200, 210])), Color::Cyan);
    }

    #[test]
    fn foregrounds_keep_their_hue_in_16_colours() {
        // Okabe–Ito sky blue, orange, bluish green, reddish purple.
        assert_eq!(to_16_fg([0x56, 0xb4, 0xe9], true), 12);
        assert_eq!(to_16_fg([0xe6, 0x9f, 0x00], true), 11);
        assert_eq!(to_16_fg([0x00, 0x9e, 0x73], false), 2);
        assert_eq!(to_16_fg([0xcc, 0x79, 0xa7], false), 5);
        assert_eq!(to_16_fg([0x30, 0x30, 0x30], false), 0);
        assert_eq!(to_16_fg([0xd0, 0xd0, 0xd0], true), 7);
    }

    #[test]
    fn alpha_conventions() {
        use syntect::highlighting::Color as C;
        let c = |r, g, b, a| C { r, g, b, a };
        assert_eq!(Paint::from_syntect(c(2, 0, 0, 0), None), Paint::Ansi(2));
        assert_eq!(Paint::from_syntect(c(2, 0, 0, 1), None), Paint::Default);
        assert_eq!(
            Paint::from_syntect(c(200, 0, 0, 128), Some([0, 0, 0])),
            Paint::Rgb([100, 0, 0])
        );
        assert_eq!(
            Paint::Ansi(2).at_depth(ColorDepth::TrueColor),
            Some(Color::Green)
        );
        assert_eq!(Paint::Default.at_depth(ColorDepth::TrueColor), None);
    }

    #[test]
    fn depth_follows_flags_and_environment() {
        let env = |nc: Option<&str>, ct: Option<&str>| ColorEnv {
            no_color: nc.map(String::from),
            colorterm: ct.map(String::from),
            term: Some("xterm-256color".into()),
        };
        let e = env(None, Some("truecolor"));
        assert_eq!(color_depth(None, &e, true), ColorDepth::TrueColor);
        assert_eq!(color_depth(None, &e, false), ColorDepth::None);
        assert_eq!(
            color_depth(Some(ColorMode::Always), &e, false),
            ColorDepth::TrueColor
        );
        assert_eq!(
            color_depth(None, &env(None, Some("24bit")), true),
            ColorDepth::TrueColor
        );
        assert_eq!(
            color_depth(None, &env(None, None), true),
            ColorDepth::Ansi256
        );
        assert_eq!(
            color_depth(None, &env(Some("1"), None), true),
            ColorDepth::None
        );
        assert_eq!(
            color_depth(None, &env(Some(""), None), true),
            ColorDepth::Ansi256
        );
        assert_eq!(
            color_depth(Some(ColorMode::C16), &env(Some("1"), None), true),
            ColorDepth::Ansi16
        );
        assert_eq!(
            color_depth(Some(ColorMode::Never), &e, true),
            ColorDepth::None
        );
    }
}
