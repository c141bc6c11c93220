package mask_test

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/piiguard/piiguard/mask"
)

// testKey is 32 bytes of test key material.
var testKey = []byte("piiguard test key 0123456789abcd")

func testHash(t testing.TB, opts mask.HashOptions) *mask.Hash {
	t.Helper()
	h, err := mask.NewHash(testKey, opts)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

var hashFormat = regexp.MustCompile(`^<hash:[A-Za-z0-9_-]{1,128}:[a-kowxyz]+>$`)

// TestHashKnownAnswers pins the documented construction
// HMAC-SHA256(HKDF-SHA256(key, info), uint32_be(len(id)) || id || value),
// truncated and written with the digits "abcdefghijkowxyz"; the values
// were computed independently (Python's hmac module and the cryptography
// package's HKDF).
func TestHashKnownAnswers(t *testing.T) {
	key := []byte("example key: 32+ bytes, not real")
	h, err := mask.NewHash(key, mask.HashOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ id, value, want string }{
		{"Ssn-US", "123-45-6789", "<hash:Ssn-US:bidybedxhceybewe>"},
		{"CreditCardNumber", "4111 1111 1111 1234", "<hash:CreditCardNumber:wgkzgcfddjjkhaei>"},
	}
	for _, tt := range tests {
		if got := h.HashString(tt.id, tt.value); got != tt.want {
			t.Errorf("HashString(%q, %q) = %q, want %q", tt.id, tt.value, got, tt.want)
		}
	}
}

func TestHashFormatAndLength(t *testing.T) {
	tests := []struct {
		opts  mask.HashOptions
		id    string
		hexes int
	}{
		{mask.HashOptions{}, "Ssn-US", mask.DefaultHashLength},
		{mask.HashOptions{Length: 8}, "EmailAddress", 8},
		{mask.HashOptions{Length: 13}, "X", 13},
		{mask.HashOptions{Length: 64}, "Name", 64},
		{mask.HashOptions{}, "bad id: \"x\"\n", mask.DefaultHashLength},
		{mask.HashOptions{}, "", mask.DefaultHashLength},
	}
	for _, tt := range tests {
		got := testHash(t, tt.opts).HashString(tt.id, "jane@example.com")
		if !hashFormat.MatchString(got) {
			t.Errorf("hash %q does not match %v", got, hashFormat)
		}
		wantPrefix := "<hash:" + mask.SafeIdentifier(tt.id) + ":"
		if !strings.HasPrefix(got, wantPrefix) || len(got) != len(wantPrefix)+tt.hexes+1 {
			t.Errorf("hash %q: want prefix %q and %d hex characters", got, wantPrefix, tt.hexes)
		}
	}
}

func TestHashDeterministicAndKeyed(t *testing.T) {
	h1 := testHash(t, mask.HashOptions{})
	h1again := testHash(t, mask.HashOptions{})
	otherKey := bytes.Clone(testKey)
	otherKey[0] ^= 1
	h2, err := mask.NewHash(otherKey, mask.HashOptions{})
	if err != nil {
		t.Fatal(err)
	}
	values := []string{"", "a", "123-45-6789", "123456789", "jane@example.com", "日本語"}
	seen := map[string]string{}
	for _, v := range values {
		a, b, c := h1.HashString("Ssn-US", v), h1again.HashString("Ssn-US", v), h2.HashString("Ssn-US", v)
		if a != b {
			t.Errorf("same key, same value %q: %q != %q", v, a, b)
		}
		if a != h1.HashString("Ssn-US", v) {
			t.Errorf("same Hash, same value %q: output changed", v)
		}
		if a == c {
			t.Errorf("different keys gave the same hash %q for %q", a, v)
		}
		if prev, ok := seen[a]; ok {
			t.Errorf("values %q and %q collide: %q", prev, v, a)
		}
		seen[a] = v
	}
	// The identifier is bound: one value, two identifiers, two hashes.
	a, b := h1.HashString("Ssn-US", "123456789"), h1.HashString("BankAccountNumber-US", "123456789")
	if a[strings.LastIndexByte(a, ':'):] == b[strings.LastIndexByte(b, ':'):] {
		t.Errorf("identifier not bound: %q and %q", a, b)
	}
	// A key longer than the minimum is used whole.
	long := append(bytes.Clone(testKey), testKey...)
	hl, err := mask.NewHash(long, mask.HashOptions{})
	if err != nil {
		t.Fatal(err)
	}
	long[len(long)-1] ^= 1
	hl2, err := mask.NewHash(long, mask.HashOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if hl.HashString("X", "v") == hl2.HashString("X", "v") {
		t.Error("last key byte not used")
	}
}

func TestHashKeyCopied(t *testing.T) {
	key := bytes.Clone(testKey)
	h, err := mask.NewHash(key, mask.HashOptions{})
	if err != nil {
		t.Fatal(err)
	}
	before := h.HashString("X", "value")
	clear(key)
	if after := h.HashString("X", "value"); after != before {
		t.Error("NewHash did not copy the key")
	}
}

func TestNewHashErrors(t *testing.T) {
	tests := []struct {
		key  []byte
		opts mask.HashOptions
		is   error
	}{
		{nil, mask.HashOptions{}, mask.ErrShortKey},
		{[]byte("fifteen bytes!!"), mask.HashOptions{}, mask.ErrShortKey},
		{make([]byte, 32), mask.HashOptions{}, mask.ErrWeakKey},
		{bytes.Repeat([]byte{0xA5}, 16), mask.HashOptions{}, mask.ErrWeakKey},
		{testKey, mask.HashOptions{Length: 7}, nil},
		{testKey, mask.HashOptions{Length: 65}, nil},
		{testKey, mask.HashOptions{Length: -1}, nil},
	}
	for _, tt := range tests {
		h, err := mask.NewHash(tt.key, tt.opts)
		if err == nil || h != nil {
			t.Errorf("NewHash(%d-byte key) = %v, %v; want an error", len(tt.key), h, err)
			continue
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("NewHash(%d-byte key): %v, want %v", len(tt.key), err, tt.is)
		}
		if len(tt.key) > 0 && strings.Contains(err.Error(), string(tt.key)) {
			t.Errorf("error echoes the key: %v", err)
		}
	}
	// Exactly the minimum is accepted.
	if _, err := mask.NewHash([]byte("sixteen bytes!!!"), mask.HashOptions{}); err != nil {
		t.Errorf("16-byte key rejected: %v", err)
	}
}

func TestHashConcurrent(t *testing.T) {
	h := testHash(t, mask.HashOptions{})
	want := h.HashString("Ssn-US", "123-45-6789")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				if got := h.HashString("Ssn-US", "123-45-6789"); got != want {
					t.Errorf("concurrent hash %q != %q", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}
