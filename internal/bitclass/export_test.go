package bitclass

// ClassifyGo is the Go form of the classification, for the tests on every
// architecture.
func (cl *Classifier) ClassifyGo(text []byte, start int) Block {
	var b Block
	var buf [BlockSize]byte
	n := copy(buf[:], text[start:])
	classifyGo(cl, &buf, &b)
	mask := ^uint64(0)
	if n < BlockSize {
		mask = uint64(1)<<uint(n) - 1
	}
	b.In &= mask
	for k := range b.Keys {
		b.Keys[k] &= mask
	}
	return b
}
