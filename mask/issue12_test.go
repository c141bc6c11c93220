package mask_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/mask"
)

// everyScanner is a Scanner for every identifier of the catalog,
// extensions included.
var everyScanner = sync.OnceValue(func() *piiguard.Scanner {
	var names []string
	for _, id := range identifiers.Catalog() {
		names = append(names, id.Name)
	}
	s, err := piiguard.NewScanner(piiguard.Config{Identifiers: names})
	if err != nil {
		panic(err)
	}
	return s
})

// randomSecretKey returns 40 base64 characters with upper, lower case and
// digits, as AWS secret keys are.
func randomSecretKey(r *rand.Rand) string {
	const alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+"
	b := make([]byte, 40)
	for i := range b {
		b[i] = alpha[r.IntN(len(alpha))]
	}
	b[0], b[1], b[2] = 'A', 'z', '7'
	return string(b)
}

// TestIssue12_TokenSurvivesRescan is the red team's case: about 0.8% of
// AWS secret keys masked with --style token could not be restored,
// because a run of 40 letters and digits inside the token, next to the
// keyword, was taken for another key by the masking rescan and
// overwritten with asterisks. Every token must survive, and unmasking
// must give the text back exactly.
func TestIssue12_TokenSurvivesRescan(t *testing.T) {
	tk := testTokenizer(t)
	s, err := piiguard.NewScanner(piiguard.Config{Masker: tk})
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(12, 1))
	n := 3000
	if raceEnabled {
		n = 200
	}
	for i := range n {
		key := randomSecretKey(r)
		text := "aws_secret_access_key=" + key + " secret key " + randomSecretKey(r)
		masked := s.MaskString(text)
		if strings.Contains(masked, "*") || strings.Contains(masked, key) {
			t.Fatalf("key %d: masked %q", i, masked)
		}
		back, err := tk.UnmaskString(masked)
		if err != nil || back != text {
			t.Fatalf("key %d: unmask(%q) = %q, %v", i, masked, back, err)
		}
		if f := s.ScanString(masked); len(f) > 0 {
			t.Fatalf("key %d: rescan of %q finds %v", i, masked, f)
		}
	}
}

// TestIssue12_OutputShapeNeverMatches scans tokens and hashes next to the
// keywords of every identifier of the catalog, extensions included, with
// every identifier enabled: no finding may touch a token or a hash. It
// also tries digests of extreme shapes (one letter repeated, hexadecimal
// letters only, alternating case) of every length a token or a hash can
// have, which real digests only approach.
func TestIssue12_OutputShapeNeverMatches(t *testing.T) {
	if raceEnabled {
		t.Skip("checks shapes, not concurrency; runs without -race")
	}
	tk := testTokenizer(t)
	h := testHash(t, mask.HashOptions{})
	h64 := testHash(t, mask.HashOptions{Length: mask.MaxHashLength})
	h8 := testHash(t, mask.HashOptions{Length: mask.MinHashLength})
	r := rand.New(rand.NewPCG(12, 2))
	var outputs []string
	for _, id := range identifiers.Catalog() {
		for range 2 {
			v := make([]byte, r.IntN(80))
			for i := range v {
				v[i] = byte(r.IntN(256))
			}
			outputs = append(outputs, tk.Token(id.Name, string(v)), h.HashString(id.Name, string(v)),
				h64.HashString(id.Name, string(v)), h8.HashString(id.Name, string(v)))
		}
	}
	digest := func(alpha string, n int) string {
		d := make([]byte, n)
		for i := range d {
			d[i] = alpha[(i*7+n)%len(alpha)]
		}
		return string(d)
	}
	for n := 28; n <= 200; n += 5 { // a token's payload has 28 letters or more
		for _, alpha := range []string{"a", "z", "Z", "abcdef", "ABCDEF", "aA", "kowxyz", "KOWXYZ", "abcdefghijkowxyzABCDEFGHIJKOWXYZ"} {
			outputs = append(outputs, "<pii:v2:AwsSecretKey:"+digest(alpha, n)+">")
		}
	}
	for n := mask.MinHashLength; n <= mask.MaxHashLength; n += 2 { // a hash's digits are lower case
		for _, alpha := range []string{"a", "z", "abcdef", "kowxyz", "abcdefghijkowxyz"} {
			outputs = append(outputs, "<hash:BankAccountNumber-US:"+digest(alpha, n)+">")
		}
	}
	seps := []string{" ", ": ", "=", "\"", "\n", "'", ","}
	s := everyScanner()
	scans := 0
	for _, id := range identifiers.Catalog() {
		kws := append([]string{id.Name}, id.Keywords...)
		for ki, kw := range kws {
			var b strings.Builder
			var spans [][2]int
			for oi, out := range outputs {
				if oi%len(kws) != ki && len(kws) > 1 && oi%23 != 0 {
					continue // each keyword meets a share of the outputs
				}
				b.WriteString(kw)
				b.WriteString(seps[oi%len(seps)])
				spans = append(spans, [2]int{b.Len(), b.Len() + len(out)})
				b.WriteString(out)
				b.WriteString(seps[(oi+3)%len(seps)])
			}
			text := b.String()
			scans++
			for _, f := range s.ScanString(text) {
				for _, sp := range spans {
					if f.Start < sp[1] && sp[0] < f.End {
						t.Fatalf("%s (keyword %q) found in %q: %v", f.Identifier, kw, text[max(0, f.Start-40):min(len(text), f.End+10)], f)
					}
				}
			}
		}
	}
	t.Logf("%d outputs, %d scans over %d identifiers", len(outputs), scans, len(identifiers.Catalog()))
}

// TestIssue12_MasksAreOpaqueToRescans uses custom identifiers that match
// inside tokens, hashes and placeholders, and across their edges: the
// masks are never masked again, what a pattern finds across a mask's edge
// is masked outside the mask only, and every token still unmasks.
func TestIssue12_MasksAreOpaqueToRescans(t *testing.T) {
	letters, err := identifiers.NewCustom("Letters", `[a-zA-Z]{20,40}`)
	if err != nil {
		t.Fatal(err)
	}
	braces, err := identifiers.NewCustom("Braces", `[>}] tail`)
	if err != nil {
		t.Fatal(err)
	}
	tk := testTokenizer(t)
	s, err := piiguard.NewScanner(piiguard.Config{Custom: []*identifiers.Identifier{letters, braces}})
	if err != nil {
		t.Fatal(err)
	}
	for name, m := range map[string]mask.Masker{
		"token":       tk,
		"hash":        testHash(t, mask.HashOptions{}),
		"placeholder": mask.Placeholder(""),
	} {
		text := "x abcdefghijklmnopqrstuvwxyzABCDEF tail and more text"
		masked := string(mask.AppendMasked(nil, []byte(text), s, m))
		if strings.Contains(masked, "abcdefghij") || strings.Contains(masked, "tail") || !strings.HasSuffix(masked, " and more text") {
			t.Errorf("%s: %q keeps a value", name, masked)
		}
		if name == "token" {
			back, err := tk.UnmaskString(masked)
			if err != nil || back != text {
				t.Errorf("token: unmask(%q) = %q, %v", masked, back, err)
			}
		}
	}
}

// TestIssue12_UnmaskRestoresOtherTokensOnLine: a bad token on a line does
// not stop the other tokens of the line from being restored, and the
// error names it without its content.
func TestIssue12_UnmaskRestoresOtherTokensOnLine(t *testing.T) {
	tk := testTokenizer(t)
	good1, good2 := tk.Token("EmailAddress", "jane@example.com"), tk.Token("Ssn-US", "536-22-1234")
	badTok := strings.Replace(tk.Token("Ssn-US", "123-45-6789"), "<pii:v2:Ssn-US:", "<pii:v2:Ssn-US:A", 1)
	line := "a " + good1 + " b " + badTok + " c " + good2 + " d <pii:junk"
	out, err := tk.UnmaskString(line)
	want := "a jane@example.com b " + badTok + " c 536-22-1234 d <pii:junk"
	if out != want {
		t.Errorf("got  %q\nwant %q", out, want)
	}
	var ue *mask.UnmaskError
	if !errors.As(err, &ue) || ue.Count != 2 || ue.Tokens[0].Offset != strings.Index(line, badTok) ||
		!errors.Is(ue.Tokens[0], mask.ErrTokenMalformed) && !errors.Is(ue.Tokens[0], mask.ErrTokenAuth) ||
		!errors.Is(ue.Tokens[1], mask.ErrTokenMalformed) {
		t.Errorf("error %v", err)
	}
	checkErrorLeaksNothing(t, err, "123-45-6789", "jane@example.com", badTok)

	// The same in JSON, member names included.
	event := `{"` + good1 + `":{"ssn":"` + badTok + `","x":"` + good2 + `"}}`
	jout, err := mask.UnmaskJSON(tk, []byte(event))
	jwant := `{"jane@example.com":{"ssn":"` + badTok + `","x":"536-22-1234"}}`
	if string(jout) != jwant || !errors.As(err, &ue) || ue.Count != 1 || ue.Tokens[0].Offset != strings.Index(event, badTok) {
		t.Errorf("UnmaskJSON = %s, %v\nwant %s", jout, err, jwant)
	}
}

// TestIssue12_JSONMemberNames: values in member names are masked, the
// event stays valid JSON, masked names stay unique, a rescan (names
// included) finds nothing, and tokens in names unmask.
func TestIssue12_JSONMemberNames(t *testing.T) {
	tk := testTokenizer(t)
	tests := []struct {
		name, in, want string
		m              mask.Masker
	}{
		{"the red team's case", `{"counts":{"jane.doe@example.com":3}}`, `{"counts":{"********************":3}}`, nil},
		{"a name with a keyword from its parent", `{"ssn":{"536-22-1234":true}}`, `{"ssn":{"***********":true}}`, nil},
		{"escaped name", `{"jane\u002edoe@example.com":1}`, `{"********************":1}`, nil},
		{"two names collide", `{"a@example.com":1,"b@example.com":2}`, `{"*************":1,"*************~b":2}`, nil},
		{"collision with a name kept", `{"b@example.com":1,"*************":2}`, `{"*************~b":1,"*************":2}`, nil},
		{"names in arrays of objects", `[{"a@example.com":1},{"a@example.com":2}]`, `[{"*************":1},{"*************":2}]`, nil},
		{"placeholder names", `{"a@example.com":1,"b@example.com":2}`, `{"{EmailAddress}":1,"{EmailAddress}~b":2}`, mask.Placeholder("")},
	}
	for _, tt := range tests {
		j := newJSON(t, tt.m, mask.JSONOptions{})
		out, err := j.Mask([]byte(tt.in))
		if err != nil || string(out) != tt.want {
			t.Errorf("%s: Mask(%s) = %s, %v; want %s", tt.name, tt.in, out, err, tt.want)
			continue
		}
		if !json.Valid(out) {
			t.Errorf("%s: invalid JSON %s", tt.name, out)
		}
		if f, err := j.AppendFindings(nil, out); len(f) > 0 || err != nil {
			t.Errorf("%s: rescan of %s finds %v, %v", tt.name, out, f, err)
		}
	}
	// AppendFindings reports findings in names.
	j := newJSON(t, nil, mask.JSONOptions{})
	f, err := j.AppendFindings(nil, []byte(`{"counts":{"jane.doe@example.com":3}}`))
	if err != nil || len(f) != 1 || !f[0].InName || f[0].Path != `$.counts["jane.doe@example.com"]` || f[0].Start != 12 || f[0].End != 32 {
		t.Errorf("AppendFindings = %+v, %v", f, err)
	}
	// Tokens in names round-trip.
	jt := newJSON(t, tk, mask.JSONOptions{})
	in := `{"counts":{"jane.doe@example.com":3,"bob@example.org":{"ssn":"536-22-1234"}}}`
	out, err := jt.Mask([]byte(in))
	if err != nil || strings.Contains(string(out), "example") {
		t.Fatalf("token: %s, %v", out, err)
	}
	back, err := mask.UnmaskJSON(tk, out)
	if err != nil || string(back) != in {
		t.Errorf("UnmaskJSON(%s) = %s, %v", out, back, err)
	}
}

// TestIssue12_SlogMapKeys: slogmask with slog.JSONHandler masked values
// but left map keys, attribute keys and group names in clear.
func TestIssue12_SlogMapKeys(t *testing.T) {
	// slogmask is tested in its package; this checks the JSON masker
	// entry point it uses.
	j := newJSON(t, nil, mask.JSONOptions{})
	out, err := j.AppendMaskField(nil, []string{"user", "ssn"}, []byte(`{"536-22-1234":"536-22-1234","a@example.com":1}`))
	if err != nil || string(out) != `{"***********":"***********","*************":1}` {
		t.Errorf("AppendMaskField = %s, %v", out, err)
	}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("x", "m", json.RawMessage(out))
	if !json.Valid(bytes.TrimSpace(buf.Bytes())) {
		t.Errorf("not JSON: %s", buf.Bytes())
	}
}

// pemBlocks are multi-line private keys of every armour the catalog
// knows.
var pemBlocks = []string{
	"-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----",
	"-----BEGIN PRIVATE KEY-----\r\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\r\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\r\n-----END PRIVATE KEY-----",
	"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDcHSQwbbi2VOAn8B3I0wzUmS/sX5r2Jjk1d5x9QfjqsgAAAJgXx5SoF8eU\n-----END OPENSSH PRIVATE KEY-----",
	"-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oDfbRlO2J6h9oAoGCCqGSM49\n-----END EC PRIVATE KEY-----",
	"-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF1X2rcBCADFqT1pJx4mR8j2kAk3Q6kFv7nGqZ3dE4oVcZbYvK2Q8Lw6Hj7N\n=a1Bc\n-----END PGP PRIVATE KEY BLOCK-----",
	"PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: rsa-key-20240101\nPublic-Lines: 2\nAAAAB3NzaC1yc2EAAAABJQAAAQEAhqhb7d\nZ4mR8j2kAk3Q6kFv7nGqZ3dE4oVcZbYvK2\nPrivate-Lines: 2\nAAABAQCFqT1pJx4mR8j2kAk3Q6kFv7nG\nqZ3dE4oVcZbYvK2Q8Lw6Hj7NxYz0aB1\nPrivate-MAC: 8f2a9c1b7e3d4a5f6b7c8d9e0f1a2b3c4d5e6f7a",
}

// writeChunks writes text to w in pieces of random sizes, then closes w.
func writeChunks(t testing.TB, w *mask.Writer, text []byte, r *rand.Rand) {
	t.Helper()
	for len(text) > 0 {
		n := min(len(text), 1+r.IntN(64))
		if _, err := w.Write(text[:n]); err != nil {
			t.Fatal(err)
		}
		text = text[n:]
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestIssue12_StreamMasksMultiLineKeys: a private key over several lines
// was masked by Scanner.Mask on the whole text but not by the stream (or
// the CLI, which uses it). The stream must give what masking the whole
// text gives, however the input is cut into writes, and with any masker.
func TestIssue12_StreamMasksMultiLineKeys(t *testing.T) {
	s := everyScanner()
	r := rand.New(rand.NewPCG(12, 3))
	tk := testTokenizer(t)
	for i, block := range pemBlocks {
		text := "2024-01-01 config dump follows\n" + block + "\nnext line ok\nlast line"
		for _, m := range []mask.Masker{nil, tk} {
			want := string(mask.AppendMasked(nil, []byte(text), s, m))
			if strings.Contains(want, "MII") || strings.Contains(want, "AAAA") || strings.Contains(want, "b3Bl") {
				t.Fatalf("block %d: whole-text masking keeps key material: %q", i, want)
			}
			for range 5 {
				var out bytes.Buffer
				writeChunks(t, mask.NewWriter(&out, s, m, mask.StreamOptions{}), []byte(text), r)
				if out.String() != want {
					t.Fatalf("block %d: stream\n%q\nwant\n%q", i, out.String(), want)
				}
			}
			if m == tk {
				back, err := tk.UnmaskString(want)
				if err != nil || back != text {
					t.Errorf("block %d: unmask: %q, %v", i, back, err)
				}
			}
		}
	}
	// A JSON log line with an escaped key is one line: JSON mode masks it.
	j := newJSON(t, nil, mask.JSONOptions{})
	line := `{"key":` + mustJSON(pemBlocks[0]) + `}` + "\n"
	var out bytes.Buffer
	writeChunks(t, mask.NewWriter(&out, s, nil, mask.StreamOptions{JSON: j}), []byte(line), r)
	if strings.Contains(out.String(), "MII") || !json.Valid(bytes.TrimSpace(out.Bytes())) {
		t.Errorf("JSON line: %s", out.String())
	}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// TestIssue12_StreamBlockBound: a block that does not close within the
// bound is masked up to the bound as one text (the key patterns match an
// unterminated block), and the lines after the bound line by line; the
// stream never holds more than the bound and one line.
func TestIssue12_StreamBlockBound(t *testing.T) {
	s := everyScanner()
	body := strings.Repeat("MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n", 40)
	text := "-----BEGIN RSA PRIVATE KEY-----\n" + body + "mail jane@example.com\n"
	const bound = 1000
	var out bytes.Buffer
	writeChunks(t, mask.NewWriter(&out, s, nil, mask.WithMaxBlockLength(mask.StreamOptions{}, bound)), []byte(text), rand.New(rand.NewPCG(1, 1)))
	lines := strings.Split(out.String(), "\n")
	// The held part: the BEGIN line and the body lines up to the bound.
	held := 0
	for n := 0; n < bound; held++ {
		n += len(strings.SplitAfter(text, "\n")[held])
	}
	for i := range held {
		if strings.Trim(lines[i], "*") != "" {
			t.Errorf("line %d within the bound not masked: %q", i, lines[i])
		}
	}
	if lines[held] != strings.SplitAfter(text, "\n")[held][:len(lines[held])] {
		t.Errorf("line %d after the bound: %q", held, lines[held])
	}
	if want := "mail ****************"; lines[len(lines)-2] != want {
		t.Errorf("last line %q, want %q", lines[len(lines)-2], want)
	}
}

// TestIssue12_LongLinePiecesNoLeak masks lines far longer than the line
// limit, made of chains of values that overlap and touch, where the old
// pieces left parts of values in clear at each cut (10 values over these
// lines). Whole-line masking resolves such a chain from one end of the
// line to the other, which no bounded window can reproduce; the pieces
// must still leave nothing that a scan of the whole output finds, and
// change no character but into '*'.
func TestIssue12_LongLinePiecesNoLeak(t *testing.T) {
	s := everyScanner()
	r := rand.New(rand.NewPCG(12, 4))
	chains := []func() string{
		func() string { return "ssn 536-22-1234-" },
		func() string { return "a@b.co" },
		func() string { return "secret key " + randomSecretKey(r) },
		func() string { return "Bearer " + randomSecretKey(r)[:10+r.IntN(30)] + "." },
		func() string { return fmt.Sprint(r.IntN(1_000_000_000)) },
		func() string {
			return []string{"4929 3812 6548 1006", " card ", "2001:db8::1:2", ".", "jane@example.com", "é"}[r.IntN(6)]
		},
	}
	lengths := []int{128, 256, 1000, 4096}
	if raceEnabled {
		lengths = lengths[:2]
	}
	for _, maxLen := range lengths {
		for ci, chain := range chains {
			var b strings.Builder
			for b.Len() < 50*maxLen {
				b.WriteString(chain())
				if r.IntN(8) == 0 {
					b.WriteString(chains[r.IntN(len(chains))]())
				}
			}
			line := b.String()
			var out bytes.Buffer
			writeChunks(t, mask.NewWriter(&out, s, nil, mask.StreamOptions{MaxLineLength: maxLen}), []byte(line), r)
			if f := s.Scan(out.Bytes()); len(f) > 0 {
				t.Errorf("max %d chain %d: a scan of the output finds %d values, first %v in %q", maxLen, ci, len(f), f[0], out.Bytes()[max(0, f[0].Start-20):min(out.Len(), f[0].End+20)])
			}
			if at := changedRune(line, out.String()); at >= 0 {
				t.Errorf("max %d chain %d: rune %d changed into something else than '*'", maxLen, ci, at)
			}
		}
	}
}

// TestIssue12_LongLinePiecesExact: for a line of values separated by
// text, as log lines are, pieces give exactly what masking the line whole
// gives, at 3 MiB with the default limits as with a small limit.
func TestIssue12_LongLinePiecesExact(t *testing.T) {
	s := everyScanner()
	r := rand.New(rand.NewPCG(12, 5))
	words := []string{"user", "login", "from", "ssn", "card", "email", "ok", "at", "id=", "Bearer", "phone", "dob", "-", ":", "é", "日本"}
	values := []string{"536-22-1234", "4929 3812 6548 1006", "jane.doe@example.com", "10.0.0.1", "+1 415 555 2671",
		"1985-07-23", "2001:db8::1:2", "1M8GDM9AXKP042788", "AKIAIOSFODNN7EXAMPLE", "GB82 WEST 1234 5698 7654 32"}
	sizes := []struct{ size, maxLen int }{{3 << 20, 0}, {200 << 10, 1000}, {100 << 10, 256}}
	if raceEnabled {
		sizes = []struct{ size, maxLen int }{{20 << 10, 1000}, {10 << 10, 256}}
	}
	for _, tt := range sizes {
		var b strings.Builder
		for b.Len() < tt.size {
			for range 1 + r.IntN(4) {
				b.WriteString(words[r.IntN(len(words))])
				b.WriteByte(' ')
			}
			b.WriteString(values[r.IntN(len(values))])
			b.WriteByte(' ')
		}
		line := b.String()
		whole := mask.AppendMasked(nil, []byte(line), s, nil)
		var out bytes.Buffer
		writeChunks(t, mask.NewWriter(&out, s, nil, mask.StreamOptions{MaxLineLength: tt.maxLen}), []byte(line), r)
		if !bytes.Equal(out.Bytes(), whole) {
			at := firstDiff(out.String(), string(whole))
			t.Errorf("%d bytes, limit %d: differs from whole-line masking at byte %d:\n got %q\nwant %q",
				tt.size, tt.maxLen, at, out.String()[max(0, at-40):min(out.Len(), at+40)], string(whole[max(0, at-40):min(len(whole), at+40)]))
		}
	}
}

// changedRune returns the first rune of got that differs from text's and
// is not '*', or -1; or the shorter length when the rune counts differ.
func changedRune(text, got string) int {
	t, g := []rune(text), []rune(got)
	if len(t) != len(g) {
		return min(len(t), len(g))
	}
	for i := range t {
		if g[i] != t[i] && g[i] != '*' {
			return i
		}
	}
	return -1
}
