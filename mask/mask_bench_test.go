package mask_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/piiguard/piiguard/internal/testcorpus"
	"github.com/piiguard/piiguard/mask"
)

// loghubText reads the loghub samples (real logs, see
// /work/shared/corpus/loghub or $PIIGUARD_LOGHUB), or skips.
func loghubText(b *testing.B) []byte {
	dir := os.Getenv("PIIGUARD_LOGHUB")
	if dir == "" {
		dir = "/work/shared/corpus/loghub"
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.log"))
	if len(files) == 0 {
		b.Skip("no loghub corpus; set PIIGUARD_LOGHUB")
	}
	var text []byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text = append(text, data...)
	}
	return text
}

// BenchmarkMaskLoghub masks the loghub samples with the stream, line by
// line, with asterisks and with tokens, and as JSON events (each line
// wrapped in {"msg": ...}); MB/s are of input.
func BenchmarkMaskLoghub(b *testing.B) {
	text := loghubText(b)
	tk, err := mask.NewTokenizer(testKey)
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		m    mask.Masker
	}{{"asterisk", nil}, {"token", tk}} {
		b.Run("stream/"+bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				w := mask.NewWriter(io.Discard, allScanner(), bc.m, mask.StreamOptions{})
				w.Write(text)
				w.Close()
			}
		})
	}
	var events [][]byte
	for _, line := range bytes.Split(text, []byte("\n")) {
		msg, _ := json.Marshal(string(line))
		events = append(events, []byte(`{"msg":`+string(msg)+`,"source":{"host":"h1"}}`))
	}
	j := newJSON(b, nil, mask.JSONOptions{})
	b.Run("json/asterisk", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		var out []byte
		for b.Loop() {
			for _, e := range events {
				out, _ = j.AppendMask(out[:0], e)
			}
		}
	})
}

// BenchmarkMaskJSONDense masks and reports the findings of JSON events
// dense in sensitive values (testcorpus.Dense lines in {"msg": ...}, and
// values several identifiers match under a keyword member name), where
// each value's own scan and the event's raw scan are merged; MB/s are of
// the events.
func BenchmarkMaskJSONDense(b *testing.B) {
	var events [][]byte
	size := 0
	for i, line := range testcorpus.Dense(3, 2000) {
		msg, _ := json.Marshal(line)
		e := []byte(`{"msg":` + string(msg) + `,"passport_number":"` + fmt.Sprintf("%09d", 100000000+i) + `"}`)
		events = append(events, e)
		size += len(e)
	}
	j := newJSON(b, nil, mask.JSONOptions{})
	b.Run("mask", func(b *testing.B) {
		b.SetBytes(int64(size))
		var out []byte
		for b.Loop() {
			for _, e := range events {
				out, _ = j.AppendMask(out[:0], e)
			}
		}
	})
	b.Run("findings", func(b *testing.B) {
		b.SetBytes(int64(size))
		var found []mask.JSONFinding
		for b.Loop() {
			for _, e := range events {
				found, _ = j.AppendFindings(found[:0], e)
			}
		}
	})
}

// BenchmarkStreamLongLine masks the loghub samples joined into one line
// (line breaks turned into spaces) with a 64 KiB line limit, so that the
// stream masks it in pieces: the cost of the piece path (windows, cuts,
// clear tails) on real text; MB/s are of input.
func BenchmarkStreamLongLine(b *testing.B) {
	benchStreamLongLine(b, 64<<10, 4<<20)
}

// benchStreamLongLine masks up to size bytes of loghub, joined into one
// line, through a Writer with the line limit limit.
func benchStreamLongLine(b *testing.B, limit, size int) {
	text := bytes.ReplaceAll(loghubText(b), []byte("\n"), []byte(" "))
	text = text[:min(len(text), size)]
	s := allScanner()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		w := mask.NewWriter(io.Discard, s, nil, mask.StreamOptions{MaxLineLength: limit})
		if _, err := w.Write(text); err != nil {
			b.Fatal(err)
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
