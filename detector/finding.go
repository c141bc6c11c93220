package detector

import "github.com/piiguard/piiguard/pii"

// Finding is one sensitive value found in a text. It is an alias of
// pii.Finding, which packages that only consume findings (mask, audit,
// slogmask, the WebAssembly host) use without linking the detector.
type Finding = pii.Finding
