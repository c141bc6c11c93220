package mask

import "encoding/base32"

// The shape of this package's own output.
//
// What a masker writes must never be found again by a scan: a scan of
// masked output that found something inside a token would mask part of
// it, and the value could no longer be restored. Two mechanisms ensure it.
//
// First, within one call, the rescans that AppendMasked (and the JSON,
// field and stream maskers) make of their output treat the masks they
// wrote as opaque: a value found across a mask's edge is masked, with
// asterisks, only outside the mask (see appendFixpoint).
//
// Second, the digests that tokens and hashes carry are written in an
// alphabet of letters only, maskAlphabet, chosen against the catalog: no
// managed identifier, extensions included, matches inside a token or a
// hash, whatever text surrounds it (TestIssue12_OutputShapeNeverMatches
// scans every identifier's keywords next to tokens and hashes). The
// argument, identifier by identifier: the digest is a run of letters
// bounded by ':' and '>', so a pattern that starts or ends with a letter
// must match all of it (the detector rejects a match that continues a
// word), and
//
//   - every pattern of digits (numbers, dates, phone numbers, most
//     national identifiers) needs a digit, which the digest never holds;
//   - the base64-like credentials (AwsSecretKey, BearerToken) have
//     validators that require a digit;
//   - Name and Address need a space, EmailAddress an '@', the PEM and
//     PuTTY keys their armour lines, IpAddress and MacAddress a ':', '-'
//     or '.' every few hexadecimal characters;
//   - the letter-only national formats are upper case (VIN, German
//     identity cards and driving licences, ...) and of a fixed length
//     below 20, while a token's digest is mixed case and at least 28
//     letters long; the one case-insensitive letter-only format,
//     NationalIdentificationNumber-IT, needs letters from L, M, N, P-V at
//     its 7th and 8th positions, which the alphabet leaves out.
var maskAlphabet = "abcdefghijkowxyzABCDEFGHIJKOWXYZ"

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
