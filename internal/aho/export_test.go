package aho

// NearBlock returns the masks nearBlock finds for the 64 pairs of w by the
// table near (in assembly where there is some).
func NearBlock(near *[1 << 16]uint8, w *[65]byte) [5]uint64 {
	a, b, c, d, e := nearBlock(near, w)
	return [5]uint64{a, b, c, d, e}
}

// NearBlockGo returns the masks nearBlockGo, nearBlock's Go form, finds:
// tests compare the two.
func NearBlockGo(near *[1 << 16]uint8, w *[65]byte) [5]uint64 {
	a, b, c, d, e := nearBlockGo(near, w)
	return [5]uint64{a, b, c, d, e}
}

// Near returns the Matcher's table of byte pairs.
func (m *Matcher) Near() *[1 << 16]uint8 { return &m.near }
