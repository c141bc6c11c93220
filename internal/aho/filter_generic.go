//go:build !amd64 || purego

package aho

// filterStarts returns the starts of anchored and of free (bit i for
// t[i]) that filters f keeps (see filters): those where an anchored word,
// a free word, may start. Starts without three bytes after them in t are
// kept as they are.
func filterStarts(near *[1 << 16]uint8, f *filters, t []byte, anchored, free uint64) (keptAnchored, keptFree uint64) {
	return filterStartsGo(near, f, t, anchored, free)
}
