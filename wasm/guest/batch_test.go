package main

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/internal/testcorpus"
	"github.com/piiguard/piiguard/wasm/internal/abi"
)

// putBytes allocates a buffer holding b and returns its pointer.
func putBytes(t *testing.T, b []byte) uint32 {
	t.Helper()
	p := alloc(uint32(len(b)))
	if p == 0 {
		t.Fatalf("alloc: %s", errMsg)
	}
	copy(allocs[p], b)
	return p
}

// TestBatchEqualsCalls: piiguard_scan_batch and piiguard_mask_batch give
// for each record exactly what piiguard_scan and piiguard_mask give for
// it alone, on lines dense in values, empty records, a record of several
// lines and a batch of one or no record.
func TestBatchEqualsCalls(t *testing.T) {
	h := compile(0, 0)
	if h <= 0 {
		t.Fatalf("compile = %d: %s", h, errMsg)
	}
	defer closeHandle(h)
	var dense [][]byte
	for _, l := range testcorpus.Dense(3, 200) {
		dense = append(dense, []byte(l))
	}
	multi := []byte("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\nssn 536-22-1234\n")
	for name, records := range map[string][][]byte{
		"dense":      dense,
		"with empty": {nil, []byte("mail jane@example.com"), nil, nil, []byte("card 4929 3812 6548 1006")},
		"multi-line": {multi, []byte("x")},
		"one":        {[]byte("ssn: 536-22-1234")},
		"none":       {},
	} {
		t.Run(name, func(t *testing.T) {
			bp := putBytes(t, abi.AppendBatch(nil, records))
			defer free(bp)
			n := uint32(abi.BatchSize(records))
			if c := scanBatch(h, bp, n); c != abi.OK {
				t.Fatalf("scan batch = %d: %s", c, errMsg)
			}
			got := make([][]abi.Record, len(records))
			if err := abi.DecodeBatchFindings(result, len(records), func(i int, r abi.Record) { got[i] = append(got[i], r) }); err != nil {
				t.Fatal(err)
			}
			if c := maskBatch(h, bp, n); c != abi.OK {
				t.Fatalf("mask batch = %d: %s", c, errMsg)
			}
			masked, err := abi.ParseBatch(append([]byte(nil), result...))
			if err != nil || masked.Len() != len(records) {
				t.Fatalf("masked batch of %d records: %v", masked.Len(), err)
			}
			total := 0
			for i, rec := range records {
				var want []abi.Record
				wantMask := []byte(nil)
				if len(rec) > 0 {
					p := putBytes(t, rec)
					if c := scan(h, p, uint32(len(rec))); c != abi.OK {
						t.Fatal(c)
					}
					abi.DecodeFindings(result, func(r abi.Record) { want = append(want, r) })
					if c := maskText(h, p, uint32(len(rec))); c != abi.OK {
						t.Fatal(c)
					}
					wantMask = append(wantMask, result...)
					free(p)
				}
				total += len(want)
				if !equalRecords(got[i], want) {
					t.Errorf("record %d: batch %v, alone %v", i, got[i], want)
				}
				if !bytes.Equal(masked.Record(i), wantMask) {
					t.Errorf("record %d: batch masked %q, alone %q", i, masked.Record(i), wantMask)
				}
			}
			if name == "dense" && total < len(records) {
				t.Errorf("%d findings in %d dense lines", total, len(records))
			}
		})
	}
}

func equalRecords(a, b []abi.Record) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestBatchMalformed: a batch whose count or end offsets do not fit its
// buffer is INVALID_ARGUMENT, with a message of counts and offsets only,
// and an empty result slot.
func TestBatchMalformed(t *testing.T) {
	h := compile(0, 0)
	if h <= 0 {
		t.Fatalf("compile = %d: %s", h, errMsg)
	}
	defer closeHandle(h)
	u32 := func(v ...uint32) []byte {
		var b []byte
		for _, x := range v {
			b = binary.LittleEndian.AppendUint32(b, x)
		}
		return b
	}
	secret := "536-22-1234"
	for name, buf := range map[string][]byte{
		"short":            {1, 0},
		"count too large":  u32(3, 1),
		"end past data":    append(u32(1, 12), secret...),
		"ends decreasing":  append(u32(2, 5, 3), secret...),
		"trailing data":    append(u32(1, 4), secret...),
		"count of nothing": u32(1),
	} {
		p := putBytes(t, buf)
		for op, fn := range map[string]func(int32, uint32, uint32) int32{"scan": scanBatch, "mask": maskBatch} {
			c := fn(h, p, uint32(len(buf)))
			if c != abi.ErrArgument || len(result) != 0 {
				t.Errorf("%s, %s: %d, %d result bytes", name, op, c, len(result))
			}
			if msg := string(errMsg); !strings.Contains(msg, "batch") || strings.Contains(msg, "536") {
				t.Errorf("%s, %s: message %q", name, op, msg)
			}
		}
		free(p)
	}
	// The empty input is not a batch either (it has no count).
	if c := scanBatch(h, 0, 0); c != abi.ErrArgument {
		t.Errorf("scan batch of nothing = %d", c)
	}
	if c := scanBatch(h+1000, 0, 0); c != abi.ErrHandle {
		t.Errorf("scan batch with a dead handle = %d", c)
	}
}
