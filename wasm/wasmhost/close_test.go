package wasmhost

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/piiguard/piiguard/mask"
	"github.com/piiguard/piiguard/wasm/internal/keyed"
)

// TestCloseDuringKeyedCalls: Close while calls of a keyed Scanner are
// compiling new instances neither races with them (go test -race) nor
// lets a call compile an instance with a key Close has cleared: every
// masked text a call returns unmasks with the Scanner's key.
func TestCloseDuringKeyedCalls(t *testing.T) {
	ctx := context.Background()
	m, err := Load(ctx, modulePath(t), Options{MaxInstances: 6})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close(ctx)
	key, err := hex.DecodeString(keyed.TestKeyHex)
	if err != nil {
		t.Fatal(err)
	}
	tk, err := mask.NewTokenizer(key)
	if err != nil {
		t.Fatal(err)
	}
	const text = "user jane@example.com"
	for round := range 12 {
		s, err := m.Compile(ctx, Config{Identifiers: []string{"EmailAddress"}, Style: "token", Key: key})
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		start := make(chan struct{})
		for range 6 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				out, err := s.MaskString(ctx, text)
				if err != nil {
					if !errors.Is(err, ErrClosed) {
						t.Errorf("round %d: Mask: %v", round, err)
					}
					return
				}
				if back, err := tk.Unmask([]byte(out)); err != nil || string(back) != text {
					t.Errorf("round %d: a call after Close masked with another key: %q does not unmask (%v)", round, out, err)
				}
			}()
		}
		close(start)
		// Close while the calls compile their instances (a compile takes
		// tens of milliseconds), at different points.
		time.Sleep(time.Duration(round) * time.Millisecond)
		s.Close()
		wg.Wait()
	}
}

// TestConcurrentFewInstances: many goroutines share a keyed Scanner whose
// pool holds one or two instances, mixing every call; each gets what the
// native build gives (go test -race checks the pool).
func TestConcurrentFewInstances(t *testing.T) {
	ctx := context.Background()
	lines := syntheticCorpus(7, 60)
	for _, max := range []int{1, 2} {
		m, err := Load(ctx, modulePath(t), Options{MaxInstances: max})
		if err != nil {
			t.Fatal(err)
		}
		p := newPairOn(t, m, Config{Identifiers: []string{"EmailAddress", "Ssn-US", "CreditCardNumber", "IpAddress"}, Style: "token", Key: testKey})
		var wg sync.WaitGroup
		for g := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := g; i < len(lines); i += 4 {
					text := []byte(lines[i])
					want := p.native.AppendMask(nil, text)
					var got []byte
					var err error
					switch (g + i) % 4 {
					case 0:
						got, err = p.wasm.Mask(ctx, text)
					case 1:
						var out [][]byte
						if out, err = p.wasm.MaskBatch(ctx, [][]byte{text, text}); err == nil {
							got = out[1]
						}
					case 2:
						var u []byte
						if u, err = p.wasm.Unmask(ctx, want); err == nil && string(u) != string(text) {
							t.Errorf("max %d: unmask(%q) = %q", max, want, u)
						}
						got = want
					case 3:
						var f []Finding
						if f, err = p.wasm.Scan(ctx, text); err == nil {
							if d := diffFindings(p.nativeFindings(text), f); d != "" {
								t.Errorf("max %d: %s", max, d)
							}
						}
						got = want
					}
					if err != nil {
						t.Errorf("max %d: %v", max, err)
						return
					}
					if string(got) != string(want) {
						t.Errorf("max %d: %s", max, diffText(want, got))
					}
				}
			}()
		}
		wg.Wait()
		p.wasm.Close()
		m.Close(ctx)
	}
}

// TestLargeCallDoesNotPinMemory: an instance whose memory a large call
// grew past maxIdleMemory (linear memory never shrinks) is discarded
// after the call rather than kept in the pool, so that the pool's memory
// goes back to its usual size; the next call gets a fresh instance with
// the same results.
func TestLargeCallDoesNotPinMemory(t *testing.T) {
	ctx := context.Background()
	p := newPair(t, Config{Identifiers: []string{"EmailAddress"}})
	line := []byte("user jane@example.com ok\n")
	text := bytes.Repeat(line, (16<<20)/len(line))
	got, err := p.wasm.Mask(ctx, text)
	if err != nil {
		t.Fatal(err)
	}
	if want := p.native.AppendMask(nil, text); !bytes.Equal(got, want) {
		t.Fatalf("large mask: %s", diffText(want, got))
	}
	idle := func() (n int, largest uint32) {
		p.wasm.mu.Lock()
		defer p.wasm.mu.Unlock()
		for _, sl := range p.wasm.idle {
			largest = max(largest, sl.in.mem.Size())
		}
		return len(p.wasm.idle), largest
	}
	if n, largest := idle(); largest > maxIdleMemory {
		t.Errorf("after a mask of 16 MiB, %d idle instances, the largest with %d MiB of memory", n, largest>>20)
	}
	p.check(t, "after", line)
	if n, _ := idle(); n != 1 {
		t.Errorf("%d idle instances after a small call, want 1", n)
	}
}

// TestModuleCloseDuringCalls: Module.Close while Scanners' calls run waits
// for them (it freed their memory under them: a data race in wazero, and
// a call's memory could be replaced by zeros mid-call); calls after it
// fail with ErrClosed.
func TestModuleCloseDuringCalls(t *testing.T) {
	ctx := context.Background()
	m, err := Load(ctx, modulePath(t), Options{MaxInstances: 3})
	if err != nil {
		t.Fatal(err)
	}
	s, err := m.Compile(ctx, Config{Identifiers: []string{"EmailAddress"}})
	if err != nil {
		t.Fatal(err)
	}
	const text, want = "a jane@example.com", "a ****************"
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for range 20 {
				out, err := s.MaskString(ctx, text)
				if err != nil {
					if !errors.Is(err, ErrClosed) {
						t.Errorf("Mask during Close: %v", err)
					}
					return
				}
				if out != want {
					t.Errorf("Mask during Close = %q", out)
				}
			}
		}()
	}
	close(start)
	time.Sleep(5 * time.Millisecond)
	if err := m.Close(ctx); err != nil {
		t.Error(err)
	}
	wg.Wait()
	if _, err := s.MaskString(ctx, text); !errors.Is(err, ErrClosed) {
		t.Errorf("Mask after Close: %v", err)
	}
	if _, err := m.Compile(ctx, Config{}); !errors.Is(err, ErrClosed) {
		t.Errorf("Compile after Close: %v", err)
	}
}
