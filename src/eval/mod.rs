//! Evaluation against gold annotations: PolNeAR brat standoff and transcript turns.

use std::path::Path;

use crate::error::{Error, Result};

/// `attache eval DIR [--turns] [--json] [--dump]`.
pub fn run(_dir: &Path, _turns: bool, _json: bool, _dump: bool) -> Result<()> {
    Err(Error::runtime("eval is not built yet"))
}
