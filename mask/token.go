package mask

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"

	"github.com/piiguard/piiguard/detector"
)

// Token format, version 1.
const (
	// TokenPrefix starts every token. Unmask treats every occurrence of
	// it in a text as the start of a token, so text to be unmasked must
	// not contain it otherwise.
	TokenPrefix = "<pii:"
	// TokenVersion is the version this package writes and reads.
	TokenVersion = "v1"

	tokenNonceSize = 12 // AES-GCM's standard nonce
	tokenTagSize   = 16 // AES-GCM's tag
	// TokenOverhead is how many bytes a token's payload adds to the value
	// before base64 encoding: the synthetic nonce and the GCM tag.
	TokenOverhead = tokenNonceSize + tokenTagSize

	tokenKeyInfo = "piiguard mask token v1 AES-256-GCM key"
	tokenIVInfo  = "piiguard mask token v1 synthetic IV HMAC-SHA256 key"
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

// Tokenizer is a reversible masker, this package's analogue of CloudWatch's
// logs:Unmask: it replaces each value with a token that holds the value
// encrypted and authenticated, and Unmask, given the same key, puts the
// values back. Whoever holds the key can unmask; whoever does not sees
// only tokens.
//
// # Token format (version 1)
//
//	<pii:v1:IDENTIFIER:PAYLOAD>
//
// for example "<pii:v1:Ssn-US:KBfXiefc2DGWe6udqynuOUaail2b5PCcZuLoCfBukEvVQS5fbVtJ>"
// (123-45-6789 under ExampleNewTokenizer's key), where
//
//   - IDENTIFIER is the finding's identifier name as SafeIdentifier writes
//     it (1 to 128 characters of A-Z a-z 0-9 _ -);
//   - PAYLOAD is base64url without padding (RFC 4648 §5; A-Z a-z 0-9 _ -)
//     of nonce || ciphertext || tag: 12 + len(value) + 16 bytes.
//
// Neither field can contain ':' or '>', so a token is parsed without
// ambiguity, and a token holds no quote, backslash, space or line break:
// it can sit inside a JSON string or a log line. (encoding/json's Marshal
// escapes '<' and '>' as \u003c and \u003e by default; unmask JSON after
// decoding it, or encode with SetEscapeHTML(false).) The version changes
// whenever the construction below does.
//
// # Construction
//
// Tokens are deterministic authenticated encryption in the SIV
// (synthetic IV) pattern of Rogaway and Shrimpton, composed from the
// standard library only. From the caller's key K, HKDF-SHA256 (RFC 5869)
// derives two independent 32-byte keys, Kenc and Kiv. With
// H = "pii:v1:" + IDENTIFIER,
//
//	nonce = HMAC-SHA256(Kiv, H || ":" || value)[:12]
//	ciphertext || tag = AES-256-GCM-Seal(Kenc, nonce, value, H)
//
// so the version and the identifier are bound as associated data, and the
// same value under the same identifier and key always gives the same token
// (equal values stay joinable in masked logs). Opening a token runs
// AES-256-GCM-Open, which authenticates before any plaintext is released,
// then recomputes the synthetic nonce and compares it in constant time.
// A wrong key, a changed identifier or any changed payload byte fails.
//
// Two distinct values share a nonce with probability about k²/2⁹⁷ among k
// distinct values, which would weaken GCM for that key; keep a key below
// about 2³² distinct values (rotate keys) for a margin of 2⁻³³.
//
// No AES-SIV (RFC 5297) package was acceptable: those on the Go module
// proxy are unmaintained or unaudited, and the standard library has
// neither AES-SIV nor AES-GCM-SIV. This composition uses only reviewed
// standard-library primitives (crypto/hkdf, crypto/hmac, crypto/aes,
// crypto/cipher); it is not RFC 5297 and its tokens are not
// interchangeable with AES-SIV's.
//
// A Tokenizer is safe for concurrent use.
type Tokenizer struct {
	aead  cipher.AEAD
	ivKey []byte
}

// NewTokenizer returns a Tokenizer for key, which must be at least
// MinTokenKeyLength (32) bytes of secret random key material (see
// LoadKey) and not one repeated byte. The key is not kept: only keys
// derived from it. Errors never contain key bytes.
func NewTokenizer(key []byte) (*Tokenizer, error) {
	if err := checkKey("token key", key, MinTokenKeyLength); err != nil {
		return nil, err
	}
	encKey, err := hkdf.Key(sha256.New, key, nil, tokenKeyInfo, 32)
	if err != nil {
		return nil, fmt.Errorf("mask: deriving token keys: %w", err)
	}
	ivKey, err := hkdf.Key(sha256.New, key, nil, tokenIVInfo, 32)
	if err != nil {
		return nil, fmt.Errorf("mask: deriving token keys: %w", err)
	}
	block, err := aes.NewCipher(encKey)
	if err != nil {
		return nil, fmt.Errorf("mask: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("mask: %w", err)
	}
	return &Tokenizer{aead: aead, ivKey: ivKey}, nil
}

// AppendMask appends the token for value under f.Identifier.
func (t *Tokenizer) AppendMask(dst, value []byte, f detector.Finding) []byte {
	return t.AppendToken(dst, f.Identifier, value)
}

// AppendToken appends the token for value under identifier, as AppendMask
// does for a finding.
func (t *Tokenizer) AppendToken(dst []byte, identifier string, value []byte) []byte {
	var hBuf [len("pii:v1:") + maxIdentifierLength]byte
	h := append(hBuf[:0], TokenPrefix[1:]...)
	h = append(h, TokenVersion...)
	h = append(h, ':')
	h = appendSafeIdentifier(h, identifier)

	payload := make([]byte, tokenNonceSize, TokenOverhead+len(value))
	t.syntheticNonce(payload[:0], h, value)
	payload = t.aead.Seal(payload, payload[:tokenNonceSize], value, h)

	dst = append(dst, '<')
	dst = append(dst, h...)
	dst = append(dst, ':')
	dst = base64.RawURLEncoding.AppendEncode(dst, payload)
	return append(dst, '>')
}

// Token returns the token for value under identifier.
func (t *Tokenizer) Token(identifier, value string) string {
	return string(t.AppendToken(nil, identifier, []byte(value)))
}

// syntheticNonce appends HMAC-SHA256(ivKey, h || ":" || value)[:12] to dst.
func (t *Tokenizer) syntheticNonce(dst, h, value []byte) []byte {
	m := hmac.New(sha256.New, t.ivKey)
	m.Write(h)
	m.Write([]byte{':'})
	m.Write(value)
	var sum [sha256.Size]byte
	return append(dst, m.Sum(sum[:0])[:tokenNonceSize]...)
}

// Unmask returns a copy of text with every token replaced by the value it
// holds. Every occurrence of TokenPrefix must start a valid token made with
// this Tokenizer's key; otherwise Unmask returns nil and a *TokenError
// naming the byte offset of the first bad token (errors.Is it with
// ErrTokenMalformed, ErrTokenVersion or ErrTokenAuth). A text without
// TokenPrefix comes back unchanged. A token whose "<pii:" itself was
// damaged is no longer a token and stays in the text as it is: nothing is
// ever restored from it.
func (t *Tokenizer) Unmask(text []byte) ([]byte, error) {
	i := bytes.Index(text, []byte(TokenPrefix))
	if i < 0 {
		return bytes.Clone(text), nil
	}
	out := make([]byte, 0, len(text))
	pos := 0
	for i >= 0 {
		start := pos + i
		out = append(out, text[pos:start]...)
		var n int
		var err error
		out, n, err = t.appendOpen(out, text[start:])
		if err != nil {
			return nil, &TokenError{Offset: start, Err: err}
		}
		pos = start + n
		i = bytes.Index(text[pos:], []byte(TokenPrefix))
	}
	return append(out, text[pos:]...), nil
}

// UnmaskString is Unmask for a string.
func (t *Tokenizer) UnmaskString(text string) (string, error) {
	out, err := t.Unmask([]byte(text))
	if err != nil {
		return "", err
	}
	return string(out), nil
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

// appendOpen opens the token at the start of s, appends its value to dst
// and returns the token's length in s.
func (t *Tokenizer) appendOpen(dst, s []byte) ([]byte, int, error) {
	tok, err := parseToken(s)
	if err != nil {
		return dst, 0, err
	}
	dst, err = t.open(dst, tok)
	return dst, tok.n, err
}

// open authenticates and decrypts a parsed token, appending the value to
// dst.
func (t *Tokenizer) open(dst []byte, tok parsedToken) ([]byte, error) {
	nonce, sealed := tok.payload[:tokenNonceSize], tok.payload[tokenNonceSize:]
	n := len(dst)
	out, err := t.aead.Open(dst, nonce, sealed, tok.header)
	if err != nil {
		return dst, ErrTokenAuth
	}
	var ivBuf [tokenNonceSize]byte
	if !hmac.Equal(t.syntheticNonce(ivBuf[:0], tok.header, out[n:]), nonce) {
		clear(out[n:])
		return dst, ErrTokenAuth
	}
	return out, nil
}

// parsedToken is a token's syntax, not yet authenticated.
type parsedToken struct {
	header  []byte // "pii:v1:IDENTIFIER", the associated data
	id      []byte // IDENTIFIER
	payload []byte // decoded: nonce || ciphertext || tag
	n       int    // length of the token text
}

// tokenPayloadEncoding decodes payloads, rejecting non-zero padding bits
// so that each payload has exactly one spelling.
var tokenPayloadEncoding = base64.RawURLEncoding.Strict()

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
	if string(s[i:j]) != TokenVersion {
		return tok, fmt.Errorf("%w %s (this package reads %s)", ErrTokenVersion, s[i:j], TokenVersion)
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
	// Payload, '>'. The base64url alphabet is the identifier's.
	i = j + 1
	j = i
	for j < len(s) && isIdentifierByte(s[j]) {
		j++
	}
	if j >= len(s) || s[j] != '>' {
		return tok, fmt.Errorf("%w: payload not closed by '>'", ErrTokenMalformed)
	}
	payload, err := tokenPayloadEncoding.AppendDecode(nil, s[i:j])
	if err != nil {
		return tok, fmt.Errorf("%w: payload is not canonical unpadded base64url", ErrTokenMalformed)
	}
	if len(payload) < TokenOverhead {
		return tok, fmt.Errorf("%w: payload too short", ErrTokenMalformed)
	}
	tok.payload = payload
	tok.n = j + 1
	return tok, nil
}
