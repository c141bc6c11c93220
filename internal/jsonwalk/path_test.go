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
