package detector_test

import (
	"runtime"
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/internal/testcorpus"
)

// TestLongTextScratchBound: one call over 8 MiB of dense synthetic logs
// allocates, besides its findings (which go to a dst with room for them),
// at most maxScratchPerByte bytes per byte of text. The buffers that grow
// with a text (its windows, keyword occurrences, candidates and marks) are
// not pooled past a bound, so a call over a huge text grows them afresh:
// they double as they grow, where append's growth by a quarter copied them
// about five times over (2.65 bytes per byte of this text; 1.70 now).
func TestLongTextScratchBound(t *testing.T) {
	const maxScratchPerByte = 2.0
	if testing.Short() {
		t.Skip("scans 8 MiB")
	}
	// Long enough that the buffers outgrow what the pool keeps (below
	// that, the pooled ones are reused and nothing is allocated).
	const n = 8 << 20
	d := catalogDetector(t)
	var text []byte
	lines := testcorpus.Synthetic(4000, 0.3, 21).Lines
	for i := 0; len(text) < n; i++ {
		text = append(append(text, lines[i%len(lines)]...), '\n')
	}
	found := d.AppendFindings(nil, text)
	if len(found) == 0 {
		t.Fatal("nothing found")
	}
	dst := make([]detector.Finding, 0, len(found))
	best := -1.0
	for range 3 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		dst = d.AppendFindings(dst[:0], text)
		runtime.ReadMemStats(&after)
		perByte := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(text))
		if best < 0 || perByte < best {
			best = perByte
		}
	}
	t.Logf("%d bytes, %d findings: %.2f bytes allocated per byte of text", len(text), len(found), best)
	if best > maxScratchPerByte {
		t.Errorf("one call over %d bytes allocated %.2f bytes per byte of text besides its findings, over the bound of %.1f", len(text), best, maxScratchPerByte)
	}
}
