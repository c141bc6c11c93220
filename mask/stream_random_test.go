package mask_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/mask"
)

// randomGluedLine builds a line of about n bytes from the keywords and
// values of keywordSamples, each keyword before or after a value, glued
// to it or not, with words of four scripts and other values between: the
// lines of this kind found the long-line leaks of keywords freed past a
// cut (TestStreamTailKeywordGluedByLetters).
func randomGluedLine(r *rand.Rand, n int) string {
	words := []string{"w", "é", "日本", "😀", "ok", "-", "/", "a@b.co", "X1234567L", "4910 00", "9372745917a@b.co"}
	seps := []string{"", " ", " ", "  ", "-", "/", "."}
	var b strings.Builder
	for b.Len() < n {
		switch s := keywordSamples[r.IntN(len(keywordSamples))]; r.IntN(4) {
		case 0:
			b.WriteString(s.keyword + seps[r.IntN(len(seps))] + s.value)
		case 1:
			b.WriteString(s.value + seps[r.IntN(len(seps))] + s.keyword)
		case 2:
			b.WriteString(s.value)
		default:
			b.WriteString(words[r.IntN(len(words))])
		}
		b.WriteString(seps[r.IntN(len(seps))])
	}
	return b.String()
}

// TestStreamPiecesRandomGluedKeywords writes random lines of keywords glued
// to values (randomGluedLine) through the stream at random line limits,
// with the default masker and Partials: no character is changed but into
// '*', and the output, scanned again as a whole, has no finding. (A first
// version of the held output of pieces, which took the next window's masks
// at its edge, failed it: 11 cases of 1,200.)
func TestStreamPiecesRandomGluedKeywords(t *testing.T) {
	maskers := []mask.Masker{nil, mask.Partial{KeepLast: 4}, mask.Partial{KeepFirst: 2, KeepLast: 2}}
	lines := 200
	if testing.Short() || raceEnabled {
		lines = 8
	}
	r := rand.New(rand.NewPCG(5, 12))
	for range lines {
		line := randomGluedLine(r, 3000)
		for k := range uint64(3) {
			limit := 64 + r.IntN(960)
			m := maskers[r.IntN(len(maskers))]
			got := streamChunkedWith(t, []byte(line), k, m, mask.StreamOptions{MaxLineLength: limit})
			if at := changedRune(line, got); at >= 0 {
				t.Fatalf("masker %#v, limit %d: rune %d changed into something else than '*'\nline %q\n got %q", m, limit, at, line, got)
			}
			if found := allScanner().Scan([]byte(got)); len(found) > 0 {
				t.Fatalf("masker %#v, limit %d: a scan of the output finds %v\nline %q\n got %q", m, limit, found, line, got)
			}
		}
	}
}
