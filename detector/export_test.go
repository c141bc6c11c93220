package detector

import "unicode/utf8"

// ReferenceFind exposes the reference implementation to the external tests.
func ReferenceFind(d *Detector, text []byte) []Finding { return d.referenceFind(text) }

func decodeRune(b []byte) (rune, int) { return utf8.DecodeRune(b) }
