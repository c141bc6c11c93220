// Command guest is piiguard's detector and masker as a WebAssembly module
// (a WASI preview 1 reactor) with a small, versioned ABI for hosts in other
// languages. Build it with
//
//	GOOS=wasip1 GOARCH=wasm go build -buildmode=c-shared -o wasm/piiguard.wasm ./wasm/guest
//
// (make wasm). wasm/ABI.md documents the exports, memory ownership,
// encodings and error codes. The package also builds natively, where the
// //go:wasmexport directives do nothing, so that its tests run with go
// test.
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime/debug"
	"time"
	"unsafe"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/audit"
	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/internal/tokenerr"
	"github.com/piiguard/piiguard/mask"
	"github.com/piiguard/piiguard/wasm/internal/abi"
	"github.com/piiguard/piiguard/wasm/internal/wasmconfig"
)

// main is not called in a reactor (-buildmode=c-shared); hosts call
// _initialize, then the exports.
func main() {}

// handle is a compiled scanner.
type handle struct {
	s *piiguard.Scanner
	// table is the encoded identifier table (piiguard_identifiers).
	table []byte
	// keywords maps, per identifier index, a keyword to its index in
	// keywordLists[index], made on first use (keywordIndex).
	keywords     []map[string]uint32
	keywordLists [][]string
	// index maps identifier names to indexes.
	index    map[string]uint32
	findings []detector.Finding // scratch
	// ABI 1.1: the JSON masker (made on first use), the tokenizer of
	// piiguard_unmask (nil without a key) and the ARN of audit reports.
	json *mask.JSON
	tk   *mask.Tokenizer
	arn  string
}

var (
	// allocs keeps the buffers of piiguard_alloc reachable until
	// piiguard_free, by start address.
	allocs = map[uint32][]byte{}
	// handles are the live scanners.
	handles          = map[int32]*handle{}
	nextHandle int32 = 1

	// result is the result slot: what the last scan, mask or identifiers
	// call produced. resultBuf keeps its capacity for reuse.
	result    []byte
	resultBuf []byte

	// The last error.
	errCode int32
	errMsg  []byte
)

// maxRetainedResult is the largest result buffer kept for reuse.
const maxRetainedResult = 4 << 20

// maxRetainedFindings is the largest findings scratch a handle keeps for
// reuse (a few hundred KB).
const maxRetainedFindings = 4096

// begin starts an export call: it clears the last error.
func begin() {
	errCode = abi.OK
	errMsg = errMsg[:0]
}

// fail records an error and returns its code.
func fail(code int32, format string, args ...any) int32 {
	errCode = code
	errMsg = fmt.Appendf(errMsg[:0], format, args...)
	return code
}

// recoverTo turns a panic into ErrInternal, stored in *ret. Every export
// that can fail defers it directly (defer recoverTo(&code): recover works
// only when called by the deferred function itself), so that no panic
// crosses the boundary; piiguard_alloc has its own.
func recoverTo(ret *int32) {
	if r := recover(); r != nil {
		*ret = fail(abi.ErrInternal, "internal error: %v\n%s", r, debug.Stack())
	}
}

func addr(b []byte) uint32 {
	if len(b) == 0 {
		return 0
	}
	return uint32(uintptr(unsafe.Pointer(unsafe.SliceData(b))))
}

// input returns the bytes [ptr, ptr+n), which must lie in a live buffer
// from piiguard_alloc starting at ptr. n == 0 gives an empty input, with
// any ptr.
func input(ptr, n uint32) ([]byte, int32) {
	if n == 0 {
		return nil, abi.OK
	}
	b, ok := allocs[ptr]
	if !ok {
		return nil, fail(abi.ErrPointer, "pointer %#x is not a live buffer from piiguard_alloc", ptr)
	}
	if uint64(n) > uint64(len(b)) {
		return nil, fail(abi.ErrArgument, "length %d is larger than the buffer at %#x (%d bytes)", n, ptr, len(b))
	}
	return b[:n], abi.OK
}

func lookup(h int32) (*handle, int32) {
	s, ok := handles[h]
	if !ok {
		return nil, fail(abi.ErrHandle, "scanner handle %d is not live", h)
	}
	return s, abi.OK
}

// call starts an export that takes a scanner handle and an input: it
// clears the error and result slots and returns the scanner, the input
// and a buffer for the result, or the code of the failure it recorded.
func call(h int32, ptr, n uint32) (s *handle, text, buf []byte, code int32) {
	begin()
	inPause(n)
	buf = startResult()
	if s, code = lookup(h); code != abi.OK {
		return nil, nil, nil, code
	}
	if text, code = input(ptr, n); code != abi.OK {
		return nil, nil, nil, code
	}
	return s, text, buf, abi.OK
}

// startResult empties the result slot and returns a buffer to build the
// next result in.
func startResult() []byte {
	result = nil
	if cap(resultBuf) > maxRetainedResult {
		resultBuf = nil
	}
	return resultBuf[:0]
}

func setResult(b []byte) {
	result = b
	resultBuf = b
}

//go:wasmexport piiguard_abi_version
func abiVersion() uint32 { return abi.Version }

//go:wasmexport piiguard_alloc
func alloc(size uint32) (ptr uint32) {
	defer func() {
		// recover must be called by the deferred function itself.
		if r := recover(); r != nil {
			fail(abi.ErrInternal, "internal error: %v\n%s", r, debug.Stack())
			ptr = 0
		}
	}()
	begin()
	if size > pausedCallLimit {
		resumeGC()
	}
	if size > abi.MaxAlloc {
		fail(abi.ErrArgument, "allocation of %d bytes is larger than %d", size, abi.MaxAlloc)
		return 0
	}
	b := make([]byte, max(size, 1))
	p := addr(b)
	allocs[p] = b
	return p
}

//go:wasmexport piiguard_free
func free(ptr uint32) (code int32) {
	defer recoverTo(&code)
	begin()
	if ptr == 0 {
		return abi.OK
	}
	if _, ok := allocs[ptr]; !ok {
		return fail(abi.ErrPointer, "pointer %#x is not a live buffer from piiguard_alloc", ptr)
	}
	delete(allocs, ptr)
	return abi.OK
}

//go:wasmexport piiguard_compile
func compile(ptr, n uint32) (code int32) {
	defer recoverTo(&code)
	begin()
	return compileKeyed(ptr, n, nil)
}

// piiguard_compile_keyed (ABI 1.1) is piiguard_compile with a key for the
// hash and token styles, given once: the module keeps what it derives
// from it, never echoes it, and clears its own copy.
//
//go:wasmexport piiguard_compile_keyed
func compileWithKey(ptr, n, keyPtr, keyLen uint32) (code int32) {
	defer recoverTo(&code)
	begin()
	if keyLen == 0 {
		return compileKeyed(ptr, n, nil)
	}
	k, code := input(keyPtr, keyLen)
	if code != abi.OK {
		return code
	}
	key := append([]byte(nil), k...)
	defer clear(key)
	return compileKeyed(ptr, n, key)
}

func compileKeyed(ptr, n uint32, key []byte) int32 {
	data, code := input(ptr, n)
	if code != abi.OK {
		return code
	}
	c, s, err := newScanner(data, key)
	if err != nil {
		return fail(wasmconfig.Code(err), "%v", err)
	}
	if nextHandle <= 0 {
		return fail(abi.ErrArgument, "no scanner handles left")
	}
	h := &handle{s: s, index: map[string]uint32{}, arn: c.ResourceArn}
	if key != nil {
		if h.tk, err = mask.NewTokenizer(key); err != nil {
			return fail(abi.ErrKey, "key: unusable")
		}
	}
	ids := s.Identifiers()
	table := make([]abi.Identifier, len(ids))
	h.keywords = make([]map[string]uint32, len(ids))
	h.keywordLists = make([][]string, len(ids))
	for i, id := range ids {
		table[i] = abi.Identifier{Name: id.Name, Keywords: id.Keywords}
		h.index[id.Name] = uint32(i)
		h.keywordLists[i] = id.Keywords
	}
	h.table = abi.AppendIdentifiers(nil, table)
	id := nextHandle
	nextHandle++
	handles[id] = h
	return id
}

// newScanner parses a configuration and compiles its scanner. The empty
// configuration ({} or nothing: every managed identifier, the most common
// one) is recognised without the JSON decoder, whose code a host such as
// V8 would otherwise compile on first use, at start-up; with a key too.
func newScanner(data, key []byte) (*wasmconfig.Config, *piiguard.Scanner, error) {
	pauseGC()
	if isEmptyObject(data) {
		c := &wasmconfig.Config{}
		if key != nil {
			s, err := c.NewScanner(key)
			return c, s, err
		}
		s, err := piiguard.NewScanner(piiguard.Config{})
		if err != nil {
			return nil, nil, &wasmconfig.Error{Code: abi.ErrConfig, Err: err}
		}
		return c, s, nil
	}
	c, err := wasmconfig.Parse(data)
	if err != nil {
		return nil, nil, err
	}
	s, err := c.NewScanner(key)
	return c, s, err
}

// compileHeadroom is how much a compilation may grow the heap before the
// collector runs (withoutGC). The whole catalog allocates about 8 MB.
const compileHeadroom = 64 << 20

// withoutGC turns the collector off until the function it returns is
// called, unless the heap grows by more than compileHeadroom: compiling
// a scanner allocates a few megabytes of short-lived data, and collecting
// it as it goes costs more than it saves in a single-threaded module
// (start-up, issue 14 item 4).
func withoutGC() (restore func()) {
	limit := debug.SetMemoryLimit(memoryInUse() + compileHeadroom)
	percent := debug.SetGCPercent(-1)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// The collector's pause (withoutGC) that a compile starts lasts through the
// first call after it that reads a text of at most pausedCallLimit bytes,
// usually the first scan: what that call builds on first use (the Name and
// Address word lists, ~2 MB, when its text holds a name) would otherwise
// run the collection of the compile's garbage within it, half the time of
// a first scan with a name under V8's baseline compiler (135M of 294M
// instructions). The next call resumes the collector, whose collection
// then runs as the heap grows; so does a call or an allocation of more
// than pausedCallLimit bytes, so that a large text is never scanned under
// the pause's memory limit. The memory limit bounds the heap throughout.
var (
	gcResume  func() // ends the pause; nil when the collector runs
	gcOneCall bool   // a call has run in the pause
)

// pausedCallLimit is the largest text (or allocation) the pause lasts
// through.
const pausedCallLimit = 1 << 20

// pauseGC pauses the collector (a compile), unless it is paused already,
// until the call after the next small one.
func pauseGC() {
	if gcResume == nil {
		gcResume = withoutGC()
	}
	gcOneCall = false
}

// resumeGC ends the pause, if any.
func resumeGC() {
	if gcResume != nil {
		gcResume()
		gcResume = nil
	}
}

// inPause is called by every call that reads a text of n bytes (call): the
// first small one runs in the pause, and any other ends it.
func inPause(n uint32) {
	if gcResume == nil {
		return
	}
	if gcOneCall || n > pausedCallLimit {
		resumeGC()
		return
	}
	gcOneCall = true
}

// isEmptyObject reports whether data is empty or a JSON object with no
// members ("{}", white space allowed).
func isEmptyObject(data []byte) bool {
	t := bytes.TrimSpace(data)
	if len(t) == 0 {
		return true
	}
	if len(t) < 2 || t[0] != '{' || t[len(t)-1] != '}' {
		return false
	}
	return len(bytes.TrimSpace(t[1:len(t)-1])) == 0
}

//go:wasmexport piiguard_close
func closeHandle(h int32) (code int32) {
	defer recoverTo(&code)
	begin()
	if _, code := lookup(h); code != abi.OK {
		return code
	}
	delete(handles, h)
	return abi.OK
}

//go:wasmexport piiguard_identifiers
func identifiersTable(h int32) (code int32) {
	defer recoverTo(&code)
	begin()
	buf := startResult()
	s, code := lookup(h)
	if code != abi.OK {
		return code
	}
	setResult(append(buf, s.table...))
	return abi.OK
}

//go:wasmexport piiguard_scan
func scan(h int32, ptr, n uint32) (code int32) {
	defer recoverTo(&code)
	s, text, buf, code := call(h, ptr, n)
	if code != abi.OK {
		return code
	}
	defer s.dropFindings()
	s.findings = s.s.AppendFindings(s.findings[:0], text)
	buf = abi.AppendHeader(buf, len(s.findings))
	if buf, code = s.appendRecords(buf); code != abi.OK {
		return code
	}
	setResult(buf)
	return abi.OK
}

// appendRecords appends the records of s.findings to buf (§5.2) and
// clears s.findings.
func (s *handle) appendRecords(buf []byte) ([]byte, int32) {
	defer clear(s.findings) // drop the identifier and keyword strings
	for _, f := range s.findings {
		ident, ok := s.index[f.Identifier]
		if !ok {
			return buf, fail(abi.ErrInternal, "finding of unknown identifier %q", f.Identifier)
		}
		kw := uint32(abi.NoKeyword)
		if f.Keyword != "" {
			k, ok := s.keywordIndex(ident, f.Keyword)
			if !ok {
				return buf, fail(abi.ErrInternal, "finding of %q with unknown keyword %q", f.Identifier, f.Keyword)
			}
			kw = k
		}
		buf = abi.AppendRecord(buf, abi.Record{
			Ident:   ident,
			Start:   uint32(f.Start),
			End:     uint32(f.End),
			Score:   abi.ScoreToFixed(f.Score),
			Keyword: kw,
		})
	}
	return buf, abi.OK
}

// dropFindings clears s.findings (the identifier and keyword strings)
// and drops it when it is larger than maxRetainedFindings.
func (s *handle) dropFindings() {
	clear(s.findings)
	if cap(s.findings) > maxRetainedFindings {
		s.findings = nil
	}
}

// keywordIndex returns the index of keyword kw in identifier ident's
// keywords (of its first occurrence), making the identifier's map on first
// use: a scanner's ~900 keywords are not all reported, and making their
// maps at compile cost start-up.
func (s *handle) keywordIndex(ident uint32, kw string) (uint32, bool) {
	m := s.keywords[ident]
	if m == nil {
		list := s.keywordLists[ident]
		m = make(map[string]uint32, len(list))
		for k, w := range list {
			if _, dup := m[w]; !dup {
				m[w] = uint32(k)
			}
		}
		s.keywords[ident] = m
	}
	k, ok := m[kw]
	return k, ok
}

// batch starts a batched export (ABI 1.2): call, then the batch's records.
func batch(h int32, ptr, n uint32) (s *handle, b abi.Batch, buf []byte, code int32) {
	s, in, buf, code := call(h, ptr, n)
	if code != abi.OK {
		return nil, b, nil, code
	}
	b, err := abi.ParseBatch(in)
	if err != nil {
		return nil, b, nil, fail(abi.ErrArgument, "%v", err)
	}
	return s, b, buf, abi.OK
}

// piiguard_scan_batch (ABI 1.2) scans each record of a batch as
// piiguard_scan scans a text, in one call: the result holds the number of
// findings of each record, then their records (wasm/ABI.md §5.9). A log
// shipper that scans event by event saves the cost of a call per event.
//
//go:wasmexport piiguard_scan_batch
func scanBatch(h int32, ptr, n uint32) (code int32) {
	defer recoverTo(&code)
	s, b, buf, code := batch(h, ptr, n)
	if code != abi.OK {
		return code
	}
	defer s.dropFindings()
	buf = abi.AppendHeader(buf, b.Len())
	counts := len(buf)
	buf = append(buf, make([]byte, 4*b.Len())...)
	for i := range b.Len() {
		s.findings = s.s.AppendFindings(s.findings[:0], b.Record(i))
		binary.LittleEndian.PutUint32(buf[counts+4*i:], uint32(len(s.findings)))
		if buf, code = s.appendRecords(buf); code != abi.OK {
			return code
		}
	}
	setResult(buf)
	return abi.OK
}

// piiguard_mask_batch (ABI 1.2) masks each record of a batch as
// piiguard_mask masks a text, in one call: the result is the batch of the
// masked records (wasm/ABI.md §5.10).
//
//go:wasmexport piiguard_mask_batch
func maskBatch(h int32, ptr, n uint32) (code int32) {
	defer recoverTo(&code)
	s, b, buf, code := batch(h, ptr, n)
	if code != abi.OK {
		return code
	}
	buf = binary.LittleEndian.AppendUint32(buf, uint32(b.Len()))
	ends := len(buf)
	buf = append(buf, make([]byte, 4*b.Len())...)
	data := len(buf)
	for i := range b.Len() {
		buf = s.s.AppendMask(buf, b.Record(i))
		if uint64(len(buf)-data) > math.MaxUint32 {
			return fail(abi.ErrArgument, "masked batch larger than 4 GiB")
		}
		binary.LittleEndian.PutUint32(buf[ends+4*i:], uint32(len(buf)-data))
	}
	setResult(buf)
	return abi.OK
}

//go:wasmexport piiguard_mask
func maskText(h int32, ptr, n uint32) (code int32) {
	defer recoverTo(&code)
	s, text, buf, code := call(h, ptr, n)
	if code != abi.OK {
		return code
	}
	setResult(s.s.AppendMask(buf, text))
	return abi.OK
}

// piiguard_mask_json (ABI 1.1) masks one JSON event (an object or an
// array): string values and member names, keeping it valid JSON, field
// names counting as keywords, as mask --json does.
//
//go:wasmexport piiguard_mask_json
func maskJSON(h int32, ptr, n uint32) (code int32) {
	defer recoverTo(&code)
	s, text, buf, code := call(h, ptr, n)
	if code != abi.OK {
		return code
	}
	if s.json == nil {
		j, err := mask.NewJSON(s.s, s.s.Masker(), mask.JSONOptions{})
		if err != nil {
			return fail(abi.ErrInternal, "JSON masker: %v", err)
		}
		s.json = j
	}
	out, err := s.json.AppendMask(buf, text)
	if err != nil {
		var se *mask.JSONSyntaxError
		if errors.As(err, &se) {
			return fail(abi.ErrJSON, "not one JSON value: invalid at byte %d", se.Offset)
		}
		return fail(abi.ErrJSON, "not one JSON value")
	}
	setResult(out)
	return abi.OK
}

// piiguard_audit (ABI 1.1) puts in the result slot the findings report of
// one log event, as JSON in CloudWatch's shape (character offsets), or
// nothing when the event holds no finding.
//
//go:wasmexport piiguard_audit
func auditEvent(h int32, ptr, n uint32) (code int32) {
	defer recoverTo(&code)
	s, text, buf, code := call(h, ptr, n)
	if code != abi.OK {
		return code
	}
	s.findings = s.s.AppendFindings(s.findings[:0], text)
	r := audit.NewReport(text, s.findings, s.arn, time.Now())
	s.dropFindings()
	if r == nil {
		setResult(buf)
		return abi.OK
	}
	b, err := json.Marshal(r)
	if err != nil {
		return fail(abi.ErrInternal, "report: %v", err)
	}
	setResult(append(buf, b...))
	return abi.OK
}

// piiguard_unmask (ABI 1.1) restores the values of the tokens (style
// token) in a text, with the key the scanner was compiled with.
//
//go:wasmexport piiguard_unmask
func unmask(h int32, ptr, n uint32) (code int32) {
	defer recoverTo(&code)
	s, text, buf, code := call(h, ptr, n)
	if code != abi.OK {
		return code
	}
	if s.tk == nil {
		return fail(abi.ErrUnsupported, "unmask needs the key: compile the scanner with piiguard_compile_keyed")
	}
	out, err := s.tk.Unmask(text)
	if err != nil {
		return fail(abi.ErrToken, "%s", tokenerr.Describe(err, 0))
	}
	setResult(append(buf, out...))
	return abi.OK
}

//go:wasmexport piiguard_result_ptr
func resultPtr() uint32 { return addr(result) }

//go:wasmexport piiguard_result_len
func resultLen() uint32 { return uint32(len(result)) }

//go:wasmexport piiguard_error_code
func errorCode() int32 { return errCode }

//go:wasmexport piiguard_error_ptr
func errorPtr() uint32 { return addr(errMsg) }

//go:wasmexport piiguard_error_len
func errorLen() uint32 { return uint32(len(errMsg)) }
