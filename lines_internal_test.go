package piiguard

import "testing"

// TestOffsetIn: a batch keeps a segment's text as offsets into its data
// only when the text is a slice of the data's bytes.
func TestOffsetIn(t *testing.T) {
	data := []byte("first line\nsecond line\n")
	other := []byte("first line\nsecond line\n")
	for _, tc := range []struct {
		name string
		sub  []byte
		want int
	}{
		{"whole", data, 0},
		{"first line", data[:10], 0},
		{"second line", data[11:22], 11},
		{"last byte", data[len(data)-1:], len(data) - 1},
		{"empty", data[3:3], -1},
		{"equal bytes elsewhere", other[11:22], -1},
		{"longer than data", append(data[:len(data):len(data)], 'x'), -1},
		{"past the end in the capacity", data[:len(data)-1][5:], 5},
	} {
		if got := offsetIn(data, tc.sub); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
		}
	}
	// Beyond data's length, within its capacity: not data.
	buf := make([]byte, 10, 20)
	if got := offsetIn(buf, buf[8:12]); got != -1 {
		t.Errorf("past data's length: %d, want -1", got)
	}
}
