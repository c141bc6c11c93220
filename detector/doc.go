// Package detector compiles identifiers into one automaton and finds their
// values in text.
package detector
