// Package keyblock holds the rules by which a masking stream recognises a
// multi-line secret: a line that opens a private key (a PEM armour line
// such as "-----BEGIN RSA PRIVATE KEY-----", or a PuTTY key file's first
// line) and does not close it is held with the lines after it until one
// closes it, so that the key is masked as one text.
//
// Package mask's stream applies the rules; Scanner.MaskLines in the root
// package applies the same rules to know where a batch of lines may end.
// Keeping them here, once, keeps the two from drifting apart: a batch
// cut where the stream would hold a block would write a key in clear.
package keyblock

import (
	"bytes"
	"io"

	"github.com/piiguard/piiguard/internal/jsonwalk"
)

// WriteSearched writes p to w, a *mask.Writer, as w.Write(p) does, for a
// caller that has searched p already: mayOpen is MayOpen(p) (or true, which
// is always safe: the stream then checks each line). Package mask sets it
// when it is initialised. Scanner.MaskLines, whose reader searches each
// batch of lines to know where the batch may end, gives its workers'
// streams what it found, so that they do not search the batch again.
var WriteSearched func(w io.Writer, p []byte, mayOpen bool) (int, error)

// The armour lines of the multi-line secrets the catalog knows, and what
// closes each.
var (
	pemBegin   = []byte("-----BEGIN ")
	pemEnd     = []byte("-----END ")
	pemPrivate = []byte("PRIVATE KEY")
	puttyBegin = []byte("PuTTY-User-Key-File-")
	puttyEnd   = []byte("Private-MAC: ")
	// pemWord is what a line is searched for before pemBegin: bytes.Index
	// skips to a needle's first byte, and '-' is frequent in logs (dates,
	// separators) where 'B' followed by 'E' is rare: "BEGIN " first is
	// about 4× faster on loghub than "-----BEGIN ".
	pemWord = pemBegin[5:]
)

// hasPEMBegin reports whether b holds pemBegin.
func hasPEMBegin(b []byte) bool {
	for {
		i := bytes.Index(b, pemWord)
		if i < 0 {
			return false
		}
		if i >= 5 && bytes.Equal(b[i-5:i], pemBegin[:5]) {
			return true
		}
		b = b[i+1:]
	}
}

// MayOpen reports whether data can hold a line that opens a block: a
// quick test that rules out most text before Opens is asked line by line.
func MayOpen(data []byte) bool {
	return hasPEMBegin(data) || bytes.Contains(data, puttyBegin)
}

// Opens returns what closes the multi-line block that line opens, or nil
// when it opens none: a PEM private key armour line with no closer after
// it, or a PuTTY key file's first line with no "Private-MAC: " after it.
// When the line opens several keys none of which it closes, Opens returns
// the closer of the first; a stream that holds the block asks OpenIn of
// the block when that closer comes. When jsonLines is set (the stream
// masks JSON lines), a valid JSON line opens nothing: escaped line breaks
// keep its key within it.
//
// A PEM block closes on its own END line: "-----END RSA PRIVATE
// KEY-----" for "-----BEGIN RSA PRIVATE KEY-----", never on another
// label's END (a certificate's, another kind of key's), before which a
// detector's match of the key does not end; an armour line cut before
// its closing dashes closes on any "-----END ". The closer is a new
// slice, or a package-level one, never part of line.
func Opens(line []byte, jsonLines bool) []byte {
	return OpenIn(line, jsonLines)
}

// OpenIn returns what closes a key that text, whole lines, opens and does
// not close, or nil when every key it opens is closed after its opening
// armour line: the closer of the first line (and of the first armour line
// on it) whose key is not closed. A held block that reaches its closer is
// still open while OpenIn of it is not nil: another key opened inside it
// (on a line before, or on two armour lines of one line) has not closed.
// A valid JSON line opens nothing when jsonLines is set, as in Opens.
func OpenIn(text []byte, jsonLines bool) []byte {
	// bytes.Index is vectorised: most texts are ruled out at once.
	pem := hasPEMBegin(text)
	if !pem && !bytes.Contains(text, puttyBegin) {
		return nil
	}
	for start := 0; start < len(text); {
		end := len(text)
		if i := bytes.IndexByte(text[start:], '\n'); i >= 0 {
			end = start + i
		}
		if c := openOn(text, start, end, pem); c != nil {
			if !jsonLines || !LooksLikeJSON(text[start:end]) || !jsonwalk.Valid(text[start:end]) {
				return c
			}
		}
		start = end + 1
	}
	return nil
}

// openOn returns the closer of the first key the line text[start:end]
// opens that text does not close after the key's armour, or nil.
func openOn(text []byte, start, end int, pem bool) []byte {
	line := text[start:end]
	for pem {
		i := bytes.Index(line, pemBegin)
		if i < 0 {
			break
		}
		rest := line[i:]
		if bytes.Contains(rest[:min(len(rest), 64)], pemPrivate) {
			c, armour := pemCloser(rest)
			at := end - len(rest) + armour
			if !bytes.Contains(text[at:], c) {
				return c
			}
		}
		line = line[i+len(pemBegin):]
	}
	line = text[start:end]
	for {
		i := bytes.Index(line, puttyBegin)
		if i < 0 {
			return nil
		}
		at := end - len(line) + i + len(puttyBegin)
		if !bytes.Contains(text[at:], puttyEnd) {
			return puttyEnd
		}
		line = line[i+len(puttyBegin):]
	}
}

// pemDashes ends a PEM armour line.
var pemDashes = []byte("-----")

// pemCloser returns what closes the PEM block whose BEGIN armour line
// starts rest, and the length of the armour: the END line of the same
// label, or, when the armour is not whole (a label of capitals, digits
// and inner spaces, at most 64 bytes, holding "PRIVATE KEY", then
// dashes), any END line.
func pemCloser(rest []byte) (closer []byte, armour int) {
	label := rest[len(pemBegin):]
	j := bytes.Index(label[:min(len(label), 64+len(pemDashes))], pemDashes)
	if j < 0 || !pemLabel(label[:j]) {
		return pemEnd, len(pemBegin)
	}
	closer = make([]byte, 0, len(pemEnd)+j+len(pemDashes))
	closer = append(append(append(closer, pemEnd...), label[:j]...), pemDashes...)
	return closer, len(pemBegin) + j + len(pemDashes)
}

// pemLabel reports whether label is a private key's PEM label, as in
// "RSA PRIVATE KEY" (RFC 7468's labels, in capitals).
func pemLabel(label []byte) bool {
	if len(label) == 0 || label[0] == ' ' || label[len(label)-1] == ' ' || !bytes.Contains(label, pemPrivate) {
		return false
	}
	for _, c := range label {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ') {
			return false
		}
	}
	return true
}

// LooksLikeJSON reports whether a line's first byte other than white
// space opens an object or an array: how a stream that masks JSON tells
// a JSON line.
func LooksLikeJSON(line []byte) bool {
	for _, b := range line {
		switch b {
		case ' ', '\t', '\r':
			continue
		case '{', '[':
			return true
		}
		return false
	}
	return false
}
