package names

import (
	"os"
	"testing"

	"github.com/piiguard/piiguard/internal/dfa"
)

func TestScratchLoose(t *testing.T) {
	data, _ := os.ReadFile("../../data/address_words.txt")
	var en []string
	for _, w := range StreetTypes(string(data), "street-en") {
		en = append(en, w)
	}
	for _, s := range StreetTypes(string(data), "street-en-short") {
		en = append(en, s+`\.`, s+`,`, s+` `)
	}
	N := `[0-9A-Za-zÀ-ÖØ-öø-ÿĀ-žȘ-ț'’. -]`
	T := `[0-9A-Za-zÀ-ÖØ-öø-ÿĀ-žȘ-ț'’.,()# -]`
	post := `(?:(?:[A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?),? [0-9]{5}(?:-[0-9]{4})?|(?i:nsw|vic|qld|sa|wa|tas|nt|act),? [0-9]{4}|[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})`
	for _, p := range []string{
		addrNum + ` ` + N + `{1,40}? (?i:` + interleave(en) + `)` + T + `{1,80}?` + post,
		addrNum + ` ` + N + `{1,40}? (?i:` + interleave(en) + `)` + T + `{1,80}?` + `(?:[A-Z]{2} [0-9]{5})`,
		addrNum + ` ` + N + `{1,40}? (?i:` + interleave(en) + `)`,
		addrNum + ` ` + N + `{1,40}? (?:street|road)` + T + `{1,80}?` + post,
	} {
		d, err := dfa.Compile(p, dfa.Options{MaxStates: 50000})
		if err != nil {
			t.Logf("%v", err)
			continue
		}
		t.Logf("%d states", d.States())
	}
}
