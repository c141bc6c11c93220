package detector

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// straddling are values (with the keywords that some need) placed across
// block boundaries by TestBlockBoundaries: keyword windows, literals,
// class runs and whole-text patterns.
var straddling = []string{
	"ssn: 536-22-1234",
	"jane.doe@example.com",
	"192.168.10.20",
	"fe80::1ff:fe23:4567:890a",
	"00:1A:2B:3C:4D:5E",
	"John Smith",
	"GB82 WEST 1234 5698 7654 32",
	"credit card 4539 1488 0343 6467",
	"aws_secret_access_key = Zk3q9Rt2Lm8Xw4Vb7Np1Qs6Hd0Jc5Ty2Ue9Fa3Go",
	"postal code K1A 0B1",
	"passport number C03005988",
	"phone: (212) 555-0175",
}

// TestBlockBoundaries: a text longer than a block is scanned block by
// block (the keyword automaton resumed from its state at the block's end,
// class runs followed beyond it); the findings are those of one pass over
// the whole text, for blocks of 64 bytes (every value straddles a
// boundary) to 4 KiB, on logs, dense synthetic logs, and each value above
// placed at every offset across a boundary.
func TestBlockBoundaries(t *testing.T) {
	d, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	type text struct {
		name string
		b    []byte
		find bool // the text holds a value found on its own
	}
	var texts []text
	join := func(lines [][]byte, n int) []byte {
		var out []byte
		for i := 0; len(out) < n; i++ {
			out = append(append(out, lines[i%len(lines)]...), '\n')
		}
		return out
	}
	n := 24 << 10
	if testing.Short() {
		n = 6 << 10
	}
	texts = append(texts, text{"synthetic 30%", join(testcorpus.Synthetic(400, 0.3, 7).Lines, n), true})
	if c, err := testcorpus.Loghub(""); err == nil {
		texts = append(texts, text{"loghub", join(c.Lines[len(c.Lines)/3:], n), false})
	}
	const boundary = 256
	for _, v := range straddling {
		// v starting from len(v)+1 bytes before the boundary to just
		// after it: every cut of v, and v ending at the boundary.
		for start := boundary - len(v) - 1; start <= boundary+1; start++ {
			pad := strings.Repeat("x ", start/2) + strings.Repeat(" ", start%2)
			b := []byte(pad + v + " and more text after it, " + strings.Repeat("y ", boundary))
			texts = append(texts, text{fmt.Sprintf("%q at %d", v, start), b, true})
		}
	}
	for _, tx := range texts {
		want, err := d.appendFindingsBlocks(context.Background(), nil, tx.b, len(tx.b)+64, verifySpan)
		if err != nil {
			t.Fatal(err)
		}
		if tx.find && len(want) == 0 {
			t.Errorf("%s: nothing found in one pass", tx.name)
		}
		for _, block := range []int{64, 128, 192, boundary, 4096} {
			if block >= len(tx.b) {
				continue
			}
			got, err := d.appendFindingsBlocks(context.Background(), nil, tx.b, block, verifySpan)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w {
				t.Errorf("%s (%d bytes), blocks of %d: the findings differ from one pass's\n blocks   %.500s\n one pass %.500s", tx.name, len(tx.b), block, g, w)
			}
		}
	}
}

// TestVerifySpansSameFindings: the windows of a long text verified span by
// span (verifyWindows) give the findings, every field of them, that
// verifying them pattern by pattern gives, for spans of 64 bytes to 16 KiB:
// on dense synthetic logs (many patterns' candidates overlapping, so that
// resolve's clusters get their candidates in another order), on loghub and
// on the straddling values one after another.
func TestVerifySpansSameFindings(t *testing.T) {
	d, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	n := 256 << 10
	if testing.Short() {
		n = 32 << 10
	}
	join := func(lines [][]byte, n int) []byte {
		var out []byte
		for i := 0; len(out) < n; i++ {
			out = append(append(out, lines[i%len(lines)]...), '\n')
		}
		return out
	}
	texts := map[string][]byte{
		"synthetic 30%":  join(testcorpus.Synthetic(2000, 0.3, 11).Lines, n),
		"synthetic 100%": join(testcorpus.Synthetic(2000, 1, 12).Lines, n),
		"straddling":     []byte(strings.Repeat(strings.Join(straddling, " ; ")+"\n", n/512)),
	}
	if c, err := testcorpus.Loghub(""); err == nil {
		texts["loghub"] = join(c.Lines[len(c.Lines)/2:], n)
	}
	for name, b := range texts {
		checkSpansSameFindings(t, d, fmt.Sprintf("%s (%d bytes)", name, len(b)), b, []int{64, 1000, 4096, 16 << 10})
	}
}

// checkSpansSameFindings checks that verifying b's windows stretch by
// stretch, for each of spans, finds exactly what verifying them pattern by
// pattern over the whole text finds, every field (Keyword included).
func checkSpansSameFindings(t *testing.T, d *Detector, name string, b []byte, spans []int) {
	t.Helper()
	want, err := d.appendFindingsBlocks(context.Background(), nil, b, blockSize, len(b)+1)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 {
		t.Fatalf("%s: nothing found", name)
	}
	for _, span := range spans {
		got, err := d.appendFindingsBlocks(context.Background(), nil, b, blockSize, span)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			i := 0
			for i < min(len(got), len(want)) && got[i] == want[i] {
				i++
			}
			g, w := got[min(i, len(got)-1)], want[min(i, len(want)-1)]
			t.Errorf("%s, spans of %d: the findings differ from pattern by pattern's, first at finding %d of %d: %v keyword %q, want %v keyword %q", name, span, i, len(want), g, g.Keyword, w, w.Keyword)
		}
	}
}
