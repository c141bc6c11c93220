package pii_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestConsumersDoNotLinkTheEngine checks that the packages which only
// consume findings depend on package pii for them, not on the detector,
// its catalog or its automata: linking those would add the engine's code
// and the catalog's initialisation to every program that masks, audits or
// hosts the WebAssembly module.
func TestConsumersDoNotLinkTheEngine(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found:", err)
	}
	const module = "github.com/piiguard/piiguard/"
	consumers := []string{"mask", "audit", "slogmask", "wasm/wasmhost"}
	engine := []string{
		"detector",
		"identifiers",
		"internal/aho",
		"internal/checksum",
		"internal/dfa",
		"internal/prefilter",
		"internal/regex",
		"github.com/BurntSushi/rure-go",
	}
	for _, pkg := range consumers {
		t.Run(pkg, func(t *testing.T) {
			out, err := exec.Command(goTool, "list", "-deps", module+pkg).Output()
			if err != nil {
				t.Fatalf("go list -deps %s: %v", pkg, err)
			}
			deps := map[string]bool{}
			for _, line := range strings.Fields(string(out)) {
				deps[line] = true
			}
			if !deps[module+"pii"] {
				t.Errorf("%s does not depend on %spii; the check below would prove nothing", pkg, module)
			}
			for _, e := range engine {
				path := e
				if !strings.Contains(e, ".") {
					path = module + e
				}
				if deps[path] {
					t.Errorf("%s depends on %s", pkg, path)
				}
			}
		})
	}
}
