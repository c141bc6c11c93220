package checksum

import (
	"bytes"
	"hash/crc32"
)

// base62 are the digits of GitHub's token checksums.
const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// GitHubToken reports whether value is a GitHub token with a prefix of 4
// bytes (ghp_, gho_, ghu_, ghs_, ghr_) and 36 characters whose last 6 are
// the CRC-32 (IEEE) of the 30 before them, in base62 with leading zeros.
func GitHubToken(value []byte) bool {
	if len(value) != 40 {
		return false
	}
	body, sum := value[4:34], value[34:]
	c := crc32.ChecksumIEEE(body)
	var want [6]byte
	for i := 5; i >= 0; i-- {
		want[i] = base62[c%62]
		c /= 62
	}
	return c == 0 && bytes.Equal(want[:], sum)
}

// SlackToken reports whether value, a Slack token with a prefix of 5 bytes
// (xoxb-, xoxp-, ...), has 30 bytes or more and, after the prefix, a
// hyphen-separated group of at least 8 digits (the team, user or bot ID).
func SlackToken(value []byte) bool {
	if len(value) < 30 {
		return false
	}
	rest := value[5:]
	for {
		g, after, found := bytes.Cut(rest, []byte("-"))
		if len(g) >= 8 && allDigits(g) {
			return true
		}
		if !found {
			return false
		}
		rest = after
	}
}

// Bearer reports whether value, a bearer token, has 16 characters or more
// before any trailing '=' padding, among them ASCII letters and digits.
func Bearer(value []byte) bool {
	value = bytes.TrimRight(value, "=")
	return len(value) >= 16 && LettersAndDigits(value)
}

// LettersAndDigits reports whether value holds both ASCII letters and
// ASCII digits, as generated keys do and words rarely do. Other bytes are
// ignored.
func LettersAndDigits(value []byte) bool {
	letter, digit := false, false
	for _, c := range value {
		switch {
		case isDigit(c):
			digit = true
		case 'a' <= c && c <= 'z', isUpper(c):
			letter = true
		}
	}
	return letter && digit
}

// MixedCase reports whether value holds an upper-case ASCII letter, a
// lower-case ASCII letter and an ASCII digit, as random keys do and words
// and paths rarely do. Other bytes are ignored.
func MixedCase(value []byte) bool {
	var up, low, dig bool
	for _, c := range value {
		switch {
		case isUpper(c):
			up = true
		case 'a' <= c && c <= 'z':
			low = true
		case isDigit(c):
			dig = true
		}
	}
	return up && low && dig
}
