package mask_test

import (
	"testing"

	"github.com/piiguard/piiguard/mask"
)

// FuzzStream checks that any chunking of the input gives output identical
// to masking it line by line (multi-line key blocks as units): no byte
// dropped, reordered or duplicated, no value missed or masked twice at a
// chunk boundary.
func FuzzStream(f *testing.F) {
	for i, s := range streamTexts {
		f.Add([]byte(s), uint64(i))
	}
	f.Add([]byte("ssn 536-22-1234\ncard 4929 3812 6548 1006\n+1 415 555 2671 a@example.com"), uint64(99))
	f.Fuzz(func(t *testing.T, text []byte, seed uint64) {
		want := maskStreamRef(string(text), nil, mask.DefaultMaxBlockLength)
		if got := streamChunked(t, text, seed, mask.StreamOptions{}); got != want {
			t.Fatalf("chunked output differs from line-by-line masking at byte %d\n got %q\nwant %q", firstDiff(got, want), got, want)
		}
	})
}
