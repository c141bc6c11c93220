package mask

import "encoding/base32"

// maskAlphabet is the alphabet of hash and token digests: letters only,
// chosen so that no identifier of the catalog matches inside a digest
// (see "The shape of masks" in the package documentation).
const maskAlphabet = "abcdefghijkowxyzABCDEFGHIJKOWXYZ"

// digestEncoding writes token payloads: base32 (RFC 4648 §6) over
// maskAlphabet, without padding. decodeDigest accepts only the spelling
// it writes.
var digestEncoding = base32.NewEncoding(maskAlphabet).WithPadding(base32.NoPadding)

// decodeDigest decodes a token payload, rejecting any spelling but the
// canonical one (non-zero trailing bits, an impossible length).
func decodeDigest(s []byte) ([]byte, bool) {
	b, err := digestEncoding.AppendDecode(nil, s)
	if err != nil || digestEncoding.EncodedLen(len(b)) != len(s) {
		return nil, false
	}
	var back [64]byte
	for i := 0; i < len(b); i += 40 {
		chunk := b[i:min(len(b), i+40)]
		n := digestEncoding.EncodedLen(len(chunk))
		digestEncoding.Encode(back[:n], chunk)
		if string(back[:n]) != string(s[i/5*8:i/5*8+n]) {
			return nil, false
		}
	}
	return b, true
}

// hashDigits are the 16 "digits" a Hash writes, one per 4 bits: the lower
// case half of maskAlphabet.
const hashDigits = "abcdefghijkowxyz"

// isDigestByte reports whether c is in maskAlphabet.
func isDigestByte(c byte) bool {
	switch {
	case c >= 'a' && c <= 'k', c >= 'A' && c <= 'K':
		return true
	}
	switch c {
	case 'o', 'w', 'x', 'y', 'z', 'O', 'W', 'X', 'Y', 'Z':
		return true
	}
	return false
}
