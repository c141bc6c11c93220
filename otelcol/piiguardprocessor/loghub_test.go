package piiguardprocessor

import (
	"context"
	"testing"

	"github.com/piiguard/piiguard/mask"
)

// TestLoghub runs every loghub line through the processor, as a string
// body and as an attribute value: a body equals the library's mask of the
// line (`piiguard mask`), an attribute differs from the line only where
// asterisks were written, and scanning the output again finds nothing.
func TestLoghub(t *testing.T) {
	c := loghub(t)
	p, _ := testProcessor(t, &Config{})
	e := p.e
	batches := logBatches(c.Lines, false)
	for i := range batches {
		lrs := batches[i].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
		for j := range lrs.Len() {
			lrs.At(j).Attributes().PutStr("message", lrs.At(j).Body().Str())
		}
	}
	masked, changed := 0, 0
	for _, ld := range batches {
		if _, err := p.processLogs(context.Background(), ld); err != nil {
			t.Fatal(err)
		}
		lrs := ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
		for j := range lrs.Len() {
			line := c.Lines[masked]
			masked++
			lr := lrs.At(j)
			if got, want := lr.Body().Str(), string(mask.AppendMasked(nil, line, e.scanner, e.masker)); got != want {
				t.Fatalf("line %d: body %q, the library gives %q", masked, got, want)
			}
			attr, _ := lr.Attributes().Get("message")
			got := attr.Str()
			if got != string(line) {
				changed++
			}
			if len(got) != len(line) {
				t.Fatalf("line %d: attribute %q changed length", masked, got)
			}
			for k := range len(got) {
				if got[k] != line[k] && got[k] != '*' {
					t.Fatalf("line %d: attribute %q changed a byte other than a masked value", masked, got)
				}
			}
			if f := mask.FieldFindings(nil, e.scanner, []string{"message"}, []byte(got)); len(f) > 0 {
				t.Fatalf("line %d: %v still found in the masked attribute", masked, f)
			}
			if f := e.scanner.Scan([]byte(lr.Body().Str())); len(f) > 0 {
				t.Fatalf("line %d: %v still found in the masked body", masked, f)
			}
		}
	}
	t.Logf("%d lines, %d attributes masked", masked, changed)
}
