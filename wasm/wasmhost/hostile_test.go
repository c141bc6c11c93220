package wasmhost

import (
	"context"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/wasm/internal/abi"
)

// TestHostileArguments calls the exports through WebAssembly with what a
// broken or hostile host might pass: pointers and lengths out of memory
// or wrapping around 2^32, stray and freed pointers, malformed and deep
// configurations, unusable keys, bad tokens and JSON. Each call returns
// its documented code (no trap), leaves an empty result slot, and has a
// message that names the problem and holds no bytes of the text, the key
// or the configuration's secrets ("536-22-1234", the key's bytes).
func TestHostileArguments(t *testing.T) {
	ctx := context.Background()
	in, err := loadFastModule(t).instantiate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer in.close(ctx)
	call := func(fn int, args ...uint64) int32 {
		t.Helper()
		r, err := in.call(ctx, fn, args...)
		if err != nil {
			t.Fatalf("%s trapped: %v", exportNames[fn], err)
		}
		return int32(uint32(r))
	}
	put := func(b string) uint64 {
		t.Helper()
		p := uint32(call(fnAlloc, uint64(len(b))))
		if p == 0 || !in.mem.Write(p, []byte(b)) {
			t.Fatalf("alloc(%d) = %#x", len(b), p)
		}
		return uint64(p)
	}
	const secret = "536-22-1234"
	key := "k3y-" + strings.Repeat("Zq", 14) // 32 bytes
	keyPtr := put(key)
	h := uint64(call(fnCompile, 0, 0))
	hk := uint64(call(fnCompileKeyed, put(`{"style":"token"}`), 17, keyPtr, uint64(len(key))))
	if int32(h) <= 0 || int32(hk) <= 0 {
		t.Fatalf("compile = %d, keyed %d", int32(h), int32(hk))
	}
	text := put("ssn " + secret)
	freed := put("ssn " + secret)
	call(fnFree, freed)
	call(fnScan, h, 0, 0)
	resultPtr := uint64(uint32(call(fnResultPtr)))

	type tc struct {
		name string
		fn   int
		args []uint64
		code int32
		msg  string // in the message
	}
	tests := []tc{
		{"scan ptr+len wraps 2^32", fnScan, []uint64{h, 0xffffff00, 0x200}, abi.ErrPointer, "not a live buffer"},
		{"scan len past the buffer, wrapping", fnScan, []uint64{h, text, 0xffffffff}, abi.ErrArgument, "larger than the buffer"},
		{"scan ptr 0, len 5", fnScan, []uint64{h, 0, 5}, abi.ErrPointer, "0x0"},
		{"scan inside a buffer", fnScan, []uint64{h, text + 4, 3}, abi.ErrPointer, "not a live buffer"},
		{"scan a freed buffer", fnScan, []uint64{h, freed, 3}, abi.ErrPointer, "not a live buffer"},
		{"mask the result slot", fnMask, []uint64{h, resultPtr, 4}, abi.ErrPointer, "not a live buffer"},
		{"scan handle -1", fnScan, []uint64{0xffffffff, text, 4}, abi.ErrHandle, "-1"},
		{"scan handle 2^31-1", fnScan, []uint64{0x7fffffff, text, 4}, abi.ErrHandle, "not live"},
		{"free the result slot", fnFree, []uint64{resultPtr}, abi.ErrPointer, "not a live buffer"},
		{"free twice", fnFree, []uint64{freed}, abi.ErrPointer, "not a live buffer"},
		{"free 0xffffffff", fnFree, []uint64{0xffffffff}, abi.ErrPointer, "0xffffffff"},
		{"unmask without a key", fnUnmask, []uint64{h, text, 15}, abi.ErrUnsupported, "key"},
		{"unmask a malformed token", fnUnmask, []uint64{hk, put("x <pii:" + secret + ">"), 19}, abi.ErrToken, "token at byte 2"},
		{"unmask a truncated token", fnUnmask, []uint64{hk, put(secret + " <pii:v2:Ssn-US:AAAA"), 31}, abi.ErrToken, "token at byte 12"},
		{"mask_json not JSON", fnMaskJSON, []uint64{h, put(`{"ssn":"` + secret + `"`), 20}, abi.ErrJSON, "at byte 20"},
		{"mask_json too deep", fnMaskJSON, []uint64{h, put(strings.Repeat("[", 20000) + secret), 20011}, abi.ErrJSON, "at byte"},
		{"batch count huge", fnScanBatch, []uint64{h, put("\xff\xff\xff\xff" + secret), 15}, abi.ErrArgument, "batch"},
		{"batch ends decreasing", fnMaskBatch, []uint64{h, put("\x02\x00\x00\x00\x05\x00\x00\x00\x03\x00\x00\x00" + secret), 23}, abi.ErrArgument, "batch"},
		{"batch end past the data", fnScanBatch, []uint64{h, put("\x01\x00\x00\x00\xff\xff\xff\xff" + secret), 19}, abi.ErrArgument, "batch"},
		{"key 31 bytes", fnCompileKeyed, []uint64{0, 0, keyPtr, 31}, abi.ErrKey, "31 bytes"},
		{"key of one repeated byte", fnCompileKeyed, []uint64{0, 0, put(strings.Repeat("\x07", 40)), 40}, abi.ErrKey, "repeated"},
		{"key past its buffer", fnCompileKeyed, []uint64{0, 0, keyPtr, 33}, abi.ErrArgument, "larger than the buffer"},
		{"key pointer stray", fnCompileKeyed, []uint64{0, 0, keyPtr + 1, 8}, abi.ErrPointer, "not a live buffer"},
	}
	for _, c := range []struct {
		cfg  string
		code int32
		msg  string
	}{
		{strings.Repeat("[", 100_000), abi.ErrConfig, "depth"},
		{`{"min_score": 1e400}`, abi.ErrConfig, "min_score"},
		{`{"min_score": "high"}`, abi.ErrConfig, "min_score"},
		{`{"identifiers": ["EmailAddress"], "secret": "` + secret + `"}`, abi.ErrConfig, `unknown field "secret"`},
		{`{"custom": [{"name": "X", "regex": "a", "extra": 1}]}`, abi.ErrConfig, `unknown field "extra"`},
		{`{} {}`, abi.ErrConfig, "after the JSON object"},
		{"\xff\xfe", abi.ErrConfig, "invalid character"},
		{`{"policy": ` + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + `}`, abi.ErrConfig, "policy must be"},
		{`{"policy": "` + strings.Repeat("[", 20000) + `"}`, abi.ErrPolicy, "depth"},
		{`{"policy": {"Name": 1}}`, abi.ErrPolicy, "Name"},
		{`{"style": "hash"}`, abi.ErrUnsupported, "needs a key"},
		{`{"style": "nope"}`, abi.ErrConfig, "unknown style"},
		{`{"policy": {}, "identifiers": ["EmailAddress"]}`, abi.ErrConfig, "policy chooses"},
		{`{"min_score": 0` + strings.Repeat(" ", abi.MaxConfigBytes) + `}`, abi.ErrConfig, "more than"},
	} {
		tests = append(tests, tc{"compile " + c.cfg[:min(len(c.cfg), 30)], fnCompile, []uint64{put(c.cfg), uint64(len(c.cfg))}, c.code, c.msg})
	}
	for _, tt := range tests {
		if got := call(tt.fn, tt.args...); got != tt.code {
			t.Errorf("%s: %s = %s, want %s", tt.name, exportNames[tt.fn], abi.CodeName(got), abi.CodeName(tt.code))
			continue
		}
		e := in.lastError(ctx, tt.code).(*Error)
		if e.Code != tt.code || !strings.Contains(e.Message, tt.msg) {
			t.Errorf("%s: error %s %q, want %s with %q", tt.name, abi.CodeName(e.Code), e.Message, abi.CodeName(tt.code), tt.msg)
		}
		if strings.Contains(e.Message, secret) || strings.Contains(e.Message, "Zq") {
			t.Errorf("%s: the message holds input bytes: %q", tt.name, e.Message)
		}
		if n := call(fnResultLen); n != 0 {
			t.Errorf("%s: %d result bytes after a failed call", tt.name, n)
		}
	}
	// An empty configuration is {} with a key too (wasm/ABI.md §3: cfg_len
	// 0 means {}; piiguard_compile_keyed is piiguard_compile with a key):
	// it was INVALID_CONFIG ("config: EOF") with a key.
	for _, cfg := range []string{"", " \n"} {
		p := uint64(0)
		if cfg != "" {
			p = put(cfg)
		}
		if code := call(fnCompileKeyed, p, uint64(len(cfg)), keyPtr, uint64(len(key))); code <= 0 {
			t.Errorf("compile_keyed of %q with a key = %s: %s", cfg, abi.CodeName(code), in.lastError(ctx, code))
		}
	}
	// The instance still works, with both scanners.
	if code := call(fnMask, hk, text, 15); code != abi.OK {
		t.Fatalf("mask after the hostile calls = %s", abi.CodeName(code))
	}
}
