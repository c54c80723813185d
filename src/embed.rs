//! The iframe-resize protocol.
