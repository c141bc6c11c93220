package detector

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
)

// TestMarkedAndUnmarked: the class runs and the whole-text patterns find
// the same as the reference whether the keyword automaton's pass marks
// their bytes (a detector with keywords) or their own passes find them (a
// detector without any keyword or literal), on short lines and on a text
// longer than a scan block.
func TestMarkedAndUnmarked(t *testing.T) {
	var marked, unmarked []*identifiers.Identifier
	for _, id := range identifiers.Catalog() {
		switch id.Name {
		case "IpAddress", "MacAddress", "Name", "Iban", "PostalCode-CA":
		default:
			continue
		}
		marked = append(marked, id)
		bare := *id
		bare.Keywords = nil
		if bare.Validate() == nil { // not one whose patterns need a keyword
			unmarked = append(unmarked, &bare)
		}
	}
	dm, err := Compile(marked)
	if err != nil {
		t.Fatal(err)
	}
	du, err := Compile(unmarked)
	if err != nil {
		t.Fatal(err)
	}
	if !dm.marked || du.marked || du.ac != nil {
		t.Fatalf("marked %v, unmarked %v (automaton %v): want a marked and an unmarked detector", dm.marked, du.marked, du.ac != nil)
	}
	fragments := []string{
		"10.0.0.1", "fe80::1ff:fe23:4567:890a", "00:1A:2B:3C:4D:5E", "001a.2b3c.4d5e", "18:01:50,353", "2024-01-02",
		"Jane Doe", "Mary Ann Smith", "INFO", "DataNode", "GB29 NWBK 6016 1331 9268 19", "K1A 0B1", "ip ", "mac ",
		" ", ".", ":", "-", "\n", "a", "Z", "é", "\xff", "1", "12", "::", "de la",
	}
	r := rand.New(rand.NewPCG(31, 32))
	text := func(n int) []byte {
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(fragments[r.IntN(len(fragments))])
		}
		return []byte(b.String())
	}
	texts := [][]byte{text(40 << 10)}
	for range 300 {
		texts = append(texts, text(r.IntN(200)))
	}
	for _, d := range []*Detector{dm, du} {
		for _, tx := range texts {
			if got, want := fmt.Sprint(d.Find(tx)), fmt.Sprint(d.referenceFind(tx)); got != want {
				t.Fatalf("marked %v, %d bytes: detector and reference differ\n detector  %.400s\n reference %.400s\n text %.200q", d.marked, len(tx), got, want, tx)
			}
		}
	}
}
