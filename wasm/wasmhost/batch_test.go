package wasmhost

import (
	"bytes"
	"context"
	"testing"
)

// checkBatch compares ScanBatch and MaskBatch with the native build on
// each record alone (and so with the module's per-record calls, which the
// differential tests compare with the native build).
func (p *pair) checkBatch(t testing.TB, name string, records [][]byte) (findings int) {
	t.Helper()
	ctx := context.Background()
	got, err := p.wasm.ScanBatch(ctx, records)
	if err != nil {
		t.Fatalf("%s: scan batch: %v", name, err)
	}
	masked, err := p.wasm.MaskBatch(ctx, records)
	if err != nil {
		t.Fatalf("%s: mask batch: %v", name, err)
	}
	if len(got) != len(records) || len(masked) != len(records) {
		t.Fatalf("%s: %d records: %d findings, %d masked", name, len(records), len(got), len(masked))
	}
	for i, r := range records {
		want := p.nativeFindings(r)
		if d := diffFindings(want, got[i]); d != "" {
			t.Fatalf("%s: record %d: findings differ (config %s):\n%s", name, i, p.config, d)
		}
		findings += len(want)
		if wantMask := p.native.AppendMask(nil, r); !bytes.Equal(wantMask, masked[i]) {
			t.Fatalf("%s: record %d: masked output differs (config %s):\n%s", name, i, p.config, diffText(wantMask, masked[i]))
		}
		if cap(masked[i]) != len(masked[i]) {
			t.Fatalf("%s: record %d: masked record of capacity %d > length %d", name, i, cap(masked[i]), len(masked[i]))
		}
	}
	return findings
}

// TestBatchLoghub: a batch of every line of a loghub file gives, line by
// line, what the native build gives for the line alone, for every
// configuration.
func TestBatchLoghub(t *testing.T) {
	files := loghub(t)
	for cname, cfg := range configs(t) {
		if cfg.Key != nil {
			continue
		}
		p := newPair(t, cfg)
		for _, n := range sortedNames(files) {
			if testing.Short() && n != "OpenSSH_2k.log" {
				continue
			}
			p.checkBatch(t, cname+"/"+n, bytes.SplitAfter(files[n], []byte("\n")))
		}
	}
}

// TestBatchSynthetic: the same on lines dense in values, with empty
// records, multi-line records and batches of one and no record, for every
// configuration (keyed styles included).
func TestBatchSynthetic(t *testing.T) {
	var lines [][]byte
	for _, l := range syntheticCorpus(4, 400) {
		lines = append(lines, []byte(l))
	}
	multi := []byte("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\nssn 536-22-1234\n")
	for cname, cfg := range configs(t) {
		p := newPair(t, cfg)
		if n := p.checkBatch(t, cname, lines); cname == "all" && n < len(lines) {
			t.Errorf("%d findings in %d lines: too few to test much", n, len(lines))
		}
		p.checkBatch(t, cname+"/mixed", [][]byte{nil, lines[0], {}, multi, bytes.Join(lines[:20], []byte("\n")), nil})
		p.checkBatch(t, cname+"/one", lines[1:2])
		p.checkBatch(t, cname+"/none", nil)
	}
}

// TestBatchOldModule: with a module before ABI 1.2 the Scanner calls the
// module once per record and gives the same results.
func TestBatchOldModule(t *testing.T) {
	p := newPair(t, Config{})
	lines := [][]byte{[]byte("mail jane@example.com"), nil, []byte("ssn 536-22-1234")}
	want, err := p.wasm.ScanBatch(context.Background(), lines)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	m, err := Load(ctx, modulePath(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close(ctx)
	m.minor = 1 // as a 1.1 module: no batched exports
	old, err := m.Compile(ctx, Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	got, err := old.ScanBatch(context.Background(), lines)
	if err != nil {
		t.Fatal(err)
	}
	for i := range lines {
		if d := diffFindings(want[i], got[i]); d != "" {
			t.Errorf("record %d:\n%s", i, d)
		}
	}
	masked, err := old.MaskBatch(context.Background(), lines)
	if err != nil || string(masked[0]) != "mail ****************" || len(masked[1]) != 0 {
		t.Errorf("masked %q, %v", masked, err)
	}
}
