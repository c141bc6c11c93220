//! A static library of the `rure` crate, the C API of Rust's regex crate.
//!
//! `rure` defines its C functions with `#[no_mangle] pub extern fn`. Linking
//! it here (and re-exporting it) makes rustc put its object code, and those
//! exported symbols, into this crate's staticlib, `librure.a`. The Go side
//! (internal/regex, build tag "rure") links it with `-lrure`; see
//! include/rure.h for the API, copied from the same rure version.

pub use rure::*;
