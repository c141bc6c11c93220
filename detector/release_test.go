package detector

import (
	"strings"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
)

// TestReleaseDropsLargeBuffers: release pools what a call used, emptied,
// and drops each buffer grown past the bound on what is pooled, whether
// it alone is over (one test of release screens them all).
func TestReleaseDropsLargeBuffers(t *testing.T) {
	d, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	const big = maxPooledBuffer/16 + 1
	tests := []struct {
		name                   string
		nwindows, cands, occs  int
		marks                  int
		textLen                int
		dropWindows, dropMarks bool
	}{
		{name: "small", nwindows: 3, cands: 100, occs: 100, marks: 3, textLen: 140},
		{name: "exactly the bound", nwindows: maxPooledBuffer / 16, cands: maxPooledBuffer / 16, occs: 1, marks: maxPooledBuffer / 8, textLen: maxPooledBuffer / 8},
		{name: "or of sizes over, each under", nwindows: maxPooledBuffer / 16, cands: 1, occs: 1, marks: 1, textLen: 140},
		{name: "windows", nwindows: big, cands: 1, occs: 1, marks: 1, textLen: 140, dropWindows: true},
		{name: "candidates", nwindows: 1, cands: big, occs: 1, marks: 1, textLen: 140, dropWindows: true},
		{name: "occurrences", nwindows: 1, cands: 1, occs: big, marks: 1, textLen: 140, dropWindows: true},
		{name: "marks", nwindows: 1, cands: 1, occs: 1, marks: maxPooledBuffer/8 + 1, textLen: 140, dropMarks: true},
		{name: "long text, small buffers", nwindows: 1, cands: 1, occs: 1, marks: 1, textLen: maxPooledBuffer},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := new(scratch)
			s.windows, s.unsorted = make([][]window, len(d.patterns)), make([]bool, len(d.patterns))
			s.addWindow(2, 10, 20)
			s.addWindow(2, 5, 8) // out of order
			s.nwindows = tt.nwindows
			s.cands = make([]Finding, 0, tt.cands)
			s.kwOccs = make([]occurrence, 0, tt.occs)
			s.marks[0], s.marks[1] = make([]uint64, tt.marks), make([]uint64, tt.marks)
			d.release(s, tt.textLen)
			if len(s.touched) != 0 {
				t.Errorf("touched = %v, want none", s.touched)
			}
			if s.windows != nil && (len(s.windows[2]) != 0 || s.unsorted[2]) {
				t.Errorf("pattern 2 kept windows %v (unsorted %v)", s.windows[2], s.unsorted[2])
			}
			if got := s.windows == nil; got != tt.dropWindows {
				t.Errorf("windows dropped = %v, want %v", got, tt.dropWindows)
			}
			if got := s.cands == nil && s.kwOccs == nil; got != tt.dropWindows {
				t.Errorf("candidates and occurrences dropped = %v, want %v", got, tt.dropWindows)
			}
			if got := s.marks[0] == nil; got != tt.dropMarks {
				t.Errorf("marks dropped = %v, want %v", got, tt.dropMarks)
			}
		})
	}
}

// TestDenseFindingsHandedOver: over a text with more findings than the
// pool keeps (its candidates are handed over as the findings, not
// copied), the findings are those of each line, whether dst is nil, holds
// findings already or has room for them all, and a later call, which
// reuses the pooled scratch, leaves them as they were.
func TestDenseFindingsHandedOver(t *testing.T) {
	d, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	line := "user jane@example.com ok\n"
	one := d.AppendFindings(nil, []byte(line))
	if len(one) != 1 {
		t.Fatalf("one line: findings %v, want one", one)
	}
	const lines = 2*maxPooledBuffer/16 + 1000
	text := []byte(strings.Repeat(line, lines))
	check := func(name string, got []Finding, skip int) {
		t.Helper()
		if len(got) != skip+lines {
			t.Fatalf("%s: %d findings, want %d", name, len(got), skip+lines)
		}
		for i, f := range got[skip:] {
			w := one[0]
			w.Start, w.End = w.Start+i*len(line), w.End+i*len(line)
			if f != w {
				t.Fatalf("%s: finding %d = %+v, want %+v", name, i, f, w)
			}
		}
	}
	handed := d.AppendFindings(nil, text)
	check("nil dst", handed, 0)
	prefix := d.AppendFindings([]Finding{{Identifier: "x", Start: 0, End: 0}}, text)
	check("dst holding a finding", prefix, 1)
	room := d.AppendFindings(make([]Finding, 0, lines), text)
	check("dst with room", room, 0)
	for range 3 {
		if fs := d.AppendFindings(nil, []byte("mail a@b.co and c@d.co\n")); len(fs) != 2 {
			t.Fatalf("short text after: findings %v, want two", fs)
		}
		d.AppendFindings(nil, text[:len(text)/2])
	}
	check("nil dst, after later calls", handed, 0)
}
