//go:build !race

package mask_test

// raceEnabled reports a -race build: tests that check no concurrency run
// smaller.
const raceEnabled = false
