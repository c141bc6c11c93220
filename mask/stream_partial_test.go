package mask_test

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/piiguard/piiguard/mask"
)

// TestStreamPiecesPartialMasker is the regression test of a value left in
// clear by a long line's pieces with a Partial masker: a Partial's mask
// keeps characters of the value in clear ("9372745917a@b.co" keeps
// "a@b.co"), and masking a text whole rescans them as text (they can make
// a value with what follows), where the pieces took the window's masks as
// opaque: the stream wrote "4929 3812 6548 1006" (a card number, which
// AppendMasked masks) in clear.
func TestStreamPiecesPartialMasker(t *testing.T) {
	// FuzzStreamPieces' failing input, 129 bytes, at a limit of 128.
	lines := []string{
		"917a@b.comail .cox12345678904910 00mail mail -.co9372745917a@b.coa@b.cocard 4929 3812 6548 1006 9372745917a@b.co-a@b.cossn 536-2c",
	}
	for _, m := range []mask.Masker{mask.Partial{KeepLast: 4}, mask.Partial{KeepFirst: 2, KeepLast: 2}} {
		for _, unit := range lines {
			for _, limit := range []int{64, 100, 128} {
				// As FuzzStreamPieces makes it: the unit doubled until it
				// is longer than two limits, and more.
				line := unit
				for len(line) <= 4*limit {
					line += line
				}
				for seed := range uint64(6) {
					opts := mask.StreamOptions{MaxLineLength: limit}
					got := streamChunkedWith(t, []byte(line), seed, m, opts)
					if at := changedRune(line, got); at >= 0 {
						t.Fatalf("%#v, limit %d, seed %d: rune %d changed into something else than '*'\nline %q\n got %q", m, limit, seed, at, line, got)
					}
					if found := allScanner().Scan([]byte(got)); len(found) > 0 {
						t.Fatalf("%#v, limit %d, seed %d: a scan of the output finds %v\nline %q\n got %q", m, limit, seed, found, line, got)
					}
				}
			}
		}
	}
}

// streamChunkedWith is streamChunked with the masker m.
func streamChunkedWith(t testing.TB, text []byte, seed uint64, m mask.Masker, opts mask.StreamOptions) string {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 1))
	var out bytes.Buffer
	w := mask.NewWriter(&out, allScanner(), m, opts)
	for rest := text; len(rest) > 0; {
		n := 1 + r.IntN(min(len(rest), 64))
		if _, err := w.Write(rest[:n]); err != nil {
			t.Fatal(err)
		}
		rest = rest[n:]
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}
