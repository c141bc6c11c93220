package precompiled

import (
	"encoding/binary"
	"fmt"

	"github.com/piiguard/piiguard/internal/prefilter"
)

// appendInfo appends the serialised form of info: MinLen and MaxLen
// (varints), the number of Literals plus one (0 for none) and each
// literal (uvarint length, bytes), a flag byte (Prefix, AfterNonWord,
// AllowedAll, WordStart, WordEnd), Allowed and Required (32-byte sets) and
// MinDigits (uvarint). TestInfoFields fails when prefilter.Info gains a
// field this does not write.
func appendInfo(b []byte, info *prefilter.Info) []byte {
	b = binary.AppendVarint(b, int64(info.MinLen))
	b = binary.AppendVarint(b, int64(info.MaxLen))
	if info.Literals == nil {
		b = append(b, 0)
	} else {
		b = binary.AppendUvarint(b, uint64(len(info.Literals))+1)
		for _, l := range info.Literals {
			b = binary.AppendUvarint(b, uint64(len(l)))
			b = append(b, l...)
		}
	}
	var flags byte
	for i, f := range []bool{info.Prefix, info.AfterNonWord, info.AllowedAll, info.WordStart, info.WordEnd} {
		if f {
			flags |= 1 << i
		}
	}
	b = append(b, flags)
	b = appendSet(b, &info.Allowed)
	b = appendSet(b, &info.Required)
	return binary.AppendUvarint(b, uint64(info.MinDigits))
}

func appendSet(b []byte, set *[256]bool) []byte {
	var bits [32]byte
	for c, ok := range set {
		if ok {
			bits[c/8] |= 1 << (c % 8)
		}
	}
	return append(b, bits[:]...)
}

// decodeInfo reads what appendInfo wrote.
func decodeInfo(b []byte) (*prefilter.Info, error) {
	info := &prefilter.Info{}
	// One place for the error: each call of fmt.Errorf is code that a
	// WebAssembly host compiles at start-up.
	if what := readInfo(b, info); what != "" {
		return nil, fmt.Errorf("%w: pattern description: bad %s", ErrCorrupt, what)
	}
	return info, nil
}

// readInfo reads b into info and returns what is damaged, or "".
func readInfo(b []byte, info *prefilter.Info) string {
	off := 0
	varint := func() (int, bool) {
		x, k := binary.Varint(b[off:])
		if k <= 0 || x < -1 || x > 1<<30 {
			return 0, false
		}
		off += k
		return int(x), true
	}
	var ok bool
	if info.MinLen, ok = varint(); !ok || info.MinLen < 0 {
		return "minimum length"
	}
	if info.MaxLen, ok = varint(); !ok || info.MaxLen != prefilter.Unbounded && info.MaxLen < info.MinLen {
		return "maximum length"
	}
	n, k := binary.Uvarint(b[off:])
	if k <= 0 || n > uint64(len(b)) {
		return "literal count"
	}
	off += k
	if n > 0 {
		info.Literals = make([]string, 0, n-1)
		for range n - 1 {
			var l []byte
			if l, off, ok = chunk(b, off); !ok {
				return "literal"
			}
			info.Literals = append(info.Literals, string(l))
		}
	}
	if len(b)-off < 1+32+32 {
		return "sets"
	}
	flags := b[off]
	off++
	for i, f := range []*bool{&info.Prefix, &info.AfterNonWord, &info.AllowedAll, &info.WordStart, &info.WordEnd} {
		*f = flags&(1<<i) != 0
	}
	readSet(b[off:off+32], &info.Allowed)
	readSet(b[off+32:off+64], &info.Required)
	off += 64
	d, k := binary.Uvarint(b[off:])
	if k <= 0 || d > 1<<30 || off+k != len(b) {
		return "digit count"
	}
	info.MinDigits = int(d)
	return ""
}

// readSet sets set[c] to bit c of bits (32 bytes, least significant bit
// first), eight bits at a time.
func readSet(bits []byte, set *[256]bool) {
	for i, b := range bits[:32] {
		s := set[8*i : 8*i+8 : 8*i+8]
		s[0], s[1], s[2], s[3] = b&1 != 0, b&2 != 0, b&4 != 0, b&8 != 0
		s[4], s[5], s[6], s[7] = b&16 != 0, b&32 != 0, b&64 != 0, b&128 != 0
	}
}
