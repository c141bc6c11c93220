package mask_test

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/piiguard/piiguard/mask"
	"github.com/piiguard/piiguard/pii"
)

// TestStreamRedactLongLine is the regression test of a Writer masking
// with Redact (or any masker that writes nothing for a value) panicking
// on a line longer than MaxLineLength: a rescan that masked a value
// joined across a redacted one, from where that lies, gave the window's
// spans out of order (TestFixpointEmptyMaskAtRange), and emitWindow read
// the buffer with a slice out of range. A line of 65 bytes at a limit of
// 64 was enough, and a line over the default limit (1 MiB) with the CLI's
// redact style. The output, scanned again, has no finding.
func TestStreamRedactLongLine(t *testing.T) {
	empty := mask.MaskerFunc(func(dst, _ []byte, _ pii.Finding) []byte { return dst })
	r := rand.New(rand.NewPCG(3, 4))
	tests := []struct {
		name  string
		line  string
		limit int
	}{
		{"short", "536-22-1234-ssn-917a@b.co.112vány A9213日本детZA5s,а но ", 64},
		{"random glued keywords", randomGluedLine(r, 3000), 602},
		{"random glued keywords, small limit", randomGluedLine(r, 3000), 64},
	}
	for _, tt := range tests {
		for _, m := range []mask.Masker{mask.Redact, empty} {
			t.Run(tt.name, func(t *testing.T) {
				for seed := range uint64(3) {
					got := streamChunkedWith(t, []byte(tt.line), seed, m, mask.StreamOptions{MaxLineLength: tt.limit})
					if found := allScanner().Scan([]byte(got)); len(found) > 0 {
						t.Fatalf("limit %d: a scan of the output finds %v\nline %q\n got %q", tt.limit, found, tt.line, got)
					}
				}
				var out bytes.Buffer
				w := mask.NewWriter(&out, allScanner(), m, mask.StreamOptions{MaxLineLength: len(tt.line) + 1})
				w.Write([]byte(tt.line))
				w.Close()
				if want := string(mask.AppendMasked(nil, []byte(tt.line), allScanner(), m)); out.String() != want {
					t.Errorf("a line within the limit: got %q, want %q (AppendMasked)", out.String(), want)
				}
			})
		}
	}
}
