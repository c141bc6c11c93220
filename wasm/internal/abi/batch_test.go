package abi

import (
	"bytes"
	"errors"
	"testing"
)

func TestBatchRoundTrip(t *testing.T) {
	for _, records := range [][][]byte{
		{},
		{nil},
		{[]byte("a"), nil, []byte("bc\ndef"), nil},
	} {
		buf := AppendBatch([]byte("prefix"), records)[len("prefix"):]
		if len(buf) != BatchSize(records) {
			t.Errorf("%q: %d bytes, BatchSize %d", records, len(buf), BatchSize(records))
		}
		b, err := ParseBatch(buf)
		if err != nil {
			t.Fatalf("%q: %v", records, err)
		}
		if b.Len() != len(records) {
			t.Fatalf("%q: %d records", records, b.Len())
		}
		for i, r := range records {
			if !bytes.Equal(b.Record(i), r) {
				t.Errorf("%q: record %d = %q", records, i, b.Record(i))
			}
		}
	}
}

func TestParseBatchMalformed(t *testing.T) {
	for name, buf := range map[string][]byte{
		"empty":           nil,
		"short":           {1, 0, 0},
		"count too large": {2, 0, 0, 0, 0, 0, 0, 0},
		"end past data":   {1, 0, 0, 0, 2, 0, 0, 0, 'x'},
		"decreasing":      {2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 'x'},
		"trailing":        {1, 0, 0, 0, 1, 0, 0, 0, 'x', 'y'},
	} {
		if _, err := ParseBatch(buf); !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestDecodeBatchFindings(t *testing.T) {
	buf := AppendHeader(nil, 3)
	buf = append(buf, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0) // counts 1, 0, 2
	recs := []Record{{1, 2, 3, 4, NoKeyword}, {5, 6, 7, 8, 0}, {9, 10, 11, 12, 1}}
	for _, r := range recs {
		buf = AppendRecord(buf, r)
	}
	var got []Record
	var in []int
	if err := DecodeBatchFindings(buf, 3, func(i int, r Record) { in = append(in, i); got = append(got, r) }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0] != recs[0] || got[2] != recs[2] || in[0] != 0 || in[1] != 2 || in[2] != 2 {
		t.Errorf("got %v in records %v", got, in)
	}
	for name, c := range map[string]struct {
		buf     []byte
		records int
	}{
		"other count": {buf, 2},
		"truncated":   {buf[:len(buf)-1], 3},
		"no counts":   {buf[:HeaderSize+4], 3},
		"short":       {buf[:4], 3},
		// Counts and a record size whose product wraps around 2^64 to the
		// length of the records (0): malformed, not a panic.
		// 2^33 findings of 2^31 bytes.
		"product wraps": {[]byte{3, 0, 0, 0, 0, 0, 0, 0x80, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0}, 3},
	} {
		if err := DecodeBatchFindings(c.buf, c.records, func(int, Record) {}); !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// FuzzParseBatch: ParseBatch never panics, and a batch it accepts is the
// encoding of its records.
func FuzzParseBatch(f *testing.F) {
	f.Add(AppendBatch(nil, [][]byte{[]byte("a"), nil, []byte("bc")}))
	f.Add([]byte{2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 'x'})
	f.Add([]byte{255, 255, 255, 255})
	f.Fuzz(func(t *testing.T, buf []byte) {
		b, err := ParseBatch(buf)
		if err != nil {
			return
		}
		records := make([][]byte, b.Len())
		for i := range records {
			records[i] = b.Record(i)
		}
		if got := AppendBatch(nil, records); !bytes.Equal(got, buf) {
			t.Errorf("re-encoding differs")
		}
	})
}
