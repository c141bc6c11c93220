package main

import (
	"reflect"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/wasm/internal/wasmconfig"
)

// TestEmptyConfigFastPath: the empty configuration, recognised without
// the JSON decoder (start-up, issue 14 item 4), compiles the scanner the
// decoder's path compiles; anything else goes through the decoder.
func TestEmptyConfigFastPath(t *testing.T) {
	for _, c := range []struct {
		in    string
		empty bool
	}{
		{"", true}, {"{}", true}, {" { \n\t} ", true}, {"{ }", true},
		{"{} {}", false}, {"{", false}, {"}", false}, {"[]", false}, {`{"min_score":0}`, false}, {"{}x", false}, {"x{}", false},
	} {
		if got := isEmptyObject([]byte(c.in)); got != c.empty {
			t.Errorf("isEmptyObject(%q) = %v, want %v", c.in, got, c.empty)
		}
	}
	_, fast, err := newScanner([]byte("{}"), nil)
	if err != nil {
		t.Fatal(err)
	}
	slow, err := wasmconfig.NewScanner([]byte(`{"min_score":0}`)) // decoded: the same configuration
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(fast.Identifiers()), names(slow.Identifiers()); !reflect.DeepEqual(got, want) || len(got) < 50 {
		t.Errorf("fast path identifiers %v, decoded %v", got, want)
	}
	text := "mail jane@example.com card 4929 3812 6548 1006 ssn 536-22-1234 ip 203.0.113.42"
	if got, want := fast.MaskString(text), slow.MaskString(text); got != want || got == text {
		t.Errorf("fast path masks %q, decoded %q", got, want)
	}
	if _, _, err := newScanner([]byte("{} {}"), nil); err == nil {
		t.Error("trailing data after {} was accepted")
	}
}

func names(ids []*identifiers.Identifier) []string {
	var n []string
	for _, id := range ids {
		n = append(n, id.Name)
	}
	return n
}
