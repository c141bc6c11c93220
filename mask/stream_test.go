package mask_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/piiguard/piiguard/mask"
)

// maskLines masks text line by line, as a stream must.
func maskLines(text string, m mask.Masker) string {
	var out []byte
	lines := strings.SplitAfter(text, "\n")
	for _, l := range lines {
		line, nl := strings.CutSuffix(l, "\n")
		out = mask.AppendMasked(out, []byte(line), allScanner(), m)
		if nl {
			out = append(out, '\n')
		}
	}
	return string(out)
}

var streamTexts = []string{
	"",
	"\n\n",
	"no value here\n",
	"mail a@example.com\r\nssn 536-22-1234\nno newline at the end b@example.org",
	"bad utf8 \xff\xfe a@example.com \x00\ncard 4929 3812 6548 1006 ok\n",
	"日本 a@example.com 😀\n",
}

func TestWriterEverySplit(t *testing.T) {
	for _, text := range streamTexts {
		want := maskLines(text, nil)
		for i := 0; i <= len(text); i++ {
			for _, j := range []int{i, min(len(text), i+1), min(len(text), i+7)} {
				var out bytes.Buffer
				w := mask.NewWriter(&out, allScanner(), nil, mask.StreamOptions{})
				for _, p := range []string{text[:i], text[i:j], text[j:]} {
					if _, err := io.WriteString(w, p); err != nil {
						t.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				if out.String() != want {
					t.Fatalf("%q split at %d,%d:\n got %q\nwant %q", text, i, j, out.String(), want)
				}
			}
		}
	}
}

// TestWriterLongLines masks lines far longer than MaxLineLength, holding
// values every few bytes, so that values lie across every piece edge, and
// compares with masking each line whole.
func TestWriterLongLines(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, max := range []int{256, 1000, 4096} {
		for range 5 {
			var b strings.Builder
			for range 1 + r.IntN(3) {
				for b.Len() < 20*max {
					b.WriteString(filler(r))
					v := streamValue(r)
					b.WriteString(v.text)
				}
				if r.IntN(2) == 0 {
					b.WriteString("\n")
				}
				b.WriteString("short line a@example.com\n")
			}
			text := b.String()
			want := maskLines(text, nil)
			var out bytes.Buffer
			w := mask.NewWriter(&out, allScanner(), nil, mask.StreamOptions{MaxLineLength: max, Overlap: max / 4})
			writeRandomly(t, r, w, text)
			if out.String() != want {
				t.Fatalf("MaxLineLength %d: output differs from whole-line masking at byte %d", max, firstDiff(out.String(), want))
			}
		}
	}
}

// TestWriterLongValue places a private key (1,620 bytes, shorter than
// Overlap) across the first piece edge of a long line at many offsets: it
// is masked every time, and no byte is lost or added.
func TestWriterLongValue(t *testing.T) {
	const maxLen, overlap = 16 << 10, 4 << 10
	key := "-----BEGIN RSA PRIVATE KEY-----" + strings.Repeat("MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi", 40) + "-----END RSA PRIVATE KEY-----"
	cut := maxLen - overlap
	for at := cut - len(key) - 10; at < cut+10; at += 37 {
		text := strings.Repeat("x", at) + key + strings.Repeat(" y", maxLen) + "\n"
		var out bytes.Buffer
		w := mask.NewWriter(&out, allScanner(), nil, mask.StreamOptions{MaxLineLength: maxLen, Overlap: overlap})
		io.WriteString(w, text)
		w.Close()
		if want := maskLines(text, nil); out.String() != want {
			t.Fatalf("key at %d: output differs from whole-line masking at byte %d (value shown: %v)",
				at, firstDiff(out.String(), want), strings.Contains(out.String(), "MIIEow"))
		}
	}
}

// recorder records each Write.
type recorder struct{ writes []string }

func (r *recorder) Write(p []byte) (int, error) {
	r.writes = append(r.writes, string(p))
	return len(p), nil
}

func TestWriterFlushesCompleteLines(t *testing.T) {
	var rec recorder
	w := mask.NewWriter(&rec, allScanner(), nil, mask.StreamOptions{})
	io.WriteString(w, "one a@example.com\ntwo ")
	if len(rec.writes) != 1 || rec.writes[0] != "one *************\n" {
		t.Fatalf("after the first line: %q", rec.writes)
	}
	io.WriteString(w, "b@exam")
	if len(rec.writes) != 1 {
		t.Fatalf("a partial line was written: %q", rec.writes)
	}
	io.WriteString(w, "ple.com\nthree\nfour")
	if len(rec.writes) != 2 || rec.writes[1] != "two *************\nthree\n" {
		t.Fatalf("after two more lines: %q", rec.writes)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if len(rec.writes) != 3 || rec.writes[2] != "four" {
		t.Fatalf("after Close: %q", rec.writes)
	}
	if _, err := w.Write([]byte("x")); err == nil {
		t.Error("Write after Close: no error")
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n == 0 {
		return 0, errors.New("disk full")
	}
	f.n--
	return len(p), nil
}

func TestWriterErrors(t *testing.T) {
	w := mask.NewWriter(&failWriter{n: 1}, allScanner(), nil, mask.StreamOptions{})
	if _, err := io.WriteString(w, "a\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(w, "b\n"); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("second write: %v", err)
	}
	if _, err := io.WriteString(w, "c\n"); err == nil {
		t.Error("error not sticky")
	}
	if err := w.Close(); err == nil {
		t.Error("Close after an error: no error")
	}
}

func TestReader(t *testing.T) {
	for _, text := range streamTexts {
		got, err := io.ReadAll(mask.NewReader(strings.NewReader(text), allScanner(), nil, mask.StreamOptions{}))
		if err != nil || string(got) != maskLines(text, nil) {
			t.Errorf("%q: got %q, %v", text, got, err)
		}
	}
	// Long lines, read in small pieces.
	r := rand.New(rand.NewPCG(11, 12))
	var b strings.Builder
	for b.Len() < 50000 {
		b.WriteString(filler(r))
		b.WriteString(streamValue(r).text)
		if r.IntN(30) == 0 {
			b.WriteByte('\n')
		}
	}
	text := b.String()
	sr := mask.NewReader(iotestHalfReader{strings.NewReader(text)}, allScanner(), nil, mask.StreamOptions{MaxLineLength: 512})
	var out []byte
	buf := make([]byte, 7)
	for {
		n, err := sr.Read(buf)
		out = append(out, buf[:n]...)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if want := maskLines(text, nil); string(out) != want {
		t.Errorf("Reader with long lines differs at byte %d", firstDiff(string(out), want))
	}
}

// iotestHalfReader reads half of what is asked, at least one byte.
type iotestHalfReader struct{ r io.Reader }

func (h iotestHalfReader) Read(p []byte) (int, error) { return h.r.Read(p[:(len(p)+1)/2]) }

// TestReaderDoesNotWait checks that a line is readable as soon as it is
// complete, before the input ends (tail -f).
func TestReaderDoesNotWait(t *testing.T) {
	pr, pw := io.Pipe()
	sr := mask.NewReader(pr, allScanner(), nil, mask.StreamOptions{})
	go io.WriteString(pw, "first a@example.com\nsecond")
	buf := make([]byte, 100)
	done := make(chan string)
	go func() {
		n, _ := sr.Read(buf)
		done <- string(buf[:n])
	}()
	select {
	case got := <-done:
		if got != "first *************\n" {
			t.Errorf("first read %q", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Read waited for the end of the input")
	}
	pw.CloseWithError(errors.New("gone"))
	rest, err := io.ReadAll(sr)
	if string(rest) != "second" || err == nil || err.Error() != "gone" {
		t.Errorf("after the input broke: %q, %v", rest, err)
	}
}

func TestStreamJSON(t *testing.T) {
	j := newJSON(t, nil, mask.JSONOptions{})
	in := `{"ssn":"536-22-1234","n":[1,2]}` + "\n" +
		`not json ssn 536-22-1234` + "\n" +
		`{"broken": "a@example.com"` + "\n" +
		`  ["x", "b@example.org"]` + "\r\n" +
		`536221234` + "\n" +
		`{"ssn":536221234}`
	want := `{"ssn":"***********","n":[1,2]}` + "\n" +
		`not json ssn ***********` + "\n" +
		`{"broken": "*************"` + "\n" +
		`  ["x", "*************"]` + "\r\n" +
		`536221234` + "\n" +
		`{"ssn":"*********"}`
	var out bytes.Buffer
	w := mask.NewWriter(&out, allScanner(), nil, mask.StreamOptions{JSON: j})
	io.WriteString(w, in)
	w.Close()
	if out.String() != want {
		t.Errorf("JSON stream:\n got %q\nwant %q", out.String(), want)
	}
}

// writeRandomly writes text to w in random pieces and closes w.
func writeRandomly(t testing.TB, r *rand.Rand, w io.WriteCloser, text string) {
	t.Helper()
	for len(text) > 0 {
		n := min(len(text), 1+r.IntN(1<<r.IntN(12)))
		if _, err := io.WriteString(w, text[:n]); err != nil {
			t.Fatal(err)
		}
		text = text[n:]
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func firstDiff(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

var fillerWords = []string{"GET", "/api/v1/items", "status=200", "latency=12ms", "user=u42", "retry", "ok", "café", "日本", "id=7f3a", "level=INFO", "—", "build 1.4.2", "x"}

func filler(r *rand.Rand) string {
	var b strings.Builder
	for range 1 + r.IntN(6) {
		b.WriteByte(' ')
		b.WriteString(fillerWords[r.IntN(len(fillerWords))])
	}
	b.WriteByte(' ')
	return b.String()
}

// streamVal is a planted value: text holds it at [start, end).
type streamVal struct {
	text       string
	start, end int
}

var streamValues = []struct{ prefix, value string }{
	{"ssn ", "536-22-1234"},
	{"mail ", "jane.doe@example.com"},
	{"card ", "4929 3812 6548 1006"},
	{"ip ", "203.0.113.42"},
	{"passport ", "987654321"},
	{"card number: ", "5425 2334 3010 9903"},
	{"", "a.b@example.org"},
}

func streamValue(r *rand.Rand) streamVal {
	v := streamValues[r.IntN(len(streamValues))]
	return streamVal{text: v.prefix + v.value, start: len(v.prefix), end: len(v.prefix) + len(v.value)}
}

// streamBytes returns the size of TestStreamLarge's input: the
// PIIGUARD_STREAM_BYTES environment variable (a number of bytes with an
// optional K, M or G suffix), else 64 MiB (8 MiB with -short).
func streamBytes(t *testing.T) int64 {
	s := os.Getenv("PIIGUARD_STREAM_BYTES")
	if s == "" {
		if testing.Short() || raceEnabled {
			return 8 << 20
		}
		return 64 << 20
	}
	mult := int64(1)
	switch strings.ToUpper(s[len(s)-1:]) {
	case "K":
		mult = 1 << 10
	case "M":
		mult = 1 << 20
	case "G":
		mult = 1 << 30
	}
	if mult > 1 {
		s = s[:len(s)-1]
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		t.Fatalf("PIIGUARD_STREAM_BYTES=%q: want a size such as 64M or 1G", os.Getenv("PIIGUARD_STREAM_BYTES"))
	}
	return n * mult
}

// poolLine is a line of the large stream, with its values and its
// expected masked form.
type poolLine struct {
	raw, masked []byte
	values      [][2]int
}

// TestStreamLarge pushes a large stream (see streamBytes) through a Writer
// in writes of random sizes, each ending inside a value, and checks that
// the output is byte for byte the input masked line by line and that the
// heap stays bounded. Lines come from a pool whose masked forms are
// computed once; some are longer than MaxLineLength.
func TestStreamLarge(t *testing.T) {
	total := streamBytes(t)
	const maxLine = 64 << 10
	r := rand.New(rand.NewPCG(13, 14))
	pool := make([]poolLine, 3000)
	for i := range pool {
		size := 40 + r.IntN(400)
		if i%500 == 0 {
			size = maxLine + r.IntN(5*maxLine) // a long line
		}
		var b []byte
		var vals [][2]int
		for len(b) < size {
			b = append(b, filler(r)...)
			b = append(b, filler(r)...)
			v := streamValue(r)
			vals = append(vals, [2]int{len(b) + v.start, len(b) + v.end})
			b = append(b, v.text...)
		}
		if r.IntN(10) == 0 {
			b = append(b, '\r')
		}
		pool[i] = poolLine{raw: b, masked: mask.AppendMasked(nil, b, allScanner(), nil), values: vals}
		if bytes.Equal(pool[i].raw, pool[i].masked) {
			t.Fatalf("pool line %d has nothing to mask", i)
		}
	}

	// want yields the expected output; the checker compares against it.
	seqWant := rand.New(rand.NewPCG(15, 16))
	check := &streamChecker{next: func() []byte { return pool[seqWant.IntN(len(pool))].masked }}

	w := mask.NewWriter(check, allScanner(), nil, mask.StreamOptions{MaxLineLength: maxLine})
	seq := rand.New(rand.NewPCG(15, 16)) // the same sequence of lines
	cut := rand.New(rand.NewPCG(17, 18))

	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base, peak := ms.HeapInuse, ms.HeapInuse
	start := time.Now()

	var written, writes, nextSample int64
	var pending []byte // the bytes since the last cut
	for written < total {
		line := &pool[seq.IntN(len(pool))]
		pos := 0
		for _, v := range line.values {
			// Cut inside this value with probability 1/2^k for a random
			// k: write sizes vary from one byte to many lines.
			if cut.IntN(1<<cut.IntN(6)) != 0 {
				continue
			}
			at := v[0] + 1 + cut.IntN(v[1]-v[0]-1)
			pending = append(pending, line.raw[pos:at]...)
			pos = at
			if _, err := w.Write(pending); err != nil {
				t.Fatal(err)
			}
			written += int64(len(pending))
			writes++
			pending = pending[:0]
		}
		pending = append(pending, line.raw[pos:]...)
		pending = append(pending, '\n')
		if written >= nextSample {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			nextSample = written + 16<<20
		}
	}
	if _, err := w.Write(pending); err != nil {
		t.Fatal(err)
	}
	written += int64(len(pending))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if check.err != nil {
		t.Fatal(check.err)
	}
	if len(check.want) != 0 {
		t.Fatalf("output ended %d bytes short", len(check.want))
	}
	elapsed := time.Since(start)
	runtime.ReadMemStats(&ms)
	peak = max(peak, ms.HeapInuse)
	t.Logf("%d MiB in %d writes in %v (%.1f MB/s); HeapInuse %d MiB before, peak %d MiB",
		written>>20, writes, elapsed.Round(time.Millisecond), float64(written)/elapsed.Seconds()/1e6, base>>20, peak>>20)
	if growth := int64(peak) - int64(base); growth > 48<<20 {
		t.Errorf("heap grew by %d MiB while streaming", growth>>20)
	}
}

// streamChecker compares what is written to it with the lines next
// returns, each followed by '\n', and records the first difference.
type streamChecker struct {
	next func() []byte
	want []byte
	off  int64
	err  error
}

func (c *streamChecker) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 && c.err == nil {
		if len(c.want) == 0 {
			c.want = append(append(c.want[:0], c.next()...), '\n')
		}
		k := min(len(p), len(c.want))
		if !bytes.Equal(p[:k], c.want[:k]) {
			c.err = fmt.Errorf("output differs from line-by-line masking at byte %d", c.off+int64(firstDiff(string(p[:k]), string(c.want[:k]))))
		}
		p, c.want = p[k:], c.want[k:]
		c.off += int64(k)
	}
	return n, nil
}
