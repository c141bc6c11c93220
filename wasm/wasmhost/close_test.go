package wasmhost

import (
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
