package main

import (
	"bytes"
	"strings"
	"testing"
)

const sampleOutput = `goos: linux
goarch: amd64
pkg: github.com/piiguard/piiguard/bench
cpu: AMD EPYC
BenchmarkDetector/loghub-2      	      26	  89352232 ns/op	  49.21 MB/s	     32000 lines/op	      9422 matches/op	      2792 ns/line	  299236 B/op	   19743 allocs/op
BenchmarkDetector/loghub-2      	      26	  99352232 ns/op	  44.21 MB/s	     32000 lines/op	      9422 matches/op	      3092 ns/line	  299236 B/op	   19743 allocs/op
BenchmarkDetector/loghub-2      	      26	  79352232 ns/op	  54.21 MB/s	     32000 lines/op	      9422 matches/op	      2492 ns/line	  299236 B/op	   19743 allocs/op
BenchmarkNaive/loghub-2                    	       1	21226090519 ns/op	   0.21 MB/s	     32000 lines/op	    443918 matches/op	    663315 ns/line	58972952 B/op	  652865 allocs/op
BenchmarkAlternation/loghub-2              	       1	5709664229 ns/op	   0.77 MB/s	     32000 lines/op	    170422 matches/op	    178427 ns/line	12493856 B/op	  205249 allocs/op
BenchmarkDetectorNoFindings-2              	 1386373	      1728 ns/op	  90.25 MB/s	       0 B/op	       0 allocs/op
PASS
ok  	github.com/piiguard/piiguard/bench	65.217s
goos: linux
goarch: amd64
pkg: github.com/piiguard/piiguard/bench
cpu: AMD EPYC
BenchmarkDetector/loghub-2      	       1	  43461610 ns/op	 101.17 MB/s	     32000 lines/op	      9422 matches/op	      1358 ns/line	  232064 B/op	    6479 allocs/op
BenchmarkRureAlternation/loghub-2          	       1	 222810884 ns/op	  19.73 MB/s	     32000 lines/op	    170422 matches/op	      6963 ns/line	    3968 B/op	       5 allocs/op
PASS
`

func TestParseAndWrite(t *testing.T) {
	res, err := parse(strings.NewReader(sampleOutput))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range res.rows {
		got = append(got, r.engine+"/"+r.corpus)
	}
	want := "Detector/loghub Naive/loghub Alternation/loghub DetectorNoFindings/ DetectorRure/loghub RureAlternation/loghub"
	if strings.Join(got, " ") != want {
		t.Fatalf("rows %v, want %s", got, want)
	}
	if m, _ := res.rows[0].median("MB/s"); m != 49.21 {
		t.Errorf("median MB/s %v, want 49.21", m)
	}
	var buf bytes.Buffer
	write(&buf, "t", res, machineInfo{cpu: "X", cores: 2, goVersion: "go", date: "d"})
	out := buf.String()
	for _, s := range []string{
		"| detector vs naive (Go regexp) | 258× |",
		"| detector vs alternation (Go regexp) | 70.4× |",
		"| detector (rure) vs alternation (rure) | 5.13× |",
		"| detector | 54.2 | 44.2–54.2 | 2492 | 19743 | 0.62 | 9422 | 3 |",
		"0 allocs/op",
		"32000 lines, 4.40 MB",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
}
