package names

import (
	"os"
	"strings"
	"testing"
)

// TestSortedLinesFind checks the hash lookup against a plain search of the
// lines, on the shipped frequency list and on small lists with edge cases
// (a duplicate word, a comment, no data after the word, an empty list).
func TestSortedLinesFind(t *testing.T) {
	data, err := os.ReadFile("../../data/name_stats.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	stats := gunzip(data)
	if stats == "" {
		t.Fatal("name_stats.txt.gz: empty")
	}
	for _, tc := range []struct {
		name, text string
		probes     []string
	}{
		{"small", "# comment\nann 54\nanna 65w\nbob\nbob 11\nzoe 70\n", []string{"ann", "anna", "bob", "zoe", "an", "annas", "", "# comment", "zo"}},
		{"empty", "", []string{"ann", ""}},
		{"name_stats", stats, []string{"smith", "maria", "zz", "nguyen", "ruiz-ortega", "é"}},
	} {
		l := newSortedLines(tc.text)
		want := map[string]string{}
		for _, line := range strings.Split(tc.text, "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			w, rest, _ := strings.Cut(line, " ")
			if _, dup := want[w]; !dup {
				want[w] = rest
			}
		}
		probes := tc.probes
		for w := range want {
			if len(probes) > len(tc.probes)+2000 {
				break
			}
			probes = append(probes, w, w+"x")
		}
		for _, p := range probes {
			rest, ok := l.find([]byte(p))
			wrest, wok := want[p]
			if ok != wok || rest != wrest {
				t.Errorf("%s: find(%q) = %q, %v; want %q, %v", tc.name, p, rest, ok, wrest, wok)
			}
		}
	}
}
