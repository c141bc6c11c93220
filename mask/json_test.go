package mask_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/mask"
)

// allScanner is a Scanner for every managed identifier, compiled once.
var allScanner = sync.OnceValue(func() *piiguard.Scanner {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		panic(err)
	}
	return s
})

func newJSON(t testing.TB, m mask.Masker, opts mask.JSONOptions) *mask.JSON {
	t.Helper()
	j, err := mask.NewJSON(allScanner(), m, opts)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func TestJSONMask(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"member name as keyword",
			`{"ssn":"536-22-1234","other":"536-22-1234"}`,
			`{"ssn":"***********","other":"536-22-1234"}`},
		{"number becomes a string",
			`{"ssn":536221234,"count":536221234}`,
			`{"ssn":"*********","count":536221234}`},
		{"enclosing name as keyword",
			`{"ssn":{"primary":"536-22-1234"}}`,
			`{"ssn":{"primary":"***********"}}`},
		{"snake, kebab and camel names",
			`{"passport_number":"123456789","passport-no":"123456789","passportNumber":"123456789","note":"123456789"}`,
			`{"passport_number":"*********","passport-no":"*********","passportNumber":"*********","note":"123456789"}`},
		{"keyword far out in the path",
			`{"customer":{"socialSecurityNumber":{"details":{"history":{"previous":{"value":"536-22-1234"}}}}}}`,
			`{"customer":{"socialSecurityNumber":{"details":{"history":{"previous":{"value":"***********"}}}}}}`},
		{"escapes kept outside findings",
			`{"msg":"caf\u00e9 \/ \"quoted\" \ud83d\ude00 mail a@example.com"}`,
			`{"msg":"caf\u00e9 \/ \"quoted\" \ud83d\ude00 mail *************"}`},
		{"value spelled with escapes",
			`{"email":"jane\u0040example.com"}`,
			`{"email":"****************"}`},
		{"arrays keep their length",
			`{"emails":["a@example.com",1,null,true,{"x":"b@example.org"}]}`,
			`{"emails":["*************",1,null,true,{"x":"*************"}]}`},
		{"member names are masked",
			`{"a@example.com":"x"}`,
			`{"*************":"x"}`},
		{"masked member names stay unique",
			`{"counts":{"a@example.com":1,"b@example.com":2,"*************~b":3,"*************":4}}`,
			`{"counts":{"*************~c":1,"*************~d":2,"*************~b":3,"*************":4}}`},
		{"white space kept",
			"{ \"ssn\" :\t\"536-22-1234\" ,\n\"n\": [ ] }\r",
			"{ \"ssn\" :\t\"***********\" ,\n\"n\": [ ] }\r"},
		{"top-level string", `"mail a@example.com"`, `"mail *************"`},
		{"nothing to mask", `{"a":[1,2,{"b":"c"}]}`, `{"a":[1,2,{"b":"c"}]}`},
	}
	// FieldsOnly: the raw scan would see "ssn" near other members.
	j := newJSON(t, nil, mask.JSONOptions{FieldsOnly: true})
	for _, tt := range tests {
		got, err := j.Mask([]byte(tt.in))
		if err != nil || string(got) != tt.want {
			t.Errorf("%s:\n got %s (%v)\nwant %s", tt.name, got, err, tt.want)
		}
	}
}

func TestJSONMaskers(t *testing.T) {
	in := `{"user":{"ssn":"536-22-1234","email":"jane.doe@example.com"}}`
	tests := []struct {
		name string
		m    mask.Masker
		want string
	}{
		{"partial", mask.Partial{KeepLast: 4}, `{"user":{"ssn":"***-**-1234","email":"****.***@******e.com"}}`},
		{"placeholder", mask.Placeholder(""), `{"user":{"ssn":"{Ssn-US}","email":"{EmailAddress}"}}`},
		{"redact", mask.Redact, `{"user":{"ssn":"","email":""}}`},
		{"quotes in a mask are escaped", mask.Placeholder(`"\{identifier}`), `{"user":{"ssn":"\"\\Ssn-US","email":"\"\\EmailAddress"}}`},
		{"multi-line mask", mask.Placeholder("a\nb"), `{"user":{"ssn":"a\nb","email":"a\nb"}}`},
	}
	for _, tt := range tests {
		got, err := newJSON(t, tt.m, mask.JSONOptions{}).Mask([]byte(in))
		if err != nil || string(got) != tt.want {
			t.Errorf("%s:\n got %s (%v)\nwant %s", tt.name, got, err, tt.want)
		}
	}
}

func TestJSONOptions(t *testing.T) {
	in := `{"sessionState":{"intent":{"slots":{"Email":{"value":{"originalValue":"a@example.com"}}}},` +
		`"sessionAttributes":{"contact":"b@example.com"}},"messages":[{"content":"c@example.com"},{"content":"ok"}],` +
		`"ssn":536221234,"note":"d@example.com"}`
	tests := []struct {
		name string
		opts mask.JSONOptions
		want string
	}{
		{"all", mask.JSONOptions{},
			`{"sessionState":{"intent":{"slots":{"Email":{"value":{"originalValue":"*************"}}}},` +
				`"sessionAttributes":{"contact":"*************"}},"messages":[{"content":"*************"},{"content":"ok"}],` +
				`"ssn":"*********","note":"*************"}`},
		{"include", mask.JSONOptions{Include: []string{"$.sessionState.intent.slots.*", "$.messages[*].content"}},
			`{"sessionState":{"intent":{"slots":{"Email":{"value":{"originalValue":"*************"}}}},` +
				`"sessionAttributes":{"contact":"b@example.com"}},"messages":[{"content":"*************"},{"content":"ok"}],` +
				`"ssn":536221234,"note":"d@example.com"}`},
		{"exclude", mask.JSONOptions{Exclude: []string{"$.sessionState", "$..content"}},
			`{"sessionState":{"intent":{"slots":{"Email":{"value":{"originalValue":"a@example.com"}}}},` +
				`"sessionAttributes":{"contact":"b@example.com"}},"messages":[{"content":"c@example.com"},{"content":"ok"}],` +
				`"ssn":"*********","note":"*************"}`},
		{"include and exclude", mask.JSONOptions{Include: []string{"$.sessionState"}, Exclude: []string{"$.sessionState.sessionAttributes"}},
			`{"sessionState":{"intent":{"slots":{"Email":{"value":{"originalValue":"*************"}}}},` +
				`"sessionAttributes":{"contact":"b@example.com"}},"messages":[{"content":"c@example.com"},{"content":"ok"}],` +
				`"ssn":536221234,"note":"d@example.com"}`},
		{"skip numbers", mask.JSONOptions{SkipNumbers: true, Include: []string{"$.ssn"}},
			`{"sessionState":{"intent":{"slots":{"Email":{"value":{"originalValue":"a@example.com"}}}},` +
				`"sessionAttributes":{"contact":"b@example.com"}},"messages":[{"content":"c@example.com"},{"content":"ok"}],` +
				`"ssn":536221234,"note":"d@example.com"}`},
	}
	for _, tt := range tests {
		got, err := newJSON(t, nil, tt.opts).Mask([]byte(in))
		if err != nil || string(got) != tt.want {
			t.Errorf("%s:\n got %s (%v)\nwant %s", tt.name, got, err, tt.want)
		}
	}
	for _, opts := range []mask.JSONOptions{{Include: []string{"sessionState"}}, {Exclude: []string{"$[x]"}}} {
		if _, err := mask.NewJSON(allScanner(), nil, opts); err == nil || !strings.Contains(err.Error(), "rule") {
			t.Errorf("NewJSON(%+v): err %v, want a rule error", opts, err)
		}
	}
	if _, err := mask.NewJSON(nil, nil, mask.JSONOptions{}); err == nil {
		t.Error("NewJSON with a nil Finder: no error")
	}
}

// TestJSONRawScan checks that, as in CloudWatch, a keyword near a value in
// the event's text counts even when it is not in the value's path.
func TestJSONRawScan(t *testing.T) {
	in := `{"type":"ssn","value":"536-22-1234","n":536221234,"email":"a@example.com"}`
	tests := []struct {
		opts mask.JSONOptions
		want string
	}{
		{mask.JSONOptions{}, `{"type":"ssn","value":"***********","n":"*********","email":"*************"}`},
		{mask.JSONOptions{FieldsOnly: true}, `{"type":"ssn","value":"536-22-1234","n":536221234,"email":"*************"}`},
		{mask.JSONOptions{Exclude: []string{"$.value"}}, `{"type":"ssn","value":"536-22-1234","n":"*********","email":"*************"}`},
	}
	for _, tt := range tests {
		got, err := newJSON(t, nil, tt.opts).Mask([]byte(in))
		if err != nil || string(got) != tt.want {
			t.Errorf("%+v:\n got %s (%v)\nwant %s", tt.opts, got, err, tt.want)
		}
	}
	// A raw finding across the structure is not kept.
	in = `{"ssn":"536-22","x":"1234"}`
	if got, _ := newJSON(t, nil, mask.JSONOptions{}).Mask([]byte(in)); string(got) != in {
		t.Errorf("raw finding across members masked: %s", got)
	}
}

func TestJSONNotJSON(t *testing.T) {
	j := newJSON(t, nil, mask.JSONOptions{})
	tests := []struct {
		in     string
		offset int
	}{
		{`plain ssn 536-22-1234`, 0},
		{`{"ssn":"536-22-1234"`, 20},
		{`{"ssn":"536-22-1234"} extra`, 22},
		{`{"a":[1,2,}`, 10},
		{"", 0},
	}
	for _, tt := range tests {
		dst := []byte("keep")
		out, err := j.AppendMask(dst, []byte(tt.in))
		var se *mask.JSONSyntaxError
		if !errors.As(err, &se) || se.Offset != tt.offset {
			t.Errorf("%q: err %v, want a JSONSyntaxError at byte %d", tt.in, err, tt.offset)
			continue
		}
		if string(out) != "keep" {
			t.Errorf("%q: dst changed to %q", tt.in, out)
		}
		if !strings.Contains(err.Error(), "byte "+strconv.Itoa(tt.offset)) || strings.Contains(err.Error(), "536") {
			t.Errorf("%q: error %q should name the offset and not quote the input", tt.in, err)
		}
		if f, err := j.AppendFindings(nil, []byte(tt.in)); err == nil || len(f) != 0 {
			t.Errorf("%q: AppendFindings = %v, %v", tt.in, f, err)
		}
	}
}

func TestJSONFindingOffsets(t *testing.T) {
	in := `{"a":{"ssn":"536-22-1234"},"b":["x \u0061@example.com y"],"ssn":536221234}`
	f, err := newJSON(t, nil, mask.JSONOptions{}).AppendFindings(nil, []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ path, raw, id string }{
		{"$.a.ssn", "536-22-1234", "Ssn-US"},
		{"$.b[0]", `\u0061@example.com`, "EmailAddress"},
		{"$.ssn", "536221234", "Ssn-US"},
	}
	if len(f) != len(want) {
		t.Fatalf("findings %v, want %d", f, len(want))
	}
	for i, w := range want {
		if f[i].Path != w.path || in[f[i].Start:f[i].End] != w.raw || f[i].Identifier != w.id {
			t.Errorf("finding %d: %s %s %q, want %s %s %q", i, f[i].Path, f[i].Identifier, in[f[i].Start:f[i].End], w.path, w.id, w.raw)
		}
	}
}

func TestUnmaskJSON(t *testing.T) {
	tk := testTokenizer(t)
	j := newJSON(t, tk, mask.JSONOptions{})
	in := `{"msg":"key\n-----BEGIN \"x\" a@example.com","ssn":536221234,"list":["b@example.org"]}`
	masked, err := j.Mask([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(masked, []byte("example")) || !json.Valid(masked) {
		t.Fatalf("masked: %s", masked)
	}
	back, err := mask.UnmaskJSON(tk, masked)
	if err != nil {
		t.Fatal(err)
	}
	// The number came back as a string.
	want := `{"msg":"key\n-----BEGIN \"x\" a@example.com","ssn":"536221234","list":["b@example.org"]}`
	if string(back) != want {
		t.Errorf("UnmaskJSON:\n got %s\nwant %s", back, want)
	}
	// A token escaped by encoding/json (\u003c) is found too.
	esc := bytes.ReplaceAll(masked, []byte("<"), []byte(`\u003c`))
	esc = bytes.ReplaceAll(esc, []byte(">"), []byte(`\u003e`))
	if back, err := mask.UnmaskJSON(tk, esc); err != nil || string(back) != want {
		t.Errorf("escaped tokens: %s, %v", back, err)
	}
	// A damaged token is reported at the string holding it.
	i := bytes.Index(masked, []byte(`["<pii:`))
	bad := bytes.Clone(masked)
	bad[i+20] ^= 1
	_, err = mask.UnmaskJSON(tk, bad)
	var te *mask.TokenError
	if !errors.As(err, &te) || te.Offset != i+2 {
		t.Errorf("damaged token: %v, want a TokenError at %d", err, i+2)
	}
	if _, err := mask.UnmaskJSON(tk, []byte(`{"a":"<pii:v1:X:`)); err == nil {
		t.Error("UnmaskJSON of invalid JSON: no error")
	}
	if out, err := mask.UnmaskJSON(tk, []byte(`{"a":1}`)); err != nil || string(out) != `{"a":1}` {
		t.Errorf("no tokens: %s, %v", out, err)
	}
}

// TestJSONGeneratedEvents masks 10,000 generated events, with escapes,
// nesting, numbers and values in names, strings and numbers, and checks
// that each masked event is valid JSON with the same structure, that no
// planted value survives, and that scanning it again finds nothing.
func TestJSONGeneratedEvents(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = 1000
	}
	r := rand.New(rand.NewPCG(7, 8))
	maskers := []mask.Masker{mask.Asterisk, mask.Placeholder(""), testTokenizer(t), mask.Partial{KeepLast: 4}}
	js := make([]*mask.JSON, len(maskers))
	for i, m := range maskers {
		js[i] = newJSON(t, m, mask.JSONOptions{})
	}
	plain := newJSON(t, nil, mask.JSONOptions{})
	changed := 0
	for i := range n {
		g := &eventGen{r: r}
		event := g.event()
		k := i % len(js)
		out, err := js[k].Mask(event)
		if err != nil {
			t.Fatalf("event %d: %v\n%s", i, err, event)
		}
		if !json.Valid(out) || !utf8.Valid(out) {
			t.Fatalf("event %d: masked event is not valid JSON:\n%s\n%s", i, event, out)
		}
		if err := sameStructure(event, out); err != nil {
			t.Fatalf("event %d: %v\n%s\n%s", i, err, event, out)
		}
		if f, err := js[k].AppendFindings(nil, out); err != nil || len(f) > 0 {
			t.Fatalf("event %d: rescanning the masked event finds %v (%v)\n%s", i, f, err, out)
		}
		if k == 0 {
			// With asterisks, a plain-text scan of the masked event finds
			// nothing either.
			if f := allScanner().Scan(out); len(f) > 0 {
				t.Fatalf("event %d: plain scan of the masked event finds %v\n%s", i, f, out)
			}
		}
		dec := decodedStrings(t, out)
		for _, v := range g.planted {
			if strings.Contains(dec, v) {
				t.Fatalf("event %d: planted value %q survives:\n%s", i, v, out)
			}
		}
		if !bytes.Equal(out, event) {
			changed++
		}
		// Unplanted events come back unchanged.
		if len(g.planted) == 0 {
			if out, _ := plain.Mask(event); !bytes.Equal(out, event) {
				t.Fatalf("event %d without values changed:\n%s\n%s", i, event, out)
			}
		}
	}
	if changed < n/2 {
		t.Errorf("only %d of %d events changed", changed, n)
	}
}

// eventGen writes random JSON events, choosing escapes and white space at
// random, and plants values it records.
type eventGen struct {
	r       *rand.Rand
	b       bytes.Buffer
	planted []string
}

var (
	plainWords = []string{"status", "ok", "retry", "café", "naïve", "日本", "😀", `quote"d`, `back\slash`, "a/b", "tab\there", "line\nbreak", "<tag>", "&amp;", "\u2028", "x"}
	plainKeys  = []string{"id", "level", "msg", "data", "items", "meta", "count", "tags", "nested", "détail", "a.b", "x y", ""}
)

// secrets pairs a member name with values it makes findable.
var secrets = []struct {
	key    string
	values []string
}{
	{"ssn", []string{"536-22-1234", "536 22 1234", "078-05-1121"}},
	{"email", []string{"jane.doe@example.com", "a.b@example.org", "zoe.ng@example.net"}},
	{"card", []string{"4929 3812 6548 1006", "4929381265481006", "5425 2334 3010 9903"}},
	{"passport_number", []string{"123456789", "987654321"}},
	{"ipAddress", []string{"203.0.113.42", "198.51.100.7"}},
	{"note", []string{"mail jane.doe@example.com now", "card 4929 3812 6548 1006 ok", "ip 203.0.113.42 seen"}},
}

func (g *eventGen) event() []byte {
	g.b.Reset()
	g.planted = g.planted[:0]
	g.object(0)
	return bytes.Clone(g.b.Bytes())
}

func (g *eventGen) space() {
	if g.r.IntN(4) == 0 {
		g.b.WriteString([]string{" ", "\n", "\t", "  ", "\r\n"}[g.r.IntN(5)])
	}
}

func (g *eventGen) object(depth int) {
	g.b.WriteByte('{')
	n := g.r.IntN(6)
	if depth == 0 {
		n++
	}
	for i := range n {
		if i > 0 {
			g.b.WriteByte(',')
		}
		g.space()
		if g.r.IntN(3) == 0 {
			s := secrets[g.r.IntN(len(secrets))]
			g.str(s.key)
			g.space()
			g.b.WriteByte(':')
			g.space()
			v := s.values[g.r.IntN(len(s.values))]
			if s.key == "ssn" && v[0] != '0' && g.r.IntN(3) == 0 {
				v = strings.ReplaceAll(v, "-", "")
				v = strings.ReplaceAll(v, " ", "")
				g.b.WriteString(v) // as a number
			} else {
				g.str(v)
			}
			g.plant(v)
		} else {
			g.str(plainKeys[g.r.IntN(len(plainKeys))] + strconv.Itoa(i))
			g.space()
			g.b.WriteByte(':')
			g.space()
			g.value(depth + 1)
		}
		g.space()
	}
	g.b.WriteByte('}')
}

// plant records the values a planted string holds.
func (g *eventGen) plant(v string) {
	for _, s := range secrets {
		for _, sv := range s.values {
			if strings.Contains(v, sv) {
				g.planted = append(g.planted, sv)
			}
		}
	}
	if !slices.Contains(g.planted, v) && !strings.Contains(v, " ") {
		g.planted = append(g.planted, v)
	}
}

func (g *eventGen) value(depth int) {
	k := g.r.IntN(8)
	if depth > 4 && k < 2 {
		k += 2
	}
	switch k {
	case 0:
		g.object(depth)
	case 1:
		g.b.WriteByte('[')
		n := g.r.IntN(5)
		for i := range n {
			if i > 0 {
				g.b.WriteByte(',')
			}
			g.space()
			g.value(depth + 1)
		}
		g.b.WriteByte(']')
	case 2, 3:
		var words []string
		for range 1 + g.r.IntN(4) {
			words = append(words, plainWords[g.r.IntN(len(plainWords))])
		}
		g.str(strings.Join(words, " "))
	case 4:
		g.b.WriteString([]string{"0", "-1", "3.25", "1e10", "-2.5E-3", "42", "18446744073709551616"}[g.r.IntN(7)])
	case 5:
		g.b.WriteString([]string{"true", "false", "null"}[g.r.IntN(3)])
	default:
		s := secrets[g.r.IntN(len(secrets))]
		// A value in free text, with its keyword before it.
		v := s.values[g.r.IntN(len(s.values))]
		kw := ""
		if s.key == "ssn" || s.key == "passport_number" || s.key == "card" {
			kw = strings.ReplaceAll(s.key, "_", " ") + " "
		}
		g.str("see " + kw + v + " done")
		g.plant(v)
	}
}

// str writes s as a JSON string, escaping at random.
func (g *eventGen) str(s string) {
	g.b.WriteByte('"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			g.b.WriteByte('\\')
			g.b.WriteRune(c)
		case c == '\n':
			g.b.WriteString(`\n`)
		case c == '\t':
			g.b.WriteString(`\t`)
		case c == '/' && g.r.IntN(2) == 0:
			g.b.WriteString(`\/`)
		case c >= 0x10000 && g.r.IntN(2) == 0:
			r1, r2 := utf16Pair(c)
			fmt.Fprintf(&g.b, `\u%04x\u%04X`, r1, r2)
		case c < 0x10000 && g.r.IntN(12) == 0:
			fmt.Fprintf(&g.b, `\u%04x`, c)
		default:
			g.b.WriteRune(c)
		}
	}
	g.b.WriteByte('"')
}

func utf16Pair(c rune) (rune, rune) {
	c -= 0x10000
	return 0xd800 + (c>>10)&0x3ff, 0xdc00 + c&0x3ff
}

// sameStructure checks that two events have the same members in the same
// order, the same array lengths and the same types, except that a number
// may have become a string. It reads both with encoding/json.
//
// A member name may differ only as masking with asterisks changes it:
// some of its characters become '*', and a suffix "~b", "~c", ... may
// make it unique in its object (see JSON.AppendMask).
func sameStructure(a, b []byte) error {
	da := json.NewDecoder(bytes.NewReader(a))
	db := json.NewDecoder(bytes.NewReader(b))
	da.UseNumber()
	db.UseNumber()
	// stack holds, per open container, whether it is an object and, for
	// objects, whether the next token is a member name.
	type frame struct{ object, key bool }
	var stack []frame
	for {
		ta, ea := da.Token()
		tb, eb := db.Token()
		if ea != nil || eb != nil {
			if ea != io.EOF || eb != io.EOF {
				return fmt.Errorf("token errors %v and %v", ea, eb)
			}
			return nil
		}
		isKey := len(stack) > 0 && stack[len(stack)-1].object && stack[len(stack)-1].key
		if isKey {
			stack[len(stack)-1].key = false
		}
		switch va := ta.(type) {
		case json.Delim:
			if vb, ok := tb.(json.Delim); !ok || va != vb {
				return fmt.Errorf("delimiter %v became %v", va, tb)
			}
			switch va {
			case '{', '[':
				stack = append(stack, frame{object: va == '{', key: true})
			default:
				stack = stack[:len(stack)-1]
				if len(stack) > 0 && stack[len(stack)-1].object {
					stack[len(stack)-1].key = true
				}
			}
			continue
		case string:
			vb, ok := tb.(string)
			if !ok {
				return fmt.Errorf("string became %T", tb)
			}
			if isKey && va != vb && !asteriskMasked(va, vb) {
				return fmt.Errorf("member name %q became %q", va, vb)
			}
		case json.Number:
			switch tb.(type) {
			case json.Number, string:
			default:
				return fmt.Errorf("number became %T", tb)
			}
		default:
			if fmt.Sprintf("%T %v", ta, ta) != fmt.Sprintf("%T %v", tb, tb) {
				return fmt.Errorf("%v became %v", ta, tb)
			}
		}
		if len(stack) > 0 && stack[len(stack)-1].object && !isKey {
			stack[len(stack)-1].key = true
		}
	}
}

// asteriskMasked reports whether masked is name with some of its
// characters replaced by '*', and perhaps a suffix of '~' and lower-case
// letters added.
func asteriskMasked(name, masked string) bool {
	if i := strings.LastIndexByte(masked, '~'); i >= 0 && i < len(masked)-1 &&
		strings.Trim(masked[i+1:], "abcdefghijklmnopqrstuvwxyz") == "" && utf8.RuneCountInString(masked[:i]) == utf8.RuneCountInString(name) {
		masked = masked[:i]
	}
	m := []rune(masked)
	n := []rune(name)
	if len(m) != len(n) {
		return false
	}
	for i := range n {
		if m[i] != n[i] && m[i] != '*' {
			return false
		}
	}
	return true
}

func TestSameStructure(t *testing.T) {
	tests := []struct {
		a, b string
		ok   bool
	}{
		{`{"a":1,"b":[1,{"c":"x"}]}`, `{"a":"*","b":[1,{"c":"y"}]}`, true},
		{`{"a":1}`, `{"b":1}`, false},
		{`{"a":{"b":1},"c":2}`, `{"a":{"b":1},"d":2}`, false},
		{`[1,2]`, `[1]`, false},
		{`{"a":"x"}`, `{"a":1}`, false},
		{`{"a":null}`, `{"a":false}`, false},
		{`{"a":1,"b":2}`, `{"b":2,"a":1}`, false},
		{`{"d@0.aA":""}`, `{"******":""}`, true},
		{`{"x@b.co":1,"y@b.co":2}`, `{"******":1,"******~b":2}`, true},
		{`{"x@b.co":1}`, `{"*****":1}`, false},
		{`{"x@b.co":1}`, `{"******~B":1}`, false},
		{`{"ab":1}`, `{"a?":1}`, false},
	}
	for _, tt := range tests {
		if err := sameStructure([]byte(tt.a), []byte(tt.b)); (err == nil) != tt.ok {
			t.Errorf("sameStructure(%s, %s) = %v, want ok %v", tt.a, tt.b, err, tt.ok)
		}
	}
}

// decodedStrings returns every string and member name of an event,
// decoded, joined by newlines.
func decodedStrings(t *testing.T, event []byte) string {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(event))
	var all strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			return all.String()
		}
		if s, ok := tok.(string); ok {
			all.WriteString(s)
			all.WriteByte('\n')
		}
	}
}

// FuzzJSON checks that masking accepts exactly valid JSON and keeps it
// valid, with the same structure.
func FuzzJSON(f *testing.F) {
	for _, s := range []string{
		`{"ssn":"536-22-1234","n":536221234}`, `["a@example.com",{"card":"4929 3812 6548 1006"}]`,
		`{"msg":"caf\u00e9 \ud83d\ude00 \/ a@example.com"}`, `"x"`, `{`, `{"a":1,}`,
	} {
		f.Add([]byte(s))
	}
	j := newJSON(f, nil, mask.JSONOptions{})
	f.Fuzz(func(t *testing.T, event []byte) {
		out, err := j.Mask(event)
		if (err == nil) != json.Valid(event) {
			if err == nil || !strings.Contains(err.Error(), "nested deeper") {
				t.Fatalf("Mask(%q): err %v, json.Valid %v", event, err, json.Valid(event))
			}
		}
		if err != nil {
			return
		}
		if !json.Valid(out) {
			t.Fatalf("Mask(%q) = %q: not valid JSON", event, out)
		}
		if err := sameStructure(event, out); err != nil {
			t.Fatalf("Mask(%q) = %q: %v", event, out, err)
		}
	})
}
