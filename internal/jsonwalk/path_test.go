package jsonwalk

import "testing"

func TestPatternCovers(t *testing.T) {
	path := func(steps ...any) Path {
		var p Path
		for _, s := range steps {
			switch s := s.(type) {
			case string:
				p = append(p, Step{Key: s, Index: -1})
			case int:
				p = append(p, Step{Index: s})
			}
		}
		return p
	}
	slot := path("sessionState", "intent", "slots", "CardNumber", "value", "originalValue")
	content := path("messages", 1, "content")
	tests := []struct {
		pattern string
		path    Path
		want    bool
	}{
		{"$", slot, true},
		{"$.sessionState.intent.slots.*", slot, true},
		{"$.sessionState.intent.slots", slot, true},
		{"$.sessionState.intent.slots.CardNumber.value.originalValue", slot, true},
		{"$.sessionState.intent.slots.Amount", slot, false},
		{"$.sessionState.intent.slots.*.value.interpretedValue", slot, false},
		{"$..originalValue", slot, true},
		{"$..slots.*", slot, true},
		{"$..value..originalValue", slot, true},
		{"$..content", slot, false},
		{"$.messages[*].content", content, true},
		{"$.messages.*.content", content, true},
		{"$.messages[1].content", content, true},
		{"$.messages[0].content", content, false},
		{"$.messages[*]", content, true},
		{"$['messages'][1][\"content\"]", content, true},
		{"$.messages[1].content.deeper", content, false},
		{"$.*", path(), false},
		{"$", path(), true},
		{"$..*", path("a"), true},
		{`$["a.b"]`, path("a.b", "c"), true},
		{`$.x-amz-lex:enable-text-logging:PayBill:*`, path("x-amz-lex:enable-text-logging:PayBill:*"), true},
		{`$["caf\u00e9"]`, path("café"), true},
		{"$[*]", path("key"), true},
	}
	for _, tt := range tests {
		p, err := ParsePattern(tt.pattern)
		if err != nil {
			t.Errorf("ParsePattern(%q): %v", tt.pattern, err)
			continue
		}
		if got := p.Covers(tt.path); got != tt.want {
			t.Errorf("%q covers %s = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

func TestParsePatternErrors(t *testing.T) {
	for _, s := range []string{"", "a.b", "$.", "$a", "$[", "$[x]", "$[-1]", "$['a", `$["a]`, "$.a..", "$[1", `$["\x"]`} {
		if _, err := ParsePattern(s); err == nil {
			t.Errorf("ParsePattern(%q) accepted", s)
		}
	}
}

func TestPathStringRoundTrip(t *testing.T) {
	paths := []Path{
		{{Key: "a", Index: -1}, {Index: 3}, {Key: "b_c-d", Index: -1}},
		{{Key: "a.b", Index: -1}, {Key: "", Index: -1}, {Key: "x\"y\n", Index: -1}, {Key: "9lives", Index: -1}},
	}
	for _, p := range paths {
		pat, err := ParsePattern(p.String())
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if !pat.Covers(p) {
			t.Errorf("%s does not cover its own path", p)
		}
	}
}

// TestPathStringMax: StringMax is String for a short path (String within
// a quarter of max: no step is abbreviated), and otherwise
// a pattern of at most max bytes and maxPatternSteps steps that covers
// the path.
func TestPathStringMax(t *testing.T) {
	long := string(make([]byte, 300)) // NUL bytes: quoted as \u0000
	var deep Path
	for i := range 500 {
		deep = append(deep, Step{Key: "k", Index: -1}, Step{Index: i})
	}
	paths := []Path{
		nil,
		{{Key: "a", Index: -1}, {Index: 3}, {Key: "b c", Index: -1}},
		{{Key: long, Index: -1}, {Index: 0}},
		{{Key: "a", Index: -1}, {Key: long, Index: -1}, {Key: "mail", Index: -1}},
		{{Key: "a", Index: -1}, {Key: string(make([]byte, 100)), Index: -1}}, // quoted: 602 bytes
		deep,
		deep[:63],
		deep[:62],
	}
	for i, p := range paths {
		got := p.StringMax(1024)
		if s := p.String(); len(s) <= 1024/4 && len(p) < maxPatternSteps && got != s {
			t.Errorf("path %d: StringMax %q, String %q", i, got, s)
		}
		if len(got) > 1024 {
			t.Errorf("path %d: %d bytes", i, len(got))
		}
		pat, err := ParsePattern(got)
		if err != nil {
			t.Errorf("path %d: %v", i, err)
			continue
		}
		if !pat.Covers(p) {
			t.Errorf("path %d: %q does not cover it", i, got)
		}
	}
}

// coversRef is Covers as it was written before Match: the set of
// matched pattern steps, advanced over the whole path at once.
func coversRef(p *Pattern, path Path) bool {
	n := len(p.steps)
	states := p.closure(1)
	for _, st := range path {
		if states&(1<<n) != 0 {
			return true
		}
		states = p.advance(states, st)
		if states == 0 {
			return false
		}
	}
	return states&(1<<n) != 0
}

// TestPatternMatchStepwise: Start, Next and Covered, and Covers, give
// coversRef's answer for every prefix of a path.
func TestPatternMatchStepwise(t *testing.T) {
	steps := []Step{{Key: "a", Index: -1}, {Key: "b", Index: -1}, {Index: 0}, {Index: 2}, {Key: "a.b", Index: -1}}
	patterns := []string{"$", "$.a", "$.a.b", "$..b", "$..[2]", "$.*.b[*]", "$..a..b", `$["a.b"]`, "$..*.a", "$.b"}
	// Every path of up to 4 steps over steps.
	var paths []Path
	var gen func(p Path)
	gen = func(p Path) {
		paths = append(paths, append(Path(nil), p...))
		if len(p) < 4 {
			for _, st := range steps {
				gen(append(p, st))
			}
		}
	}
	gen(nil)
	for _, ps := range patterns {
		pat, err := ParsePattern(ps)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			m := pat.Start()
			for i, st := range p {
				if want := coversRef(pat, p[:i]); m.Covered() != want || pat.Covers(p[:i]) != want {
					t.Fatalf("%s on %s, after %d steps: Covered %v, Covers %v, want %v", ps, p, i, m.Covered(), pat.Covers(p[:i]), want)
				}
				m = pat.Next(m, st)
			}
			if want := coversRef(pat, p); m.Covered() != want || pat.Covers(p) != want {
				t.Fatalf("%s on %s: Covered %v, Covers %v, want %v", ps, p, m.Covered(), pat.Covers(p), want)
			}
		}
	}
}
