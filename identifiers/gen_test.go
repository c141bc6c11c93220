package identifiers_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/identifiers/internal/doc"
)

// TestIdentifiersDocUpToDate regenerates IDENTIFIERS.md in memory and
// compares it with the file.
func TestIdentifiersDocUpToDate(t *testing.T) {
	got, err := os.ReadFile("IDENTIFIERS.md")
	if err != nil {
		t.Fatal(err)
	}
	want := doc.Markdown(identifiers.Catalog(), identifiers.ManagedNames())
	if !bytes.Equal(got, want) {
		t.Error("IDENTIFIERS.md is stale: run go generate ./identifiers/")
	}
}
