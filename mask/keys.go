package mask

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
)

// Key sizes.
const (
	// MinHashKeyLength is the shortest key NewHash accepts, in bytes.
	MinHashKeyLength = 16
	// MinTokenKeyLength is the shortest key NewTokenizer accepts, in
	// bytes, and the least key material LoadKey accepts.
	MinTokenKeyLength = 32
	// maxKeyFileSize bounds what LoadKey reads.
	maxKeyFileSize = 64 << 10
)

// Key errors, wrapped with details that never include key bytes; test with
// errors.Is.
var (
	// ErrShortKey: the key has fewer bytes than the masker needs.
	ErrShortKey = errors.New("key is too short")
	// ErrWeakKey: the key is one byte repeated (an all-zero buffer, say),
	// which is a mistake, not a key.
	ErrWeakKey = errors.New("key is a single repeated byte")
	// ErrKeyFile: the key file could not be read or holds no usable key.
	ErrKeyFile = errors.New("unusable key file")
)

// checkKey rejects keys shorter than min bytes and keys made of one
// repeated byte. what names the key in the error.
func checkKey(what string, key []byte, min int) error {
	if len(key) < min {
		return fmt.Errorf("mask: %s is %d bytes, need at least %d: %w", what, len(key), min, ErrShortKey)
	}
	if bytes.Count(key, key[:1]) == len(key) {
		return fmt.Errorf("mask: %s: %w", what, ErrWeakKey)
	}
	return nil
}

// LoadKey reads a key from the file at path. Keys come from files (or
// KeyFromEnv, which names a file), never from command-line flag values,
// which other users can see in the process list and shell history.
//
// File format: the file is read as one of three forms, told apart
// without ambiguity:
//
//   - hex: the file's content, ASCII whitespace (space, tab, CR, LF)
//     anywhere removed, is an even number of hex digits (either case),
//     such as the output of `openssl rand -hex 32` or of `xxd -p`, which
//     wraps lines; an odd number of hex digits is an error;
//   - base64: otherwise, whitespace removed, it is base64 in the standard
//     or the URL-safe alphabet, padded or not, such as the output of
//     `openssl rand -base64 32`; text in that alphabet that does not
//     decode is an error;
//   - raw: otherwise, when the file holds a byte that is neither printable
//     ASCII nor whitespace, the file's bytes, exactly as stored
//     (untrimmed), are the key, such as `head -c 32 /dev/urandom > key`.
//
// Any other text (a passphrase, say) is an error: text keys are hex or
// base64.
//
// The key must hold at least MinTokenKeyLength (32) bytes of key material
// after decoding, enough for every keyed masker here, and must not be one
// repeated byte. The file may be at most 64 KiB. Errors name the path but
// never contain the file's content.
//
// Keep key files readable only by the service that masks or unmasks
// (mode 0400 or 0600).
func LoadKey(path string) ([]byte, error) {
	key, err := readKeyFile(path)
	if err != nil {
		return nil, fmt.Errorf("mask: key file %q: %w", path, err)
	}
	return key, nil
}

// KeyFromEnv reads the key from the file whose path is in the environment
// variable name, as LoadKey does; the variable holds a path, not a key.
// Errors name the variable but not its value, in case a key was put there
// by mistake.
func KeyFromEnv(name string) ([]byte, error) {
	path, ok := os.LookupEnv(name)
	if !ok || path == "" {
		return nil, fmt.Errorf("mask: environment variable %s is not set; it should hold the path of a key file: %w", name, ErrKeyFile)
	}
	key, err := readKeyFile(path)
	if err != nil {
		return nil, fmt.Errorf("mask: key file named by environment variable %s: %w", name, err)
	}
	return key, nil
}

// readKeyFile reads and decodes a key file. Its errors mention neither the
// path nor the content.
func readKeyFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: cannot open: %w", ErrKeyFile, pathless(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxKeyFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%w: cannot read: %w", ErrKeyFile, pathless(err))
	}
	if len(data) > maxKeyFileSize {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrKeyFile, maxKeyFileSize)
	}
	key, err := decodeKey(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKeyFile, err)
	}
	if err := checkKey("key", key, MinTokenKeyLength); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrKeyFile, err)
	}
	return key, nil
}

// pathless strips the path that os errors carry.
func pathless(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// decodeKey applies LoadKey's format rules. Its errors never hold the
// content.
func decodeKey(data []byte) ([]byte, error) {
	text := make([]byte, 0, len(data))
	for _, c := range data {
		if !isSpace(c) {
			text = append(text, c)
		}
	}
	switch {
	case len(text) == 0:
		return bytes.Clone(data), nil // too short: checkKey says so
	case allBytes(text, isHexDigit):
		if len(text)%2 != 0 {
			return nil, fmt.Errorf("holds %d hex digits, an odd number: a hex key has two digits per byte", len(text))
		}
		key := make([]byte, len(text)/2)
		_, err := hex.Decode(key, text)
		return key, err // only hex digits: cannot fail
	case allBytes(text, isBase64Byte):
		for _, enc := range []*base64.Encoding{
			base64.StdEncoding, base64.URLEncoding,
			base64.RawStdEncoding, base64.RawURLEncoding,
		} {
			enc = enc.Strict()
			key := make([]byte, enc.DecodedLen(len(text)))
			if n, err := enc.Decode(key, text); err == nil {
				return key[:n], nil
			}
		}
		return nil, errors.New("is text in the base64 alphabet but not valid base64 (nor hex)")
	case allBytes(data, func(c byte) bool { return c >= ' ' && c < 0x7f || isSpace(c) }):
		return nil, errors.New("is text but neither hex nor base64; write the key as hex (openssl rand -hex 32) or base64")
	}
	return bytes.Clone(data), nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func allBytes(b []byte, ok func(byte) bool) bool {
	for _, c := range b {
		if !ok(c) {
			return false
		}
	}
	return true
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func isBase64Byte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ||
		c == '+' || c == '/' || c == '-' || c == '_' || c == '='
}
