package mask_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/internal/jsonwalk"
	"github.com/piiguard/piiguard/mask"
)

// opensBlockRef reports what closes the multi-line block that line opens,
// as the stream documents it: a PEM private key armour line with no END
// after it, or a PuTTY key file's first line with no Private-MAC after it.
func opensBlockRef(line string) string {
	if i := strings.LastIndex(line, "-----BEGIN "); i >= 0 {
		rest := line[i:]
		if strings.Contains(rest[:min(len(rest), 64)], "PRIVATE KEY") && !strings.Contains(rest, "-----END ") {
			return "-----END "
		}
	}
	if i := strings.LastIndex(line, "PuTTY-User-Key-File-"); i >= 0 && !strings.Contains(line[i:], "Private-MAC: ") {
		return "Private-MAC: "
	}
	return ""
}

// maskStreamRef masks text as a stream documents it, from the whole text
// at once: line by line, except that a line opening a multi-line block is
// masked together with the lines after it up to the one that closes it,
// or up to blockMax bytes.
func maskStreamRef(text string, m mask.Masker, blockMax int) string {
	var out []byte
	lines := strings.SplitAfter(text, "\n")
	for i := 0; i < len(lines); {
		l, nl := strings.CutSuffix(lines[i], "\n")
		closer := opensBlockRef(l)
		if !nl || len(l)+1 >= blockMax || closer == "" {
			out = mask.AppendMasked(out, []byte(l), allScanner(), m)
			if nl {
				out = append(out, '\n')
			}
			i++
			continue
		}
		block := lines[i]
		j := i + 1
		for j < len(lines) && len(block) < blockMax {
			block += lines[j]
			j++
			cur, curNL := strings.CutSuffix(lines[j-1], "\n")
			if strings.Contains(cur, closer) || !curNL {
				break
			}
		}
		b, bnl := strings.CutSuffix(block, "\n")
		out = mask.AppendMasked(out, []byte(b), allScanner(), m)
		if bnl {
			out = append(out, '\n')
		}
		i = j
	}
	return string(out)
}

// streamChunked writes text to a Writer in chunks of 1 to 64 bytes chosen
// by seed, and returns the output.
func streamChunked(t *testing.T, text []byte, seed uint64, opts mask.StreamOptions) string {
	t.Helper()
	return streamChunkedWith(t, text, seed, nil, opts)
}

// FuzzStreamBlocks checks multi-line blocks through the stream: a private
// key written over several lines, between other lines, with a bound on
// the block that the fuzzer chooses, is masked as masking the same units
// of whole text does, however the input is cut into writes; the key's
// lines are masked, and the output scanned again has no finding.
func FuzzStreamBlocks(f *testing.F) {
	f.Add([]byte("config dump"), []byte("MIIEowIBAAKCAQEAu1SU1LfVLPHC\nozMxH2Mo4lgOEePzNm0tRgeLezV6"), []byte("next ssn 536-22-1234"), uint8(0), uint16(0), uint64(1))
	f.Add([]byte(""), []byte("AAAAB3NzaC1yc2EAAAABJQAAAQEAhqhb7d"), []byte("x"), uint8(5), uint16(40), uint64(2))
	f.Add([]byte("a@example.com"), []byte("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUA\n\nAAAEbm9uZQ"), []byte(""), uint8(2), uint16(200), uint64(3))
	kinds := []struct{ begin, end string }{
		{"-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----"},
		{"-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----"},
		{"-----BEGIN OPENSSH PRIVATE KEY-----", "-----END OPENSSH PRIVATE KEY-----"},
		{"-----BEGIN EC PRIVATE KEY-----", "-----END EC PRIVATE KEY-----"},
		{"-----BEGIN PGP PRIVATE KEY BLOCK-----", "-----END PGP PRIVATE KEY BLOCK-----"},
		{"PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: key\nPublic-Lines: 1\nAAAAB3NzaC1yc2E\nPrivate-Lines: 1",
			"Private-MAC: 8f2a9c1b7e3d4a5f6b7c8d9e0f1a2b3c4d5e6f7a"},
	}
	f.Fuzz(func(t *testing.T, prefix, body, suffix []byte, kind uint8, bound uint16, seed uint64) {
		// The fuzzer chooses the text around the armour; the armour
		// lines are the catalog's. Dashes are replaced so that the text
		// opens or closes no other block.
		clean := func(b []byte, keepLines bool) string {
			s := strings.ReplaceAll(string(b), "-", "_")
			if !keepLines {
				s = strings.ReplaceAll(s, "\n", " ")
			}
			return strings.ReplaceAll(s, "PuTTY", "Putty")
		}
		k := kinds[int(kind)%len(kinds)]
		text := clean(prefix, false) + "\n" + k.begin + "\n" + clean(body, true) + "\n" + k.end + "\n" + clean(suffix, false)
		blockMax := mask.DefaultMaxBlockLength
		if bound > 0 {
			blockMax = 32 + int(bound)%2048
		}
		opts := mask.WithMaxBlockLength(mask.StreamOptions{}, blockMax)
		// One run in four masks with a Partial (its masks keep
		// characters in clear, which rescans see).
		var m mask.Masker
		if seed%4 == 3 {
			m = mask.Partial{KeepLast: 4}
		}
		got := streamChunkedWith(t, []byte(text), seed, m, opts)
		want := maskStreamRef(text, m, blockMax)
		if got != want {
			t.Fatalf("masker %#v: stream differs from whole-text masking of its units at byte %d\ntext %q\n got %q\nwant %q", m, firstDiff(got, want), text, got, want)
		}
		if len(text) < blockMax && strings.HasPrefix(k.begin, "-----") {
			// The whole block was held: its armour and body are masked
			// (a PuTTY key is a finding only when its body has the
			// format's shape, which the fuzzer's body may not have).
			lines := strings.Split(got, "\n")
			if m == nil && (strings.Contains(got, k.begin[:min(len(k.begin), 20)]) || strings.Trim(lines[1], "*") != "") {
				t.Fatalf("key block not masked: %q", got)
			}
			if found := allScanner().Scan([]byte(got)); len(found) > 0 {
				t.Fatalf("a scan of %q finds %v", got, found)
			}
		}
	})
}

// FuzzStreamPieces drives lines longer than the line limit (the fuzzer
// chooses the limit, from 128 bytes, so that its inputs reach the piece
// path) through the stream: no character is changed but into '*', none
// dropped or added, and the output, scanned again as a whole, has no
// finding, even across the cuts between pieces; with the default masker,
// or (one seed in four) a Partial.
func FuzzStreamPieces(f *testing.F) {
	f.Add([]byte(strings.Repeat("ssn 536-22-1234-a@b.co", 30)), uint16(0), uint64(1))
	f.Add([]byte(strings.Repeat("a@b.co", 100)), uint16(100), uint64(2))
	f.Add([]byte(strings.Repeat("Bearer Az7xjiwvNBp2+M11+198.", 40)), uint16(300), uint64(3))
	f.Add([]byte(strings.Repeat("4929 3812 6548 1006 card é 2001:db8::1:2", 20)), uint16(7), uint64(4))
	f.Add([]byte("917a@b.comail .cox12345678904910 00mail mail -.co9372745917a@b.coa@b.cocard 4929 3812 6548 1006 9372745917a@b.co-a@b.cossn 536-2c"), uint16(0), uint64(3))
	f.Fuzz(func(t *testing.T, line []byte, limit uint16, seed uint64) {
		line = bytes.ReplaceAll(line, []byte("\n"), []byte(" "))
		maxLen := 128 + int(limit)%512
		for len(line) > 0 && len(line) <= 2*maxLen {
			line = append(line, line...) // reach the piece path
		}
		// One run in four masks with a Partial, whose masks keep
		// characters in clear that rescans see (TestStreamPiecesPartialMasker).
		var m mask.Masker
		if seed%4 == 3 {
			m = mask.Partial{KeepLast: 4}
		}
		got := streamChunkedWith(t, line, seed, m, mask.StreamOptions{MaxLineLength: maxLen})
		if at := changedRune(string(line), got); at >= 0 {
			t.Fatalf("masker %#v, limit %d: rune %d changed into something else than '*'\nline %q\n got %q", m, maxLen, at, line, got)
		}
		if found := allScanner().Scan([]byte(got)); len(found) > 0 {
			t.Fatalf("masker %#v, limit %d: a scan of the output finds %v\nline %q\n got %q", m, maxLen, found, line, got)
		}
	})
}

// FuzzStreamPiecesExact builds long lines of values separated by words,
// as log lines are, from the fuzzer's choices, and checks that the pieces
// give exactly what masking the line whole gives. The limit is 512 bytes
// or more, so that the overlap (a quarter of it) holds a value with its
// keywords, as the documentation requires for exactness.
func FuzzStreamPiecesExact(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, uint16(0), uint64(1))
	f.Add([]byte{200, 17, 3, 99, 4, 4, 4, 250, 1}, uint16(300), uint64(2))
	words := []string{"user", "login", "from", "ssn", "card", "email", "ok", "at", "id=", "Bearer", "phone", "dob", "-", ":", "é", "日本"}
	values := []string{"536-22-1234", "4929 3812 6548 1006", "jane.doe@example.com", "10.0.0.1", "+1 415 555 2671",
		"1985-07-23", "2001:db8::1:2", "1M8GDM9AXKP042788", "AKIAIOSFODNN7EXAMPLE", "GB82 WEST 1234 5698 7654 32"}
	f.Fuzz(func(t *testing.T, choices []byte, limit uint16, seed uint64) {
		if len(choices) == 0 {
			return
		}
		maxLen := 512 + int(limit)%1024
		var b strings.Builder
		for i := 0; b.Len() < 4*maxLen; i++ {
			c := int(choices[i%len(choices)]) + i/len(choices)
			for k := range 1 + c%3 {
				b.WriteString(words[(c+k*7)%len(words)])
				b.WriteByte(' ')
			}
			b.WriteString(values[(c/3)%len(values)])
			b.WriteByte(' ')
		}
		line := b.String()
		got := streamChunked(t, []byte(line), seed, mask.StreamOptions{MaxLineLength: maxLen})
		if want := string(mask.AppendMasked(nil, []byte(line), allScanner(), nil)); got != want {
			at := firstDiff(got, want)
			t.Fatalf("limit %d: pieces differ from whole-line masking at byte %d\n got %q\nwant %q", maxLen, at, got[max(0, at-60):min(len(got), at+60)], want[max(0, at-60):min(len(want), at+60)])
		}
	})
}

// FuzzJSONMask checks JSON masking of arbitrary events with several
// maskers: a valid event stays valid JSON; scanning the output (member
// names included) finds nothing; member names that were distinct stay
// distinct; and with tokens, UnmaskJSON opens every token.
func FuzzJSONMask(f *testing.F) {
	f.Add([]byte(`{"counts":{"jane.doe@example.com":3}}`), uint8(0))
	f.Add([]byte(`{"a@example.com":1,"b@example.com":2,"*************~b":3}`), uint8(1))
	f.Add([]byte(`[{"ssn":"536-22-1234"},{"536-22-1234":{"card":4929381265481006}}]`), uint8(2))
	f.Add([]byte(`{"k\u0040ey":"a\"b@example.com","x":[1,2,{"y":null}]}`), uint8(3))
	tk := testTokenizer(f)
	maskers := []mask.Masker{nil, tk, testHash(f, mask.HashOptions{}), mask.Placeholder(""), mask.Partial{KeepLast: 4}}
	js := make([]*mask.JSON, len(maskers))
	for i, m := range maskers {
		js[i] = newJSON(f, m, mask.JSONOptions{})
	}
	f.Fuzz(func(t *testing.T, event []byte, style uint8) {
		if !json.Valid(event) {
			return
		}
		k := int(style) % len(js)
		j := js[k]
		out, err := j.Mask(event)
		if err != nil {
			t.Fatalf("Mask(%q): %v", event, err)
		}
		if !json.Valid(out) {
			t.Fatalf("Mask(%q) = %q: not JSON", event, out)
		}
		if found, err := j.AppendFindings(nil, out); len(found) > 0 || err != nil {
			t.Fatalf("style %d: a scan of %q (from %q) finds %v, %v", k, out, event, found, err)
		}
		if in, o := distinctNames(event), distinctNames(out); in && !o {
			t.Fatalf("member names no longer distinct: %q -> %q", event, out)
		}
		if maskers[k] == tk && !bytes.Contains(event, []byte("pii:")) {
			if _, err := mask.UnmaskJSON(tk, out); err != nil {
				t.Fatalf("UnmaskJSON(%q): %v", out, err)
			}
		}
	})
}

// distinctNames reports whether no object of a valid event repeats a
// member name.
func distinctNames(event []byte) bool {
	seen := map[int]map[string]bool{}
	ok := true
	jsonwalk.WalkOptions(event, jsonwalk.Options{Names: true}, func(l *jsonwalk.Leaf) error {
		if l.Kind != jsonwalk.Name {
			return nil
		}
		if seen[l.Object] == nil {
			seen[l.Object] = map[string]bool{}
		}
		name := l.Path[len(l.Path)-1].Key
		if seen[l.Object][name] {
			ok = false
		}
		seen[l.Object][name] = true
		return nil
	})
	return ok
}
