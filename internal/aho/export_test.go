package aho

// NearBlocks returns the masks nearBlock finds for the 64 pairs of w by
// the table near (assembly where there is some) and those nearBlockGo, its
// Go form, finds: tests compare the two.
func NearBlocks(near *[1 << 16]uint8, w *[65]byte) (got, want [5]uint64) {
	a, b, c, d, e := nearBlock(near, w)
	f, g, h, i, j := nearBlockGo(near, w)
	return [5]uint64{a, b, c, d, e}, [5]uint64{f, g, h, i, j}
}

// Near returns the Matcher's table of byte pairs.
func (m *Matcher) Near() *[1 << 16]uint8 { return &m.near }
