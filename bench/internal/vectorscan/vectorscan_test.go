//go:build vectorscan && cgo

package vectorscan

import (
	"strings"
	"testing"
)

func TestCompileAndScan(t *testing.T) {
	d, rejected, err := Compile([]string{`[0-9]{3}-[0-9]{2}-[0-9]{4}`, `(a)\1`, `(?i)card`, `\bx(?=y)`})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if d.Patterns() != 2 {
		t.Errorf("%d patterns compiled, want 2", d.Patterns())
	}
	if len(rejected) != 2 || rejected[0].Index != 1 || rejected[1].Index != 3 || rejected[0].Reason == "" {
		t.Errorf("rejected %+v, want patterns 1 and 3 with reasons", rejected)
	}
	lines := []string{"ssn 536-22-1234", "", "CARD and card", "nothing here"}
	var text []byte
	var ends []int32
	for _, l := range lines {
		text = append(text, l...)
		ends = append(ends, int32(len(text)))
	}
	tests := []struct {
		lines int
		want  int
	}{{1, 1}, {2, 1}, {3, 3}, {4, 3}}
	for _, tt := range tests {
		got, err := d.ScanLines(text, ends[:tt.lines])
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("%d lines: %d matches, want %d", tt.lines, got, tt.want)
		}
	}
	if _, err := d.ScanLines(text[:3], ends); err == nil || !strings.Contains(err.Error(), "beyond") {
		t.Errorf("line ends beyond the text: err %v", err)
	}
}

func TestCompileNoneAccepted(t *testing.T) {
	if _, rejected, err := Compile([]string{`(a)\1`}); err == nil || len(rejected) != 1 {
		t.Errorf("err %v, rejected %v; want an error and one rejected", err, rejected)
	}
}
