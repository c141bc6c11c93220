// Package mask turns findings into output: it replaces the values a
// detector found with masks, leaving every other byte as it was.
//
// The CloudWatch masker (Asterisk) replaces each character of a value with
// '*', as CloudWatch Logs data protection does. Append takes any Masker, and
// ByIdentifier chooses a masker per identifier.
//
// Other maskers:
//
//   - Fixed(c): every character becomes c.
//   - Partial: keeps the first/last N letters and digits (the last four
//     digits of a card), keeps separators, masks the rest; masks the
//     whole value when that would show half of it or more.
//   - Placeholder(template): "{Ssn-US}", or a template using {identifier}
//     (PlaceholderVar; "{name}" is its deprecated spelling).
//   - Redact: removes the value.
//   - Hash (NewHash): keyed HMAC-SHA256, truncated, as
//     "<hash:Ssn-US:bidybedxhceybewe>"; one-way, equal values give equal
//     masks.
//   - Tokenizer (NewTokenizer): reversible, deterministic authenticated
//     encryption (AES-SIV, RFC 5297) as "<pii:v2:Ssn-US:...>";
//     Tokenizer.Unmask restores the values for whoever holds the key, as
//     CloudWatch's logs:Unmask does.
//
// Keys for Hash and Tokenizer come from files (LoadKey, KeyFromEnv), never
// from flags. Format-preserving encryption (FF1) is not offered: no
// maintained Go implementation exists.
//
// # Masking rescans its output, and never masks a mask
//
// AppendMasked (and piiguard.Scanner.Mask, the JSON, stream and slog
// maskers) rescans what it wrote until the Finder finds nothing more: a
// mask can complete a pattern with its neighbours, and a value joined to
// a longer one can stand alone once that one is masked. The masks already
// written are opaque to these rescans: a value found across a mask's edge
// is masked outside the mask only, with the same masker, so a token is
// never damaged and a text masked with tokens unmasks exactly. A Partial
// mask is the exception, since it keeps characters of the value in clear
// (the last four of "9372745917a@b.co" are those of "a@b.co"): a value
// found in or across it is masked together with the whole of it.
//
// # The shape of masks
//
// Across maskings (masking masked output again), what protects a mask is
// its shape: hash and token digests are letters only, from the alphabet
// "abcdefghijkowxyzABCDEFGHIJKOWXYZ" (hashes use its lower-case half),
// chosen against the catalog so that no managed identifier, extensions
// included, matches inside a token or a hash, whatever surrounds it. The
// argument, identifier by identifier: a digest is a run of letters
// bounded by ':' and '>', so a pattern that starts or ends with a letter
// must match all of it (a match may not continue a word), and
//
//   - every pattern of digits (numbers, dates, phone numbers, most
//     national identifiers) needs a digit, which a digest never holds;
//   - the base64-like credentials (AwsSecretKey, BearerToken) have
//     validators that require a digit;
//   - Name and Address need a space, EmailAddress an '@', the PEM and
//     PuTTY keys their armour lines, IpAddress and MacAddress a ':', '-'
//     or '.' every few hexadecimal characters;
//   - the letter-only national formats are upper case (VIN, German
//     identity cards and driving licences, ...) and of a fixed length
//     below 20, while a token's digest is mixed case and at least 28
//     letters long and a hash's is lower case; the one case-insensitive
//     letter-only format, NationalIdentificationNumber-IT, needs letters
//     from L, M, N, P-V at its 7th and 8th positions, which the alphabet
//     leaves out.
//
// TestIssue12_OutputShapeNeverMatches checks this against every
// identifier's keywords, and FuzzMaskStyles on arbitrary text. Custom
// identifiers can match anything, masks included.
//
// Structured and streaming input:
//
//   - JSON (NewJSON): masks values inside JSON strings (and numbers) and
//     member names of a log event, escapes handled, keeping it valid JSON
//     with the same structure, types (except a masked number, which
//     becomes a string) and array lengths, and member names unique (a
//     masked name that would repeat one gets the suffix ~b, ~c, ...);
//     field names and JSON paths count as keywords; JSONOptions include
//     or exclude paths such as $.sessionState.intent.slots.*.
//   - Streams (NewWriter, NewReader): mask an unbounded stream line by
//     line in bounded memory; a multi-line private key (PEM, PuTTY) is
//     held until it closes (at most DefaultMaxBlockLength bytes) and
//     masked whole; lines longer than StreamOptions.MaxLineLength are
//     masked in overlapping windows, never dropped or reordered, and never
//     leave part of a value in clear at a cut.
//
// Package slogmask wraps a log/slog handler with the same masking.
package mask

import (
	"github.com/piiguard/piiguard/pii"
)

// A Masker appends the replacement for one finding's value to dst and
// returns the extended slice. value is the finding's bytes in the text.
type Masker interface {
	AppendMask(dst []byte, value []byte, f pii.Finding) []byte
}

// MaskerFunc adapts a function to the Masker interface.
type MaskerFunc func(dst []byte, value []byte, f pii.Finding) []byte

// AppendMask calls fn.
func (fn MaskerFunc) AppendMask(dst, value []byte, f pii.Finding) []byte {
	return fn(dst, value, f)
}

// Asterisk is CloudWatch's masker: every character of the value, counted
// in runes (an invalid byte counts as one), becomes '*', except line breaks
// ('\n' and '\r'), which are kept so that a masked multi-line value (a
// private key) leaves the text with as many lines as before.
var Asterisk Masker = Fixed('*')

// ByIdentifier chooses a masker by identifier name, falling back to
// Default (or Asterisk when Default is nil).
type ByIdentifier struct {
	Default Masker
	Maskers map[string]Masker
}

// AppendMask masks value with the masker chosen for f.Identifier.
func (b ByIdentifier) AppendMask(dst, value []byte, f pii.Finding) []byte {
	return b.pick(f.Identifier).AppendMask(dst, value, f)
}

// pick returns the masker chosen for identifier.
func (b ByIdentifier) pick(identifier string) Masker {
	if m, ok := b.Maskers[identifier]; ok && m != nil {
		return m
	}
	if b.Default != nil {
		return b.Default
	}
	return Asterisk
}

// Append appends text to dst with each finding's value replaced by m's mask
// and returns the extended slice. findings must be sorted by Start, as a
// Finder returns them. A finding that overlaps the one masked before it
// (another identifier's finding of the same span: the span is masked once,
// by the first, strongest finding) or lies out of range is skipped rather
// than corrupting the output, so every byte outside the findings is copied
// unchanged and in order.
func Append(dst, text []byte, findings []pii.Finding, m Masker) []byte {
	if m == nil {
		m = Asterisk
	}
	pos := 0
	for _, f := range findings {
		if f.Start < pos || f.End > len(text) || f.Start > f.End {
			continue
		}
		dst = append(dst, text[pos:f.Start]...)
		dst = m.AppendMask(dst, text[f.Start:f.End], f)
		pos = f.End
	}
	return append(dst, text[pos:]...)
}

// String returns text with the findings masked by m.
func String(text string, findings []pii.Finding, m Masker) string {
	return string(Append(make([]byte, 0, len(text)), []byte(text), findings, m))
}
