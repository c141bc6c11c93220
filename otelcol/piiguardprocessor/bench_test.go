package piiguardprocessor

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"go.opentelemetry.io/collector/pdata/plog"

	"github.com/piiguard/piiguard/internal/testcorpus"
	"github.com/piiguard/piiguard/mask"
)

// benchBatch is how many records a benchmark batch holds (the batch
// processor's default send size is 8192).
const benchBatch = 1000

// loghub loads the loghub corpus: $PIIGUARD_LOGHUB, or the shared corpus
// beside the checkout.
func loghub(tb testing.TB) *testcorpus.Corpus {
	tb.Helper()
	dir := os.Getenv("PIIGUARD_LOGHUB")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpus", "loghub")
	}
	c, err := testcorpus.Loghub(dir)
	if err != nil {
		tb.Skipf("loghub corpus: %v", err)
	}
	return c
}

// BenchmarkLoghub compares the processor with the library on the loghub
// lines: "library" masks each line with the processor's own Scanner as
// `piiguard mask` does; "processor" runs the same lines as string bodies
// of log records through the processor, in batches of benchBatch;
// "processor+attr" adds the log.file.name attribute the file_log receiver
// sets. Bytes are the lines' bytes in each. Run on one core:
//
//	go test -run '^$' -bench Loghub -cpu 1 -count 6 ./piiguardprocessor/
func BenchmarkLoghub(b *testing.B) {
	c := loghub(b)
	e, err := newEngine(&Config{})
	if err != nil {
		b.Fatal(err)
	}
	size := c.Bytes()
	b.Run("library", func(b *testing.B) {
		b.SetBytes(size)
		var dst []byte
		for b.Loop() {
			for _, l := range c.Lines {
				dst = mask.AppendMasked(dst[:0], l, e.scanner, e.masker)
			}
		}
		b.ReportMetric(float64(len(c.Lines))*float64(b.N)/b.Elapsed().Seconds(), "records/s")
	})
	for _, attr := range []bool{false, true} {
		name := "processor"
		if attr {
			name += "+attr"
		}
		b.Run(name, func(b *testing.B) {
			r := newReplay(e, c.Lines, attr)
			b.SetBytes(size)
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				r.refill()
				b.StartTimer()
				r.process(b)
			}
			b.ReportMetric(float64(len(c.Lines))*float64(b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}

// logBatches puts lines into batches of log records with string bodies.
func logBatches(lines [][]byte, attr bool) []plog.Logs {
	var out []plog.Logs
	var lrs plog.LogRecordSlice
	for i, l := range lines {
		if i%benchBatch == 0 {
			ld := plog.NewLogs()
			lrs = ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords()
			out = append(out, ld)
		}
		lr := lrs.AppendEmpty()
		lr.Body().SetStr(string(l))
		if attr {
			lr.Attributes().PutStr("log.file.name", "app.log")
		}
	}
	return out
}

// A replay runs the same batches of log records through a processor again
// and again: processing masks the records in place, so each run processes
// fresh copies.
type replay struct {
	batches, work []plog.Logs
	p             *piiguardProcessor
}

func newReplay(e *engine, lines [][]byte, attr bool) *replay {
	r := &replay{batches: logBatches(lines, attr), p: newProcessor(e, nil)}
	r.work = make([]plog.Logs, len(r.batches))
	for i := range r.work {
		r.work[i] = plog.NewLogs()
	}
	return r
}

// refill copies the batches into the records process processes.
func (r *replay) refill() {
	for i, batch := range r.batches {
		batch.CopyTo(r.work[i])
	}
}

// process runs the copies through the processor.
func (r *replay) process(tb testing.TB) {
	for _, ld := range r.work {
		if _, err := r.p.processLogs(context.Background(), ld); err != nil {
			tb.Fatal(err)
		}
	}
}
