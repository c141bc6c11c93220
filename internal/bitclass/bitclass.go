// Package bitclass classifies the bytes of a text 64 at a time into
// bitmaps, one bit per byte: whether the byte lies in a set made of a few
// byte ranges, and whether it equals each of up to four key bytes. A
// caller that looks at runs of a byte set (the detector's class runs) then
// finds a run's ends with bit operations and counts the key bytes in it
// with population counts, rather than reading it byte by byte.
//
// On amd64 a block is classified in SSE2 assembly (the amd64 baseline):
// each range is one add and one signed compare per 16 bytes, each key one
// compare, and PMOVMSKB gathers the bits. Elsewhere (and with the purego
// build tag) the same is done in Go, eight bytes at a time in a uint64.
package bitclass

import "errors"

// MaxRanges is the most ranges a Classifier tests.
const MaxRanges = 8

// MaxKeys is the most key bytes a Classifier tests.
const MaxKeys = 4

// BlockSize is the number of bytes a Block describes.
const BlockSize = 64

// A Block holds the bitmaps of up to 64 bytes: bit i of In says the byte
// at offset i is in the Classifier's set, bit i of Keys[k] that it is key
// byte k. Bits past the bytes classified, and the Keys of keys the
// Classifier does not have, are 0.
type Block struct {
	In   uint64
	Keys [MaxKeys]uint64
}

// A Classifier classifies bytes by a set of byte ranges and a few key
// bytes (New). It is immutable and safe for concurrent use.
type Classifier struct {
	// keys holds each key byte 16 times (unused keys: the first key),
	// for the assembly.
	keys [MaxKeys][16]byte
	// n is the number of ranges.
	n int
	// vec holds each range as its bias, added to every byte so that the
	// range's first byte becomes -128, then its limit: a byte is in the
	// range when, biased and signed, it is less than the limit. Each is
	// repeated 16 times, for the assembly.
	vec [MaxRanges][2][16]byte
	// lo, hi, their low seven bits, and high (0x80 or 0 in every byte)
	// give each range for the Go form: a range lies within one half of
	// the bytes (New splits those that cross 0x80).
	lo7, hi7 [MaxRanges]uint64
	high     [MaxRanges]uint64
	key      [MaxKeys]uint64 // each key byte 8 times
	// keyIn[k] is all ones for a key in the set that the ranges leave out
	// (New: the set's other bytes may need fewer ranges), whose bits are
	// added to In.
	keyIn [MaxKeys]uint64
	nkeys int
}

// ErrTooMany says a set needs more than MaxRanges ranges, or more than
// MaxKeys keys were given.
var ErrTooMany = errors.New("bitclass: too many ranges or keys")

// New returns a Classifier for the bytes c with set[c], and the key bytes
// keys (at most MaxKeys). A set is split into its maximal ranges of
// consecutive bytes, those that cross 0x80 in two; the key bytes in the
// set are left out of the ranges when that makes fewer (each key is
// compared anyway: the separators between digits, say). It fails with
// ErrTooMany when there are more than MaxRanges.
func New(set *[256]bool, keys []byte) (*Classifier, error) {
	if len(keys) > MaxKeys {
		return nil, ErrTooMany
	}
	cl := &Classifier{nkeys: len(keys)}
	rest := *set
	for _, c := range keys {
		rest[c] = false
	}
	ranges := rangesOf(set)
	if r := rangesOf(&rest); len(r) < len(ranges) {
		ranges = r
		for k, c := range keys {
			if set[c] {
				cl.keyIn[k] = ^uint64(0)
			}
		}
	}
	if len(ranges) > MaxRanges {
		return nil, ErrTooMany
	}
	for _, r := range ranges {
		cl.addRange(r[0], r[1])
	}
	for k := range MaxKeys {
		key := byte(0)
		if len(keys) > 0 {
			key = keys[0]
		}
		if k < len(keys) {
			key = keys[k]
		}
		for i := range cl.keys[k] {
			cl.keys[k][i] = key
		}
		cl.key[k] = ones * uint64(key)
	}
	return cl, nil
}

// rangesOf returns the maximal ranges of consecutive bytes in set, split
// at 0x80.
func rangesOf(set *[256]bool) [][2]byte {
	var out [][2]byte
	for c := 0; c < 256; {
		if !set[c] {
			c++
			continue
		}
		lo := c
		for c < 256 && set[c] && (c != 0x80 || lo == 0x80) {
			c++
		}
		out = append(out, [2]byte{byte(lo), byte(c - 1)})
	}
	return out
}

// addRange adds the range [lo, hi], which lies within one half of the
// bytes.
func (cl *Classifier) addRange(lo, hi byte) {
	i := cl.n
	cl.n++
	bias := byte(0x80 - int(lo))    // lo+bias = 0x80, that is -128
	limit := byte(int(hi-lo) - 127) // -128 + (hi-lo) + 1, at most 0
	for j := range 16 {
		cl.vec[i][0][j], cl.vec[i][1][j] = bias, limit
	}
	cl.lo7[i], cl.hi7[i] = ones*uint64(lo&0x7f), ones*uint64(hi&0x7f)
	if lo >= 0x80 {
		cl.high[i] = highs
	}
}

// Ranges returns the number of ranges the Classifier tests.
func (cl *Classifier) Ranges() int { return cl.n }

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
	lows  = 0x7f7f7f7f7f7f7f7f
)

// Classify returns the bitmaps of text[start:start+64] (fewer bytes when
// the text ends before). start must be within text.
func (cl *Classifier) Classify(text []byte, start int) Block {
	var b Block
	cl.ClassifyTo(&b, text, start)
	return b
}

// ClassifyTo is Classify into b.
func (cl *Classifier) ClassifyTo(b *Block, text []byte, start int) {
	if n := len(text) - start; n >= BlockSize {
		classify(cl, (*[BlockSize]byte)(text[start:]), b)
	} else {
		cl.classifyTail(b, text, start)
	}
}

// classifyTail is ClassifyTo for the fewer than 64 bytes at text's end.
func (cl *Classifier) classifyTail(b *Block, text []byte, start int) {
	n := len(text) - start
	if len(text) >= BlockSize {
		// The last 64 bytes, shifted to drop those before start.
		classify(cl, (*[BlockSize]byte)(text[len(text)-BlockSize:]), b)
		shift := uint(BlockSize - n)
		b.In >>= shift
		for k := range b.Keys {
			b.Keys[k] >>= shift
		}
	} else {
		var buf [BlockSize]byte
		copy(buf[:], text[start:])
		classify(cl, &buf, b)
		mask := uint64(1)<<uint(n) - 1
		b.In &= mask
		for k := range b.Keys {
			b.Keys[k] &= mask
		}
	}
}

// classifyGo is classify in Go, eight bytes at a time.
func classifyGo(cl *Classifier, p *[BlockSize]byte, b *Block) {
	var in uint64
	var keys [MaxKeys]uint64
	for w := range BlockSize / 8 {
		x := uint64(p[8*w]) | uint64(p[8*w+1])<<8 | uint64(p[8*w+2])<<16 | uint64(p[8*w+3])<<24 |
			uint64(p[8*w+4])<<32 | uint64(p[8*w+5])<<40 | uint64(p[8*w+6])<<48 | uint64(p[8*w+7])<<56
		t := x & lows
		// high is x's top bit per byte; a range within the low half
		// needs it clear, one within the high half set.
		high := x & highs
		var m uint64
		for i := range cl.n {
			// t >= lo7: t + 0x80 - lo7 reaches 0x80 (no carry leaves a
			// byte: at most 0x7f + 0x80). t > hi7: t + 0x7f - hi7 does.
			ge := t + (highs - cl.lo7[i])
			gt := t + (lows - cl.hi7[i])
			m |= ge &^ gt &^ (high ^ cl.high[i])
		}
		in |= gather(m&highs) << (8 * w)
		for k := range cl.nkeys {
			y := x ^ cl.key[k]
			// The top bit of a byte of nz is set when y's byte is not 0.
			nz := (y&lows + lows) | y
			keys[k] |= gather(^nz&highs) << (8 * w)
		}
	}
	for k := range keys {
		in |= keys[k] & cl.keyIn[k]
	}
	b.In, b.Keys = in, keys
}

// Word classifies the eight bytes of x, byte i being x>>(8*i)&0xff (a
// little-endian load): byte i's top bit (bit 8i+7) is set in in when the
// byte is in the set, and in keys[k] when it is key byte k. It is the Go
// form's step, for a caller that looks at a few bytes around an offset.
func (cl *Classifier) Word(x uint64) (in uint64, keys [MaxKeys]uint64) {
	t := x & lows
	high := x & highs
	for i := range cl.n {
		ge := t + (highs - cl.lo7[i])
		gt := t + (lows - cl.hi7[i])
		in |= ge &^ gt &^ (high ^ cl.high[i])
	}
	in &= highs
	for k := range cl.nkeys {
		y := x ^ cl.key[k]
		keys[k] = ^((y&lows + lows) | y) & highs
		in |= keys[k] & cl.keyIn[k]
	}
	return in, keys
}

// gather returns the top bits of the eight bytes of m (only top bits set)
// as eight bits, byte i's as bit i.
func gather(m uint64) uint64 {
	return (m >> 7) * 0x0102040810204080 >> 56
}
