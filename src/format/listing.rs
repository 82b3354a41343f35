//! Listings printed by the command line: quotes (text, JSON, CSV), speakers, outline,
//! and the plain annotated text shown when output is not a terminal.
