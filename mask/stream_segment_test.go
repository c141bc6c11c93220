package mask_test

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/mask"
)

// TestWriterSegments checks StreamOptions.Segment: the segments of each
// line are consecutive and rebuild it exactly, the last one says so, and
// their findings, moved to line offsets, are the findings of the whole
// line, for short lines and for lines split into pieces.
func TestWriterSegments(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for _, max := range []int{256, 1000, 4096} {
		for range 4 {
			var b strings.Builder
			for range 1 + r.IntN(4) {
				n := max / 4
				if r.IntN(2) == 0 {
					n = 10 * max
				}
				for b.Len() < n {
					b.WriteString(filler(r))
					b.WriteString(streamValue(r).text)
				}
				b.WriteString("\nshort line a@example.com\n\n")
			}
			text := b.String()
			var lines [][]byte
			var found [][]detector.Finding
			next := int64(1)
			open := false
			w := mask.NewWriter(io.Discard, allScanner(), nil, mask.StreamOptions{
				MaxLineLength: max, Overlap: max / 4,
				Segment: func(s *mask.Segment) {
					if !open {
						if s.Line != next || s.Offset != 0 {
							t.Fatalf("segment opens line %d at %d, want line %d at 0", s.Line, s.Offset, next)
						}
						lines, found = append(lines, nil), append(found, nil)
						open = true
					}
					i := len(lines) - 1
					if s.Line != next || s.Offset != int64(len(lines[i])) {
						t.Fatalf("segment of line %d at %d, want line %d at %d", s.Line, s.Offset, next, len(lines[i]))
					}
					for _, f := range s.Findings {
						f.Start += int(s.Offset)
						f.End += int(s.Offset)
						found[i] = append(found[i], f)
					}
					lines[i] = append(lines[i], s.Text...)
					if s.End {
						open = false
						next++
					}
				},
			})
			writeRandomly(t, r, w, text)
			want := strings.SplitAfter(text, "\n")
			if want[len(want)-1] == "" {
				want = want[:len(want)-1]
			}
			if len(lines) != len(want) {
				t.Fatalf("max %d: %d lines reported, want %d", max, len(lines), len(want))
			}
			for i, l := range want {
				l = strings.TrimSuffix(l, "\n")
				if !bytes.Equal(lines[i], []byte(l)) {
					t.Fatalf("max %d: line %d rebuilt from segments differs at byte %d", max, i+1, firstDiff(string(lines[i]), l))
				}
				if whole := allScanner().AppendFindings(nil, []byte(l)); !slices.Equal(found[i], whole) {
					t.Fatalf("max %d: line %d (%d bytes): segments report %d findings, the whole line %d", max, i+1, len(l), len(found[i]), len(whole))
				}
			}
		}
	}
}

// TestWriterSegmentsEveryIdentifierOfASpan: a segment lists every
// identifier that matches a value, strongest first, as AppendFindings
// does, in a short line and in a long line cut into pieces; the value is
// masked once.
func TestWriterSegmentsEveryIdentifierOfASpan(t *testing.T) {
	long := strings.Repeat("x ", 300) + passportLine + strings.Repeat(" y", 300)
	tests := []struct {
		name, text string
		max        int
	}{
		{"short line", passportLine + "\n", 0},
		{"long line", long + "\n", 256},
	}
	for _, tt := range tests {
		var ids []string
		var out strings.Builder
		w := mask.NewWriter(&out, allScanner(), nil, mask.StreamOptions{
			MaxLineLength: tt.max,
			Segment: func(s *mask.Segment) {
				for _, f := range s.Findings {
					if string(s.Text[f.Start:f.End]) == "123456789" {
						ids = append(ids, f.Identifier)
					}
				}
			},
		})
		if _, err := io.WriteString(w, tt.text); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(ids) != "[PassportNumber-GB PassportNumber-US]" {
			t.Errorf("%s: identifiers of the value %v, want both, the UK one first", tt.name, ids)
		}
		if strings.Contains(out.String(), "123456789") {
			t.Errorf("%s: value not masked: %q", tt.name, out.String())
		}
	}
}
