package tokenerr

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/mask"
)

func TestDescribe(t *testing.T) {
	tests := []struct {
		name string
		err  error
		base int64
		want string
	}{
		{"auth", &mask.TokenError{Offset: 7, Err: mask.ErrTokenAuth}, 0, "token at byte 7: token failed authentication (wrong key or altered token)"},
		{"version with base", &mask.TokenError{Offset: 3, Err: mask.ErrTokenVersion}, 100, "token at byte 103: token of an unsupported version"},
		{"malformed, detail left out", &mask.TokenError{Err: errors.Join(mask.ErrTokenMalformed, errors.New("payload SECRET"))}, 0, "token at byte 0: malformed token"},
		{"in an UnmaskError", &mask.UnmaskError{Tokens: []*mask.TokenError{{Offset: 9, Err: mask.ErrTokenAuth}}, Count: 1}, 1, "token at byte 10: token failed authentication (wrong key or altered token)"},
		{"other error", errors.New("disk full"), 0, "token could not be opened"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Describe(tc.err, tc.base); got != tc.want {
				t.Errorf("Describe = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestDescribeRealTokens describes the errors of unmasking real tokens,
// altered or opened with another key, and checks the place and that no
// byte of the value is in the description.
func TestDescribeRealTokens(t *testing.T) {
	key := make([]byte, 32)
	for i := range key {
		key[i] = byte(i*37 + 11)
	}
	tk, err := mask.NewTokenizer(key)
	if err != nil {
		t.Fatal(err)
	}
	other, err := mask.NewTokenizer(append(bytes.Clone(key[1:]), 1))
	if err != nil {
		t.Fatal(err)
	}
	tok := tk.Token("EmailAddress", "jane@example.com")
	prefix := "mail: "
	altered := []byte(prefix + tok)
	altered[len(altered)-3] ^= 1 // a payload byte, still base64url
	for _, tc := range []struct {
		name string
		tk   *mask.Tokenizer
		text string
		want string
	}{
		{"wrong key", other, prefix + tok, "token at byte 106: token failed authentication (wrong key or altered token)"},
		{"altered", tk, string(altered), "token at byte 106: token failed authentication (wrong key or altered token)"},
		{"cut short", tk, prefix + tok[:len(tok)-1], "token at byte 106: malformed token"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.tk.UnmaskString(tc.text)
			if err == nil {
				t.Fatal("no error")
			}
			got := Describe(err, 100)
			if got != tc.want {
				t.Errorf("Describe = %q, want %q", got, tc.want)
			}
			if strings.Contains(got, "jane") || strings.Contains(got, tok[len(mask.TokenPrefix):]) {
				t.Errorf("Describe = %q holds bytes of the text", got)
			}
		})
	}
}
