package mask_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/mask"
)

func testTokenizer(t testing.TB) *mask.Tokenizer {
	t.Helper()
	tk, err := mask.NewTokenizer(testKey)
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

var tokenFormat = regexp.MustCompile(`^<pii:v2:[A-Za-z0-9_-]{1,128}:[a-kowxyzA-KOWXYZ]+>$`)

// tokenValues are values to tokenize: empty, ASCII, Unicode, binary, and
// values that look like token syntax.
var tokenValues = []string{
	"", "a", "123-45-6789", "4111 1111 1111 1234", "jane.doe@example.com",
	"Zoë Åström 日本語", "\x00\xff\xfe binary \n\"quoted\"\\",
	"<pii:v1:Ssn-US:AAAA>", ">:<", strings.Repeat("long value ", 100),
}

// TestTokenKnownAnswer pins the documented construction; the tokens were
// computed independently with Python's cryptography package (HKDF-SHA256,
// AESSIV, base64.b32encode with the alphabet translated).
func TestTokenKnownAnswer(t *testing.T) {
	tk, err := mask.NewTokenizer([]byte("example key: 32+ bytes, not real"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ id, value, want string }{
		{"Ssn-US", "123-45-6789", "<pii:v2:Ssn-US:fOOwObGgwybFOadeKJgcZxJWjxyxwidYGoixJywCawIA>"},
		{"CreditCardNumber", "4111 1111 1111 1234", "<pii:v2:CreditCardNumber:IzdBzFAbkaaFoIFOexDidaAEFOijYObZwICCaOkHdhykFbxjfkFyZjDF>"},
	}
	for _, tt := range tests {
		if got := tk.Token(tt.id, tt.value); got != tt.want {
			t.Errorf("Token(%q, %q) = %q, want %q", tt.id, tt.value, got, tt.want)
		}
	}
}

// TestTokenV1StillReadable opens version 1 tokens written by earlier
// releases (the known answer of the v1 construction, computed with
// Python's cryptography package: HKDF-SHA256, HMAC-SHA256, AES-256-GCM).
func TestTokenV1StillReadable(t *testing.T) {
	tk, err := mask.NewTokenizer([]byte("example key: 32+ bytes, not real"))
	if err != nil {
		t.Fatal(err)
	}
	const v1 = "<pii:v1:Ssn-US:KBfXiefc2DGWe6udqynuOUaail2b5PCcZuLoCfBukEvVQS5fbVtJ>"
	const v1card = "<pii:v1:CreditCardNumber:iLce6VuHrXs_MvOuaqjFhbTofzCoAgT21aXOULuCUev66EaLijwkwnjbsaRINwU>"
	got, err := tk.UnmaskString("ssn=" + v1 + " card=" + v1card + " new=" + tk.Token("Ssn-US", "536-22-1234"))
	if want := "ssn=123-45-6789 card=4111 1111 1111 1234 new=536-22-1234"; err != nil || got != want {
		t.Errorf("UnmaskString = %q, %v; want %q", got, err, want)
	}
	id, v, err := tk.Detokenize([]byte(v1))
	if err != nil || id != "Ssn-US" || string(v) != "123-45-6789" {
		t.Errorf("Detokenize(v1) = %q, %q, %v", id, v, err)
	}
	// Tampered v1 tokens still fail.
	bad := strings.Replace(v1, "KBfX", "KBfY", 1)
	if out, err := tk.UnmaskString(bad); !errors.Is(err, mask.ErrTokenAuth) || out != bad {
		t.Errorf("tampered v1 token: %q, %v", out, err)
	}
	other, _ := mask.NewTokenizer([]byte("a different key of 32 bytes, ok!"))
	if _, err := other.UnmaskString(v1); !errors.Is(err, mask.ErrTokenAuth) {
		t.Errorf("v1 token under another key: %v", err)
	}
}

func TestTokenFormat(t *testing.T) {
	tk := testTokenizer(t)
	for _, id := range []string{"Ssn-US", "EmailAddress", "Employee_ID-9", "", "bad id\n", strings.Repeat("N", 300)} {
		for _, v := range tokenValues {
			tok := tk.Token(id, v)
			if !tokenFormat.MatchString(tok) {
				t.Fatalf("token %q does not match %v", tok, tokenFormat)
			}
			if !strings.HasPrefix(tok, mask.TokenPrefix+mask.TokenVersion+":"+mask.SafeIdentifier(id)+":") {
				t.Errorf("token %q does not record identifier %q", tok, mask.SafeIdentifier(id))
			}
			if strings.ContainsAny(tok, "\"'\\\n\r\t \x00") {
				t.Errorf("token %q holds a character unsafe in JSON or a log line", tok)
			}
			// It survives a JSON string unchanged (without HTML escaping).
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(tok); err != nil || buf.String() != `"`+tok+`"`+"\n" {
				t.Errorf("token %q changes in JSON: %q", tok, buf.String())
			}
		}
	}
}

func TestTokenRoundTrip(t *testing.T) {
	tk := testTokenizer(t)
	for _, id := range []string{"Ssn-US", "EmailAddress", "Custom_1"} {
		for _, v := range tokenValues {
			tok := tk.Token(id, v)
			gotID, gotV, err := tk.Detokenize([]byte(tok))
			if err != nil || gotID != id || string(gotV) != v {
				t.Errorf("Detokenize(Token(%q, %q)) = %q, %q, %v", id, v, gotID, gotV, err)
			}
			text := "before " + tok + " after"
			out, err := tk.UnmaskString(text)
			if err != nil || out != "before "+v+" after" {
				t.Errorf("UnmaskString(%q) = %q, %v", text, out, err)
			}
		}
	}
}

func TestTokenDeterministic(t *testing.T) {
	tk, tk2 := testTokenizer(t), testTokenizer(t)
	otherKey := bytes.Clone(testKey)
	otherKey[len(otherKey)-1] ^= 0x80
	other, err := mask.NewTokenizer(otherKey)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, v := range tokenValues {
		a := tk.Token("Ssn-US", v)
		if b := tk2.Token("Ssn-US", v); a != b {
			t.Errorf("same key, same value %q: %q != %q", v, a, b)
		}
		if c := other.Token("Ssn-US", v); a == c {
			t.Errorf("different keys, same token for %q", v)
		}
		if seen[a] {
			t.Errorf("token repeated for distinct value %q", v)
		}
		seen[a] = true
	}
	// Different identifier, different payload.
	a, b := tk.Token("Ssn-US", "123456789"), tk.Token("Ssn-ES", "123456789")
	if a[strings.LastIndexByte(a, ':'):] == b[strings.LastIndexByte(b, ':'):] {
		t.Error("identifier not bound into the payload")
	}
}

func TestTokenMaskAndUnmaskText(t *testing.T) {
	tk := testTokenizer(t)
	text := `{"ssn":"123-45-6789","email":"jane@example.com","card":"4111111111111234"}`
	findings := []detector.Finding{
		{Identifier: "Ssn-US", Start: 8, End: 19},
		{Identifier: "EmailAddress", Start: 30, End: 46},
		{Identifier: "CreditCardNumber", Start: 56, End: 72},
	}
	for _, f := range findings {
		if strings.ContainsAny(text[f.Start:f.End], `"`) {
			t.Fatalf("bad span %v: %q", f, text[f.Start:f.End])
		}
	}
	m := mask.ByIdentifier{Default: tk, Maskers: map[string]mask.Masker{"EmailAddress": tk}}
	masked := mask.String(text, findings, m)
	for _, f := range findings {
		if strings.Contains(masked, text[f.Start:f.End]) {
			t.Errorf("masked text holds %q: %s", text[f.Start:f.End], masked)
		}
	}
	var decoded map[string]string
	if err := json.Unmarshal([]byte(masked), &decoded); err != nil {
		t.Fatalf("masked JSON no longer parses: %v\n%s", err, masked)
	}
	got, err := tk.UnmaskString(masked)
	if err != nil || got != text {
		t.Errorf("UnmaskString = %q, %v; want %q", got, err, text)
	}
	// Adjacent tokens.
	two := tk.Token("A", "x") + tk.Token("B", "y") + tk.Token("A", "")
	if got, err := tk.UnmaskString(two); err != nil || got != "xy" {
		t.Errorf("adjacent tokens: %q, %v", got, err)
	}
}

func TestUnmaskWithoutTokens(t *testing.T) {
	tk := testTokenizer(t)
	for _, text := range []string{
		"", "plain log line", "<pii", "<pii;v1:X:AAAA>", "pii:v1:X:AAAA>", "<PII:v1:X:AAAA>",
		"<hash:Ssn-US:0123456789abcdef>", "{Ssn-US}", "a < b > c", "\xff\x00",
	} {
		in := []byte(text)
		out, err := tk.Unmask(in)
		if err != nil || string(out) != text {
			t.Errorf("Unmask(%q) = %q, %v; want it unchanged", text, out, err)
		}
		if len(in) > 0 && &out[0] == &in[0] {
			t.Errorf("Unmask(%q) returned its input, not a copy", text)
		}
	}
}

func TestUnmaskWrongKey(t *testing.T) {
	tk := testTokenizer(t)
	other, err := mask.NewTokenizer([]byte("a different key of 32 bytes, ok!"))
	if err != nil {
		t.Fatal(err)
	}
	const value = "123-45-6789"
	text := "ok " + tk.Token("EmailAddress", "jane@example.com") + " ssn=" + tk.Token("Ssn-US", value)
	out, err := other.Unmask([]byte(text))
	if string(out) != text || !errors.Is(err, mask.ErrTokenAuth) {
		t.Fatalf("wrong key: %q, %v; want the text unchanged and ErrTokenAuth", out, err)
	}
	var te *mask.TokenError
	if !errors.As(err, &te) || te.Offset != 3 {
		t.Errorf("error %v: want a *TokenError at offset 3", err)
	}
	var ue *mask.UnmaskError
	if !errors.As(err, &ue) || ue.Count != 2 || len(ue.Tokens) != 2 || ue.Tokens[1].Offset != strings.Index(text, "ssn=")+4 {
		t.Errorf("error %v: want both tokens listed", err)
	}
	checkErrorLeaksNothing(t, err, value, "jane@example.com")
	if _, _, err := other.Detokenize([]byte(tk.Token("Ssn-US", value))); !errors.Is(err, mask.ErrTokenAuth) {
		t.Errorf("Detokenize with wrong key: %v", err)
	}
}

// checkErrorLeaksNothing fails if err's text holds a secret or the key.
func checkErrorLeaksNothing(t *testing.T, err error, secrets ...string) {
	t.Helper()
	msg := err.Error()
	for _, s := range append(secrets, string(testKey)) {
		if s != "" && strings.Contains(msg, s) {
			t.Errorf("error %q leaks %q", msg, s)
		}
	}
}

// TestUnmaskEverySingleByteTamper changes each byte of a token to every
// other byte value. The result must be an error naming the token's offset,
// with the text returned as it was, except when the change hits the
// "<pii:" marker: then the text is no longer a token and must come back
// unchanged. Nothing is ever restored from a changed token.
func TestUnmaskEverySingleByteTamper(t *testing.T) {
	tk := testTokenizer(t)
	const value = "123-45-6789"
	tok := []byte(tk.Token("Ssn-US", value))
	const before, after = "ssn=", " end"
	for i := range tok {
		for b := range 256 {
			if byte(b) == tok[i] {
				continue
			}
			bad := bytes.Clone(tok)
			bad[i] = byte(b)
			text := []byte(before + string(bad) + after)
			out, err := tk.Unmask(text)
			if err == nil {
				if i >= len(mask.TokenPrefix) || !bytes.Equal(out, text) {
					t.Fatalf("tamper at %d (%#x) accepted: %q", i, b, out)
				}
				continue
			}
			if !bytes.Equal(out, text) {
				t.Fatalf("tamper at %d: output %q with error %v", i, out, err)
			}
			var te *mask.TokenError
			if !errors.As(err, &te) || te.Offset != len(before) {
				t.Fatalf("tamper at %d: error %v does not name offset %d", i, err, len(before))
			}
			if !errors.Is(err, mask.ErrTokenAuth) && !errors.Is(err, mask.ErrTokenMalformed) && !errors.Is(err, mask.ErrTokenVersion) {
				t.Fatalf("tamper at %d: unexpected error %v", i, err)
			}
			checkErrorLeaksNothing(t, err, value)
			if _, _, err := tk.Detokenize(bad); err == nil {
				t.Fatalf("Detokenize accepted tamper at %d", i)
			}
		}
	}
}

func TestUnmaskTruncated(t *testing.T) {
	tk := testTokenizer(t)
	tok := tk.Token("Ssn-US", "123-45-6789")
	payloadStart := strings.LastIndexByte(tok, ':') + 1
	for n := 1; n < len(tok); n++ {
		cut := tok[:n]
		// Cut short, in text and at the end of the text.
		for _, text := range []string{"x " + cut + " y", "x " + cut, "x " + cut + "\n" + tok} {
			out, err := tk.UnmaskString(text)
			if n < len(mask.TokenPrefix) {
				// Not a token: left as it is.
				want := strings.Replace(text, tok, "123-45-6789", 1)
				if err != nil || out != want {
					t.Errorf("prefix of %d bytes: %q, %v; want %q", n, out, err, want)
				}
				continue
			}
			if err == nil {
				t.Errorf("truncated to %d bytes accepted: %q", n, out)
			}
		}
		// Cut short but closed again.
		if n > payloadStart && n < len(tok)-1 {
			if _, err := tk.UnmaskString(tok[:n] + ">"); err == nil {
				t.Errorf("payload cut to %d bytes and closed accepted", n)
			}
		}
		if _, _, err := tk.Detokenize([]byte(cut)); err == nil {
			t.Errorf("Detokenize accepted %d-byte prefix", n)
		}
	}
}

func TestUnmaskMalformed(t *testing.T) {
	tk := testTokenizer(t)
	good := tk.Token("Ssn-US", "123-45-6789")
	payload := good[strings.LastIndexByte(good, ':')+1 : len(good)-1]
	tests := []struct {
		text string
		is   error
		at   int
	}{
		{"<pii:", mask.ErrTokenMalformed, 0},
		{"a <pii:v2:Ssn-US:" + payload, mask.ErrTokenMalformed, 2},
		{"<pii:v3:Ssn-US:" + payload + ">", mask.ErrTokenVersion, 0},
		{"<pii:v10:Ssn-US:" + payload + ">", mask.ErrTokenVersion, 0},
		{"<pii:v1:Ssn-US:" + payload + ">", mask.ErrTokenAuth, 0}, // a v2 payload read as v1
		{"<pii:v:Ssn-US:" + payload + ">", mask.ErrTokenMalformed, 0},
		{"<pii:1:Ssn-US:" + payload + ">", mask.ErrTokenMalformed, 0},
		{"<pii:v1234567890:Ssn-US:" + payload + ">", mask.ErrTokenMalformed, 0},
		{"<pii:v1::" + payload + ">", mask.ErrTokenMalformed, 0},
		{"<pii:v1:Ssn US:" + payload + ">", mask.ErrTokenMalformed, 0},
		{"<pii:v1:" + strings.Repeat("A", 129) + ":" + payload + ">", mask.ErrTokenMalformed, 0},
		{"<pii:v2:Ssn-US:" + payload + "=>", mask.ErrTokenMalformed, 0},  // padding
		{"<pii:v2:Ssn-US:" + payload + "ab>", mask.ErrTokenMalformed, 0}, // bad length
		{"<pii:v2:Ssn-US:" + payload + "0>", mask.ErrTokenMalformed, 0},  // not in the alphabet
		{"<pii:v2:Ssn-US:>", mask.ErrTokenMalformed, 0},
		{"<pii:v2:Ssn-US:aaaaaaaa>", mask.ErrTokenMalformed, 0}, // shorter than the IV
		{"<pii:v1:Ssn-US:AAAA>", mask.ErrTokenMalformed, 0},     // shorter than v1's nonce + tag
		{"<pii:v2:Ssn-ES:" + payload + ">", mask.ErrTokenAuth, 0},
		{good + " <pii:v2:Ssn-US:" + payload + "\n", mask.ErrTokenMalformed, len(good) + 1},
		{good + " <pii:oops", mask.ErrTokenMalformed, len(good) + 1},
	}
	for _, tt := range tests {
		out, err := tk.UnmaskString(tt.text)
		// Good tokens are restored, the bad one is left as it was.
		want := strings.Replace(tt.text, good, "123-45-6789", 1)
		var te *mask.TokenError
		if err == nil || out != want || !errors.Is(err, tt.is) || !errors.As(err, &te) || te.Offset != tt.at {
			t.Errorf("UnmaskString(%q) = %q, %v; want %q, %v at %d", tt.text, out, err, want, tt.is, tt.at)
		}
	}
	// A payload with non-zero padding bits: the same bytes spelled twice
	// would let a changed token through.
	last := payload[len(payload)-1]
	for _, c := range "abcdefghijkowxyzABCDEFGHIJKOWXYZ" {
		if byte(c) == last {
			continue
		}
		alt := "<pii:v2:Ssn-US:" + payload[:len(payload)-1] + string(c) + ">"
		if out, err := tk.UnmaskString(alt); err == nil {
			t.Errorf("last payload character %q accepted: %q", c, out)
		}
	}
}

func TestDetokenize(t *testing.T) {
	tk := testTokenizer(t)
	tok := tk.Token("Ssn-US", "123-45-6789")
	for _, bad := range []string{"", "x" + tok, tok + "x", tok + tok, " " + tok} {
		if id, v, err := tk.Detokenize([]byte(bad)); err == nil || id != "" || v != nil {
			t.Errorf("Detokenize(%q) = %q, %q, %v; want an error", bad, id, v, err)
		}
	}
}

func TestNewTokenizerErrors(t *testing.T) {
	tests := []struct {
		key []byte
		is  error
	}{
		{nil, mask.ErrShortKey},
		{[]byte("sixteen bytes!!!"), mask.ErrShortKey},
		{testKey[:31], mask.ErrShortKey},
		{make([]byte, 32), mask.ErrWeakKey},
		{bytes.Repeat([]byte("k"), 64), mask.ErrWeakKey},
	}
	for _, tt := range tests {
		tk, err := mask.NewTokenizer(tt.key)
		if tk != nil || !errors.Is(err, tt.is) {
			t.Errorf("NewTokenizer(%d bytes) = %v, %v; want %v", len(tt.key), tk, err, tt.is)
			continue
		}
		checkErrorLeaksNothing(t, err, string(tt.key))
	}
	if _, err := mask.NewTokenizer(append(bytes.Clone(testKey), "longer keys are fine"...)); err != nil {
		t.Errorf("long key rejected: %v", err)
	}
}

func TestTokenizerConcurrent(t *testing.T) {
	tk := testTokenizer(t)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 100 {
				v := strings.Repeat("v", g+i)
				out, err := tk.UnmaskString("<" + tk.Token("X", v) + ">")
				if err != nil || out != "<"+v+">" {
					t.Errorf("concurrent round trip: %q, %v", out, err)
					return
				}
			}
		})
	}
	wg.Wait()
}
