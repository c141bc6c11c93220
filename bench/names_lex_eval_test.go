package bench

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNamesEvalLexSlots measures Name on the independent evaluation's
// people (testdata/names-eval/people.tsv) written as Amazon Lex V2 slot
// values in a conversation-log line, as Lex logs them: in a slot named for
// a person (FullName, customer_name), where the slot's name is the cue, and
// in a slot named for nothing ("Notes"), the same line without the cue. It
// requires the cue to find more names and every name the line without it
// finds. Run it with go test ./bench -run TestNamesEvalLexSlots -v.
func TestNamesEvalLexSlots(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "names-eval", "people.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var people []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" && l[0] != '#' {
			if _, name, ok := strings.Cut(l, "\t"); ok {
				people = append(people, name)
			}
		}
	}
	d := managedDetector(t)
	found := func(slot, name string) bool {
		line := `{"sessionState":{"intent":{"name":"Book","slots":{"` + slot + `":{"shape":"Scalar","value":{"originalValue":"` +
			name + `","interpretedValue":"` + name + `","resolvedValues":["` + name + `"]}}}}},"inputTranscript":"yes"}`
		want := strings.Index(line, name)
		for _, f := range d.FindString(line) {
			if f.Identifier == "Name" && f.Start == want && f.End == want+len(name) {
				return true
			}
		}
		return false
	}
	for _, slot := range []string{"FullName", "customer_name"} {
		cue, none, lost := 0, 0, 0
		for _, p := range people {
			a, b := found(slot, p), found("Notes", p)
			if a {
				cue++
			}
			if b {
				none++
			}
			if b && !a {
				lost++
			}
		}
		n := float64(len(people))
		t.Logf("Lex slot Name recall, %d people: slot %q %.3f, slot \"Notes\" (no cue) %.3f", len(people), slot, float64(cue)/n, float64(none)/n)
		if cue <= none || lost > 0 {
			t.Errorf("slot %q: %d found with the cue, %d without, %d lost by the cue", slot, cue, none, lost)
		}
	}
}
