package piiguard

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/piiguard/piiguard/internal/keyblock"
	"github.com/piiguard/piiguard/mask"
)

// TestOffsetIn: a batch keeps a segment's text as offsets into its data
// only when the text is a slice of the data's bytes.
func TestOffsetIn(t *testing.T) {
	data := []byte("first line\nsecond line\n")
	other := []byte("first line\nsecond line\n")
	for _, tc := range []struct {
		name string
		sub  []byte
		want int
	}{
		{"whole", data, 0},
		{"first line", data[:10], 0},
		{"second line", data[11:22], 11},
		{"last byte", data[len(data)-1:], len(data) - 1},
		{"empty", data[3:3], -1},
		{"equal bytes elsewhere", other[11:22], -1},
		{"longer than data", append(data[:len(data):len(data)], 'x'), -1},
		{"past the end in the capacity", data[:len(data)-1][5:], 5},
	} {
		if got := offsetIn(data, tc.sub); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
		}
	}
	// Beyond data's length, within its capacity: not data.
	buf := make([]byte, 10, 20)
	if got := offsetIn(buf, buf[8:12]); got != -1 {
		t.Errorf("past data's length: %d, want -1", got)
	}
}

// countingLines is an endless source of log lines that counts the bytes
// read from it.
type countingLines struct{ n atomic.Int64 }

func (c *countingLines) Read(p []byte) (int, error) {
	const line = "2026-12-05 07:30:00 INFO worker 7 finished job 1234 in 15 ms\n"
	n := 0
	for n < len(p) {
		n += copy(p[n:], line[(c.n.Load()+int64(n))%int64(len(line)):])
	}
	c.n.Add(int64(n))
	return n, nil
}

// TestMaskLinesReadAheadBounded: while the oldest batch cannot be written
// (its Segment call blocks), MaskLines reads at most about
// linesAhead×Workers+2 batches ahead, as its documentation says, and then
// stops reading.
func TestMaskLinesReadAheadBounded(t *testing.T) {
	s, err := NewScanner(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{2, 4} {
		src := &countingLines{}
		release := make(chan struct{})
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			done <- s.MaskLines(ctx, io.Discard, src, LinesOptions{
				Workers: workers,
				Segment: func(*mask.Segment) error { <-release; return nil },
			})
		}()
		// Wait until the reader has stopped (nothing read for 200 ms), or
		// 10 s.
		last, still := int64(-1), 0
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline) && still < 4; {
			time.Sleep(50 * time.Millisecond)
			if n := src.n.Load(); n == last {
				still++
			} else {
				last, still = n, 0
			}
		}
		limit := int64((linesAhead*workers+3)*linesBatchSize + linesReadSize)
		if n := src.n.Load(); n > limit || still < 4 {
			t.Errorf("%d workers: read %d bytes while the first batch waited (still reading: %v); want at most %d", workers, n, still < 4, limit)
		}
		cancel()
		close(release)
		if err := <-done; err != context.Canceled {
			t.Errorf("%d workers: MaskLines returned %v after its context was cancelled; want context.Canceled", workers, err)
		}
	}
}

// TestOpenBlockStartMayOpen: the reader's search of a batch, which its
// worker's stream trusts (LinesOptions' workers do not search a batch for
// key openers again): not found only when no armour line is in the data.
func TestOpenBlockStartMayOpen(t *testing.T) {
	const key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi\n"
	r := &lineRun{maxLine: mask.DefaultMaxLineLength}
	for _, tc := range []struct {
		name    string
		data    string
		at      int
		mayOpen bool
	}{
		{"no armour", "mail a@example.com\nok\n", -1, false},
		{"armour words without dashes", "BEGIN RSA PRIVATE KEY\n", -1, false},
		{"closed key", "a\n" + key + "-----END RSA PRIVATE KEY-----\nb\n", -1, true},
		{"open key", "a\n" + key, 2, true},
		{"certificate", "-----BEGIN CERTIFICATE-----\nMIIB\n", -1, true},
		{"PuTTY key open", "x\nPuTTY-User-Key-File-3: ssh-ed25519\nAAAA\n", 2, true},
	} {
		at, mayOpen := r.openBlockStart([]byte(tc.data))
		if at != tc.at || mayOpen != tc.mayOpen {
			t.Errorf("%s: openBlockStart = %d, %v; want %d, %v", tc.name, at, mayOpen, tc.at, tc.mayOpen)
		}
		if mayOpen != keyblock.MayOpen([]byte(tc.data)) {
			t.Errorf("%s: mayOpen %v is not keyblock.MayOpen", tc.name, mayOpen)
		}
	}
}

// TestWriteSearchedSameAsWrite: keyblock.WriteSearched, with which
// MaskLines' workers write a batch the reader has searched, writes what
// mask.Writer's Write does, whether it is told what the search found or
// told nothing (true).
func TestWriteSearchedSameAsWrite(t *testing.T) {
	s, err := NewScanner(Config{})
	if err != nil {
		t.Fatal(err)
	}
	if keyblock.WriteSearched == nil {
		t.Fatal("package mask did not set keyblock.WriteSearched")
	}
	const body = "MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi"
	for _, in := range []string{
		"mail a@example.com\nssn 536-22-1234\nno newline at the end",
		"a\n-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----\nmail a@example.com\n",
		"a\n-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n", // held to the end
		"PuTTY-User-Key-File-3: ssh-ed25519\n" + body + "\nPrivate-MAC: ab12\n",
	} {
		run := func(write func(st *mask.Writer, p []byte)) string {
			var out strings.Builder
			var segs []string
			st := mask.NewWriter(&out, s, nil, mask.StreamOptions{Segment: func(sg *mask.Segment) {
				segs = append(segs, fmt.Sprintf("%d:%d:%q:%v", sg.Line, sg.Offset, sg.Text, sg.Findings))
			}})
			write(st, []byte(in))
			if err := st.Close(); err != nil {
				t.Fatal(err)
			}
			return out.String() + "\n" + strings.Join(segs, "\n")
		}
		want := run(func(st *mask.Writer, p []byte) { st.Write(p) })
		for _, mayOpen := range []bool{keyblock.MayOpen([]byte(in)), true} {
			got := run(func(st *mask.Writer, p []byte) { keyblock.WriteSearched(st, p, mayOpen) })
			if got != want {
				t.Errorf("WriteSearched(mayOpen %v) of %q:\n%s\nwant (Write)\n%s", mayOpen, in, got, want)
			}
		}
	}
}
