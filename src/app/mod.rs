//! The reader's state, the actions that change it, and `update`: a pure
//! function from state and action to state. No drawing and no terminal here.
