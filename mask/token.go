package mask

import (
	"bytes"
	"crypto/hkdf"
	"crypto/sha256"
	"errors"
	"fmt"

	"github.com/tink-crypto/tink-go/v2/daead/subtle"

	"github.com/piiguard/piiguard/detector"
)

// Token format.
const (
	// TokenPrefix starts every token. Unmask treats every occurrence of
	// it in a text as the start of a token.
	TokenPrefix = "<pii:"
	// TokenVersion is the version this package writes. It reads it and
	// version 1.
	TokenVersion = "v2"
	// TokenOverhead is how many bytes a token's payload adds to the value
	// before encoding: the 16-byte synthetic IV of AES-SIV.
	TokenOverhead = tokenSIVSize

	tokenSIVSize = 16
	tokenKeyInfo = "piiguard mask token v2 AES-SIV-CMAC-512 key"
)

// Token errors, wrapped in a *TokenError; test with errors.Is.
var (
	// ErrTokenMalformed: text that starts with TokenPrefix is not a
	// well-formed token (damaged, cut short, or not a token at all).
	ErrTokenMalformed = errors.New("malformed token")
	// ErrTokenVersion: the token is of a version this package cannot read.
	ErrTokenVersion = errors.New("unsupported token version")
	// ErrTokenAuth: the token failed authentication: it was made with
	// another key, or it was altered.
	ErrTokenAuth = errors.New("token failed authentication (wrong key or altered token)")
)

// A TokenError reports a token that could not be opened. It never holds
// the token's content, the plaintext or the key.
type TokenError struct {
	// Offset is the byte offset of the token's '<' in the text given to
	// Unmask (0 for Detokenize).
	Offset int
	// Err is ErrTokenMalformed, ErrTokenVersion or ErrTokenAuth,
	// possibly wrapped with a detail.
	Err error
}

func (e *TokenError) Error() string {
	return fmt.Sprintf("mask: token at byte %d: %v", e.Offset, e.Err)
}

func (e *TokenError) Unwrap() error { return e.Err }

// maxUnmaskErrors bounds the bad tokens an UnmaskError lists one by one.
const maxUnmaskErrors = 16

// An UnmaskError reports the tokens that Unmask (or UnmaskJSON) could not
// open. The text returned with it has every other token restored and
// holds these tokens exactly as they were. Use errors.Is with
// ErrTokenMalformed, ErrTokenVersion or ErrTokenAuth, or errors.As with a
// *TokenError (which gives the first). It never holds content.
type UnmaskError struct {
	// Tokens are the first bad tokens (at most 16), in text order.
	Tokens []*TokenError
	// Count is how many tokens were bad in all.
	Count int
}

func (e *UnmaskError) Error() string {
	if e.Count == 1 {
		return fmt.Sprintf("%v; left as it was", e.Tokens[0])
	}
	return fmt.Sprintf("mask: %d tokens could not be opened and were left as they were; the first: token at byte %d: %v",
		e.Count, e.Tokens[0].Offset, e.Tokens[0].Err)
}

// Unwrap returns the listed *TokenErrors.
func (e *UnmaskError) Unwrap() []error {
	errs := make([]error, len(e.Tokens))
	for i, te := range e.Tokens {
		errs[i] = te
	}
	return errs
}

// add records a bad token.
func (e *UnmaskError) add(te *TokenError) {
	e.Count++
	if len(e.Tokens) < maxUnmaskErrors {
		e.Tokens = append(e.Tokens, te)
	}
}

// Tokenizer is a reversible masker, this package's analogue of CloudWatch's
// logs:Unmask: it replaces each value with a token that holds the value
// encrypted and authenticated, and Unmask, given the same key, puts the
// values back. Whoever holds the key can unmask; whoever does not sees
// only tokens.
//
// # Token format (version 2)
//
//	<pii:v2:IDENTIFIER:PAYLOAD>
//
// for example "<pii:v2:Ssn-US:...>" (see ExampleNewTokenizer), where
//
//   - IDENTIFIER is the finding's identifier name as SafeIdentifier writes
//     it (1 to 128 characters of A-Z a-z 0-9 _ -);
//   - PAYLOAD is the AES-SIV output, synthetic IV || ciphertext (16 +
//     len(value) bytes), in unpadded base32 (RFC 4648 §6) over a 32-letter
//     alphabet, "abcdefghijkowxyzABCDEFGHIJKOWXYZ": letters only, so that
//     no identifier of the catalog matches inside a token (see the
//     package documentation on the shape of masks).
//
// Neither field can contain ':' or '>', so a token is parsed without
// ambiguity, and a token holds no quote, backslash, space or line break:
// it can sit inside a JSON string or a log line. (encoding/json's Marshal
// escapes '<' and '>' as \u003c and \u003e by default; unmask JSON after
// decoding it, or encode with SetEscapeHTML(false).) A token of a value of
// n bytes is 10 + len(IDENTIFIER) + ceil(8(16+n)/5) bytes long: an
// 11-byte social security number gives a 60-byte token (version 1: 68),
// a 40-byte AWS secret key a 112-byte one (version 1: 113); long values
// grow by 8/5 (version 1: 4/3).
//
// # Construction
//
// Tokens are deterministic authenticated encryption, AES-SIV (RFC 5297,
// AES-CMAC-256 for the synthetic IV and AES-256-CTR), as implemented by
// Google's Tink (github.com/tink-crypto/tink-go/v2, daead/subtle.AESSIV).
// The caller's key K is not used directly: HKDF-SHA256 (RFC 5869) with the
// info string "piiguard mask token v2 AES-SIV-CMAC-512 key" derives the
// 64-byte AES-SIV key from it, so the same key file given to Hash (which
// derives its own key with another info string) yields unrelated keys. The
// associated data is "pii:v2:" + IDENTIFIER: the version and the
// identifier are authenticated with the value, and a token moved under
// another identifier name fails. Opening a token authenticates it before
// any plaintext is released; a wrong key or any changed byte fails.
//
// # Limits
//
//   - Determinism leaks equality: the same value under the same
//     identifier and key always gives the same token, which is what lets
//     masked logs be joined and counted by value, and also lets anyone
//     see which entries share a value, and confirm a guess of a value they
//     can get tokenized. Values of few possibilities (a yes/no field, a
//     birth year) are therefore not hidden by a token from whoever can
//     submit values; use Hash or Asterisk for those.
//   - Length leaks: the token grows with the value (one letter per 5
//     bits), so the value's length in bytes is visible.
//   - AES-SIV is misuse-resistant but, like any deterministic scheme, is
//     not semantically secure; its bound stays far from reach for any
//     realistic number of tokens per key (RFC 5297 §7). Rotate keys as a
//     matter of policy, not of volume.
//   - Version 1 tokens ("<pii:v1:...>", HKDF-SHA256 keys, an
//     HMAC-SHA256 synthetic nonce and AES-256-GCM, base64url) are still
//     read by Unmask and Detokenize; they are no longer written.
//
// A Tokenizer is safe for concurrent use.
type Tokenizer struct {
	siv *subtle.AESSIV
	v1  tokenV1
}

// NewTokenizer returns a Tokenizer for key, which must be at least
// MinTokenKeyLength (32) bytes of secret random key material (see
// LoadKey) and not one repeated byte. The key is not kept: only keys
// derived from it. Errors never contain key bytes.
func NewTokenizer(key []byte) (*Tokenizer, error) {
	if err := checkKey("token key", key, MinTokenKeyLength); err != nil {
		return nil, err
	}
	sivKey, err := hkdf.Key(sha256.New, key, nil, tokenKeyInfo, subtle.AESSIVKeySize)
	if err != nil {
		return nil, fmt.Errorf("mask: deriving token keys: %w", err)
	}
	siv, err := subtle.NewAESSIV(sivKey)
	if err != nil {
		return nil, fmt.Errorf("mask: token key: %w", err)
	}
	t := &Tokenizer{siv: siv}
	if err := t.v1.init(key); err != nil {
		return nil, err
	}
	return t, nil
}

// AppendMask appends the token for value under f.Identifier.
func (t *Tokenizer) AppendMask(dst, value []byte, f detector.Finding) []byte {
	return t.AppendToken(dst, f.Identifier, value)
}

// AppendToken appends the token for value under identifier, as AppendMask
// does for a finding.
func (t *Tokenizer) AppendToken(dst []byte, identifier string, value []byte) []byte {
	var hBuf [len("pii:v2:") + maxIdentifierLength]byte
	h := append(hBuf[:0], TokenPrefix[1:]...)
	h = append(h, TokenVersion...)
	h = append(h, ':')
	h = appendSafeIdentifier(h, identifier)

	payload, err := t.siv.EncryptDeterministically(value, h)
	if err != nil {
		// Only a value longer than the address space fails; masking
		// must never write the value, so write an empty payload, which
		// Unmask reports as malformed.
		payload = nil
	}
	dst = append(dst, '<')
	dst = append(dst, h...)
	dst = append(dst, ':')
	dst = digestEncoding.AppendEncode(dst, payload)
	return append(dst, '>')
}

// Token returns the token for value under identifier.
func (t *Tokenizer) Token(identifier, value string) string {
	return string(t.AppendToken(nil, identifier, []byte(value)))
}

// Unmask returns a copy of text with every token replaced by the value it
// holds. A token it cannot open (made with another key, altered,
// truncated, of an unknown version) is left in the text exactly as it is,
// every other token on either side of it is still restored, and Unmask
// returns that text together with an *UnmaskError naming each bad
// token's byte offset and what was wrong, never its content. The text is
// nil only when text is. A text without TokenPrefix comes back unchanged.
// A token whose "<pii:" itself was damaged is no longer a token and stays
// in the text as it is: nothing is ever restored from it.
func (t *Tokenizer) Unmask(text []byte) ([]byte, error) {
	if text == nil {
		return nil, nil
	}
	i := bytes.Index(text, []byte(TokenPrefix))
	if i < 0 {
		return bytes.Clone(text), nil
	}
	out := make([]byte, 0, len(text))
	var bad *UnmaskError
	pos := 0
	for i >= 0 {
		start := pos + i
		out = append(out, text[pos:start]...)
		var n int
		var err error
		out, n, err = t.appendOpen(out, text[start:])
		if err != nil {
			if bad == nil {
				bad = &UnmaskError{}
			}
			bad.add(&TokenError{Offset: start, Err: err})
			if n == 0 {
				n = len(TokenPrefix) // not even a token's syntax: skip its prefix
			}
			out = append(out, text[start:start+n]...)
		}
		pos = start + n
		i = bytes.Index(text[pos:], []byte(TokenPrefix))
	}
	out = append(out, text[pos:]...)
	if bad != nil {
		return out, bad
	}
	return out, nil
}

// UnmaskString is Unmask for a string.
func (t *Tokenizer) UnmaskString(text string) (string, error) {
	out, err := t.Unmask([]byte(text))
	return string(out), err
}

// Detokenize opens one token, which must be the whole of token, and
// returns the identifier name it records and the value it holds.
func (t *Tokenizer) Detokenize(token []byte) (identifier string, value []byte, err error) {
	if !bytes.HasPrefix(token, []byte(TokenPrefix)) {
		return "", nil, &TokenError{Err: fmt.Errorf("%w: no %q prefix", ErrTokenMalformed, TokenPrefix)}
	}
	tok, err := parseToken(token)
	if err == nil && tok.n != len(token) {
		err = fmt.Errorf("%w: trailing bytes after the token", ErrTokenMalformed)
	}
	if err == nil {
		value, err = t.open(nil, tok)
	}
	if err != nil {
		return "", nil, &TokenError{Err: err}
	}
	return string(tok.id), value, nil
}

// appendOpen opens the token at the start of s and appends its value to
// dst. It returns the token's length in s, or 0 when s does not hold a
// token's syntax; on error dst is returned unchanged.
func (t *Tokenizer) appendOpen(dst, s []byte) ([]byte, int, error) {
	tok, err := parseToken(s)
	if err != nil {
		return dst, 0, err
	}
	dst, err = t.open(dst, tok)
	return dst, tok.n, err
}

// open authenticates and decrypts a parsed token, appending the value to
// dst; on error dst is returned unchanged.
func (t *Tokenizer) open(dst []byte, tok parsedToken) ([]byte, error) {
	if tok.version == 1 {
		return t.v1.open(dst, tok)
	}
	value, err := t.siv.DecryptDeterministically(tok.payload, tok.header)
	if err != nil {
		return dst, ErrTokenAuth
	}
	dst = append(dst, value...)
	clear(value)
	return dst, nil
}

// parsedToken is a token's syntax, not yet authenticated.
type parsedToken struct {
	version int    // 1 or 2
	header  []byte // "pii:vN:IDENTIFIER", the associated data
	id      []byte // IDENTIFIER
	payload []byte // decoded
	n       int    // length of the token text
}

// maxVersionDigits bounds the digits read after 'v'.
const maxVersionDigits = 9

// parseToken parses the token at the start of s, which starts with
// TokenPrefix. Its errors describe the syntax, never the content.
func parseToken(s []byte) (parsedToken, error) {
	var tok parsedToken
	i := len(TokenPrefix)
	// Version: 'v', digits, ':'.
	if i >= len(s) || s[i] != 'v' {
		return tok, fmt.Errorf("%w: no version after %q", ErrTokenMalformed, TokenPrefix)
	}
	j := i + 1
	for j < len(s) && j-i-1 < maxVersionDigits && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i+1 || j >= len(s) || s[j] != ':' {
		return tok, fmt.Errorf("%w: bad version field", ErrTokenMalformed)
	}
	switch string(s[i:j]) {
	case "v1":
		tok.version = 1
	case "v2":
		tok.version = 2
	default:
		return tok, fmt.Errorf("%w %s (this package reads v1 and v2)", ErrTokenVersion, s[i:j])
	}
	// Identifier, ':'.
	i = j + 1
	j = i
	for j < len(s) && j-i <= maxIdentifierLength && isIdentifierByte(s[j]) {
		j++
	}
	if j == i || j-i > maxIdentifierLength || j >= len(s) || s[j] != ':' {
		return tok, fmt.Errorf("%w: bad identifier field", ErrTokenMalformed)
	}
	tok.header = s[1:j]
	tok.id = s[i:j]
	// Payload, '>'.
	i = j + 1
	j = i
	if tok.version == 1 {
		for j < len(s) && isIdentifierByte(s[j]) { // base64url
			j++
		}
	} else {
		for j < len(s) && isDigestByte(s[j]) {
			j++
		}
	}
	if j >= len(s) || s[j] != '>' {
		return tok, fmt.Errorf("%w: payload not closed by '>'", ErrTokenMalformed)
	}
	var ok bool
	if tok.version == 1 {
		tok.payload, ok = decodeV1Payload(s[i:j])
	} else {
		tok.payload, ok = decodeDigest(s[i:j])
		ok = ok && len(tok.payload) >= tokenSIVSize
	}
	if !ok {
		return tok, fmt.Errorf("%w: payload is not canonical or too short", ErrTokenMalformed)
	}
	tok.n = j + 1
	return tok, nil
}
