package detector

import (
	"fmt"
	"unicode/utf8"
)

// ReferenceFind exposes the reference implementation to the external tests.
func ReferenceFind(d *Detector, text []byte) []Finding { return d.referenceFind(text) }

func decodeRune(b []byte) (rune, int) { return utf8.DecodeRune(b) }

// CheckFindings checks the invariants of a list of findings on a text of n
// bytes: sorted by Start, within the text, not empty, scored in (0, 1];
// findings either do not overlap or share one span, with different
// identifiers and scores that do not increase.
func CheckFindings(fs []Finding, n int) error {
	end := 0
	for i, f := range fs {
		if f.End <= f.Start || f.End > n || f.Score <= 0 || f.Score > 1 {
			return fmt.Errorf("bad finding %v", f)
		}
		if i > 0 {
			p := fs[i-1]
			if f.Start == p.Start && f.End == p.End {
				if f.Score > p.Score {
					return fmt.Errorf("%v after %v on the same span: weaker first", f, p)
				}
				for _, q := range fs[:i] {
					if q.Start == f.Start && q.End == f.End && q.Identifier == f.Identifier {
						return fmt.Errorf("%v reported twice", f)
					}
				}
				continue
			}
		}
		if f.Start < end {
			return fmt.Errorf("%v overlaps the finding before it", f)
		}
		end = f.End
	}
	return nil
}
