package policy

import (
	"errors"
	"reflect"
	"testing"
)

// FuzzParse checks that parsing never panics, that errors have the
// documented types, and that whatever parses re-encodes and parses back to
// an equal Policy. The seed corpus is in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Add([]byte(base))
	f.Add([]byte(withExt(`{"Mask":"redact","Identifiers":{"EmployeeId":{"Keywords":["e"],"KeywordRequired":true}}}`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, strict := range []bool{true, false} {
			parse := ParseExtended
			if strict {
				parse = Parse
			}
			p, err := parse(data)
			if err != nil {
				checkErrorType(t, err)
				if p != nil {
					t.Fatal("policy returned with an error")
				}
				continue
			}
			b, err := p.MarshalJSON()
			if err != nil {
				t.Fatalf("MarshalJSON: %v", err)
			}
			q, err := ParseExtended(b)
			if err != nil {
				t.Fatalf("re-parse: %v\n%s", err, b)
			}
			if !reflect.DeepEqual(p, q) {
				t.Fatalf("round trip changed the policy:\n%+v\n%+v\n%s", p, q, b)
			}
			if strict {
				if _, err := Parse(b); err != nil {
					t.Fatalf("strict re-parse: %v\n%s", err, b)
				}
			}
			cw, err := p.CloudWatchJSON()
			if err != nil {
				t.Fatalf("CloudWatchJSON: %v", err)
			}
			if _, err := Parse(cw); err != nil {
				t.Fatalf("CloudWatchJSON does not parse: %v\n%s", err, cw)
			}
		}
		// As a sidecar.
		p, err := ParseWithSidecar([]byte(base), data)
		if err != nil {
			checkErrorType(t, err)
			return
		}
		if p.Extensions != nil {
			b, _ := p.Extensions.MarshalJSON()
			q, err := ParseWithSidecar([]byte(base), b)
			if err != nil || !reflect.DeepEqual(p, q) {
				t.Fatalf("sidecar round trip: %v\n%s", err, b)
			}
		}
	})
}

func checkErrorType(t *testing.T, err error) {
	t.Helper()
	var se *SyntaxError
	var ve *ValidationError
	switch {
	case errors.As(err, &se):
	case errors.As(err, &ve):
		if len(ve.Errors) == 0 {
			t.Fatal("empty ValidationError")
		}
	default:
		t.Fatalf("error of type %T: %v", err, err)
	}
}
