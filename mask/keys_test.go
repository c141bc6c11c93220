package mask_test

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/mask"
)

// rawKey is 32 bytes of binary key material (not valid hex or base64
// text).
var rawKey = func() []byte {
	k := make([]byte, 32)
	for i := range k {
		k[i] = byte(i*37 + 128)
	}
	return k
}()

func writeKeyFile(t *testing.T, content []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadKeyFormats(t *testing.T) {
	b64 := base64.StdEncoding.EncodeToString(rawKey)
	long := append(bytes.Clone(rawKey), rawKey[:16]...) // 48 bytes
	longB64 := base64.StdEncoding.EncodeToString(append(long, long...))
	tests := []struct {
		name    string
		content []byte
		want    []byte
	}{
		{"hex", []byte(hex.EncodeToString(rawKey)), rawKey},
		{"hex uppercase with newline", []byte(strings.ToUpper(hex.EncodeToString(rawKey)) + "\n"), rawKey},
		{"hex with spaces around", []byte("  \t" + hex.EncodeToString(rawKey) + "\r\n"), rawKey},
		{"base64 std", []byte(b64 + "\n"), rawKey},
		{"base64 url raw", []byte(base64.RawURLEncoding.EncodeToString(rawKey)), rawKey},
		{"base64 url padded", []byte(base64.URLEncoding.EncodeToString(long)), long},
		{"base64 std raw", []byte(base64.RawStdEncoding.EncodeToString(long)), long},
		{"base64 wrapped at 64 columns", []byte(longB64[:64] + "\n" + longB64[64:] + "\n"), append(long, long...)},
		{"raw binary", rawKey, rawKey},
		{"raw binary with trailing newline kept", append(bytes.Clone(rawKey), '\n'), append(bytes.Clone(rawKey), '\n')},
	}
	for _, tt := range tests {
		got, err := mask.LoadKey(writeKeyFile(t, tt.content))
		if err != nil || !bytes.Equal(got, tt.want) {
			t.Errorf("%s: LoadKey = %x, %v; want %x", tt.name, got, err, tt.want)
		}
	}
}

func TestLoadKeyErrors(t *testing.T) {
	short := hex.EncodeToString(rawKey[:31])
	tests := []struct {
		name    string
		content []byte
		is      error
	}{
		{"empty", nil, mask.ErrShortKey},
		{"31 bytes hex", []byte(short), mask.ErrShortKey},
		{"31 bytes raw", rawKey[:31], mask.ErrShortKey},
		{"24 bytes base64", []byte(base64.StdEncoding.EncodeToString(rawKey[:24])), mask.ErrShortKey},
		{"all zero hex", []byte(strings.Repeat("00", 32)), mask.ErrWeakKey},
		{"all zero raw", make([]byte, 64), mask.ErrWeakKey},
		{"too large", bytes.Repeat(rawKey, 3000), mask.ErrKeyFile},
	}
	for _, tt := range tests {
		path := writeKeyFile(t, tt.content)
		key, err := mask.LoadKey(path)
		if key != nil || !errors.Is(err, tt.is) || !errors.Is(err, mask.ErrKeyFile) {
			t.Errorf("%s: LoadKey = %x, %v; want %v", tt.name, key, err, tt.is)
			continue
		}
		if len(tt.content) > 0 && strings.Contains(err.Error(), string(tt.content[:min(len(tt.content), 16)])) {
			t.Errorf("%s: error echoes the file's content: %v", tt.name, err)
		}
		if !strings.Contains(err.Error(), path) {
			t.Errorf("%s: error does not name the path: %v", tt.name, err)
		}
	}
	_, err := mask.LoadKey(filepath.Join(t.TempDir(), "missing"))
	if !errors.Is(err, os.ErrNotExist) || !errors.Is(err, mask.ErrKeyFile) {
		t.Errorf("missing file: %v", err)
	}
	_, err = mask.LoadKey(t.TempDir())
	if err == nil {
		t.Error("directory accepted as key file")
	}
}

func TestKeyFromEnv(t *testing.T) {
	path := writeKeyFile(t, []byte(hex.EncodeToString(rawKey)+"\n"))
	t.Setenv("PIIGUARD_TEST_KEY_FILE", path)
	key, err := mask.KeyFromEnv("PIIGUARD_TEST_KEY_FILE")
	if err != nil || !bytes.Equal(key, rawKey) {
		t.Fatalf("KeyFromEnv = %x, %v", key, err)
	}

	t.Setenv("PIIGUARD_TEST_KEY_EMPTY", "")
	for _, name := range []string{"PIIGUARD_TEST_KEY_EMPTY", "PIIGUARD_TEST_KEY_UNSET_1f0e"} {
		if _, err := mask.KeyFromEnv(name); !errors.Is(err, mask.ErrKeyFile) || !strings.Contains(err.Error(), name) {
			t.Errorf("KeyFromEnv(%s) = %v; want ErrKeyFile naming the variable", name, err)
		}
	}

	// A key put in the variable by mistake is not echoed.
	mistake := hex.EncodeToString(rawKey)
	t.Setenv("PIIGUARD_TEST_KEY_MISTAKE", mistake)
	_, err = mask.KeyFromEnv("PIIGUARD_TEST_KEY_MISTAKE")
	if !errors.Is(err, os.ErrNotExist) || strings.Contains(err.Error(), mistake[:16]) {
		t.Errorf("KeyFromEnv with a key in the variable: %v", err)
	}

	// A short key file: the error names the variable, not the path or key.
	short := writeKeyFile(t, []byte("0123456789abcdef"))
	t.Setenv("PIIGUARD_TEST_KEY_SHORT", short)
	_, err = mask.KeyFromEnv("PIIGUARD_TEST_KEY_SHORT")
	if !errors.Is(err, mask.ErrShortKey) || strings.Contains(err.Error(), "0123456789abcdef") {
		t.Errorf("short key file: %v", err)
	}
}

func TestLoadedKeyWorksForEveryKeyedMasker(t *testing.T) {
	key, err := mask.LoadKey(writeKeyFile(t, []byte(base64.StdEncoding.EncodeToString(rawKey))))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := mask.NewHash(key, mask.HashOptions{}); err != nil {
		t.Error(err)
	}
	if _, err := mask.NewTokenizer(key); err != nil {
		t.Error(err)
	}
}
