package detector

import (
	"fmt"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
)

// startCheckDetectors returns the catalog detector three ways: as compiled
// (marked offsets, the Name prechecks and the third-byte check), without
// those checks (as TestWholeStartChecksFindingsUnchanged clears them), and
// with the checks but without marks (startsAt's path, every offset).
func startCheckDetectors(t testing.TB) map[string]*Detector {
	ds := map[string]*Detector{}
	for _, name := range []string{"checks", "no checks", "checks, unmarked"} {
		d, err := Compile(identifiers.Catalog())
		if err != nil {
			t.Fatal(err)
		}
		switch name {
		case "no checks":
			for gi := range d.wholeGroups {
				g := &d.wholeGroups[gi]
				g.name, g.outOfWord = 0, false
				for c := range g.thirds {
					g.thirds[c] = ^uint64(0)
				}
			}
		case "checks, unmarked":
			if !d.marked {
				t.Fatal("the catalog detector is not marked: the test compares nothing")
			}
			d.marked = false
		}
		ds[name] = d
	}
	return ds
}

// sameWithAndWithoutChecks reports, as an error, the first detector whose
// findings on text differ from those without the start checks.
func sameWithAndWithoutChecks(ds map[string]*Detector, text []byte) (string, error) {
	want := fmt.Sprint(ds["no checks"].AppendFindings(nil, text))
	for name, d := range ds {
		if got := fmt.Sprint(d.AppendFindings(nil, text)); got != want {
			shown := text
			if len(shown) > 200 {
				shown = shown[len(shown)-200:] // the end of a long text
			}
			return want, fmt.Errorf("%d bytes ending %q: %s: %s; without the checks %s", len(text), shown, name, got, want)
		}
	}
	return want, nil
}

// TestWholeStartChecksNameEdges checks the Name start checks on names
// their tests' texts hold few of: Latin capitals beyond ASCII in each
// range of the pattern, particle chains, a first word at and around the
// precheck's 32-byte read bound, names at the start and end of a text,
// after tabs, newlines and punctuation, at each offset across a 64-byte
// word of marks and a 32 KiB block of the scan. Each text's findings must
// be those without the checks, and hold the name.
func TestWholeStartChecksNameEdges(t *testing.T) {
	ds := startCheckDetectors(t)
	names := []string{
		"Łukasz Żółć", "Émile Zola", "Ödön von Horváth", "Ǆemal Bijedić", "Ḍavid Jones", "Nguyễn Văn An",
		"Ludwig van Beethoven", "Oscar de la Hoya", "Conor O'Brien", "Ronald McDonald", "Jean-Luc Picard",
		"Maria de los Angeles del Rio", "Abdullah bin Abdulaziz al Saud",
		"Abcdefghijklmnopqrstuvwxyzabcd Smith",                                // a first word of 30 bytes
		"Abcdefghijklmnopqrstuvwxyzabcde Smith",                               // 31
		"Abcdefghijklmnopqrstuvwxyzabcdef Smith",                              // 32
		"Abcdefghijklmnopqrstuvwxyzabcdefg Smith",                             // 33
		"Wolfeschlegelsteinhausenbergerdorff Hubert", "Ååååååååååååååå Smith", // 30 bytes in 15 letters
	}
	lines := 0
	for _, name := range names {
		if want, _ := sameWithAndWithoutChecks(ds, []byte("name: "+name+".")); !strings.Contains(want, "Name[") {
			t.Errorf("%q: no Name found (%s); the test no longer exercises the Name pattern", name, want)
		}
		for _, before := range []string{"", " ", "\t", "\n", "\r\n", "name: ", "(", "«", "—", "Dear "} {
			for _, after := range []string{"", " ", "\n", ".", ", who said hello", ")"} {
				for _, pad := range []int{0, 1, 7, 8, 55, 56, 60, 63, 64, 65, 1<<15 - 3, 1<<15 + 1} {
					text := []byte(strings.Repeat("lorem ipsum ", pad/12+1)[:pad] + before + name + after)
					if _, err := sameWithAndWithoutChecks(ds, text); err != nil {
						t.Fatalf("%d bytes of padding: %v", pad, err)
					}
					lines++
				}
			}
		}
	}
	t.Logf("%d texts", lines)
}

// FuzzWholeStartChecks: on any text the catalog detector finds the same
// with the whole-text start checks as without them, marked or not.
func FuzzWholeStartChecks(f *testing.F) {
	for _, s := range []string{
		"Łukasz Żółć", "name: Émile Zola.", "Dear Jean-Luc Picard,\tthanks", "Ludwig van der Beethoven",
		"Oscar de la Hoya Jr.", "Abcdefghijklmnopqrstuvwxyzabcdef Smith", "Conor O'Brien McDonald",
		"x\nMary K. Jones", "Ḍavid Ỳen", "Ååååååååååååååå Smith",
		"[Sun Dec 04 04:47:44 2005] Mary Jones", "Sat Jul  9 Dear John Smith", "Mon Smith 4", "Wed June 12",
		"RMCommunicator Allocator: x", "Jane IOPMPowerSource, Mary Jones", "RMCommunicator A. Smith Jones",
	} {
		f.Add([]byte(s))
	}
	ds := startCheckDetectors(f)
	f.Fuzz(func(t *testing.T, text []byte) {
		if _, err := sameWithAndWithoutChecks(ds, text); err != nil {
			t.Fatal(err)
		}
	})
}
