//! The real terminal and everything that can take it away from the reader:
//! entering and leaving raw mode, the alternate screen, bracketed paste and
//! mouse capture; the panic hook; signals (SIGTERM, SIGHUP, SIGINT and
//! SIGQUIT restore the terminal and end the reader; SIGTSTP and Ctrl-Z
//! suspend it as less and vim do; SIGCONT takes the terminal back and
//! redraws); and draining the input when crossterm's reader stops short.
//!
//! It exists so that no path out of the reader (quit, error, panic, signal,
//! suspend) leaves the shell's terminal in raw mode.

use std::sync::atomic::{AtomicBool, Ordering::SeqCst};
use std::sync::{Mutex, MutexGuard, PoisonError};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::{
    cursor,
    event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture},
    execute,
    terminal::{self, EnterAlternateScreen, LeaveAlternateScreen},
};

use crate::error::{Error, Result};

/// Whether the mouse is captured (restoring releases it only then).
static MOUSE_ON: AtomicBool = AtomicBool::new(false);
/// Whether the reader owns the terminal now (restoring happens only then).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Set when the screen must be drawn from scratch (after a suspend).
static REDRAW: AtomicBool = AtomicBool::new(false);
/// Held while the terminal is written to, so that a signal never restores
/// or suspends it in the middle of a frame.
static WRITING: Mutex<()> = Mutex::new(());

fn writing() -> MutexGuard<'static, ()> {
    WRITING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A terminal error as the reader reports it.
pub(crate) fn term_err(e: impl std::fmt::Display) -> Error {
    Error::runtime(format!("terminal: {e}"))
}

/// Raw mode, the alternate screen, a hidden cursor, bracketed paste and
/// (when asked) mouse capture.
fn enter_modes(mouse: bool) -> std::io::Result<()> {
    terminal::enable_raw_mode()?;
    let mut out = std::io::stdout();
    execute!(
        out,
        EnterAlternateScreen,
        cursor::Hide,
        EnableBracketedPaste
    )?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Give the terminal back as the shell had it. Never fails: every step is
/// tried whatever happened to the one before.
fn restore_modes(mouse: bool) {
    let _ = terminal::disable_raw_mode();
    let mut out = std::io::stdout();
    if mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
}

/// Restore the terminal if the reader still owns it (once, whoever asks).
fn release() {
    if ACTIVE.swap(false, SeqCst) {
        restore_modes(MOUSE_ON.load(SeqCst));
    }
}

/// Stop the process as SIGTSTP would, with the terminal given back to the
/// shell; when continued (`fg`), take it again and ask for a full redraw.
fn suspend_now() {
    let _lock = writing();
    if !ACTIVE.swap(false, SeqCst) {
        return;
    }
    let mouse = MOUSE_ON.load(SeqCst);
    restore_modes(mouse);
    #[cfg(unix)]
    {
        // SIGTSTP itself is caught by the reader: stop the way its default would.
        let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
    }
    take_back(mouse);
}

/// Enter the reader's modes again after a stop, whatever the shell did to
/// the terminal meanwhile, and ask for a full redraw.
fn take_back(mouse: bool) {
    // Forget the raw mode crossterm believes is on, so that it is set again.
    let _ = terminal::disable_raw_mode();
    if enter_modes(mouse).is_ok() {
        ACTIVE.store(true, SeqCst);
    } else {
        restore_modes(mouse);
    }
    REDRAW.store(true, SeqCst);
}

/// The signals that concern the reader, handled on a thread of their own.
#[cfg(unix)]
fn watch_signals() -> std::io::Result<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    let handle = signals.handle();
    std::thread::Builder::new()
        .name("attache-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                match sig {
                    SIGTSTP => suspend_now(),
                    SIGCONT => {
                        // Continued after a stop the reader did not see coming
                        // (SIGSTOP): take the terminal back, and wake the event
                        // loop with a resize so that it redraws.
                        let lock = writing();
                        if ACTIVE.load(SeqCst) {
                            take_back(MOUSE_ON.load(SeqCst));
                        }
                        drop(lock);
                        let _ = signal_hook::low_level::raise(SIGWINCH);
                    }
                    _ => {
                        let _lock = writing();
                        release();
                        // End as the signal would have ended the reader.
                        let _ = signal_hook::low_level::emulate_default_handler(sig);
                        std::process::exit(128 + sig);
                    }
                }
            }
        })?;
    Ok(handle)
}

/// The reader's hold on the real terminal. Entering sets every mode and
/// installs the panic hook and the signal watcher; dropping it (normal
/// exit and errors), a panic or a terminating signal restores the terminal.
pub(crate) struct TerminalGuard {
    /// The ratatui terminal drawn on.
    pub(crate) terminal: Terminal<CrosstermBackend<std::io::Stdout>>,
    #[cfg(unix)]
    signals: Option<signal_hook::iterator::Handle>,
    #[cfg(unix)]
    tty: Option<Tty>,
}

impl TerminalGuard {
    /// Take the terminal (raw mode, alternate screen, bracketed paste, and
    /// mouse capture when `mouse`).
    pub(crate) fn enter(mouse: bool) -> Result<Self> {
        MOUSE_ON.store(mouse, SeqCst);
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            release();
            previous(info);
        }));
        ACTIVE.store(true, SeqCst);
        if let Err(e) = enter_modes(mouse) {
            release();
            return Err(term_err(e));
        }
        let terminal = match Terminal::new(CrosstermBackend::new(std::io::stdout())) {
            Ok(t) => t,
            Err(e) => {
                release();
                return Err(term_err(e));
            }
        };
        Ok(TerminalGuard {
            terminal,
            #[cfg(unix)]
            signals: watch_signals().ok(),
            #[cfg(unix)]
            tty: Tty::open(),
        })
    }

    /// Draw one frame (from scratch after a suspend), holding the terminal
    /// against signals meanwhile.
    pub(crate) fn draw(&mut self, render: impl FnOnce(&mut ratatui::buffer::Buffer)) -> Result<()> {
        let _lock = writing();
        if REDRAW.swap(false, SeqCst) {
            self.terminal.clear().map_err(term_err)?;
        }
        self.terminal
            .draw(|f| render(f.buffer_mut()))
            .map_err(term_err)?;
        Ok(())
    }

    /// Put `text` on the terminal's clipboard (OSC 52), holding the
    /// terminal against signals meanwhile.
    pub(crate) fn copy(&mut self, text: &str) -> Result<()> {
        let _lock = writing();
        super::clipboard::write_osc52(self.terminal.backend_mut(), text).map_err(term_err)
    }

    /// Ctrl-Z: give the terminal back and stop until `fg`.
    pub(crate) fn suspend(&mut self) {
        suspend_now();
    }

    /// Whether the terminal holds input that crossterm has not read yet.
    ///
    /// crossterm waits on the terminal with an edge-triggered poll and reads
    /// it 1 KB at a time, stopping at the first complete event: the rest of
    /// a long paste stays unread and unannounced until the next key arrives.
    /// When input is left over, this re-arms the poll (setting the terminal's
    /// modes again wakes its readers) so that the next `event::poll` sees it.
    pub(crate) fn input_left_over(&self) -> bool {
        #[cfg(unix)]
        if let Some(tty) = &self.tty {
            return tty.rearm_if_unread();
        }
        false
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        let _lock = writing();
        release();
        #[cfg(unix)]
        if let Some(h) = self.signals.take() {
            h.close();
        }
    }
}

/// The terminal crossterm reads keys from: standard input when it is a
/// terminal, else `/dev/tty`.
#[cfg(unix)]
enum Tty {
    Stdin,
    Device(std::fs::File),
}

#[cfg(unix)]
impl Tty {
    fn open() -> Option<Tty> {
        use std::io::IsTerminal;
        if std::io::stdin().is_terminal() {
            Some(Tty::Stdin)
        } else {
            std::fs::File::open("/dev/tty").ok().map(Tty::Device)
        }
    }

    /// When bytes wait unread, set the terminal's modes to what they are
    /// (which wakes whoever polls it) and return true.
    fn rearm_if_unread(&self) -> bool {
        use std::os::fd::AsFd;
        let stdin = std::io::stdin();
        let fd = match self {
            Tty::Stdin => stdin.as_fd(),
            Tty::Device(f) => f.as_fd(),
        };
        let unread = rustix::io::ioctl_fionread(fd).unwrap_or(0);
        if unread == 0 {
            return false;
        }
        let _lock = writing();
        match rustix::termios::tcgetattr(fd) {
            Ok(t) => {
                rustix::termios::tcsetattr(fd, rustix::termios::OptionalActions::Now, &t).is_ok()
            }
            Err(_) => false,
        }
    }
}
