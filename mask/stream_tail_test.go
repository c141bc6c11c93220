package mask_test

import (
	"strings"
	"testing"

	"github.com/piiguard/piiguard/mask"
)

// checkPiecesClean writes line through a Writer with the catalog scanner
// in chunks chosen by seed, and fails when a rune of the output is other
// than the line's own or '*', or when the output, scanned again as a
// whole, has a finding (FuzzStreamPieces' criterion).
func checkPiecesClean(t *testing.T, line string, opts mask.StreamOptions, seed uint64) {
	t.Helper()
	got := streamChunked(t, []byte(line), seed, opts)
	if at := changedRune(line, got); at >= 0 {
		t.Fatalf("limit %d, seed %d: rune %d changed into something else than '*'\nline %q\n got %q", opts.MaxLineLength, seed, at, line, got)
	}
	if found := allScanner().Scan([]byte(got)); len(found) > 0 {
		t.Fatalf("limit %d, seed %d: a scan of the output finds %v\nline %q\n got %q", opts.MaxLineLength, seed, found, line, got)
	}
}

// TestStreamKeywordBeyondOverlap is the regression test of values left in
// clear at a cut because their keyword lay more than Overlap bytes from the
// cut on the other side of it: the window that held the value did not see
// the keyword (after the cut, past the end of the buffer), or the next
// window, which sees only Overlap bytes of context before its piece, did
// not see the keyword before the value (which the previous window had
// found and masked, but beyond its cut). A keyword counts within 30
// characters of its value, which is up to 120 bytes and the keyword in
// non-ASCII text, and the keyword itself can be long ("social security",
// the Bulgarian driving licence's 70 bytes): an Overlap of 32 bytes (a
// MaxLineLength of 128) was not "more than a keyword's reach", as the
// Writer's documentation said. The stream now looks the keyword reach of
// the Finder's identifiers past each cut and keeps it before each piece.
func TestStreamKeywordBeyondOverlap(t *testing.T) {
	filler := strings.Repeat("w ", 20)
	type shape struct {
		name string
		unit func(p int) string
	}
	shapes := []shape{
		{"keyword after, é between", func(p int) string {
			return "536-22-1234 " + strings.Repeat("é", p) + " ssn " + filler
		}},
		{"keyword before, é between", func(p int) string {
			return "ssn " + strings.Repeat("é", p) + " 536-22-1234 " + filler
		}},
		{"long keyword before, ASCII", func(p int) string {
			return "social security " + strings.Repeat("q", p) + " 536-22-1234 " + filler
		}},
		{"keyword after, CJK between", func(p int) string {
			return "536-22-1234 " + strings.Repeat("日", p) + " ssn " + filler
		}},
		{"Cyrillic keyword before, Cyrillic between", func(p int) string {
			return "свидетелство за управление на моторно " + strings.Repeat("ж", p) + " 123456789 " + filler
		}},
	}
	for _, sh := range shapes {
		t.Run(sh.name, func(t *testing.T) {
			for _, limit := range []int{64, 128, 140, 160} {
				for p := 18; p <= 28; p += 2 {
					unit := sh.unit(p)
					for pad := 0; pad < len(unit); pad += 3 {
						line := strings.Repeat("z", pad) + " " + strings.Repeat(unit, 2*limit/len(unit)+4)
						checkPiecesClean(t, line, mask.StreamOptions{MaxLineLength: limit}, uint64(pad))
					}
				}
			}
		})
	}
}
