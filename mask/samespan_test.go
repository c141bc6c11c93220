package mask_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/piiguard/piiguard/internal/cputime"
	"github.com/piiguard/piiguard/internal/testcorpus"
	"github.com/piiguard/piiguard/mask"
	"github.com/piiguard/piiguard/pii"
)

// passportLine holds a value that two identifiers match: a 9-digit number
// after "passport number" has the shape of a US and of a UK passport
// number, and the detector reports both, the UK one first (stronger).
const passportLine = "passport number 123456789"

// spanIDs writes findings as "raw text: identifiers" per span, in order,
// raw text being text[Start:End].
func spanIDs(text string, fs []pii.Finding) []string {
	var out []string
	prev := pii.Finding{Start: -1}
	for _, f := range fs {
		if f.Start == prev.Start && f.End == prev.End {
			out[len(out)-1] += " " + f.Identifier
		} else {
			out = append(out, text[f.Start:f.End]+": "+f.Identifier)
		}
		prev = f
	}
	return out
}

// plainFindings returns the findings of JSON findings.
func plainFindings(jf []mask.JSONFinding) []pii.Finding {
	fs := make([]pii.Finding, len(jf))
	for i, f := range jf {
		fs[i] = f.Finding
	}
	return fs
}

// TestJSONFindingsEveryIdentifierOfASpan: JSON.AppendFindings reports
// every identifier that matches a span, as a plain-text scan does, in
// the same order (it kept only the strongest), and JSON.AppendMask masks
// the span once.
func TestJSONFindingsEveryIdentifierOfASpan(t *testing.T) {
	tests := []struct {
		name, event string
		opts        mask.JSONOptions
		want        []string
		masked      string
	}{
		{"keyword in the value, raw scan merged",
			`{"note":"passport number 123456789"}`, mask.JSONOptions{},
			[]string{"123456789: PassportNumber-GB PassportNumber-US"},
			`{"note":"passport number *********"}`},
		{"keyword in the value, fields only",
			`{"note":"passport number 123456789"}`, mask.JSONOptions{FieldsOnly: true},
			[]string{"123456789: PassportNumber-GB PassportNumber-US"},
			`{"note":"passport number *********"}`},
		{"member name as keyword",
			`{"passport_number":"123456789"}`, mask.JSONOptions{},
			[]string{"123456789: PassportNumber-GB PassportNumber-US"},
			`{"passport_number":"*********"}`},
		{"number",
			`{"passport_number":123456789}`, mask.JSONOptions{},
			[]string{"123456789: PassportNumber-GB PassportNumber-US"},
			`{"passport_number":"*********"}`},
		{"escapes before the value",
			`{"note":"caf\u00e9 \"x\" passport number 123456789"}`, mask.JSONOptions{},
			[]string{"123456789: PassportNumber-GB PassportNumber-US"},
			`{"note":"caf\u00e9 \"x\" passport number *********"}`},
		{"escape inside the value",
			`{"note":"passport number \u0031\u00323456789"}`, mask.JSONOptions{},
			[]string{`\u0031\u00323456789: PassportNumber-GB PassportNumber-US`},
			`{"note":"passport number *********"}`},
		{"names scanned in several groups",
			`{"passport number":{"account_holder_primary_details":{"x":"123456789"}}}`, mask.JSONOptions{FieldsOnly: true},
			[]string{"123456789: PassportNumber-GB PassportNumber-US"},
			`{"passport number":{"account_holder_primary_details":{"x":"*********"}}}`},
		{"two values, one identifier each and two",
			`{"msg":"a@example.com","passport_number":"123456789","b":"passport number 987654321 b@example.org"}`, mask.JSONOptions{},
			[]string{
				"a@example.com: EmailAddress",
				"123456789: PassportNumber-GB PassportNumber-US",
				"987654321: PassportNumber-GB PassportNumber-US",
				"b@example.org: EmailAddress",
			},
			`{"msg":"*************","passport_number":"*********","b":"passport number ********* *************"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := newJSON(t, nil, tt.opts)
			fs, err := j.AppendFindings(nil, []byte(tt.event))
			if err != nil {
				t.Fatal(err)
			}
			if got := spanIDs(tt.event, plainFindings(fs)); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("findings %q\n      want %q", got, tt.want)
			}
			for i := 1; i < len(fs); i++ {
				if fs[i].Start == fs[i-1].Start && fs[i].Score > fs[i-1].Score {
					t.Errorf("findings %d and %d of one span are not strongest first: %v", i-1, i, fs)
				}
			}
			out, err := j.Mask([]byte(tt.event))
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.masked {
				t.Errorf("masked %s\n  want %s", out, tt.masked)
			}
		})
	}
}

// TestFieldFindingsEveryIdentifierOfASpan: a field scanned in several
// groups of names reports every identifier of a span once, strongest
// first.
func TestFieldFindingsEveryIdentifierOfASpan(t *testing.T) {
	tests := []struct {
		names []string
		value string
		want  []string
	}{
		{nil, passportLine, []string{"123456789: PassportNumber-GB PassportNumber-US"}},
		{[]string{"note"}, passportLine, []string{"123456789: PassportNumber-GB PassportNumber-US"}},
		{[]string{"passport number"}, "123456789", []string{"123456789: PassportNumber-GB PassportNumber-US"}},
		// Three groups: "x", the long name's windows, "passport number".
		{[]string{"passport number", "account_holder_primary_details", "x"}, "123456789", []string{"123456789: PassportNumber-GB PassportNumber-US"}},
		{[]string{"passport number", "account_holder_primary_details", "x"}, "123456789 or 987654321", []string{
			"123456789: PassportNumber-GB PassportNumber-US",
			"987654321: PassportNumber-GB PassportNumber-US",
		}},
	}
	for _, tt := range tests {
		fs := mask.FieldFindings(nil, allScanner(), tt.names, []byte(tt.value))
		if got := spanIDs(tt.value, fs); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%q %q: findings %q\n      want %q", tt.names, tt.value, got, tt.want)
		}
	}
}

// differentialLines are log lines dense in sensitive values, with values
// that several identifiers match.
func differentialLines(t *testing.T) []string {
	t.Helper()
	n := 400
	if testing.Short() || raceEnabled {
		n = 60
	}
	lines := testcorpus.Dense(7, n)
	for _, l := range testcorpus.Synthetic(n, 0.5, 7).Lines {
		lines = append(lines, string(l))
	}
	lines = append(lines,
		passportLine,
		"id=42 passport number 123456789, backup passport number: 987654321 <a@example.com>",
		"\"quoted\" passport number 123456789\tand\ttabs\nand a newline, passport 555443333 & more",
	)
	same := 0
	for _, l := range lines {
		fs := allScanner().Scan([]byte(l))
		for i := 1; i < len(fs); i++ {
			if fs[i].Start == fs[i-1].Start && fs[i].End == fs[i-1].End {
				same++
			}
		}
	}
	if same < 3 {
		t.Fatalf("the lines hold %d spans that several identifiers match; the test needs some", same)
	}
	return lines
}

// TestDifferentialJSONAndPlainFindings: a JSON string scanned on its own
// (FieldsOnly, no member names) gives the findings a plain-text scan of
// its value gives: the same identifiers on the same values, in the same
// order, with the same scores, every identifier of a span included.
func TestDifferentialJSONAndPlainFindings(t *testing.T) {
	j := newJSON(t, nil, mask.JSONOptions{FieldsOnly: true})
	for i, line := range differentialLines(t) {
		event, err := json.Marshal(line) // escapes quotes, controls, <, > and &
		if err != nil {
			t.Fatal(err)
		}
		jf, err := j.AppendFindings(nil, event)
		if err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		got := make([]string, len(jf))
		for k, f := range jf {
			var v string
			if err := json.Unmarshal([]byte(`"`+string(event[f.Start:f.End])+`"`), &v); err != nil {
				t.Fatalf("line %d: finding %v is not whole escapes: %v", i, f, err)
			}
			got[k] = fmt.Sprintf("%s %q %.2f", f.Identifier, v, f.Score)
		}
		pf := allScanner().Scan([]byte(line))
		want := make([]string, len(pf))
		for k, f := range pf {
			want[k] = fmt.Sprintf("%s %q %.2f", f.Identifier, line[f.Start:f.End], f.Score)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("line %d %q:\n JSON  %q\n plain %q", i, line, got, want)
		}
	}
}

// TestDifferentialFieldAndPlainFindings: a value under one member name
// gives, in JSON and through FieldFindings, the findings a plain-text
// scan of "name: value" gives inside the value.
func TestDifferentialFieldAndPlainFindings(t *testing.T) {
	j := newJSON(t, nil, mask.JSONOptions{FieldsOnly: true})
	for i, line := range differentialLines(t) {
		for _, name := range []string{"msg", "passport"} {
			prefix := name + ": "
			var want []string
			for _, f := range allScanner().Scan([]byte(prefix + line)) {
				if f.Start >= len(prefix) {
					want = append(want, fmt.Sprintf("%s %q %.2f", f.Identifier, line[f.Start-len(prefix):f.End-len(prefix)], f.Score))
				}
			}
			var got []string
			for _, f := range mask.FieldFindings(nil, allScanner(), []string{name}, []byte(line)) {
				got = append(got, fmt.Sprintf("%s %q %.2f", f.Identifier, line[f.Start:f.End], f.Score))
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("line %d %q under %q, FieldFindings:\n got   %q\n plain %q", i, line, name, got, want)
			}
			value, _ := json.Marshal(line)
			event := `{"` + name + `":` + string(value) + `}`
			jf, err := j.AppendFindings(nil, []byte(event))
			if err != nil {
				t.Fatal(err)
			}
			got = got[:0]
			for _, f := range jf {
				var v string
				if err := json.Unmarshal([]byte(`"`+event[f.Start:f.End]+`"`), &v); err != nil {
					t.Fatalf("line %d: finding %v is not whole escapes: %v", i, f, err)
				}
				got = append(got, fmt.Sprintf("%s %q %.2f", f.Identifier, v, f.Score))
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("line %d %q under %q, JSON:\n got   %q\n plain %q", i, line, name, got, want)
			}
		}
	}
}

// TestJSONFindingsLinearInFindings: merging a value's own findings with
// those of the event's raw scan takes time linear in their number (it
// compared each with every kept one).
func TestJSONFindingsLinearInFindings(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("timing: not under -short or the race detector")
	}
	j := newJSON(t, nil, mask.JSONOptions{})
	build := func(n int) []byte {
		var b strings.Builder
		b.WriteString(`{"note":"`)
		for i := range n {
			fmt.Fprintf(&b, "u%d@example.com passport number %09d ", i, 100000000+i)
		}
		b.WriteString(`"}`)
		return []byte(b.String())
	}
	const n = 4000
	small, large := build(n), build(4*n)
	var fs []mask.JSONFinding
	measure := func(event []byte) time.Duration {
		best := time.Hour
		for range 3 {
			best = min(best, cputime.PerRun(func() { fs, _ = j.AppendFindings(fs[:0], event) }))
		}
		return best
	}
	measure(small)
	ts, tl := measure(small), measure(large)
	ratio := float64(tl) / float64(max(ts, time.Microsecond))
	t.Logf("time at 4n / time at n = %.1f (%v at %d findings, %v at %d)", ratio, ts, 3*n, tl, 3*4*n)
	if ratio > 6 {
		t.Errorf("time at 4n / time at n = %.1f, want at most 6", ratio)
	}
	if len(fs) != 3*4*n {
		t.Errorf("%d findings at 4n, want %d (an e-mail address and a passport number of two identifiers per unit)", len(fs), 3*4*n)
	}
}
