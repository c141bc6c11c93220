package detector_test

import (
	"testing"

	"github.com/piiguard/piiguard/detector"
)

// TestZeroAllocationsKeywordsLiteralsRejections: no allocation on lines
// without findings that hold keywords, literals, and matches that the
// validators or the boundary rules reject.
func TestZeroAllocationsKeywordsLiteralsRejections(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items, so pooled scratch is allocated again")
	}
	d := catalogDetector(t)
	lines := []string{
		"card 4929381265481007 fails Luhn",
		"card 4111111111111111 is a test number",
		"ssn 666-22-1234 is an invalid area",
		"iban GB28NWBK60161331926819",
		"vin 1M8GDM9A1KP042788",
		"dob 1985-02-30",
		"position 141.948614,-87.655311",
		"version 1.2.3.4.5 is no address",
		"block blk_4929381265481006 card",
		"user@host has no domain",
		"phone number unknown, account closed, passport pending",
		"aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
		"2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created MRAppMaster",
	}
	var dst []detector.Finding
	for _, s := range lines {
		line := []byte(s)
		if got := d.Find(line); len(got) != 0 {
			t.Errorf("test line has findings %v: %s", got, s)
			continue
		}
		if n := testing.AllocsPerRun(100, func() { dst = d.AppendFindings(dst[:0], line) }); n != 0 {
			t.Errorf("%v allocations on %q", n, s)
		}
	}
}
