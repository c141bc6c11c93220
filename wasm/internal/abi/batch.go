package abi

import (
	"encoding/binary"
	"fmt"
)

// A batch (ABI 1.2) is many texts in one buffer, for the batched exports
// piiguard_scan_batch and piiguard_mask_batch: a u32 count, then count
// u32 end offsets (record i is data[end[i-1]:end[i]], the first starting
// at 0), then the data, the records one after the other:
//
//	u32 count | count × u32 end | data
//
// The result of piiguard_mask_batch is a batch of the masked records.
// The result of piiguard_scan_batch is a u32 count of records, the u32
// size of a finding record, count u32 numbers of findings (one per
// record), then the findings of every record, record after record, in
// the layout of piiguard_scan's, offsets relative to their record.

// BatchHeaderSize is the size of a batch's count.
const BatchHeaderSize = 4

// BatchSize returns the size of the batch of records.
func BatchSize(records [][]byte) int {
	n := BatchHeaderSize + 4*len(records)
	for _, r := range records {
		n += len(r)
	}
	return n
}

// AppendBatch appends the batch of records to dst.
func AppendBatch(dst []byte, records [][]byte) []byte {
	dst = binary.LittleEndian.AppendUint32(dst, uint32(len(records)))
	end := 0
	for _, r := range records {
		end += len(r)
		dst = binary.LittleEndian.AppendUint32(dst, uint32(end))
	}
	for _, r := range records {
		dst = append(dst, r...)
	}
	return dst
}

// Batch is a parsed batch: its records are views of the buffer.
type Batch struct {
	ends []byte
	data []byte
}

// ParseBatch checks a batch and returns it. Its errors give counts and
// offsets, never bytes of the data.
func ParseBatch(buf []byte) (Batch, error) {
	if len(buf) < BatchHeaderSize {
		return Batch{}, fmt.Errorf("%w: batch of %d bytes, its count needs %d", ErrMalformed, len(buf), BatchHeaderSize)
	}
	count := uint64(binary.LittleEndian.Uint32(buf))
	if count > uint64(len(buf)-BatchHeaderSize)/4 {
		return Batch{}, fmt.Errorf("%w: batch of %d records in %d bytes", ErrMalformed, count, len(buf))
	}
	b := Batch{ends: buf[BatchHeaderSize : BatchHeaderSize+4*count], data: buf[BatchHeaderSize+4*count:]}
	prev := uint32(0)
	for i := range int(count) {
		end := binary.LittleEndian.Uint32(b.ends[4*i:])
		if end < prev || uint64(end) > uint64(len(b.data)) {
			return Batch{}, fmt.Errorf("%w: batch record %d ends at %d, outside [%d, %d]", ErrMalformed, i, end, prev, len(b.data))
		}
		prev = end
	}
	if uint64(prev) != uint64(len(b.data)) {
		return Batch{}, fmt.Errorf("%w: batch records end at %d, the data at %d", ErrMalformed, prev, len(b.data))
	}
	return b, nil
}

// Len returns the number of records.
func (b Batch) Len() int { return len(b.ends) / 4 }

// Record returns record i.
func (b Batch) Record(i int) []byte {
	start := uint32(0)
	if i > 0 {
		start = binary.LittleEndian.Uint32(b.ends[4*i-4:])
	}
	return b.data[start:binary.LittleEndian.Uint32(b.ends[4*i:])]
}

// DecodeBatchFindings calls fn with each finding record of a
// piiguard_scan_batch result and the index of the batch record it is in,
// in order, and checks that there are records batch records.
func DecodeBatchFindings(buf []byte, records int, fn func(record int, r Record)) error {
	if len(buf) < HeaderSize {
		return fmt.Errorf("%w: %d bytes, header needs %d", ErrMalformed, len(buf), HeaderSize)
	}
	count := uint64(binary.LittleEndian.Uint32(buf))
	size := uint64(binary.LittleEndian.Uint32(buf[4:]))
	if count != uint64(records) {
		return fmt.Errorf("%w: results of %d records for a batch of %d", ErrMalformed, count, records)
	}
	if size < RecordSize {
		return fmt.Errorf("%w: record size %d < %d", ErrMalformed, size, RecordSize)
	}
	if count > uint64(len(buf)-HeaderSize)/4 {
		return fmt.Errorf("%w: %d counts in %d bytes", ErrMalformed, count, len(buf)-HeaderSize)
	}
	counts := buf[HeaderSize : HeaderSize+4*count]
	p := buf[HeaderSize+4*count:]
	var total uint64
	for i := range count {
		total += uint64(binary.LittleEndian.Uint32(counts[4*i:]))
	}
	// total < 2^62 (count ≤ 2^30 counts below 2^32) and size < 2^32: the
	// product may wrap around 2^64, the quotient not.
	if total != 0 && uint64(len(p))/total != size || uint64(len(p)) != total*size {
		return fmt.Errorf("%w: %d findings of %d bytes in %d bytes", ErrMalformed, total, size, len(p))
	}
	for i := range int(count) {
		for range binary.LittleEndian.Uint32(counts[4*i:]) {
			fn(i, Record{
				Ident:   binary.LittleEndian.Uint32(p),
				Start:   binary.LittleEndian.Uint32(p[4:]),
				End:     binary.LittleEndian.Uint32(p[8:]),
				Score:   binary.LittleEndian.Uint32(p[12:]),
				Keyword: binary.LittleEndian.Uint32(p[16:]),
			})
			p = p[size:]
		}
	}
	return nil
}
