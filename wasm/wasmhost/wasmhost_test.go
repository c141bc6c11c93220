package wasmhost

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/piiguard/piiguard/internal/testcorpus"
	"github.com/piiguard/piiguard/wasm/internal/abi"
)

func TestScanAndMask(t *testing.T) {
	p := newPairOn(t, loadModule(t), Config{})
	ctx := context.Background()
	text := "login jane@example.com from 203.0.113.42, ssn 536-22-1234"
	got, err := p.wasm.MaskString(ctx, text)
	if err != nil {
		t.Fatal(err)
	}
	if want := "login **************** from ************, ssn ***********"; got != want {
		t.Errorf("MaskString = %q, want %q", got, want)
	}
	f, err := p.wasm.ScanString(ctx, "card 4929 3812 6548 1006")
	if err != nil {
		t.Fatal(err)
	}
	if len(f) != 1 || f[0].Identifier != "CreditCardNumber" || f[0].Start != 5 || f[0].End != 24 || f[0].Keyword != "card" {
		t.Errorf("ScanString = %v (keyword %q)", f, f[0].Keyword)
	}
	p.check(t, "example", []byte(text))
	for _, s := range []string{"", "x", "no pii here\n", "\xff\xfe\x00", strings.Repeat("é", 1000)} {
		p.check(t, "edge", []byte(s))
	}
	// An empty text masks to an empty (non-nil) slice, as natively.
	m, err := p.wasm.Mask(ctx, nil)
	if err != nil || m == nil || len(m) != 0 {
		t.Errorf("Mask(nil) = %q, %v", m, err)
	}
}

func TestIdentifiers(t *testing.T) {
	p := newPair(t, Config{Identifiers: []string{"Ssn-US", "EmailAddress", "Ssn-US"}, Custom: []Custom{{Name: "Emp", Regex: `EMP-\d+`}}})
	if got, want := p.wasm.Identifiers(), []string{"Ssn-US", "EmailAddress", "Emp"}; !slices.Equal(got, want) {
		t.Errorf("Identifiers = %q, want %q", got, want)
	}
	all := newPair(t, Config{})
	var names []string
	for _, id := range all.native.Identifiers() {
		names = append(names, id.Name)
	}
	if got := all.wasm.Identifiers(); !slices.Equal(got, names) {
		t.Errorf("Identifiers = %q, want %q", got, names)
	}
}

func TestPolicy(t *testing.T) {
	pol := readTestdata(t, "loggroup-custom.json")
	p := newPair(t, Config{Policy: []byte(pol)})
	if got, want := p.wasm.Identifiers(), []string{"Ssn-US", "CreditCardNumber", "EmployeeId", "Internal_Ticket"}; !slices.Equal(got, want) {
		t.Errorf("Identifiers = %q, want %q", got, want)
	}
	got, err := p.wasm.MaskString(context.Background(), "ssn 536-22-1234 EmployeeId-123456789 TKT-ABC-123456 jane@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if want := "ssn *********** ******************** ************** jane@example.com"; got != want {
		t.Errorf("MaskString = %q, want %q", got, want)
	}
	// The policy as a JSON object rather than a string.
	m := loadModule(t)
	s, err := m.CompileJSON(context.Background(), []byte(`{"policy":`+string(pol)+`}`))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, want := s.Identifiers(), p.wasm.Identifiers(); !slices.Equal(got, want) {
		t.Errorf("Identifiers = %q, want %q", got, want)
	}
	// piiguard's extensions: mask styles, thresholds, allow lists, keywords.
	p = newPair(t, Config{Policy: []byte(testcorpus.ExtendedPolicy)})
	got, err = p.wasm.MaskString(context.Background(), "card on file 4929 3812 6548 1006 mail jane@example.com from 10.1.2.3, noreply@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if want := "card on file #### #### #### 1006 mail  from <IpAddress>, noreply@example.com"; got != want {
		t.Errorf("MaskString = %q, want %q", got, want)
	}
	// A policy with custom identifiers only: as the native facade.
	custom := `{"Name":"p","Version":"2021-06-01","Configuration":{"CustomDataIdentifier":[{"Name":"Emp","Regex":"EMP-\\d{6}"}]},
	"Statement":[{"Sid":"a","DataIdentifier":["Emp"],"Operation":{"Audit":{"FindingsDestination":{}}}},
	{"Sid":"d","DataIdentifier":["Emp"],"Operation":{"Deidentify":{"MaskConfig":{}}}}]}`
	p = newPair(t, Config{Policy: []byte(custom)})
	if got := p.wasm.Identifiers(); !slices.Contains(got, "Emp") {
		t.Errorf("custom-only policy: Identifiers = %q", got)
	}
	p.check(t, "custom-only", []byte("EMP-123456 jane@example.com ssn 536-22-1234"))
}

func TestCompileErrors(t *testing.T) {
	m := loadFastModule(t)
	ctx := context.Background()
	pol := readTestdata(t, "loggroup-custom.json")
	extended := readTestdata(t, "extended.json") // hash mask style
	tests := []struct {
		config string
		code   int32
		msg    string
	}{
		{`{"identifiers":["Ssn-UK"]}`, CodeConfig, `unknown managed identifier "Ssn-UK"`},
		{`{"custom":[{"name":"A","regex":"(("}]}`, CodeConfig, "custom identifier regex is invalid"},
		{`{"custom":[{"name":"EmailAddress","regex":"x"}]}`, CodeConfig, "name of a managed identifier"},
		{`{"custom":[{"name":"A","regex":"a"},{"name":"A","regex":"b"}]}`, CodeConfig, "duplicate custom identifier"},
		{`{"identifier":["EmailAddress"]}`, CodeConfig, `unknown field "identifier"`},
		{`{"identifiers":"EmailAddress"}`, CodeConfig, "cannot unmarshal"},
		{`{`, CodeConfig, "unexpected EOF"},
		{`{} {}`, CodeConfig, "data after"},
		{`{"policy":42}`, CodeConfig, "policy must be"},
		{`{"policy":{"Name":"x"}}`, CodePolicy, "policy:"},
		{`{"policy":"not json"}`, CodePolicy, "policy:"},
		{`{"policy":` + pol + `,"identifiers":["EmailAddress"]}`, CodeConfig, "must be empty"},
		{`{"policy":` + extended + `}`, CodeUnsupported, "needs a key"},
	}
	for _, tt := range tests {
		_, err := m.CompileJSON(ctx, []byte(tt.config))
		var e *Error
		if !errors.As(err, &e) || e.Code != tt.code || !strings.Contains(e.Message, tt.msg) {
			t.Errorf("CompileJSON(%s): %v, want code %s and %q", tt.config, err, abi.CodeName(tt.code), tt.msg)
		}
	}
	// An empty configuration is {}: every managed identifier.
	s, err := m.CompileJSON(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

// TestABI calls the exports directly, as a host in another language does,
// with the arguments a buggy host might pass.
func TestABI(t *testing.T) {
	m := loadFastModule(t)
	ctx := context.Background()
	in, err := m.instantiate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer in.close(ctx)
	call := func(fn int, args ...uint64) int32 {
		t.Helper()
		r, err := in.call(ctx, fn, args...)
		if err != nil {
			t.Fatal(err)
		}
		return int32(uint32(r))
	}
	expect := func(what string, got, want int32) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %s, want %s", what, abi.CodeName(got), abi.CodeName(want))
			return
		}
		if code := call(fnErrorCode); code != want && want <= 0 {
			t.Errorf("%s: piiguard_error_code = %s, want %s", what, abi.CodeName(code), abi.CodeName(want))
		}
		if want < 0 {
			if n := call(fnErrorLen); n == 0 {
				t.Errorf("%s: no error message", what)
			}
		}
	}
	if v := uint32(call(fnVersion)); v != abi.Version {
		t.Errorf("abi version %#x", v)
	}
	ptr := uint32(call(fnAlloc, 16))
	if ptr == 0 {
		t.Fatal("alloc failed")
	}
	expect("error code after success", call(fnErrorCode), abi.OK)
	in.mem.Write(ptr, []byte("{}"))
	h := call(fnCompile, uint64(ptr), 2)
	if h <= 0 {
		t.Fatalf("compile = %d", h)
	}
	expect("scan with bad handle", call(fnScan, 999, uint64(ptr), 2), abi.ErrHandle)
	expect("scan with handle 0", call(fnScan, 0, 0, 0), abi.ErrHandle)
	expect("scan with a stray pointer", call(fnScan, uint64(h), uint64(ptr+1), 1), abi.ErrPointer)
	expect("scan past the buffer", call(fnScan, uint64(h), uint64(ptr), 17), abi.ErrArgument)
	expect("scan of empty text", call(fnScan, uint64(h), 0, 0), abi.OK)
	if n := call(fnResultLen); n != abi.HeaderSize {
		t.Errorf("empty scan result: %d bytes", n)
	}
	if p := call(fnAlloc, abi.MaxAlloc+1); p != 0 {
		t.Errorf("alloc too large = %#x", p)
	}
	if code := call(fnErrorCode); code != abi.ErrArgument {
		t.Errorf("alloc too large: error code %s", abi.CodeName(code))
	}
	expect("free(0)", call(fnFree, 0), abi.OK)
	expect("free", call(fnFree, uint64(ptr)), abi.OK)
	expect("double free", call(fnFree, uint64(ptr)), abi.ErrPointer)
	expect("scan of a freed buffer", call(fnScan, uint64(h), uint64(ptr), 2), abi.ErrPointer)
	expect("mask with bad handle", call(fnMask, 7777, 0, 0), abi.ErrHandle)
	expect("identifiers", call(fnIdentifiers, uint64(h)), abi.OK)
	expect("close", call(fnClose, uint64(h)), abi.OK)
	expect("close twice", call(fnClose, uint64(h)), abi.ErrHandle)
	expect("identifiers of closed handle", call(fnIdentifiers, uint64(h)), abi.ErrHandle)
	if n := call(fnResultLen); n != 0 {
		t.Errorf("result after a failed call: %d bytes", n)
	}
	expect("compile of a stray pointer", call(fnCompile, 12345, 3), abi.ErrPointer)
	// Handles are not reused.
	if h2 := call(fnCompile, 0, 0); h2 <= h {
		t.Errorf("second handle %d after %d", h2, h)
	}
}

func TestConcurrent(t *testing.T) {
	p := newPair(t, Config{})
	lines := syntheticCorpus(3, 200)
	want := make([][]Finding, len(lines))
	for i, l := range lines {
		want[i] = p.nativeFindings([]byte(l))
	}
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < len(lines); i += 3 {
				got, err := p.wasm.ScanString(ctx, lines[i])
				if err != nil {
					errs <- err.Error()
					return
				}
				if d := diffFindings(want[i], got); d != "" {
					errs <- d
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestContextCancel runs interruptible (Options.Interrupt), on a
// few identifiers (compiling all of them takes seconds in that mode).
func TestContextCancel(t *testing.T) {
	p := newPairOn(t, loadModule(t), Config{Identifiers: []string{"EmailAddress", "Ssn-US", "CreditCardNumber"}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.wasm.ScanString(ctx, "jane@example.com"); !errors.Is(err, context.Canceled) {
		t.Errorf("Scan with a canceled context: %v", err)
	}
	// A deadline during a long scan stops it.
	big := bytes.Repeat([]byte("user jane@example.com ssn 536-22-1234 card 4929 3812 6548 1006\n"), 200_000)
	ctx, cancel = context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := p.wasm.Scan(ctx, big)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Scan past its deadline: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Scan past its deadline took %v", d)
	}
	// The scanner still works (the interrupted instance was discarded).
	p.check(t, "after cancel", []byte("jane@example.com"))
}

// TestNoInterrupt: without WithCloseOnContextDone (the default), results
// are the same and a done context still stops the next call.
func TestNoInterrupt(t *testing.T) {
	ctx := context.Background()
	p := newPair(t, Config{})
	s := p.wasm
	for _, l := range syntheticCorpus(4, 50) {
		p.check(t, "no-interrupt", []byte(l))
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.ScanString(cctx, "jane@example.com"); !errors.Is(err, context.Canceled) {
		t.Errorf("Scan with a canceled context: %v", err)
	}
}

func TestClose(t *testing.T) {
	m := loadModule(t)
	s, err := m.Compile(context.Background(), Config{Identifiers: []string{"EmailAddress"}})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := s.ScanString(context.Background(), "x"); !errors.Is(err, ErrClosed) {
		t.Errorf("Scan after Close: %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	ctx := context.Background()
	if _, err := LoadBytes(ctx, []byte("not wasm"), Options{NoCache: true}); err == nil {
		t.Error("LoadBytes accepted garbage")
	}
	// A valid module that is not piiguard's: (module) with one export.
	empty := []byte{0, 'a', 's', 'm', 1, 0, 0, 0}
	if _, err := LoadBytes(ctx, empty, Options{NoCache: true}); err == nil || !strings.Contains(err.Error(), "not a piiguard module") {
		t.Errorf("LoadBytes(empty module): %v", err)
	}
	if _, err := Load(ctx, filepath.Join(t.TempDir(), "missing.wasm"), Options{}); err == nil {
		t.Error("Load of a missing file succeeded")
	}
	t.Setenv(ModulePathEnv, filepath.Join(t.TempDir(), "missing.wasm"))
	if _, err := FindModule(); err == nil {
		t.Error("FindModule with a bad PIIGUARD_WASM succeeded")
	}
}

// TestStartup measures loading the module without and with the
// compilation cache, then compiling every managed identifier and a first
// scan, with and without interruption (-v shows the times). It runs only
// with PIIGUARD_WASM_BENCH=1.
func TestStartup(t *testing.T) {
	if os.Getenv("PIIGUARD_WASM_BENCH") == "" {
		t.Skip("set PIIGUARD_WASM_BENCH=1 to measure")
	}
	path := modulePath(t)
	dir := t.TempDir()
	ctx := context.Background()
	start := func(opts Options) string {
		opts.CacheDir = dir
		t0 := time.Now()
		m, err := Load(ctx, path, opts)
		if err != nil {
			t.Fatal(err)
		}
		defer m.Close(ctx)
		load := time.Since(t0)
		s, err := m.Compile(ctx, Config{})
		if err != nil {
			t.Fatal(err)
		}
		compile := time.Since(t0) - load
		if _, err := s.ScanString(ctx, "jane@example.com"); err != nil {
			t.Fatal(err)
		}
		total := time.Since(t0)
		return fmt.Sprintf("%v (load %v, compile %v, first scan %v)", total.Round(time.Millisecond),
			load.Round(time.Millisecond), compile.Round(time.Millisecond), (total - load - compile).Round(time.Millisecond))
	}
	// The cache keeps one compilation per option set.
	t.Logf("start-up, first: %s", start(Options{}))
	t.Logf("start-up, cached: %s", start(Options{}))
	t.Logf("start-up, Interrupt, first: %s", start(Options{Interrupt: true}))
	t.Logf("start-up, Interrupt, cached: %s", start(Options{Interrupt: true}))
}
