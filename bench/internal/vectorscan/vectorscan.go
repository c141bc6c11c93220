//go:build vectorscan && cgo

package vectorscan

/*
#cgo pkg-config: libhs
#include <stdlib.h>
#include <hs.h>

static int count_match(unsigned int id, unsigned long long from, unsigned long long to, unsigned int flags, void *ctx) {
	(*(long long *)ctx)++;
	return 0;
}

// scan_lines scans n lines, line i being buf[ends[i-1]:ends[i]], each
// with one hs_scan call, and returns the number of matches. A Vectorscan
// error stops it and is stored in *err.
static long long scan_lines(const hs_database_t *db, hs_scratch_t *scratch, const char *buf,
		const int *ends, int n, hs_error_t *err) {
	long long count = 0;
	int start = 0;
	for (int i = 0; i < n; i++) {
		hs_error_t e = hs_scan(db, buf + start, (unsigned int)(ends[i] - start), 0, scratch, count_match, &count);
		if (e != HS_SUCCESS) {
			*err = e;
			return count;
		}
		start = ends[i];
	}
	return count;
}

// compile compiles expressions as one block-mode database; on failure
// *msg is the error's message (to free with free) and *bad the index of the
// expression at fault, or -1.
static hs_database_t *compile(const char *const *exprs, const unsigned int *flags, const unsigned int *ids,
		unsigned int n, char **msg, int *bad) {
	hs_database_t *db = NULL;
	hs_compile_error_t *cerr = NULL;
	if (hs_compile_multi(exprs, flags, ids, n, HS_MODE_BLOCK, NULL, &db, &cerr) != HS_SUCCESS) {
		*msg = NULL;
		*bad = -1;
		if (cerr != NULL) {
			size_t len = 0;
			while (cerr->message[len]) len++;
			*msg = malloc(len + 1);
			for (size_t i = 0; i <= len; i++) (*msg)[i] = cerr->message[i];
			*bad = cerr->expression;
			hs_free_compile_error(cerr);
		}
		return NULL;
	}
	return db;
}
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"
)

// flagSets are the Vectorscan compile flags a pattern is tried with, in
// order: leftmost start of match (the spans a regexp reports), as bytes;
// the same in UTF-8 mode, which some Unicode classes need; then both
// without the start of match, which Vectorscan cannot track for some large
// patterns (it then reports where matches end only).
var flagSets = []C.uint{
	C.HS_FLAG_SOM_LEFTMOST,
	C.HS_FLAG_SOM_LEFTMOST | C.HS_FLAG_UTF8,
	0,
	C.HS_FLAG_UTF8,
}

// Rejected is a pattern Vectorscan does not compile (or compiles only
// without the start of match).
type Rejected struct {
	Index  int    // in the patterns given to Compile
	Reason string // Vectorscan's compile error
}

// Database is a compiled pattern set with its scratch space. It is not safe
// for concurrent use.
type Database struct {
	db      *C.hs_database_t
	scratch *C.hs_scratch_t
	n       int // patterns compiled
	// NoStart are the patterns compiled without the start of match
	// (Reason: why it could not be tracked).
	NoStart []Rejected
}

// Compile compiles every pattern Vectorscan accepts into one database
// (block mode, leftmost start of match where Vectorscan can track it: see
// Database.NoStart) and returns the others as rejected, with the reason. It fails when none is accepted or when the
// accepted ones do not compile together.
func Compile(patterns []string) (*Database, []Rejected, error) {
	var exprs []string
	var flags []C.uint
	var ids []C.uint
	var rejected, noStart []Rejected
	for i, p := range patterns {
		var reason string
		ok := false
		for _, f := range flagSets {
			db, msg, _ := compile([]string{p}, []C.uint{f}, []C.uint{0})
			if db != nil {
				C.hs_free_database(db)
				exprs, flags, ids = append(exprs, p), append(flags, f), append(ids, C.uint(i))
				if f&C.HS_FLAG_SOM_LEFTMOST == 0 {
					noStart = append(noStart, Rejected{Index: i, Reason: reason})
				}
				ok = true
				break
			}
			if reason == "" {
				reason = msg
			}
		}
		if !ok {
			rejected = append(rejected, Rejected{Index: i, Reason: reason})
		}
	}
	if len(exprs) == 0 {
		return nil, rejected, errors.New("vectorscan: no pattern accepted")
	}
	db, msg, bad := compile(exprs, flags, ids)
	if db == nil {
		return nil, rejected, fmt.Errorf("vectorscan: compiling %d patterns together: %s (pattern %d)", len(exprs), msg, bad)
	}
	d := &Database{db: db, n: len(exprs), NoStart: noStart}
	if e := C.hs_alloc_scratch(db, &d.scratch); e != C.HS_SUCCESS {
		C.hs_free_database(db)
		return nil, rejected, fmt.Errorf("vectorscan: allocating scratch: error %d", int(e))
	}
	return d, rejected, nil
}

// compile compiles exprs into one database, or returns Vectorscan's error
// message and the index of the expression at fault (-1 when none).
func compile(exprs []string, flags, ids []C.uint) (*C.hs_database_t, string, int) {
	cs := make([]*C.char, len(exprs))
	for i, e := range exprs {
		cs[i] = C.CString(e)
	}
	defer func() {
		for _, c := range cs {
			C.free(unsafe.Pointer(c))
		}
	}()
	// The arrays handed to C must not hold Go pointers: copy them to C memory.
	n := C.size_t(len(exprs))
	cExprs := (**C.char)(C.malloc(n * C.size_t(unsafe.Sizeof(cs[0]))))
	defer C.free(unsafe.Pointer(cExprs))
	copy(unsafe.Slice(cExprs, len(cs)), cs)
	var msg *C.char
	var bad C.int
	db := C.compile(cExprs, &flags[0], &ids[0], C.uint(len(exprs)), &msg, &bad)
	if db == nil {
		s := "unknown error"
		if msg != nil {
			s = C.GoString(msg)
			C.free(unsafe.Pointer(msg))
		}
		return nil, s, int(bad)
	}
	return db, "", -1
}

// Patterns returns the number of patterns in the database.
func (d *Database) Patterns() int { return d.n }

// ScanLines scans each line, lines being text[ends[i-1]:ends[i]] (the first
// from 0), with one hs_scan call per line, and returns the number of
// matches Vectorscan reports (every match end of every pattern: more than
// the non-overlapping matches a regexp's FindAll returns).
func (d *Database) ScanLines(text []byte, ends []int32) (int, error) {
	if len(ends) == 0 || len(text) == 0 {
		return 0, nil
	}
	if int(ends[len(ends)-1]) > len(text) {
		return 0, errors.New("vectorscan: line ends beyond the text")
	}
	var e C.hs_error_t
	n := C.scan_lines(d.db, d.scratch, (*C.char)(unsafe.Pointer(&text[0])), (*C.int)(unsafe.Pointer(&ends[0])), C.int(len(ends)), &e)
	if e != C.HS_SUCCESS {
		return int(n), fmt.Errorf("vectorscan: scan: error %d", int(e))
	}
	return int(n), nil
}

// Close frees the database and its scratch space.
func (d *Database) Close() {
	if d.scratch != nil {
		C.hs_free_scratch(d.scratch)
		d.scratch = nil
	}
	if d.db != nil {
		C.hs_free_database(d.db)
		d.db = nil
	}
}
