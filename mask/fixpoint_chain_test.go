package mask_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/mask"
)

// phoneChain is a chain of overlapping PhoneNumber-DE candidates
// ("004910 004910 00" at every seventh byte): only the last, which nothing
// follows, is a value; masking it makes the one before it stand alone, and
// so on, one value per rescan.
func phoneChain(n int) string { return strings.Repeat("4910 00", n) }

// TestFixpointChainOutrunsRounds is the regression test of the
// FuzzStreamPieces failure fuzz-2edaf336366c5f84: a chain of overlapping
// values longer than the rescans' rounds (each uncovers one more value)
// was left partly in clear, by AppendMasked and by each window of a
// stream, after the conservative step masked only from the first
// remaining finding to the last; a scan of the output found the values
// before it.
func TestFixpointChainOutrunsRounds(t *testing.T) {
	tests := []struct {
		name      string
		line      string
		keepClear string // a prefix that masking leaves as it is ("" none)
	}{
		{"short chain, rescans suffice", "user login " + phoneChain(4), "user login 4910 00"},
		{"chain of the rounds' length", "user login " + phoneChain(17), ""},
		{"chain longer than the rounds", "user login " + phoneChain(40), ""},
		{"chain through a long line", phoneChain(128), ""},
		{"chain before other text", phoneChain(60) + " ok ssn 536-22-1234 end", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(mask.AppendMasked(nil, []byte(tt.line), allScanner(), nil))
			if at := changedRune(tt.line, got); at >= 0 {
				t.Fatalf("rune %d changed into something else than '*': %q", at, got)
			}
			if found := allScanner().Scan([]byte(got)); len(found) > 0 {
				t.Fatalf("a scan of the output finds %v\n got %q", found, got)
			}
			if !strings.HasPrefix(got, tt.keepClear) {
				t.Fatalf("masked more than the chain: %q", got)
			}
			for _, limit := range []int{128, 200, 395} {
				for seed := range uint64(4) {
					line := tt.line + " " + tt.line + " " + tt.line // past the limit: pieces
					got := streamChunked(t, []byte(line), seed, mask.StreamOptions{MaxLineLength: limit})
					if at := changedRune(line, got); at >= 0 {
						t.Fatalf("limit %d: rune %d changed into something else than '*'", limit, at)
					}
					if found := allScanner().Scan([]byte(got)); len(found) > 0 {
						t.Fatalf("limit %d, seed %d: a scan of the output finds %v\n got %q", limit, seed, found, got)
					}
				}
			}
		})
	}
}

// TestStreamReportOnlySeesWrittenContext is the regression test of a
// window's context that differed between masking and ReportOnly: the
// masking stream turned a clear tail masked at a cut into asterisks in the
// context of the next window, and ReportOnly did not, so that the next
// window could find different values and `piiguard scan` reported other
// findings than masking masks. Now the context of every window is the
// piece as written, its masks as asterisks, in both modes.
func TestStreamReportOnlySeesWrittenContext(t *testing.T) {
	unit := "000 00000000000000000000000000000 00000000 0000000000000@0.AAAAAAA00.AAAAA 001-01-0001!0@0.AAA001-01-0001 A00 ss#000000000 "
	tests := []struct {
		name  string
		line  string
		limit int
	}{
		{"clear tail at the cut (CI run 20)", strings.Repeat(unit, 12), 128}, // 12 units: a window at a limit of 128 holds 756 bytes
		{"clear tail at the cut, wider", strings.Repeat(unit, 9), 300},
		{"phone chain", phoneChain(200), 395},
		{"values between words", strings.Repeat("user jane.doe@example.com ssn 536-22-1234 card 4929 3812 6548 1006 ", 40), 256},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segments := func(report bool) []string {
				var segs []string
				var out bytes.Buffer
				w := mask.NewWriter(&out, allScanner(), nil, mask.StreamOptions{
					MaxLineLength: tt.limit,
					ReportOnly:    report,
					Segment: func(s *mask.Segment) {
						segs = append(segs, fmt.Sprintf("%d+%d %v", s.Offset, len(s.Text), slices.Clone(s.Findings)))
					},
				})
				if _, err := w.Write([]byte(tt.line + "\n")); err != nil {
					t.Fatal(err)
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				if report && out.Len() > 0 {
					t.Fatalf("ReportOnly wrote %d bytes", out.Len())
				}
				return segs
			}
			masked, reported := segments(false), segments(true)
			if !slices.Equal(masked, reported) {
				t.Fatalf("ReportOnly reports other segments than masking:\nmasking %v\n report %v", masked, reported)
			}
			if len(masked) < 3 {
				t.Fatalf("%d segments: the line did not reach the piece path", len(masked))
			}
		})
	}
}

// TestStreamChainAcrossPieceStart is the regression test of a chain of
// overlapping values that a window masked from the start of its piece on
// (its clear tail, followed by a mask, was a chain too): the value just
// before the piece, in the previous piece's output and the window's
// context, stood alone once the piece's first value was masked, and
// stayed in clear. The clear tail is now scanned with its context as
// written, and what crosses into the piece is masked from its start.
// The fuzz seeds phone-de-chain-crossing-piece-start and
// phone-de-chain-into-piece-{2,3} are the exploration's own failures.
func TestStreamChainAcrossPieceStart(t *testing.T) {
	unit := "4910 004910 00-"
	tests := []struct {
		name  string
		line  string
		limit int
	}{
		{"chain with a break, 3 units before", strings.Repeat(unit, 3) + "1" + strings.Repeat(unit, 60), 344},
		{"chain with a break, 8 units before", strings.Repeat(unit, 8) + "1" + strings.Repeat(unit, 60), 344},
		{"chain with a break, 20 units before", strings.Repeat(unit, 20) + "1" + strings.Repeat(unit, 60), 344},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for seed := range uint64(32) {
				got := streamChunked(t, []byte(tt.line), seed, mask.StreamOptions{MaxLineLength: tt.limit})
				if at := changedRune(tt.line, got); at >= 0 {
					t.Fatalf("seed %d: rune %d changed into something else than '*'", seed, at)
				}
				if found := allScanner().Scan([]byte(got)); len(found) > 0 {
					t.Fatalf("seed %d: a scan of the output finds %v\n got %q", seed, found, got)
				}
			}
		})
	}
}

// TestStreamPiecesGeneratedLines drives lines built by repeating a short
// random mix of value fragments (chains of overlapping phone numbers, values
// joined without blanks, keywords), with a random fragment now and then,
// through the piece path with random limits: the output, scanned again,
// has no finding, and nothing but '*' replaces a character. It found the
// failures TestStreamChainAcrossPieceStart keeps.
func TestStreamPiecesGeneratedLines(t *testing.T) {
	parts := []string{"4910 00", "0049 ", "00", "49", " ", "1", "30", "+", "-", "536-22-1234", "a@b.co", ".", "0",
		"4929 3812 6548 1006", "ssn ", "phone ", "@", "x.org", "10.0.0.1", "AKIA", "2001:db8::1", "1985-07-23 ",
		"GB82 WEST ", "!", "é", "\t", "Bearer ", "card ", "+1 415 ", "555 2671"}
	n := 1000
	if testing.Short() {
		n = 100
	}
	r := rand.New(rand.NewPCG(1, 2))
	for it := range n {
		var unit string
		for range 1 + r.IntN(6) {
			unit += parts[r.IntN(len(parts))]
		}
		var b strings.Builder
		for b.Len() < 900 {
			b.WriteString(unit)
			if r.IntN(10) == 0 {
				b.WriteString(parts[r.IntN(len(parts))])
			}
		}
		line, limit := b.String(), 128+r.IntN(300)
		got := streamChunked(t, []byte(line), uint64(it), mask.StreamOptions{MaxLineLength: limit})
		if at := changedRune(line, got); at >= 0 {
			t.Fatalf("line %d, limit %d: rune %d changed into something else than '*'\nline %q\n got %q", it, limit, at, line, got)
		}
		if found := allScanner().Scan([]byte(got)); len(found) > 0 {
			t.Fatalf("line %d, limit %d: a scan of the output finds %v\nline %q\n got %q", it, limit, found, line, got)
		}
	}
}
