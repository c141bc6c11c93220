package main

import (
	"math"
	"strconv"
)

// The finding writers append JSON by hand, without encoding/json's
// reflection and allocations: a scan writes a finding every few hundred
// bytes of logs. The bytes are those json.Marshal writes for the same
// values (TestJSONEncodingAsMarshal); strings are quoted by
// jsonwalk.AppendQuoteHTML.

// appendJSONFloat appends f as json.Marshal writes a float64: the
// shortest decimal that reads back as f, with an exponent only below
// 1e-6 or from 1e21 on. f is finite (a score).
func appendJSONFloat(b []byte, f float64) []byte {
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		n := len(b)
		b = strconv.AppendFloat(b, f, 'e', -1, 64)
		// e-07 as e-7, as encoding/json writes it.
		if m := len(b) - n; m >= 4 && b[len(b)-4] == 'e' && b[len(b)-3] == '-' && b[len(b)-2] == '0' {
			b[len(b)-2] = b[len(b)-1]
			b = b[:len(b)-1]
		}
		return b
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}
