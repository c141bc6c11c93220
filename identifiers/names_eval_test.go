package identifiers_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
)

// The labelled set (testdata/labelled/*.jsonl, made by generate.py there):
// log lines and sentences with the exact names and addresses they hold,
// positives and hard negatives. TestLabelledPrecisionRecall scores Name and
// Address on it, a finding counting only when its span is exactly a
// labelled value.

// labelledFamilies are the identifiers the set labels.
var labelledFamilies = []string{"Name", "Address"}

// Floors for TestLabelledPrecisionRecall, set a little below the measured
// values (see the test's log output) so that a regression fails.
var labelledFloors = map[string]struct{ precision, recall float64 }{
	"Name":    {0.97, 0.95},
	"Address": {0.97, 0.95},
}

type labelledLine struct {
	file    string
	Text    string   `json:"text"`
	Name    []string `json:"Name"`
	Address []string `json:"Address"`
}

type span struct {
	ident      string
	start, end int
}

// spans locates the labelled values in the text, in order.
func (l *labelledLine) spans(t *testing.T) []span {
	var out []span
	for _, fam := range []struct {
		name   string
		values []string
	}{{"Name", l.Name}, {"Address", l.Address}} {
		from := 0
		for _, v := range fam.values {
			i := strings.Index(l.Text[from:], v)
			if i < 0 {
				t.Fatalf("labelled %s %q not in %q", fam.name, v, l.Text)
			}
			out = append(out, span{fam.name, from + i, from + i + len(v)})
			from += i + len(v)
		}
	}
	return out
}

func readLabelled(t *testing.T) []labelledLine {
	t.Helper()
	files, err := filepath.Glob("testdata/labelled/*.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no labelled set: %v", err)
	}
	var out []labelledLine
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			l := labelledLine{file: filepath.Base(f)}
			if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			out = append(out, l)
		}
	}
	return out
}

type counts struct{ tp, fp, fn, expected int }

func (c counts) precision() float64 {
	if c.tp+c.fp == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.tp+c.fp)
}

func (c counts) recall() float64 {
	if c.expected == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.expected)
}

// TestLabelledPrecisionRecall runs every CloudWatch identifier of the
// catalog (as a default scanner does) over the labelled set and computes,
// for Name and Address, precision and recall with exact spans. It fails
// below labelledFloors.
func TestLabelledPrecisionRecall(t *testing.T) {
	var ids []*identifiers.Identifier
	for _, id := range identifiers.Catalog() {
		if !id.Extension {
			ids = append(ids, id)
		}
	}
	d, err := detector.Compile(ids)
	if err != nil {
		t.Fatal(err)
	}
	lines := readLabelled(t)
	// Counts per family, in total ("") and per file.
	got := map[[2]string]*counts{}
	count := func(file, fam string) []*counts {
		var out []*counts
		for _, k := range [][2]string{{"", fam}, {file, fam}} {
			if got[k] == nil {
				got[k] = &counts{}
			}
			out = append(out, got[k])
		}
		return out
	}
	var misses, falses []string
	for _, l := range lines {
		want := l.spans(t)
		found := map[span]bool{}
		for _, f := range d.FindString(l.Text) {
			if !contains(labelledFamilies, f.Identifier) {
				continue
			}
			s := span{f.Identifier, f.Start, f.End}
			found[s] = true
			ok := false
			for _, w := range want {
				ok = ok || w == s
			}
			for _, c := range count(l.file, f.Identifier) {
				if ok {
					c.tp++
				} else {
					c.fp++
				}
			}
			if !ok {
				falses = append(falses, f.Identifier+" "+quote(l.Text[f.Start:f.End])+" in "+quote(l.Text))
			}
		}
		for _, w := range want {
			for _, c := range count(l.file, w.ident) {
				c.expected++
				if !found[w] {
					c.fn++
				}
			}
			if !found[w] {
				misses = append(misses, w.ident+" "+quote(l.Text[w.start:w.end])+" in "+quote(l.Text))
			}
		}
	}
	sort.Strings(misses)
	sort.Strings(falses)
	for _, m := range misses {
		t.Logf("missed: %s", m)
	}
	for _, f := range falses {
		t.Logf("false:  %s", f)
	}
	t.Logf("%d labelled lines", len(lines))
	var keys [][2]string
	for k := range got {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	for _, k := range keys {
		c := got[k]
		file := k[0]
		if file == "" {
			file = "all"
		}
		t.Logf("%-16s %-8s expected %3d  found %3d  false %3d  missed %3d  precision %.3f  recall %.3f",
			file, k[1], c.expected, c.tp, c.fp, c.fn, c.precision(), c.recall())
	}
	for _, f := range labelledFamilies {
		c := got[[2]string{"", f}]
		floor := labelledFloors[f]
		if c.precision() < floor.precision || c.recall() < floor.recall {
			t.Errorf("%s: precision %.3f, recall %.3f; floors %.2f, %.2f", f, c.precision(), c.recall(), floor.precision, floor.recall)
		}
	}
}

// loghubLines reads the loghub corpus beside the checkout
// (../../shared/corpus/loghub, or $PIIGUARD_LOGHUB).
func loghubLines(tb testing.TB) ([][]byte, int64) {
	dir := os.Getenv("PIIGUARD_LOGHUB")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "corpus", "loghub")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.log"))
	if len(files) == 0 {
		tb.Skipf("loghub corpus absent: %v", fs.ErrNotExist)
	}
	var lines [][]byte
	var n int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for l := range bytes.SplitSeq(data, []byte("\n")) {
			if l = bytes.TrimSuffix(l, []byte("\r")); len(l) > 0 {
				lines = append(lines, l)
				n += int64(len(l))
			}
		}
	}
	return lines, n
}

// managedWithout returns the CloudWatch identifiers of the catalog
// without those named.
func managedWithout(names ...string) []*identifiers.Identifier {
	var out []*identifiers.Identifier
	for _, id := range identifiers.Catalog() {
		if !id.Extension && !contains(names, id.Name) {
			out = append(out, id)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestLoghubNamesAndAddresses checks that Name and Address report nothing
// on the loghub corpus (real system logs, no personal names but one
// copyright notice).
func TestLoghubNamesAndAddresses(t *testing.T) {
	lines, _ := loghubLines(t)
	var ids []*identifiers.Identifier
	for _, n := range labelledFamilies {
		id, _ := identifiers.Lookup(n)
		ids = append(ids, id)
	}
	d, err := detector.Compile(ids)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range lines {
		for _, f := range d.Find(l) {
			got = append(got, f.Identifier+" "+string(l[f.Start:f.End]))
		}
	}
	// Linux_2k.log: "Linux agpgart interface v0.100 (c) Dave Jones": the
	// author in a copyright notice is public attribution, not a data
	// subject, and is not reported (see names.Lexicon.ScoreName).
	var want []string
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Name and Address on loghub: got %q, want %q", got, want)
	}
}

// BenchmarkLoghubCatalog scans loghub line by line with the CloudWatch
// identifiers of the catalog, with and without Name and Address, and with
// each alone, to measure what they cost.
func BenchmarkLoghubCatalog(b *testing.B) {
	lines, size := loghubLines(b)
	nameID, _ := identifiers.Lookup("Name")
	addrID, _ := identifiers.Lookup("Address")
	for _, c := range []struct {
		name string
		ids  []*identifiers.Identifier
	}{
		{"managed", managedWithout()},
		{"managed-without-Name-Address", managedWithout("Name", "Address")},
		{"Name", []*identifiers.Identifier{nameID}},
		{"Address", []*identifiers.Identifier{addrID}},
	} {
		d, err := detector.Compile(c.ids)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			var fs []detector.Finding
			for b.Loop() {
				for _, l := range lines {
					fs = d.AppendFindings(fs[:0], l)
				}
			}
		})
	}
}
