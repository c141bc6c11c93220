// Package abi holds the constants and binary encodings of piiguard's WASM
// ABI (see wasm/ABI.md), shared by the guest (wasm/guest) and the Go host
// (wasm/wasmhost). Other hosts (wasm/js, wasm/python) implement the same
// encodings from ABI.md, which makes them an independent check of this one.
package abi

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// ABI version. A host accepts a module whose major version equals the one
// it was written for and whose minor version is at least the one it needs.
const (
	VersionMajor = 1
	VersionMinor = 2
	// Version is what piiguard_abi_version returns: major<<16 | minor.
	Version = VersionMajor<<16 | VersionMinor
)

// Error codes returned by the exports (negative; 0 is success).
const (
	OK             int32 = 0
	ErrInternal    int32 = -1 // a panic was recovered (a bug); the message says where
	ErrArgument    int32 = -2 // an argument is out of range (a length larger than its buffer, a size too large)
	ErrPointer     int32 = -3 // a pointer is not the start of a live buffer from piiguard_alloc
	ErrHandle      int32 = -4 // the scanner handle is not live
	ErrConfig      int32 = -5 // the configuration JSON is malformed or invalid
	ErrPolicy      int32 = -6 // the CloudWatch policy document is malformed or invalid
	ErrUnsupported int32 = -7 // the request uses a feature this module does not have
	// ABI 1.1:
	ErrKey   int32 = -8  // the key is unusable (too short, one repeated byte)
	ErrJSON  int32 = -9  // piiguard_mask_json: the text is not one JSON value
	ErrToken int32 = -10 // piiguard_unmask: a token cannot be opened (wrong key, altered, malformed)
)

// CodeName returns the symbolic name of an error code ("INVALID_HANDLE").
func CodeName(code int32) string {
	switch code {
	case OK:
		return "OK"
	case ErrInternal:
		return "INTERNAL"
	case ErrArgument:
		return "INVALID_ARGUMENT"
	case ErrPointer:
		return "INVALID_POINTER"
	case ErrHandle:
		return "INVALID_HANDLE"
	case ErrConfig:
		return "INVALID_CONFIG"
	case ErrPolicy:
		return "INVALID_POLICY"
	case ErrUnsupported:
		return "UNSUPPORTED"
	case ErrKey:
		return "INVALID_KEY"
	case ErrJSON:
		return "INVALID_JSON"
	case ErrToken:
		return "INVALID_TOKEN"
	}
	return fmt.Sprintf("UNKNOWN(%d)", code)
}

// Scan result encoding (little-endian): a header of HeaderSize bytes (u32
// count, u32 record size) then count records of the record size, each
// starting with the v1 fields u32 identifier index, u32 start, u32 end,
// u32 score (fixed-point, ScoreScale = 1.0), u32 keyword index (NoKeyword
// when none).
const (
	HeaderSize = 8
	RecordSize = 20
	NoKeyword  = math.MaxUint32
	ScoreScale = 1_000_000
	// MaxAlloc is the largest size piiguard_alloc accepts.
	MaxAlloc = 1 << 30
)

// Record is one encoded finding.
type Record struct {
	Ident, Start, End, Score, Keyword uint32
}

// ScoreToFixed converts a score to its fixed-point encoding: score ×
// ScoreScale rounded to the nearest integer, clamped to [0, MaxUint32].
func ScoreToFixed(score float64) uint32 {
	v := math.Round(score * ScoreScale)
	switch {
	case !(v >= 0): // negative or NaN
		return 0
	case v > math.MaxUint32:
		return math.MaxUint32
	}
	return uint32(v)
}

// FixedToScore converts a fixed-point score back to a float64.
func FixedToScore(v uint32) float64 { return float64(v) / ScoreScale }

// AppendHeader appends a scan result header for count records.
func AppendHeader(dst []byte, count int) []byte {
	dst = binary.LittleEndian.AppendUint32(dst, uint32(count))
	return binary.LittleEndian.AppendUint32(dst, RecordSize)
}

// AppendRecord appends one record.
func AppendRecord(dst []byte, r Record) []byte {
	dst = binary.LittleEndian.AppendUint32(dst, r.Ident)
	dst = binary.LittleEndian.AppendUint32(dst, r.Start)
	dst = binary.LittleEndian.AppendUint32(dst, r.End)
	dst = binary.LittleEndian.AppendUint32(dst, r.Score)
	return binary.LittleEndian.AppendUint32(dst, r.Keyword)
}

// ErrMalformed reports a result buffer that does not follow the encoding.
var ErrMalformed = errors.New("abi: malformed result buffer")

// DecodeFindings calls fn for each record of a scan result, in order.
func DecodeFindings(buf []byte, fn func(Record)) error {
	if len(buf) < HeaderSize {
		return fmt.Errorf("%w: %d bytes, header needs %d", ErrMalformed, len(buf), HeaderSize)
	}
	count := uint64(binary.LittleEndian.Uint32(buf))
	size := uint64(binary.LittleEndian.Uint32(buf[4:]))
	if size < RecordSize {
		return fmt.Errorf("%w: record size %d < %d", ErrMalformed, size, RecordSize)
	}
	if uint64(len(buf)-HeaderSize) != count*size {
		return fmt.Errorf("%w: %d records of %d bytes in %d bytes", ErrMalformed, count, size, len(buf)-HeaderSize)
	}
	for i := uint64(0); i < count; i++ {
		p := buf[HeaderSize+i*size:]
		fn(Record{
			Ident:   binary.LittleEndian.Uint32(p),
			Start:   binary.LittleEndian.Uint32(p[4:]),
			End:     binary.LittleEndian.Uint32(p[8:]),
			Score:   binary.LittleEndian.Uint32(p[12:]),
			Keyword: binary.LittleEndian.Uint32(p[16:]),
		})
	}
	return nil
}

// Identifier is one entry of a handle's identifier table: its name and its
// keywords, which keyword indexes of scan records refer to.
type Identifier struct {
	Name     string
	Keywords []string
}

// AppendIdentifiers appends the identifier table encoding: u32 count, then
// per identifier a string (u32 length, UTF-8 bytes) for the name, u32
// keyword count and one string per keyword.
func AppendIdentifiers(dst []byte, ids []Identifier) []byte {
	dst = binary.LittleEndian.AppendUint32(dst, uint32(len(ids)))
	for _, id := range ids {
		dst = appendString(dst, id.Name)
		dst = binary.LittleEndian.AppendUint32(dst, uint32(len(id.Keywords)))
		for _, k := range id.Keywords {
			dst = appendString(dst, k)
		}
	}
	return dst
}

func appendString(dst []byte, s string) []byte {
	dst = binary.LittleEndian.AppendUint32(dst, uint32(len(s)))
	return append(dst, s...)
}

// DecodeIdentifiers decodes an identifier table.
func DecodeIdentifiers(buf []byte) ([]Identifier, error) {
	d := decoder{buf: buf}
	n := d.u32()
	if d.err == nil && uint64(n) > uint64(len(buf)) {
		return nil, fmt.Errorf("%w: %d identifiers in %d bytes", ErrMalformed, n, len(buf))
	}
	ids := make([]Identifier, 0, n)
	for i := uint32(0); i < n && d.err == nil; i++ {
		id := Identifier{Name: d.str()}
		k := d.u32()
		if d.err == nil && uint64(k) > uint64(len(d.buf)) {
			d.err = ErrMalformed
		}
		for j := uint32(0); j < k && d.err == nil; j++ {
			id.Keywords = append(id.Keywords, d.str())
		}
		ids = append(ids, id)
	}
	if d.err == nil && len(d.buf) != 0 {
		d.err = fmt.Errorf("%w: %d trailing bytes", ErrMalformed, len(d.buf))
	}
	if d.err != nil {
		return nil, d.err
	}
	return ids, nil
}

type decoder struct {
	buf []byte
	err error
}

func (d *decoder) u32() uint32 {
	if d.err != nil {
		return 0
	}
	if len(d.buf) < 4 {
		d.err = fmt.Errorf("%w: truncated", ErrMalformed)
		return 0
	}
	v := binary.LittleEndian.Uint32(d.buf)
	d.buf = d.buf[4:]
	return v
}

func (d *decoder) str() string {
	n := d.u32()
	if d.err != nil {
		return ""
	}
	if uint64(n) > uint64(len(d.buf)) {
		d.err = fmt.Errorf("%w: truncated string", ErrMalformed)
		return ""
	}
	s := string(d.buf[:n])
	d.buf = d.buf[n:]
	return s
}
