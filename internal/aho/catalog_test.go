package aho_test

import (
	"errors"
	"io/fs"
	"reflect"
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/aho"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// catalogMatcher returns the Matcher the detector scans with for the whole
// catalog (its words, bounds and marks), taken from the compiled detector's
// unexported field by reflection: benchmarks measure the pass on the table
// it really runs with. It skips when the field is not there.
func catalogMatcher(tb testing.TB) *aho.Matcher {
	tb.Helper()
	d, err := detector.Compile(identifiers.Catalog())
	if err != nil {
		tb.Fatal(err)
	}
	f := reflect.ValueOf(d).Elem().FieldByName("ac")
	if !f.IsValid() || f.Type() != reflect.TypeFor[*aho.Matcher]() {
		tb.Skip("detector.Detector has no field ac *aho.Matcher")
	}
	return (*aho.Matcher)(f.UnsafePointer())
}

// loghubLines returns loghub's lines, skipping when the corpus is absent.
func loghubLines(tb testing.TB) [][]byte {
	tb.Helper()
	c, err := testcorpus.Loghub("")
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skip("loghub corpus absent:", err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return c.Lines
}

// BenchmarkScanCatalog: the keyword pass as the detector runs it (the
// catalog's Matcher, its marks stored) over each line of loghub.
func BenchmarkScanCatalog(b *testing.B) {
	m := catalogMatcher(b)
	lines := loghubLines(b)
	var n int64
	for _, l := range lines {
		n += int64(len(l))
	}
	var marks [2][]uint64
	for k := range marks {
		marks[k] = make([]uint64, 1<<12)
	}
	b.SetBytes(n)
	found := 0
	fn := func(word, start, end int) { found++ }
	for b.Loop() {
		found = 0
		for _, l := range lines {
			if len(l) <= 64<<12 {
				m.ScanRangeMarks(l, 0, len(l), 0, marks, fn)
			}
		}
	}
	b.ReportMetric(float64(found), "words/op")
}
