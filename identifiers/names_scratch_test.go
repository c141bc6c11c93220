package identifiers_test

import (
	"bufio"
	"os"
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
)

func TestScratchFind(t *testing.T) {
	f, err := os.Open(os.Getenv("SCRATCH"))
	if err != nil {
		t.Skip()
	}
	defer f.Close()
	var ids []*identifiers.Identifier
	for _, n := range []string{"Name", "Address"} {
		id, _ := identifiers.Lookup(n)
		ids = append(ids, id)
	}
	d, err := detector.Compile(ids)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		var got []string
		for _, fd := range d.FindString(line) {
			got = append(got, fd.Identifier+"="+line[fd.Start:fd.End])
		}
		t.Logf("%-70s => %q", line, got)
	}
}
