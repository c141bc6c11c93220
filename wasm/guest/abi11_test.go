package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/mask"
	"github.com/piiguard/piiguard/wasm/internal/abi"
)

// testKey is a fixed key for tests.
var testKey, _ = hex.DecodeString("8d3c1f0a9b2e47d6c5a1f3e8b7d2c4a6e9f1b3d5c7a9e2f4b6d8c1a3e5f7b9d2")

func compileKeyedString(t *testing.T, cfg string, key []byte) int32 {
	t.Helper()
	p := put(t, cfg)
	var kp uint32
	if len(key) > 0 {
		kp = put(t, string(key))
	}
	return compileWithKey(p, uint32(len(cfg)), kp, uint32(len(key)))
}

// callText calls an export on text and returns its code and result.
func callText(t *testing.T, fn func(int32, uint32, uint32) int32, h int32, text string) (int32, string) {
	t.Helper()
	var p uint32
	if text != "" {
		p = put(t, text)
	}
	code := fn(h, p, uint32(len(text)))
	return code, string(result)
}

// TestKeyedStyles: ABI 1.1 takes a key once, at compile time; hash and
// token then give what the native build gives, and unmask restores
// tokens.
func TestKeyedStyles(t *testing.T) {
	text := "mail jane@example.com ssn 536-22-1234"
	for _, style := range []string{"hash", "token"} {
		h := compileKeyedString(t, `{"style":"`+style+`"}`, testKey)
		if h <= 0 {
			t.Fatalf("%s: compile = %d: %s", style, h, errMsg)
		}
		code, got := callText(t, maskText, h, text)
		var m mask.Masker
		if style == "hash" {
			m, _ = mask.NewHash(testKey, mask.HashOptions{})
		} else {
			m, _ = mask.NewTokenizer(testKey)
		}
		native, _ := piiguard.NewScanner(piiguard.Config{Masker: m})
		if want := native.MaskString(text); code != abi.OK || got != want {
			t.Errorf("%s: mask = %d %q, want %q", style, code, got, want)
		}
		code, back := callText(t, unmask, h, got)
		if style == "token" && (code != abi.OK || back != text) {
			t.Errorf("unmask = %d %q (%s)", code, back, errMsg)
		}
	}
	// A policy's hash style with and without a key.
	pol := `{"policy":{"Name":"p","Version":"2021-06-01","Statement":[{"Sid":"a","DataIdentifier":["arn:aws:dataprotection::aws:data-identifier/EmailAddress"],"Operation":{"Audit":{"FindingsDestination":{}}}},{"Sid":"b","DataIdentifier":["arn:aws:dataprotection::aws:data-identifier/EmailAddress"],"Operation":{"Deidentify":{"MaskConfig":{}}}}],"PiiGuard":{"Mask":{"Style":"hash"}}}}`
	if h := compileKeyedString(t, pol, nil); h != abi.ErrUnsupported || !strings.Contains(string(errMsg), "piiguard_compile_keyed") {
		t.Errorf("hash policy without a key: %d %s", h, errMsg)
	}
	h := compileKeyedString(t, pol, testKey)
	if code, got := callText(t, maskText, h, text); code != abi.OK || !strings.Contains(got, "<hash:") {
		t.Errorf("hash policy with a key: %d %q (%s)", code, got, errMsg)
	}
}

// TestKeyNeverEchoed: errors about keys hold no key bytes.
func TestKeyNeverEchoed(t *testing.T) {
	short := []byte("0123456789abcdef-secret")
	weak := bytes.Repeat([]byte{7}, 32)
	for _, key := range [][]byte{short, weak} {
		h := compileKeyedString(t, `{"style":"token"}`, key)
		if h != abi.ErrKey || strings.Contains(string(errMsg), "secret") || bytes.Contains(errMsg, key[:8]) {
			t.Errorf("key %x: compile = %d %q", key[:4], h, errMsg)
		}
	}
	// A config error with a key: the message is about the config.
	if h := compileKeyedString(t, `{"style":"rot13"}`, testKey); h != abi.ErrConfig || bytes.Contains(errMsg, testKey[:4]) || strings.Contains(string(errMsg), hex.EncodeToString(testKey[:4])) {
		t.Errorf("bad style: %d %q", h, errMsg)
	}
	// Without a key, hash and token are UNSUPPORTED; unmask too.
	h := compileKeyedString(t, `{"style":"hash"}`, nil)
	if h != abi.ErrUnsupported {
		t.Errorf("hash without key: %d %s", h, errMsg)
	}
	h = compileKeyedString(t, `{}`, nil)
	if code, _ := callText(t, unmask, h, "x"); code != abi.ErrUnsupported {
		t.Errorf("unmask without key: %d", code)
	}
	// Token errors name the place, not the text.
	h = compileKeyedString(t, `{}`, testKey)
	if code, _ := callText(t, unmask, h, "a <pii:v1:EmailAddress:SECRETPAYLOADxx> b"); code != abi.ErrToken || strings.Contains(string(errMsg), "SECRET") || !strings.Contains(string(errMsg), "byte 2") {
		t.Errorf("bad token: %d %q", code, errMsg)
	}
}

// TestMaskJSONAndAudit: piiguard_mask_json and piiguard_audit give the
// native results.
func TestMaskJSONAndAudit(t *testing.T) {
	h := compileKeyedString(t, `{"resource_arn":"arn:aws:logs:us-east-1:1:log-group:g"}`, nil)
	native, _ := piiguard.NewScanner(piiguard.Config{ResourceArn: "arn:aws:logs:us-east-1:1:log-group:g"})
	event := `{"user":{"email":"jane@example.com","ssn":"536-22-1234"},"n":3}`
	code, got := callText(t, maskJSON, h, event)
	j, _ := mask.NewJSON(native, native.Masker(), mask.JSONOptions{})
	want, _ := j.Mask([]byte(event))
	if code != abi.OK || got != string(want) || !json.Valid([]byte(got)) {
		t.Errorf("mask_json = %d %q, want %q", code, got, want)
	}
	if code, _ := callText(t, maskJSON, h, `not json jane@example.com`); code != abi.ErrJSON || strings.Contains(string(errMsg), "jane") {
		t.Errorf("mask_json of text: %d %q", code, errMsg)
	}
	code, got = callText(t, auditEvent, h, "é jane@example.com")
	var r struct {
		ResourceArn     string `json:"resourceArn"`
		DataIdentifiers []struct {
			Name       string
			Detections []struct{ Start, End int }
		}
	}
	if err := json.Unmarshal([]byte(got), &r); code != abi.OK || err != nil || r.ResourceArn == "" || r.DataIdentifiers[0].Detections[0].Start != 2 {
		t.Errorf("audit = %d %q (%v)", code, got, err)
	}
	if code, got := callText(t, auditEvent, h, "nothing"); code != abi.OK || got != "" {
		t.Errorf("audit of nothing = %d %q", code, got)
	}
}

// TestMaskJSONScalars: a lone JSON string or number is one JSON value,
// masked as a member's value is (wasm/ABI.md §5.6); what is not one JSON
// value is INVALID_JSON, with an offset and no bytes of the text.
func TestMaskJSONScalars(t *testing.T) {
	h := compile(0, 0)
	if h <= 0 {
		t.Fatalf("compile = %d: %s", h, errMsg)
	}
	defer closeHandle(h)
	for _, tc := range []struct{ in, want string }{
		{`"jane@example.com"`, `"****************"`},
		{` "card 4929 3812 6548 1006" `, ` "card *******************" `},
		{`null`, `null`},
		{`4929381265481006`, `4929381265481006`},
	} {
		if c, got := callText(t, maskJSON, h, tc.in); c != 0 || got != tc.want {
			t.Errorf("mask_json(%s) = %d %q, want %q", tc.in, c, got, tc.want)
		}
	}
	for _, in := range []string{`jane@example.com`, `"jane@example.com" 536-22-1234`, `{"ssn":"536-22-1234"`} {
		c, _ := callText(t, maskJSON, h, in)
		if msg := string(errMsg); c != abi.ErrJSON || !strings.Contains(msg, "at byte") || strings.Contains(msg, "536") || strings.Contains(msg, "jane") {
			t.Errorf("mask_json(%s) = %d %q", in, c, msg)
		}
	}
}

// TestCompileKeyedEmptyConfig: an empty configuration (length 0, or white
// space) is {} with a key as without one (it was INVALID_CONFIG, "config:
// EOF", with a key), and an unusable key is still INVALID_KEY.
func TestCompileKeyedEmptyConfig(t *testing.T) {
	key := make([]byte, 32)
	for i := range key {
		key[i] = byte(i*7 + 3)
	}
	kp := putBytes(t, key)
	defer free(kp)
	for _, cfg := range []string{"", "  \n", "{}"} {
		p := uint32(0)
		if cfg != "" {
			p = put(t, cfg)
		}
		h := compileWithKey(p, uint32(len(cfg)), kp, 32)
		if h <= 0 {
			t.Errorf("compile_keyed(%q) = %d: %s", cfg, h, errMsg)
			continue
		}
		closeHandle(h)
		if c := compileWithKey(p, uint32(len(cfg)), kp, 31); c != abi.ErrKey {
			t.Errorf("compile_keyed(%q) with 31 bytes of key = %d: %s", cfg, c, errMsg)
		}
	}
}
