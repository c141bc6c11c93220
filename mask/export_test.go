package mask

// WithMaxBlockLength returns opts with the bound on held multi-line blocks
// set to n, so that tests reach it with small inputs.
func WithMaxBlockLength(opts StreamOptions, n int) StreamOptions {
	opts.maxBlockLength = n
	return opts
}
