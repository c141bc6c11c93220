package detector

import (
	"fmt"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/internal/prefilter"
)

func TestZZProto(t *testing.T) {
	d, err := Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	for _, cp := range d.patterns {
		if cp.trigger != byKeyword || cp.info.AllowedAll || cp.info.MaxLen == prefilter.Unbounded { continue }
		set := ""
		for c := 0; c < 256; c++ { if cp.info.Allowed[c] { set += string(rune(c)) } }
		if len(set) > 40 { set = set[:40] + "…" }
		fmt.Printf("%-35s win=%d min=%d max=%d dig=%d %q\n", cp.ident.id.Name, cp.ident.window, cp.info.MinLen, cp.info.MaxLen, cp.info.MinDigits, set)
	}
}
