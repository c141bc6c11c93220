// Package vectorscan runs Vectorscan (the portable fork of Intel's
// Hyperscan) from Go through cgo, for the benchmarks' Vectorscan baseline:
// a set of patterns compiled into one database, scanned in block mode, line
// by line, counting matches.
//
// It builds only with the vectorscan build tag and cgo, against the
// system's libhs (Debian: apt-get install libvectorscan-dev):
//
//	go test -tags vectorscan -run '^$' -bench Vectorscan ./bench/
//
// Vectorscan does not take every pattern Go's regexp does (no
// backreferences, no lookaround, some Unicode classes only in UTF-8 mode,
// patterns too large for its engines): Compile compiles those it takes and
// reports each one it rejects with Vectorscan's reason.
package vectorscan
