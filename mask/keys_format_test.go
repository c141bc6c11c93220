package mask_test

import (
	"bytes"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/mask"
)

// TestKeyFileHexWrappedByXxd is issue 12 item 11: hex wrapped at 60
// columns (xxd -p) was decoded as base64, giving another key.
func TestKeyFileHexWrappedByXxd(t *testing.T) {
	key := bytes.Repeat(rawKey, 2) // 64 bytes: 128 hex digits, three lines
	h := hex.EncodeToString(key)
	var wrapped strings.Builder
	for len(h) > 60 {
		wrapped.WriteString(h[:60] + "\n")
		h = h[60:]
	}
	wrapped.WriteString(h + "\n")
	for _, content := range []string{wrapped.String(), strings.ReplaceAll(wrapped.String(), "\n", "\r\n"), strings.ReplaceAll(wrapped.String(), "\n", " ")} {
		got, err := mask.LoadKey(writeKeyFile(t, []byte(content)))
		if err != nil || !bytes.Equal(got, key) {
			t.Errorf("wrapped hex %q...: LoadKey = %x, %v; want %x", content[:8], got, err, key)
		}
	}
}

// TestKeyFileAmbiguousText is issue 12 item 11: 65 hex digits were taken
// as 65 raw bytes; text that is neither hex nor base64 is an error, and
// the error never holds the content.
func TestKeyFileAmbiguousText(t *testing.T) {
	odd := hex.EncodeToString(rawKey) + "a"
	tests := []struct{ name, content, want string }{
		{"65 hex digits", odd + "\n", "odd number"},
		{"base64 alphabet, not base64", strings.Repeat("QUJD", 11) + "Q", "not valid base64"},
		{"passphrase", "correct horse battery staple, a long passphrase\n", "neither hex nor base64"},
	}
	for _, tt := range tests {
		key, err := mask.LoadKey(writeKeyFile(t, []byte(tt.content)))
		if key != nil || !errors.Is(err, mask.ErrKeyFile) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: LoadKey = %x, %v; want an error saying %q", tt.name, key, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), strings.TrimSpace(tt.content)[:12]) {
			t.Errorf("%s: error echoes the content: %v", tt.name, err)
		}
	}
}
