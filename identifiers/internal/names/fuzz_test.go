package names

import (
	"regexp"
	"testing"
)

// FuzzScoreName checks that the Name scorer and the Address span rules
// accept any text and any match bounds without panicking, and return
// bounds inside the text (ScoreName: from inside the match).
func FuzzScoreName(f *testing.F) {
	lx, _ := load(f)
	re := regexp.MustCompile(NamePattern)
	for _, s := range []string{
		"Author: Jane Doe Date: Mon Mar 2", `{"customer_name":"Nguyễn Văn An"}`, "(c) Dave Jones",
		"Apt 4B, 500 Oak Street, Dayton, OH 45402, USA", "108 - 1550 Hartley Avenue", "Martin Luther King Jr",
		"Oscar de la Hoya", "Siobhán Ó Briain", "x", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := []byte(s)
		for _, m := range re.FindAllIndex(text, -1) {
			st, e, score, ok := lx.ScoreName(text, m[0], m[1])
			if ok && (st < m[0] || e > len(text) || st >= e || score < 0 || score > 1) {
				t.Fatalf("ScoreName(%q, %d, %d) = %d, %d, %v", s, m[0], m[1], st, e, score)
			}
		}
		for i := 0; i <= len(text); i += 1 + len(text)/7 {
			for _, form := range Forms {
				st, e := lx.AddressSpan(form, text, i, len(text))
				if st < 0 || st > i || e != len(text) {
					t.Fatalf("AddressSpan(%q, %d) = %d, %d", s, i, st, e)
				}
				if i > 0 {
					st, e = lx.AddressSpan(form, text, 0, i)
					if st != 0 || e < i || e > len(text) {
						t.Fatalf("AddressSpan(%q, 0, %d) = %d, %d", s, i, st, e)
					}
				}
			}
		}
	})
}
