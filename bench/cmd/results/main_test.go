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
	write(&buf, "t", res, machineInfo{cpu: "X", cores: 2, goVersion: "go", date: "d", command: "make bench BENCH_COUNT=3", note: "busy"}, nil)
	out := buf.String()
	for _, s := range []string{
		"make bench BENCH_COUNT=3\n```",
		"- Note: busy",
		"| detector vs naive (Go regexp) | 234× |",
		"| detector vs alternation (Go regexp) | 63.9× |",
		"| detector (rure) vs alternation (rure) | 5.13× |",
		"| detector | 49.2 | 44.2–54.2 | 2792 | 19743 | 0.62 | 9422 | 3 |",
		"0 allocs/op",
		"32000 lines, 4.40 MB",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
}

const startupOutput = `goos: linux
goarch: amd64
pkg: github.com/piiguard/piiguard/bench
cpu: AMD EPYC
BenchmarkStartupNewScanner-2   	       4	 300000000 ns/op	73740784 B/op	  515593 allocs/op
BenchmarkStartupNewScanner-2   	       4	 100000000 ns/op	73740784 B/op	  515593 allocs/op
BenchmarkStartupNewScanner-2   	       4	 200000000 ns/op	73740784 B/op	  515593 allocs/op
BenchmarkStartupProcess/piiguard-scan-2         	       1	 290000000 ns/op
BenchmarkStartupProcess/naive20-2               	       1	   5000000 ns/op
BenchmarkStartupWASM/node-2         	       1	5196619558 ns/op	      120 ms/first-scan
BenchmarkStartupFirstScanProcess/piiguard-scan/name-2            	      10	  17631505 ns/op	        19.55 cpu-ms/op
BenchmarkStartupFirstScanWASM/node/name-2              	       7	 483529290 ns/op	       298.0 ms/first-scan
BenchmarkProcess/loghub/piiguard-scan-2         	       1	  30000000 ns/op	 148.6 MB/s	        40.0 cpu-ms/op
BenchmarkProcess/loghub/naive20-2               	       1	2672000000 ns/op	   1.67 MB/s	      2650 cpu-ms/op
BenchmarkProcessLoghubX10/piiguard-scan-2       	       4	 250000000 ns/op	 178.4 MB/s	       240.0 cpu-ms/op
BenchmarkProcessLoghubX10/piiguard-scan-2       	       4	 230000000 ns/op	 193.9 MB/s	       230.0 cpu-ms/op
BenchmarkProcessLoghubX10/piiguard-scan-2       	       4	 270000000 ns/op	 165.1 MB/s	       250.0 cpu-ms/op
BenchmarkProcessLoghubX10/naive20-2             	       1	40500000000 ns/op	   1.10 MB/s	     40000 cpu-ms/op
BenchmarkProcessLoghubX10/naive20-2             	       1	42500000000 ns/op	   1.05 MB/s	     42000 cpu-ms/op
BenchmarkVectorscan/loghub-2         	       1	  12105589 ns/op	   5.00 MB/s	       500.0 lines/op	     58985 matches/op	     24211 ns/line	       165.0 patterns	         0 rejected	      16 B/op	       1 allocs/op
BenchmarkDetector/loghub-2      	       1	  43461610 ns/op	 101.17 MB/s	     32000 lines/op	      9422 matches/op	      1358 ns/line	  232064 B/op	    6479 allocs/op
PASS
`

func TestStartupAndTargets(t *testing.T) {
	res, err := parse(strings.NewReader(startupOutput))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	writeStartup(&buf, res)
	writeTargets(&buf, res)
	out := buf.String()
	for _, s := range []string{
		"| `piiguard.NewScanner(piiguard.Config{})`: every managed identifier | 200 ms | 100–300 ms | 73.7 MB | 515593 | 3 |",
		"takes 58.0× the start-up of the 20-regexp Go program",
		"| Node.js (wasm/js), a whole `node` process | 5197 ms | 5197–5197 ms | 120 ms | 1 |",
		"| `piiguard scan` of one line with a name (`Contact: John Smith, 1 Main St`): the Name word lists load too | 17.6 ms | 17.6–17.6 ms | – | – | 1 |",
		"| Node.js, first scan of a line with a name (the Name word lists load too) | 484 ms | 484–484 ms | 298 ms | 1 |",
		"| loghub ×10: the 16 loghub files concatenated ten times into one file (BenchmarkProcessLoghubX10), 44.6 MB | piiguard-scan | 178 | 165–194 | 250 ms | 240 ms | 3 |",
		"| loghub ×10: the 16 loghub files concatenated ten times into one file (BenchmarkProcessLoghubX10), 44.6 MB | naive20 | 1.08 | 1.05–1.10 | 41.5 s | 41.0 s | 2 |",
		"| the 16 loghub files (BenchmarkProcess), 4.46 MB | piiguard-scan | 149 | 149–149 | 30.0 ms | 40.0 ms | 1 |",
		"- 44.6 MB: `piiguard scan` is 166× naive20 (ratio of medians; 150–185× from the slowest to the fastest runs); the issue's measure",
		"- 4.46 MB: `piiguard scan` is 89.0× naive20 (ratio of medians; 89.0–89.0× from the slowest to the fastest runs); start-up weighs here",
		"| NewScanner with every managed identifier | ≤ 10 ms | 200 ms — **not met** |",
		"| WASM time to first scan, Node.js (inside the process) | ≤ 150 ms | 120 ms — met |",
		"| `piiguard scan` whole process on 44.6 MB of loghub (loghub ×10, one file) vs naive20 | ≥ 150× | 166× (runs: 150–185×) — met |",
		"| detector (Go) vs Vectorscan, loghub | ≥ 5× | 20.2× — met |",
		"| detector (Go) on loghub, one goroutine | ≥ 250 MB/s | 101 MB/s — **not met** |",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
}

func TestVectorscanNotes(t *testing.T) {
	out := `=== RUN   TestVectorscanPatterns
    vectorscan_test.go:58: Vectorscan compiles 165 of the catalog's 165 patterns (108 identifiers); it rejects 0:
    vectorscan_test.go:63: It compiles 2 only without the start of match (reporting where matches end):
    vectorscan_test.go:65:   BearerToken pattern 17: Pattern is too large.
--- PASS: TestVectorscanPatterns (37.21s)
`
	got := vectorscanNotes(out)
	want := []string{
		"Vectorscan compiles 165 of the catalog's 165 patterns (108 identifiers); it rejects 0:",
		"It compiles 2 only without the start of match (reporting where matches end):",
		"  BearerToken pattern 17: Pattern is too large.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes\n%q\nwant\n%q", got, want)
	}
}

// TestProcessTargetNeeds44MB: the whole-process target is the issue's
// measure on 44 MB; the 4.4 MB rows (where start-up weighs) alone give no
// target row, and a slower run than wanted is not met.
func TestProcessTargetNeeds44MB(t *testing.T) {
	for _, tc := range []struct {
		name, input, want string
	}{
		{"only 4.4 MB", `BenchmarkProcess/loghub/piiguard-scan-2  1  30000000 ns/op  148.6 MB/s
BenchmarkProcess/loghub/naive20-2  1  2672000000 ns/op  1.67 MB/s
`, ""},
		{"44 MB not met", `BenchmarkProcessLoghubX10/piiguard-scan-2  4  300000000 ns/op  148.6 MB/s
BenchmarkProcessLoghubX10/naive20-2  1  29700000000 ns/op  1.50 MB/s
`, "| `piiguard scan` whole process on 44.6 MB of loghub (loghub ×10, one file) vs naive20 | ≥ 150× | 99.1× (runs: 99.1–99.1×) — **not met** |"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := parse(strings.NewReader("goos: linux\n" + tc.input))
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			writeTargets(&buf, res)
			out := buf.String()
			has := strings.Contains(out, "`piiguard scan` whole process")
			switch {
			case tc.want == "" && has:
				t.Errorf("a whole-process target without the 44 MB rows:\n%s", out)
			case tc.want != "" && !strings.Contains(out, tc.want):
				t.Errorf("output lacks %q:\n%s", tc.want, out)
			}
		})
	}
}

func TestWASMThroughputAndTargets(t *testing.T) {
	const out = `BenchmarkWASMThroughput/native/per-file-2         	      73	  14822275 ns/op	 300.00 MB/s
BenchmarkWASMThroughput/native/batches-2          	      73	  18646662 ns/op	 240.00 MB/s
BenchmarkWASMThroughput/wazero/per-file-2         	      13	  88515279 ns/op	  50.00 MB/s
BenchmarkWASMThroughput/wazero/batches-2          	       6	 170564144 ns/op	  26.00 MB/s
BenchmarkWASMThroughput/node/per-file-2           	      24	  44880508 ns/op	 150.00 MB/s
BenchmarkWASMThroughput/node/batches-2            	      14	  88000397 ns/op	  48.00 MB/s
BenchmarkWASMThroughput/native/per-file-2         	      73	  14822275 ns/op	 320.00 MB/s
BenchmarkWASMThroughput/native/batches-2          	      73	  18646662 ns/op	 250.00 MB/s
BenchmarkWASMThroughput/wazero/per-file-2         	      13	  88515279 ns/op	  52.00 MB/s
BenchmarkWASMThroughput/wazero/batches-2          	       6	 170564144 ns/op	  28.00 MB/s
BenchmarkWASMThroughput/node/per-file-2           	      24	  44880508 ns/op	 160.00 MB/s
BenchmarkWASMThroughput/node/batches-2            	      14	  88000397 ns/op	  52.00 MB/s
`
	res, err := parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	writeWASMThroughput(&buf, res)
	writeTargets(&buf, res)
	got := buf.String()
	for _, s := range []string{
		"| scan, a call per file | native Go | 310 | 300–320 | – | 2 |",
		"| scan, a call per file | wazero (wasm/wasmhost, default options) | 51.0 | 50.0–52.0 | 16% | 2 |",
		"| scan, a call per file | Node.js (wasm/js) | 155 | 150–160 | 50% | 2 |",
		"| scan, batches of 100 lines (natively a call per line) | wazero (wasm/wasmhost, default options) | 27.0 | 26.0–28.0 | 11% | 2 |",
		"| WASM throughput, wazero (wasm/wasmhost, default options), loghub a call per file, vs native | ≥ 30% | 16% (51.0 of 310 MB/s) — **not met** |",
		"| WASM throughput, Node.js (wasm/js), loghub a call per file, vs native | ≥ 50% | 50% (155 of 310 MB/s) — met |",
	} {
		if !strings.Contains(got, s) {
			t.Errorf("output lacks %q:\n%s", s, got)
		}
	}
	// Without the benchmark, neither the section nor the targets.
	res, err = parse(strings.NewReader(startupOutput))
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	writeWASMThroughput(&buf, res)
	writeTargets(&buf, res)
	if strings.Contains(buf.String(), "WASM throughput") || strings.Contains(buf.String(), "WebAssembly throughput") {
		t.Errorf("WebAssembly throughput without its benchmark:\n%s", buf.String())
	}
}
