package wasmhost

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/audit"
	"github.com/piiguard/piiguard/internal/testcorpus"
	"github.com/piiguard/piiguard/mask"
	"github.com/piiguard/piiguard/wasm/internal/abi"
	"github.com/piiguard/piiguard/wasm/internal/keyed"
	"github.com/piiguard/piiguard/wasm/internal/wasmconfig"
)

// The module is loaded once for all tests, twice: interruptible
// (Options.Interrupt) and, for the differential tests, which make many
// calls, with the default options (faster; see Options.Interrupt). Tests
// skip when the module is not built.
var testModules [2]struct {
	once sync.Once
	m    *Module
	err  error
}

func modulePath(t testing.TB) string {
	t.Helper()
	p, err := FindModule()
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	return p
}

// loadModule returns the interruptible module.
func loadModule(t testing.TB) *Module { return load(t, 0) }

// loadFastModule returns the module loaded with the default options.
func loadFastModule(t testing.TB) *Module { return load(t, 1) }

func load(t testing.TB, i int) *Module {
	t.Helper()
	p := modulePath(t)
	tm := &testModules[i]
	tm.once.Do(func() {
		tm.m, tm.err = Load(context.Background(), p, Options{Interrupt: i == 0})
	})
	if tm.err != nil {
		t.Fatal(tm.err)
	}
	return tm.m
}

// pair is a configuration compiled both ways.
type pair struct {
	config []byte
	native *piiguard.Scanner
	json   *mask.JSON      // the native JSON masker
	tk     *mask.Tokenizer // nil without a key
	wasm   *Scanner
}

// newPair compiles cfg natively and with the fast module.
func newPair(t testing.TB, cfg Config) *pair {
	t.Helper()
	return newPairOn(t, loadFastModule(t), cfg)
}

func newPairOn(t testing.TB, m *Module, cfg Config) *pair {
	t.Helper()
	data, err := cfg.JSON()
	if err != nil {
		t.Fatal(err)
	}
	native, err := wasmconfig.NewKeyedScanner(data, cfg.Key)
	if err != nil {
		t.Fatalf("native: %v", err)
	}
	p := &pair{config: data, native: native}
	if p.json, err = mask.NewJSON(native, native.Masker(), mask.JSONOptions{}); err != nil {
		t.Fatal(err)
	}
	if cfg.Key != nil {
		if p.tk, err = mask.NewTokenizer(cfg.Key); err != nil {
			t.Fatal(err)
		}
	}
	w, err := m.Compile(context.Background(), cfg)
	if err != nil {
		t.Fatalf("wasm: %v", err)
	}
	t.Cleanup(func() { w.Close() })
	p.wasm = w
	return p
}

// nativeFindings returns the native findings with scores rounded to the
// ABI's precision.
func (p *pair) nativeFindings(text []byte) []Finding {
	f := p.native.Scan(text)
	for i := range f {
		f[i].Score = abi.FixedToScore(abi.ScoreToFixed(f[i].Score))
	}
	return f
}

// check compares the findings and the masked output of both builds on text.
func (p *pair) check(t testing.TB, name string, text []byte) {
	t.Helper()
	ctx := context.Background()
	want := p.nativeFindings(text)
	got, err := p.wasm.Scan(ctx, text)
	if err != nil {
		t.Fatalf("%s: wasm scan: %v", name, err)
	}
	if d := diffFindings(want, got); d != "" {
		t.Fatalf("%s: findings differ (config %s):\n%s", name, p.config, d)
	}
	wantMask := p.native.AppendMask(nil, text)
	gotMask, err := p.wasm.Mask(ctx, text)
	if err != nil {
		t.Fatalf("%s: wasm mask: %v", name, err)
	}
	if string(wantMask) != string(gotMask) {
		t.Fatalf("%s: masked output differs (config %s):\n%s", name, p.config, diffText(wantMask, gotMask))
	}
}

// checkAll is check and check11.
func (p *pair) checkAll(t testing.TB, name string, text []byte) {
	t.Helper()
	p.check(t, name, text)
	p.check11(t, name, text, p.native.AppendMask(nil, text))
}

// check11 compares what ABI 1.1 adds: audit reports, JSON masking (of text
// wrapped in a JSON event), and unmasking tokens.
func (p *pair) check11(t testing.TB, name string, text, masked []byte) {
	t.Helper()
	ctx := context.Background()
	want := p.native.Audit(text)
	got, err := p.wasm.Audit(ctx, text)
	if err != nil {
		t.Fatalf("%s: wasm audit: %v", name, err)
	}
	if (want == nil) != (got == nil) || want != nil && !sameReport(want, got) {
		t.Fatalf("%s: audit reports differ (config %s):\nnative %+v\nwasm   %+v", name, p.config, want, got)
	}
	if len(text) > 64<<10 {
		return // whole files: audit compared; JSON and tokens on lines
	}
	event := []byte(keyed.JSONEvent(string(text)))
	wantJ, werr := p.json.Mask(event)
	gotJ, gerr := p.wasm.MaskJSON(ctx, event)
	if (werr != nil) != (gerr != nil) || string(wantJ) != string(gotJ) {
		t.Fatalf("%s: JSON masking differs (config %s): native err %v, wasm err %v\n%s", name, p.config, werr, gerr, diffText(wantJ, gotJ))
	}
	if p.tk == nil {
		return
	}
	wantU, werr := p.tk.Unmask(masked)
	gotU, gerr := p.wasm.Unmask(ctx, masked)
	if (werr != nil) != (gerr != nil) || werr == nil && string(wantU) != string(gotU) {
		t.Fatalf("%s: unmasking differs (config %s): native err %v, wasm err %v", name, p.config, werr, gerr)
	}
}

// sameReport compares reports but for their timestamps.
func sameReport(a, b *audit.Report) bool {
	x, y := *a, *b
	x.AuditTimestamp, y.AuditTimestamp = "", ""
	return reflect.DeepEqual(x, y)
}

func diffFindings(want, got []Finding) string {
	var b strings.Builder
	for i := 0; i < max(len(want), len(got)); i++ {
		var w, g Finding
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			fmt.Fprintf(&b, "  #%d native %+v\n  #%d wasm   %+v\n", i, w, i, g)
			if b.Len() > 2000 {
				break
			}
		}
	}
	if b.Len() > 0 {
		fmt.Fprintf(&b, "  (%d native, %d wasm findings)", len(want), len(got))
	}
	return b.String()
}

func diffText(want, got []byte) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	lo := max(i-40, 0)
	return fmt.Sprintf("  first difference at byte %d\n  native %q\n  wasm   %q", i,
		want[lo:min(len(want), i+40)], got[lo:min(len(got), i+40)])
}

// loghub returns the loghub corpus files by name, skipping when absent.
func loghub(t testing.TB) map[string][]byte {
	t.Helper()
	files, err := testcorpus.LoghubFiles("")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("skipping: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string][]byte, len(files))
	for _, f := range files {
		out[f.Name] = f.Data
	}
	return out
}

func syntheticCorpus(seed uint64, n int) []string { return testcorpus.Dense(seed, n) }

// configs are the configurations the differential tests use.
func configs(t testing.TB) map[string]Config {
	t.Helper()
	pol := []byte(readTestdata(t, "loggroup-custom.json"))
	return map[string]Config{
		"all": {},
		"named+custom": {
			Identifiers: []string{"EmailAddress", "Ssn-US", "CreditCardNumber", "PhoneNumber-US", "IpAddress"},
			Custom:      []Custom{{Name: "EmployeeId", Regex: `EMP-[0-9]{6}`}},
		},
		"policy":   {Policy: pol},
		"extended": {Policy: []byte(testcorpus.ExtendedPolicy), ResourceArn: "arn:aws:logs:us-east-1:111122223333:log-group:app"},
		"minscore": {MinScore: 0.8},
		// ABI 1.1: keyed styles.
		"hash":         {Style: "hash", Key: testKey},
		"token":        {Style: "token", Key: testKey},
		"keyed-policy": {Policy: []byte(keyed.Policy), Key: testKey},
	}
}

// testKey is the key of the keyed configurations.
var testKey = func() []byte {
	k, err := hex.DecodeString(keyed.TestKeyHex)
	if err != nil {
		panic(err)
	}
	return k
}()

func sortedNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// readTestdata returns a policy document of policy/testdata.
func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "policy", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
