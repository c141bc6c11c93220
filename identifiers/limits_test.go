package identifiers_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
)

func TestCustomProgramSizeLimit(t *testing.T) {
	tests := []struct {
		regex string
		err   error
	}{
		{`EMP-[0-9]{6}`, nil},
		{`\w{1000}`, nil},
		{strings.Repeat(`\w{1000}`, 4), identifiers.ErrCustomRegexBig},
		{`(?:[a-z0-9]{30}){30}(?:[A-Z]{30}){30}`, nil},
		{`(?:[a-z0-9]{30}){30}(?:[A-Z]{30}){30}(?:[0-9]{30}){30}(?:[a-f]{30}){30}`, identifiers.ErrCustomRegexBig},
		{`(a{100}){100}`, identifiers.ErrCustomRegex}, // Go's parser caps nested repeats at 1000
	}
	for _, tt := range tests {
		_, err := identifiers.NewCustom("X", tt.regex)
		if !errors.Is(err, tt.err) {
			t.Errorf("NewCustom(%q): error %v, want %v", tt.regex, err, tt.err)
		}
	}
}
