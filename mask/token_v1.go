package mask

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
)

// Version 1 tokens, read only.
//
//	<pii:v1:IDENTIFIER:PAYLOAD>
//
// PAYLOAD is base64url without padding of nonce || ciphertext || tag.
// From the key K, HKDF-SHA256 derives Kenc and Kiv (32 bytes each, info
// strings tokenV1KeyInfo and tokenV1IVInfo); with H = "pii:v1:" +
// IDENTIFIER,
//
//	nonce = HMAC-SHA256(Kiv, H || ":" || value)[:12]
//	ciphertext || tag = AES-256-GCM-Seal(Kenc, nonce, value, H)
//
// Opening runs AES-256-GCM-Open, then recomputes the synthetic nonce and
// compares it in constant time.
const (
	tokenV1NonceSize = 12
	tokenV1TagSize   = 16
	tokenV1KeyInfo   = "piiguard mask token v1 AES-256-GCM key"
	tokenV1IVInfo    = "piiguard mask token v1 synthetic IV HMAC-SHA256 key"
)

// tokenV1 opens version 1 tokens.
type tokenV1 struct {
	aead  cipher.AEAD
	ivKey []byte
}

func (v *tokenV1) init(key []byte) error {
	encKey, err := hkdf.Key(sha256.New, key, nil, tokenV1KeyInfo, 32)
	if err != nil {
		return fmt.Errorf("mask: deriving token keys: %w", err)
	}
	v.ivKey, err = hkdf.Key(sha256.New, key, nil, tokenV1IVInfo, 32)
	if err != nil {
		return fmt.Errorf("mask: deriving token keys: %w", err)
	}
	block, err := aes.NewCipher(encKey)
	if err != nil {
		return fmt.Errorf("mask: %w", err)
	}
	v.aead, err = cipher.NewGCM(block)
	if err != nil {
		return fmt.Errorf("mask: %w", err)
	}
	return nil
}

// syntheticNonce appends HMAC-SHA256(ivKey, h || ":" || value)[:12] to dst.
func (v *tokenV1) syntheticNonce(dst, h, value []byte) []byte {
	m := hmac.New(sha256.New, v.ivKey)
	m.Write(h)
	m.Write([]byte{':'})
	m.Write(value)
	var sum [sha256.Size]byte
	return append(dst, m.Sum(sum[:0])[:tokenV1NonceSize]...)
}

// open authenticates and decrypts a version 1 token, appending the value
// to dst; on error dst is returned unchanged.
func (v *tokenV1) open(dst []byte, tok parsedToken) ([]byte, error) {
	nonce, sealed := tok.payload[:tokenV1NonceSize], tok.payload[tokenV1NonceSize:]
	n := len(dst)
	out, err := v.aead.Open(dst, nonce, sealed, tok.header)
	if err != nil {
		return dst, ErrTokenAuth
	}
	var ivBuf [tokenV1NonceSize]byte
	if !hmac.Equal(v.syntheticNonce(ivBuf[:0], tok.header, out[n:]), nonce) {
		clear(out[n:])
		return out[:n], ErrTokenAuth
	}
	return out, nil
}

// tokenV1Encoding decodes version 1 payloads, rejecting non-zero padding
// bits so that each payload has exactly one spelling.
var tokenV1Encoding = base64.RawURLEncoding.Strict()

// decodeV1Payload decodes a version 1 payload.
func decodeV1Payload(s []byte) ([]byte, bool) {
	payload, err := tokenV1Encoding.AppendDecode(nil, s)
	if err != nil || len(payload) < tokenV1NonceSize+tokenV1TagSize {
		return nil, false
	}
	return payload, true
}
