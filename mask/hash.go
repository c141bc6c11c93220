package mask

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"

	"github.com/piiguard/piiguard/detector"
)

// Hash lengths, in hex characters.
const (
	DefaultHashLength = 16
	MinHashLength     = 8
	MaxHashLength     = 2 * sha256.Size
)

// Hash is a keyed, one-way masker: it replaces a value with a truncated
// HMAC-SHA256 of it under a caller's secret key, so equal values give equal
// masks (logs can still be joined and counted by value) while the values
// cannot be recovered, nor guessed by hashing candidates without the key.
// There is no unkeyed variant: a plain hash of a social security or card
// number is reversed by trying every number.
//
// Format: "<hash:" + identifier + ":" + hex + ">", for example
// "<hash:Ssn-US:9ab00d2361f0ebaa>" (ExampleNewHash's key), where identifier is the finding's
// identifier name as SafeIdentifier writes it and hex is the first n
// lowercase hex characters (n = DefaultHashLength unless HashLength says
// otherwise) of
//
//	HMAC-SHA256(key, uint32_be(len(identifier)) || identifier || value)
//
// with identifier the same written name. The identifier is part of the
// input, so one value found under two identifiers hashes differently, and
// the whole value is hashed as it appears in the text (no normalisation:
// "123-45-6789" and "123456789" differ). The output never contains a
// quote, a backslash, a space or a line break.
//
// Truncation trades length against collisions: with 16 hex characters (64
// bits) two distinct values collide with probability about k²/2⁶⁵ among k
// values. A Hash is safe for concurrent use.
type Hash struct {
	key []byte
	n   int
}

// A HashOption configures NewHash.
type HashOption func(*Hash)

// HashLength sets the number of hex characters the hash keeps, from
// MinHashLength (8) to MaxHashLength (64); NewHash rejects other values.
func HashLength(hexChars int) HashOption {
	return func(h *Hash) { h.n = hexChars }
}

// NewHash returns a keyed hash masker. key must be at least
// MinHashKeyLength (16) bytes and not one repeated byte; NewHash keeps a
// copy of it. Errors never contain key bytes.
func NewHash(key []byte, opts ...HashOption) (*Hash, error) {
	if err := checkKey("hash key", key, MinHashKeyLength); err != nil {
		return nil, err
	}
	h := &Hash{key: append([]byte(nil), key...), n: DefaultHashLength}
	for _, o := range opts {
		o(h)
	}
	if h.n < MinHashLength || h.n > MaxHashLength {
		return nil, fmt.Errorf("mask: hash length %d is outside [%d, %d] hex characters", h.n, MinHashLength, MaxHashLength)
	}
	return h, nil
}

// AppendMask appends the hash mask of value under f.Identifier.
func (h *Hash) AppendMask(dst, value []byte, f detector.Finding) []byte {
	return h.AppendHash(dst, f.Identifier, value)
}

// AppendHash appends the hash mask of value under identifier, as
// AppendMask does for a finding.
func (h *Hash) AppendHash(dst []byte, identifier string, value []byte) []byte {
	var idBuf [maxIdentifierLength]byte
	id := appendSafeIdentifier(idBuf[:0], identifier)

	m := hmac.New(sha256.New, h.key)
	var l [4]byte
	binary.BigEndian.PutUint32(l[:], uint32(len(id)))
	m.Write(l[:])
	m.Write(id)
	m.Write(value)
	var sum [sha256.Size]byte
	var hx [2 * sha256.Size]byte
	hex.Encode(hx[:], m.Sum(sum[:0]))

	dst = append(dst, "<hash:"...)
	dst = append(dst, id...)
	dst = append(dst, ':')
	dst = append(dst, hx[:h.n]...)
	return append(dst, '>')
}

// HashString returns the hash mask of value under identifier.
func (h *Hash) HashString(identifier, value string) string {
	return string(h.AppendHash(nil, identifier, []byte(value)))
}
