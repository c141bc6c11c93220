package mask

import (
	"regexp"
	"testing"

	"github.com/piiguard/piiguard/pii"
)

// checkSpans fails unless the spans of appendFixpoint's output out for
// text are in order and apart in the output and in the input, and the
// bytes between them are the input's: what the stream's windows read
// the spans for (emitWindow writes the bytes between them from the input).
func checkSpans(t *testing.T, text, out []byte, spans []span) {
	t.Helper()
	pos, in := 0, 0
	for _, sp := range spans {
		if sp.start < pos || sp.end < sp.start || sp.in < in || sp.inEnd < sp.in || sp.end > len(out) || sp.inEnd > len(text) {
			t.Fatalf("%q -> %q: span %+v out of order (after output %d, input %d); spans %+v", text, out, sp, pos, in, spans)
		}
		if string(out[pos:sp.start]) != string(text[in:sp.in]) {
			t.Fatalf("%q -> %q: before span %+v, output %q, input %q; spans %+v", text, out, sp, out[pos:sp.start], text[in:sp.in], spans)
		}
		pos, in = sp.end, sp.inEnd
	}
	if string(out[pos:]) != string(text[in:]) {
		t.Fatalf("%q -> %q: after the spans, output %q, input %q; spans %+v", text, out, out[pos:], text[in:], spans)
	}
}

// TestFixpointEmptyMaskAtRange is the regression test of appendRound
// placing an empty mask (Redact's) after the rescan's mask that begins
// where it lies: the spans came out of order, with input offsets that
// were not the input's, and the stream's long lines, which read them,
// panicked with a slice out of range (TestStreamRedactLongLine).
func TestFixpointEmptyMaskAtRange(t *testing.T) {
	tests := []struct {
		name, re, text string
	}{
		// "A" redacted joins x and y: the rescan finds "xy", cut in two
		// around the empty mask; the second part begins where it lies.
		{"range begins at the empty mask", `A|xy`, "xAy"},
		// The rescan's value begins right after the empty mask.
		{"value after the empty mask", `A|yz`, "xAyz"},
		// Two empty masks in a row, a value joined across both.
		{"two empty masks", `A|B|xy`, "xABy"},
		{"empty mask at the start", `A|yz`, "Ayz q"},
		{"empty mask at the end", `A|xy`, "q xyA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			re := regexp.MustCompile(tt.re)
			scan := func(dst []pii.Finding, b []byte) []pii.Finding {
				for _, m := range re.FindAllIndex(b, -1) {
					dst = append(dst, pii.Finding{Identifier: "T", Start: m[0], End: m[1], Score: 1})
				}
				return dst
			}
			text := []byte(tt.text)
			var fx fixpoint
			out, _ := fx.appendFixpoint(nil, text, scan(nil, text), Redact, scan)
			checkSpans(t, text, out, fx.spans)
		})
	}
}
