// Package pii holds the few types every layer of piiguard shares, so that
// packages which only consume findings (mask, audit, slogmask, the
// WebAssembly host) need not link the detection engine and its catalog.
//
// It has no dependencies beyond the standard library and no
// initialisation; package detector produces these types and refers to them
// by alias (detector.Finding is pii.Finding).
package pii

import "fmt"

// Finding is one sensitive value found in a text.
type Finding struct {
	// Identifier is the name of the identifier that matched ("Ssn-US").
	Identifier string
	// Start and End are byte offsets of the value in the scanned text,
	// End exclusive.
	Start, End int
	// Score is the confidence in [0, 1]: the identifier's base confidence,
	// raised by a passing validator and by a nearby keyword (more when
	// nearer), lowered by negative context.
	Score float64
	// Keyword is the keyword, as written in the catalog, that supported the
	// finding, or "" when none was near.
	Keyword string
}

// String formats the finding without its value.
func (f Finding) String() string {
	return fmt.Sprintf("%s[%d:%d] %.2f", f.Identifier, f.Start, f.End, f.Score)
}
