package mask

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"fmt"

	"github.com/piiguard/piiguard/pii"
)

// Hash lengths, in characters of 4 bits each.
const (
	hashKeyInfo = "piiguard mask hash v2 HMAC-SHA256 key"

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
// Format: "<hash:" + identifier + ":" + digest + ">", for example
// "<hash:Ssn-US:...>" (see ExampleNewHash), where identifier is the
// finding's identifier name as SafeIdentifier writes it and digest is the
// first n 4-bit digits (n = HashOptions.Length, DefaultHashLength
// unless set) of
//
//	HMAC-SHA256(Kh, uint32_be(len(identifier)) || identifier || value)
//
// written with the letters "abcdefghijkowxyz" for 0 to 15 (hexadecimal
// with other digits: letters only, so that no identifier of the catalog
// matches inside a hash; see the package documentation on the shape of
// masks), and Kh = HKDF-SHA256(key, info "piiguard mask hash v2
// HMAC-SHA256 key"), so that the same key given to a Tokenizer yields
// unrelated keys. The identifier is part of the input, so one value found
// under two identifiers hashes differently, and the whole value is hashed
// as it appears in the text (no normalisation: "123-45-6789" and
// "123456789" differ). The output never contains a quote, a backslash, a
// space or a line break.
//
// Before this format (piiguard releases up to issue 12), hashes were the
// HMAC under the key itself in hex digits; they do not join with these.
//
// Truncation trades length against collisions: with 16 characters (64
// bits) two distinct values collide with probability about k²/2⁶⁵ among k
// values. A Hash is safe for concurrent use.
type Hash struct {
	key []byte
	n   int
}

// HashOptions configures NewHash. The zero value is the default.
type HashOptions struct {
	// Length is the number of 4-bit characters the hash keeps, from
	// MinHashLength (8) to MaxHashLength (64); 0 means DefaultHashLength
	// (16). NewHash rejects other values.
	Length int
}

// NewHash returns a keyed hash masker. key must be at least
// MinHashKeyLength (16) bytes and not one repeated byte; NewHash keeps
// only a key derived from it. Errors never contain key bytes.
func NewHash(key []byte, opts HashOptions) (*Hash, error) {
	if err := checkKey("hash key", key, MinHashKeyLength); err != nil {
		return nil, err
	}
	h := &Hash{n: opts.Length}
	if h.n == 0 {
		h.n = DefaultHashLength
	}
	if h.n < MinHashLength || h.n > MaxHashLength {
		return nil, fmt.Errorf("mask: hash length %d is outside [%d, %d] characters", h.n, MinHashLength, MaxHashLength)
	}
	var err error
	h.key, err = hkdf.Key(sha256.New, key, nil, hashKeyInfo, sha256.Size)
	if err != nil {
		return nil, fmt.Errorf("mask: deriving the hash key: %w", err)
	}
	return h, nil
}

// AppendMask appends the hash mask of value under f.Identifier.
func (h *Hash) AppendMask(dst, value []byte, f pii.Finding) []byte {
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
	m.Sum(sum[:0])

	dst = append(dst, "<hash:"...)
	dst = append(dst, id...)
	dst = append(dst, ':')
	for i := 0; i < h.n; i++ {
		b := sum[i/2]
		if i%2 == 0 {
			b >>= 4
		}
		dst = append(dst, hashDigits[b&0xf])
	}
	return append(dst, '>')
}

// HashString returns the hash mask of value under identifier.
func (h *Hash) HashString(identifier, value string) string {
	return string(h.AppendHash(nil, identifier, []byte(value)))
}
