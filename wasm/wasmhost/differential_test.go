package wasmhost

import (
	"bytes"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/mask"
)

// TestDifferentialLoghub: the WASM and native builds agree on every file
// of the loghub corpus, whole and line by line.
func TestDifferentialLoghub(t *testing.T) {
	files := loghub(t)
	names := sortedNames(files)
	for cname, cfg := range configs(t) {
		if cfg.Key != nil {
			continue // keyed styles: the synthetic corpus, dense in values
		}
		p := newPair(t, cfg)
		for _, n := range names {
			p.checkAll(t, cname+"/"+n, files[n])
			if cname == "all" && !testing.Short() {
				for i, line := range bytes.SplitAfter(files[n], []byte("\n")) {
					if i%7 == 0 { // a sample of single lines
						p.check(t, cname+"/"+n+"/line", line)
					}
				}
			}
		}
	}
}

// TestDifferentialSynthetic: the builds agree on a synthetic corpus dense
// in sensitive values, line by line and as one text.
func TestDifferentialSynthetic(t *testing.T) {
	lines := syntheticCorpus(1, 3000)
	if testing.Short() {
		lines = lines[:300]
	}
	found := 0
	for cname, cfg := range configs(t) {
		p := newPair(t, cfg)
		for _, l := range lines {
			p.checkAll(t, cname, []byte(l))
			if cname == "all" {
				found += len(p.nativeFindings([]byte(l)))
			}
		}
		p.checkAll(t, cname+"/whole", []byte(strings.Join(lines, "\n")))
	}
	if found < len(lines) {
		t.Errorf("the synthetic corpus has %d findings in %d lines: too few to test much", found, len(lines))
	}
}

// FuzzDifferential: the builds agree on arbitrary input.
func FuzzDifferential(f *testing.F) {
	for _, l := range syntheticCorpus(2, 40) {
		f.Add([]byte(l))
	}
	f.Add([]byte(""))
	f.Add([]byte("\xff\x00é\r\n-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAK\n-----END RSA PRIVATE KEY-----"))
	f.Add([]byte("-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END RSA PRIVATE KEY-----\nQyNT\n-----END OPENSSH PRIVATE KEY-----"))
	all := newPair(f, Config{})
	some := newPair(f, configs(f)["named+custom"])
	f.Fuzz(func(t *testing.T, text []byte) {
		all.checkAll(t, "all", text)
		some.check(t, "named+custom", text)
	})
}

// TestDifferentialStyles: every mask style, named as mask.ParseStyle reads
// it (Config.Style), masks the same through the module as natively.
func TestDifferentialStyles(t *testing.T) {
	lines := syntheticCorpus(3, 200)
	for _, st := range mask.Styles() {
		spec, err := mask.ParseStyle(string(st))
		if err != nil {
			t.Fatal(err)
		}
		cfg := Config{Style: string(st)}
		if spec.NeedsKey() {
			cfg.Key = testKey
		}
		p := newPair(t, cfg)
		for _, l := range lines {
			p.checkAll(t, string(st), []byte(l))
		}
	}
}
