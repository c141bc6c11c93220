//go:build !amd64 || purego

package bitclass

// classify sets b to the bitmaps of the 64 bytes p.
func classify(cl *Classifier, p *[BlockSize]byte, b *Block) { classifyGo(cl, p, b) }
