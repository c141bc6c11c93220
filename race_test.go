//go:build race

package piiguard_test

const raceEnabled = true
