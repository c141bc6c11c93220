//go:build !purego

package bitclass

// classify sets b to the bitmaps of the 64 bytes p (SSE2 assembly).
//
//go:noescape
func classify(cl *Classifier, p *[BlockSize]byte, b *Block)
