//go:build !purego

package aho

// filterStarts returns the starts of anchored and of free (bit i for
// t[i]) that filters f keeps (see filters): those where an anchored word,
// a free word, may start. Starts without three bytes after them in t are
// kept as they are.
//
// In assembly: a loop over the bits of each mask, without a branch on the
// text (filter_amd64.s).
//
//go:noescape
func filterStarts(near *[1 << 16]uint8, f *filters, t []byte, anchored, free uint64) (keptAnchored, keptFree uint64)
