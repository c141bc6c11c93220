package main

// These tests call the exports as plain Go functions (natively, where
// pointers are the low 32 bits of Go addresses: inputs are looked up by
// them, never dereferenced): argument checking, ownership rules and panic
// recovery. The hosts' tests cover the same through real WebAssembly.

import (
	"strings"
	"testing"

	"github.com/piiguard/piiguard/wasm/internal/abi"
)

// put allocates a buffer holding s and returns its pointer.
func put(t *testing.T, s string) uint32 {
	t.Helper()
	p := alloc(uint32(len(s)))
	if p == 0 {
		t.Fatalf("alloc: %s", errMsg)
	}
	copy(allocs[p], s)
	return p
}

// lastError reads the error state through the getters.
func lastError() (int32, string) {
	if errorPtr() != addr(errMsg) || int(errorLen()) != len(errMsg) {
		panic("error getters disagree with the error state")
	}
	return errorCode(), string(errMsg)
}

func TestExports(t *testing.T) {
	if v := abiVersion(); v != abi.Version {
		t.Errorf("abi version %#x", v)
	}
	cfg := `{"identifiers":["EmailAddress","CreditCardNumber"]}`
	p := put(t, cfg)
	h := compile(p, uint32(len(cfg)))
	if h <= 0 {
		t.Fatalf("compile = %d: %s", h, errMsg)
	}
	if code, msg := lastError(); code != abi.OK || msg != "" {
		t.Errorf("error state after success: %d %q", code, msg)
	}
	text := "mail jane@example.com card 4929 3812 6548 1006"
	tp := put(t, text)
	if c := scan(h, tp, uint32(len(text))); c != abi.OK {
		t.Fatalf("scan = %d: %s", c, errMsg)
	}
	if resultPtr() != addr(result) || int(resultLen()) != len(result) || resultPtr() == 0 {
		t.Errorf("result getters: %#x %d", resultPtr(), resultLen())
	}
	var recs []abi.Record
	if err := abi.DecodeFindings(result, func(r abi.Record) { recs = append(recs, r) }); err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].Ident != 0 || recs[0].Start != 5 || recs[0].End != 21 || recs[0].Keyword != abi.NoKeyword ||
		recs[1].Ident != 1 || recs[1].Keyword == abi.NoKeyword {
		t.Errorf("records %+v", recs)
	}
	if c := identifiersTable(h); c != abi.OK {
		t.Fatal(c)
	}
	ids, err := abi.DecodeIdentifiers(result)
	if err != nil || len(ids) != 2 || ids[0].Name != "EmailAddress" || ids[1].Keywords[recs[1].Keyword] != "card" {
		t.Errorf("identifiers %+v, %v", ids, err)
	}
	if c := maskText(h, tp, uint32(len(text))); c != abi.OK || string(result) != "mail **************** card *******************" {
		t.Errorf("mask = %d, %q", c, result)
	}
	// A prefix of a buffer is fine; past its end is not.
	if c := maskText(h, tp, 4); c != abi.OK || string(result) != "mail" {
		t.Errorf("mask of a prefix = %d, %q", c, result)
	}
	if c := maskText(h, tp, uint32(len(text))+1); c != abi.ErrArgument || len(result) != 0 {
		t.Errorf("mask past the buffer = %d, result %q", c, result)
	}
	if code, msg := lastError(); code != abi.ErrArgument || !strings.Contains(msg, "larger than the buffer") {
		t.Errorf("error state %d %q", code, msg)
	}
	// Empty text needs no buffer.
	if c := maskText(h, 0, 0); c != abi.OK || len(result) != 0 {
		t.Errorf("mask of nothing = %d, %q", c, result)
	}
	if c := scan(h, 0, 0); c != abi.OK || len(result) != abi.HeaderSize {
		t.Errorf("scan of nothing = %d, %d bytes", c, len(result))
	}
	if c := scan(h, tp+1, 1); c != abi.ErrPointer {
		t.Errorf("scan of an inner pointer = %d", c)
	}
	if c := free(tp); c != abi.OK {
		t.Error(c)
	}
	if c := free(tp); c != abi.ErrPointer {
		t.Errorf("double free = %d", c)
	}
	if c := scan(h, tp, 1); c != abi.ErrPointer {
		t.Errorf("scan of freed buffer = %d", c)
	}
	if c := closeHandle(h); c != abi.OK {
		t.Error(c)
	}
	for _, c := range []int32{closeHandle(h), scan(h, 0, 0), maskText(h, 0, 0), identifiersTable(h), scan(-1, 0, 0)} {
		if c != abi.ErrHandle {
			t.Errorf("call with a closed handle = %d", c)
		}
	}
	if p := alloc(abi.MaxAlloc + 1); p != 0 || errCode != abi.ErrArgument {
		t.Errorf("alloc too large = %#x, error %d", p, errCode)
	}
	if p := alloc(0); p == 0 || len(allocs[p]) != 1 {
		t.Errorf("alloc(0) = %#x", p)
	} else {
		free(p)
	}
	bad := `{"identifiers":["Nope"]}`
	bp := put(t, bad)
	if c := compile(bp, uint32(len(bad))); c != abi.ErrConfig || !strings.Contains(string(errMsg), `"Nope"`) {
		t.Errorf("compile of a bad config = %d %q", c, errMsg)
	}
	if h2 := compile(0, 0); h2 <= h {
		t.Errorf("handle %d after %d: reused", h2, h)
	} else {
		closeHandle(h2)
	}
}

// TestPanicsAreRecovered: a panic inside an export is an ErrInternal with a
// stack trace, and the module goes on working.
func TestPanicsAreRecovered(t *testing.T) {
	handles[1<<30] = &handle{} // no scanner: any use panics
	defer delete(handles, 1<<30)
	for name, call := range map[string]func() int32{
		"scan":        func() int32 { return scan(1<<30, 0, 0) },
		"mask":        func() int32 { return maskText(1<<30, 0, 0) },
		"identifiers": func() int32 { return identifiersTable(1 << 30) },
	} {
		// identifiers of an empty handle does not panic; the others do.
		c := call()
		if name != "identifiers" && (c != abi.ErrInternal || !strings.Contains(string(errMsg), "goroutine")) {
			t.Errorf("%s: %d %.80q", name, c, errMsg)
		}
	}
	saved := allocs
	allocs = nil // assignment to a nil map panics
	p := alloc(8)
	allocs = saved
	if p != 0 || errCode != abi.ErrInternal {
		t.Errorf("alloc with a panic = %#x, error %d", p, errCode)
	}
	if c := compile(0, 0); c <= 0 {
		t.Errorf("compile after panics = %d", c)
	}
}

// TestScratchNotRetained: a scan with many findings leaves no scratch of
// their size behind in the handle (an instance lives long; its memory
// would stay at the largest scan's).
func TestScratchNotRetained(t *testing.T) {
	cfg := `{"identifiers":["EmailAddress"]}`
	h := compile(put(t, cfg), uint32(len(cfg)))
	if h <= 0 {
		t.Fatalf("compile = %d: %s", h, errMsg)
	}
	defer closeHandle(h)
	text := strings.Repeat("jane@example.com ", 100_000)
	p := put(t, text)
	defer free(p)
	for name, fn := range map[string]func(int32, uint32, uint32) int32{"scan": scan, "audit": auditEvent} {
		if c := fn(h, p, uint32(len(text))); c != 0 {
			t.Fatalf("%s = %d: %s", name, c, errMsg)
		}
		if n := cap(handles[h].findings); n > maxRetainedFindings {
			t.Errorf("after %s of 100000 findings the handle keeps scratch for %d", name, n)
		}
	}
	b := abi.AppendBatch(nil, [][]byte{[]byte(text), []byte("a@example.com")})
	bp := putBytes(t, b)
	defer free(bp)
	if c := scanBatch(h, bp, uint32(len(b))); c != 0 {
		t.Fatalf("scan batch = %d: %s", c, errMsg)
	}
	if n := cap(handles[h].findings); n > maxRetainedFindings {
		t.Errorf("after a batch of 100000 findings the handle keeps scratch for %d", n)
	}
}
