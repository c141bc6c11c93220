package prefilter

import (
	"fmt"
	"testing"

	"github.com/piiguard/piiguard/internal/pattern"
)

func TestAnalyze(t *testing.T) {
	tests := []struct {
		expr                       string
		lits                       string
		prefix, afterNonWord, anyB bool
		min, max                   int
	}{
		{`EMP-[0-9]{6}`, `[emp-]`, true, true, false, 10, 10},
		{`[0-9]{3} (?i:street|road)`, `[street road]`, false, true, false, 8, 28},
		{`[A-Z][a-z]*(?i:strasse|weg)`, `[strasse weg]`, false, false, false, 4, Unbounded},
		{`[A-Za-z0-9._%+-]{1,64}@[a-z]+`, `[@]`, false, false, false, 3, Unbounded},
		{`[0-9]{3}-[0-9]{2}`, `[]`, false, false, false, 6, 6},
		{`[\s\S]*?END`, `[end]`, false, false, true, 3, Unbounded},
		// A class of five ASCII characters at most is a set of literals;
		// a larger one, or one beyond ASCII, is not.
		{`[@#][0-9]{4}`, `[# @]`, true, true, false, 5, 5},
		{`[@#$%&][0-9]{4}`, `[# $ % & @]`, true, true, false, 5, 5},
		{`[@#$%&*][0-9]{4}`, `[]`, false, false, false, 5, 5},
		{`[@é][0-9]{4}`, `[]`, false, false, false, 5, 6},
	}
	for _, tt := range tests {
		info := Analyze(pattern.MustParse(tt.expr))
		if got := fmt.Sprint(info.Literals); got != tt.lits || info.Prefix != tt.prefix || info.AfterNonWord != tt.afterNonWord ||
			info.AllowedAll != tt.anyB || info.MinLen != tt.min || info.MaxLen != tt.max {
			t.Errorf("%s: literals %s prefix %v afterNonWord %v allowedAll %v len %d..%d; want %s %v %v %v %d..%d", tt.expr,
				got, info.Prefix, info.AfterNonWord, info.AllowedAll, info.MinLen, info.MaxLen,
				tt.lits, tt.prefix, tt.afterNonWord, tt.anyB, tt.min, tt.max)
		}
	}
	// A class with letters beyond ASCII allows every non-ASCII byte but is
	// still a filter: not '\n', not ':'.
	info := Analyze(pattern.MustParse(`[A-Za-zÀ-ÖØ-öø-ÿ]+ [0-9]{5}`))
	if info.AllowedAll || !info.Allowed[0xC3] || info.Allowed['\n'] || info.Allowed[':'] || !info.Allowed['a'] {
		t.Errorf("non-ASCII class: allowedAll %v", info.AllowedAll)
	}
}
