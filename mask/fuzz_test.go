package mask_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/piiguard/piiguard/mask"
)

// FuzzUnmask checks, for arbitrary input:
//
//   - Unmask of arbitrary text never panics; it fails only with an
//     *UnmaskError whose tokens are at occurrences of "<pii:", and text
//     without "<pii:" comes back unchanged;
//   - a valid token for (ident, value), set in text that holds no other
//     token, unmasks to value;
//   - that token with byte pos changed to b is rejected (an error at the
//     token's offset, the text returned exactly as it was) or, when the
//     change breaks the "<pii:" marker, left as it is; nothing is ever
//     restored from it, and a good token after it is still restored.
//
// The seed corpus is in testdata/fuzz/FuzzUnmask.
func FuzzUnmask(f *testing.F) {
	tk, err := mask.NewTokenizer(testKey)
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte("plain text"), "Ssn-US", []byte("123-45-6789"), uint(0), byte('x'))
	f.Add([]byte(tk.Token("EmailAddress", "jane@example.com")), "Name", []byte(""), uint(20), byte('A'))
	f.Add([]byte("<pii:v1:X:"), "", []byte("<pii:v1:X:AAAA>"), uint(7), byte('2'))

	f.Fuzz(func(t *testing.T, text []byte, ident string, value []byte, pos uint, b byte) {
		// Arbitrary text.
		out, err := tk.Unmask(text)
		if err != nil {
			var ue *mask.UnmaskError
			if out == nil || !errors.As(err, &ue) || ue.Count < len(ue.Tokens) || len(ue.Tokens) == 0 {
				t.Fatalf("Unmask(%q) = %q, %v", text, out, err)
			}
			for _, te := range ue.Tokens {
				if te.Offset < 0 || te.Offset >= len(text) || !bytes.HasPrefix(text[te.Offset:], []byte(mask.TokenPrefix)) {
					t.Fatalf("Unmask(%q): bad token reported at %d", text, te.Offset)
				}
			}
		} else if !bytes.Contains(text, []byte(mask.TokenPrefix)) && !bytes.Equal(out, text) {
			t.Fatalf("Unmask changed text without tokens: %q -> %q", text, out)
		}

		// A valid token in text that holds no other token.
		plain := bytes.ReplaceAll(text, []byte("<"), []byte("["))
		tok := tk.AppendToken(nil, ident, value)
		in := bytes.Join([][]byte{plain, tok, plain}, nil)
		out, err = tk.Unmask(in)
		want := bytes.Join([][]byte{plain, value, plain}, nil)
		if err != nil || !bytes.Equal(out, want) {
			t.Fatalf("round trip of %q under %q: %q, %v", value, ident, out, err)
		}
		gotID, gotValue, err := tk.Detokenize(tok)
		if err != nil || gotID != mask.SafeIdentifier(ident) || !bytes.Equal(gotValue, value) {
			t.Fatalf("Detokenize: %q, %q, %v", gotID, gotValue, err)
		}

		// The token with one byte changed.
		i := int(pos % uint(len(tok)))
		if tok[i] == b {
			return
		}
		bad := bytes.Clone(tok)
		bad[i] = b
		in = bytes.Join([][]byte{plain, bad, plain, tok}, nil)
		want = bytes.Join([][]byte{plain, bad, plain, value}, nil)
		out, err = tk.Unmask(in)
		if err == nil {
			if i >= len(mask.TokenPrefix) || !bytes.Equal(out, want) {
				t.Fatalf("changed token accepted (byte %d to %#x): %q", i, b, out)
			}
			return
		}
		var te *mask.TokenError
		if !bytes.Equal(out, want) || !errors.As(err, &te) || te.Offset != len(plain) {
			t.Fatalf("changed token (byte %d to %#x): %q, %v; want %q and an error at %d", i, b, out, err, want, len(plain))
		}
	})
}
