//go:build !race

package dfa_test

const raceEnabled = false
