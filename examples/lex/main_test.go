package main

import (
	"bytes"
	"os"
	"testing"
)

// TestRun obfuscates the fixture: the result is the reference's example
// log event.
func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b, "../../lex/testdata/paybill-turn2.json"); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../lex/testdata/paybill-turn2.want.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("output:\n%s\nwant:\n%s", b.Bytes(), want)
	}
	if err := run(&b, "missing.json"); err == nil {
		t.Error("missing event file: no error")
	}
}
