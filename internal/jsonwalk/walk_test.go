package jsonwalk

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

var validDocs = []string{
	`{}`, `[]`, `""`, `0`, `-0`, `1.5e+10`, `-12.25E-3`, `true`, `false`, `null`,
	" \t\r\n{ \"a\" : [ 1 , 2 , { } , [ ] ] } \n",
	`{"a":{"b":{"c":[1,[2,[3,"x"]]]}}}`,
	`"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00\ud83d"`,
	`{"k\u00e9y":"v","":""}`,
	"\"raw \xff bytes\"",
	`[1,2,3]`,
}

var invalidDocs = []string{
	``, ` `, `{`, `[`, `{"a"}`, `{"a":}`, `{"a":1,}`, `[1,]`, `[1 2]`, `{"a" 1}`, `{1:2}`,
	`01`, `1.`, `.5`, `1e`, `-`, `+1`, `tru`, `nul`, `True`, `"abc`, `"\x"`, `"\u12"`, `"\u12G4"`,
	"\"a\nb\"", `{} {}`, `1 2`, `{"a":1}x`, `[`, `"\`,
}

func TestWalkValidity(t *testing.T) {
	for _, doc := range validDocs {
		if err := Walk([]byte(doc), func(*Leaf) error { return nil }); err != nil {
			t.Errorf("Walk(%q) = %v, want valid", doc, err)
		}
		if !json.Valid([]byte(doc)) {
			t.Errorf("test bug: encoding/json rejects %q", doc)
		}
	}
	for _, doc := range invalidDocs {
		err := Walk([]byte(doc), func(*Leaf) error { return nil })
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Walk(%q) = %v, want a *SyntaxError", doc, err)
			continue
		}
		if se.Offset < 0 || se.Offset > len(doc) {
			t.Errorf("Walk(%q): offset %d out of range", doc, se.Offset)
		}
		if json.Valid([]byte(doc)) {
			t.Errorf("test bug: encoding/json accepts %q", doc)
		}
	}
}

func TestSyntaxErrorOffset(t *testing.T) {
	tests := []struct {
		doc    string
		offset int
		msg    string
	}{
		{`{"a":1,"b" 2}`, 11, `want ':'`},
		{`[1,2,x]`, 5, "unexpected letter"},
		{`{"a":"sec\qet"}`, 10, "invalid escape"},
		{`{"a":1} trailing`, 8, "after the top-level value"},
		{`{"a":[1,2}`, 9, `unexpected '}'`},
		{"\"abc", 4, "end of input"},
	}
	for _, tt := range tests {
		err := Walk([]byte(tt.doc), func(*Leaf) error { return nil })
		var se *SyntaxError
		if !errors.As(err, &se) || se.Offset != tt.offset || !strings.Contains(se.Msg, tt.msg) {
			t.Errorf("Walk(%q) = %v, want offset %d and %q", tt.doc, err, tt.offset, tt.msg)
		}
	}
	// Messages never quote content other than punctuation.
	err := Walk([]byte(`{"a":1}secret`), func(*Leaf) error { return nil })
	if strings.Contains(err.Error(), "'s'") || strings.Contains(err.Error(), "secret") {
		t.Errorf("error quotes content: %v", err)
	}
}

func TestWalkDepth(t *testing.T) {
	deep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	if err := Walk([]byte(deep), func(*Leaf) error { return nil }); err == nil || !strings.Contains(err.Error(), "nested deeper") {
		t.Errorf("deep nesting: %v", err)
	}
	ok := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	if err := Walk([]byte(ok), func(*Leaf) error { return nil }); err != nil {
		t.Errorf("nesting at the limit: %v", err)
	}
}

func TestWalkLeaves(t *testing.T) {
	doc := `{"a":[1,"x",{"b\u002ec":true}],"d":null,"e":{"f":-2.5e3}}`
	var got []string
	err := Walk([]byte(doc), func(l *Leaf) error {
		got = append(got, fmt.Sprintf("%s %s %s", l.Path, l.Kind, doc[l.Start:l.End]))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`$.a[0] number 1`,
		`$.a[1] string "x"`,
		`$.a[2]["b.c"] bool true`,
		`$.d null null`,
		`$.e.f number -2.5e3`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("leaves:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	stop := errors.New("stop")
	n := 0
	if err := Walk([]byte(doc), func(*Leaf) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("callback error: got %v after %d calls", err, n)
	}
}

func TestUnquote(t *testing.T) {
	tests := []string{
		`""`, `"plain"`, `"a\"b"`, `"\\\/"`, `"caf\u00e9 \u20ac"`, `"\ud83d\ude00!"`,
		`"lone \ud83d high"`, `"lone \ude00 low"`, `"\ud83d\u0041"`, `"\n\r\t\b\f"`, `"\u0000"`,
	}
	for _, lit := range tests {
		got, esc := Unquote(nil, nil, []byte(lit))
		var want string
		if err := json.Unmarshal([]byte(lit), &want); err != nil {
			t.Fatalf("%s: %v", lit, err)
		}
		if string(got) != want {
			t.Errorf("Unquote(%s) = %q, want %q", lit, got, want)
		}
		// The escapes tile the literal: raw and decoded agree between them.
		content := lit[1 : len(lit)-1]
		r, d := 0, 0
		for _, e := range esc {
			if content[r:e.Raw] != string(got[d:e.Dec]) {
				t.Errorf("%s: bytes between escapes differ", lit)
			}
			r, d = e.Raw+e.RawLen, e.Dec+e.DecLen
		}
		if content[r:] != string(got[d:]) {
			t.Errorf("%s: tail differs", lit)
		}
	}
	// Invalid UTF-8 is kept raw.
	if got, _ := Unquote(nil, nil, []byte("\"a\xffb\"")); string(got) != "a\xffb" {
		t.Errorf("invalid UTF-8: %q", got)
	}
}

func TestSpans(t *testing.T) {
	lit := `"ab\u00e9cd\ud83d\ude00ef\"g"`
	dec, esc := Unquote(nil, nil, []byte(lit))
	content := lit[1 : len(lit)-1]
	// dec: a b é(2) c d 😀(4) e f " g
	tests := []struct {
		ds, de           int
		rs, re, wds, wde int
	}{
		{0, 2, 0, 2, 0, 2},     // "ab"
		{2, 4, 2, 8, 2, 4},     // "é"
		{3, 5, 2, 9, 2, 5},     // inside é: widened
		{5, 6, 9, 10, 5, 6},    // "d"
		{6, 10, 10, 22, 6, 10}, // the emoji
		{7, 12, 10, 24, 6, 12}, // from inside the emoji to "ef"
		{12, 14, 24, 27, 12, 14},
	}
	for _, tt := range tests {
		rs, re, wds, wde := RawSpan(esc, tt.ds, tt.de)
		if rs != tt.rs || re != tt.re || wds != tt.wds || wde != tt.wde {
			t.Errorf("RawSpan(%d,%d) = %d,%d,%d,%d want %d,%d,%d,%d", tt.ds, tt.de, rs, re, wds, wde, tt.rs, tt.re, tt.wds, tt.wde)
			continue
		}
		ds, de, wrs, wre := DecodedSpan(esc, rs, re)
		if ds != wds || de != wde || wrs != rs || wre != re {
			t.Errorf("DecodedSpan(%d,%d) = %d,%d,%d,%d", rs, re, ds, de, wrs, wre)
		}
		// Decoding the raw span gives the decoded span.
		sub, _ := Unquote(nil, nil, []byte(`"`+content[rs:re]+`"`))
		if string(sub) != string(dec[wds:wde]) {
			t.Errorf("span %d,%d: raw decodes to %q, want %q", tt.ds, tt.de, sub, dec[wds:wde])
		}
	}
	// Raw offsets inside an escape widen.
	if ds, de, wrs, wre := DecodedSpan(esc, 4, 6); ds != 2 || de != 4 || wrs != 2 || wre != 8 {
		t.Errorf("DecodedSpan inside escape = %d,%d,%d,%d", ds, de, wrs, wre)
	}
}

func TestAppendQuote(t *testing.T) {
	tests := []string{"", "plain", `q"b\s`, "line\nbreak\r\t\b\f\x00\x1f", "café 😀", "\u2028\u2029", "<pii:v1:X:abc>", "bad\xff\xfe"}
	for _, s := range tests {
		lit := AppendQuote(nil, []byte(s))
		if !json.Valid(lit) || !utf8.Valid(lit) {
			t.Errorf("AppendQuote(%q) = %s: not valid", s, lit)
			continue
		}
		var back string
		json.Unmarshal(lit, &back)
		if back != strings.ToValidUTF8(s, "\uFFFD") && !strings.Contains(s, "\xff") {
			t.Errorf("AppendQuote(%q) round trip = %q", s, back)
		}
		if dec, _ := Unquote(nil, nil, lit); string(dec) != back {
			t.Errorf("Unquote(AppendQuote(%q)) = %q, want %q", s, dec, back)
		}
	}
	if got := string(AppendQuote(nil, []byte("<a&b>"))); got != `"<a&b>"` {
		t.Errorf("HTML characters escaped: %s", got)
	}
}

func FuzzWalk(f *testing.F) {
	for _, d := range validDocs {
		f.Add([]byte(d))
	}
	for _, d := range invalidDocs {
		f.Add([]byte(d))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var leaves int
		err := Walk(data, func(l *Leaf) error {
			leaves++
			if l.Start < 0 || l.End > len(data) || l.Start >= l.End {
				t.Fatalf("leaf span [%d,%d) out of range", l.Start, l.End)
			}
			if l.Kind == String && utf8.Valid(data[l.Start:l.End]) {
				var want string
				if json.Unmarshal(data[l.Start:l.End], &want) != nil {
					t.Fatalf("encoding/json rejects string leaf %q", data[l.Start:l.End])
				}
				if got, _ := Unquote(nil, nil, data[l.Start:l.End]); string(got) != want {
					t.Fatalf("Unquote(%q) = %q, want %q", data[l.Start:l.End], got, want)
				}
			}
			return nil
		})
		if (err == nil) != json.Valid(data) {
			if err == nil || !strings.Contains(err.Error(), "nested deeper") {
				t.Fatalf("Walk(%q) = %v, json.Valid = %v", data, err, json.Valid(data))
			}
		}
	})
}

func TestWalkNamesAndPrefix(t *testing.T) {
	doc := `{"a":{"k\u00e9y":1,"b":[{"c":"x"}]},"":null}`
	var got []string
	err := WalkOptions([]byte(doc), Options{Names: true, Prefix: Path{{Key: "root", Index: -1}}}, func(l *Leaf) error {
		got = append(got, fmt.Sprintf("%v %s %s obj=%d", l.Kind, l.Path, doc[l.Start:l.End], l.Object))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`name $.root.a "a" obj=0`,
		`name $.root.a["kéy"] "k\u00e9y" obj=5`,
		`number $.root.a["kéy"] 1 obj=0`,
		`name $.root.a.b "b" obj=5`,
		`name $.root.a.b[0].c "c" obj=24`,
		`string $.root.a.b[0].c "x" obj=0`,
		`name $.root[""] "" obj=0`,
		`null $.root[""] null obj=0`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Without Names, Walk reports values only, as before.
	n := 0
	Walk([]byte(doc), func(l *Leaf) error {
		if l.Kind == Name {
			t.Errorf("Walk reported a name")
		}
		n++
		return nil
	})
	if n != 3 {
		t.Errorf("Walk reported %d values, want 3", n)
	}
}

// TestLeafContainer: a leaf's Container is the offset of its object or
// array, a member name's that of its object, -1 for a scalar document.
func TestLeafContainer(t *testing.T) {
	doc := `{"a":[1,"x",{"b":true}],"d":null}`
	var got []string
	err := WalkOptions([]byte(doc), Options{Names: true}, func(l *Leaf) error {
		got = append(got, fmt.Sprintf("%s %s %d", l.Path, l.Kind, l.Container))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`$.a name 0`,
		`$.a[0] number 5`,
		`$.a[1] string 5`,
		`$.a[2].b name 12`,
		`$.a[2].b bool 12`,
		`$.d name 0`,
		`$.d null 0`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("leaves:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if err := Walk([]byte(`"s"`), func(l *Leaf) error {
		if l.Container != -1 {
			t.Errorf("scalar document: Container %d", l.Container)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// TestLeafUnchanged: a copy of the path kept up to date by redoing only
// the steps from Leaf.Unchanged on is every leaf's Path.
func TestLeafUnchanged(t *testing.T) {
	docs := []string{
		`{"a":{"b":1,"c":[1,{"d":2},[3,[4]]]},"e":"x","f":{}}`,
		`[[[{"a":1}]],[[5]],{"a":{"a":{"a":[]}}},7]`,
		`{"a":{"q":1},"b":[[[5]]],"":{"":""}}`,
		`"scalar"`,
		`{"a":[{"b":[{"c":1},{"c":2}]},{"b":3}],"a":4}`,
		strings.Repeat(`{"a":"v","a":[1,`, 1000) + "2" + strings.Repeat("]}", 1000),
	}
	for _, doc := range docs {
		var kept Path
		prevLen, redone := 0, 0
		err := WalkOptions([]byte(doc), Options{Names: true}, func(l *Leaf) error {
			if l.Unchanged < 0 || l.Unchanged > prevLen || l.Unchanged > len(l.Path) {
				t.Errorf("%s: %s: Unchanged %d, previous path %d steps", doc, l.Path, l.Unchanged, prevLen)
				return nil
			}
			redone += len(l.Path) - l.Unchanged
			kept = append(kept[:l.Unchanged], l.Path[l.Unchanged:]...)
			if !slices.Equal(kept, l.Path) {
				t.Errorf("%s: kept %s, want %s", doc, kept, l.Path)
			}
			prevLen = len(l.Path)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		// Each step is made once, by a ':' or an array element.
		if steps := strings.Count(doc, ":") + strings.Count(doc, ",") + strings.Count(doc, "["); redone > steps {
			t.Errorf("%.40s: %d steps redone, the document makes %d", doc, redone, steps)
		}
	}
}
