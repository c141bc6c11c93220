package wasmhost

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
)

// TestABI11 exercises what ABI 1.1 adds through the Go host: a key given
// once (never in errors), hash and token styles, Unmask, MaskJSON and
// Audit, and their error codes.
func TestABI11(t *testing.T) {
	ctx := context.Background()
	m := loadModule(t)
	if _, minor := m.ABIVersion(); minor < 1 {
		t.Fatalf("module ABI 1.%d", minor)
	}
	code := func(err error) int32 {
		var e *Error
		if errors.As(err, &e) {
			return e.Code
		}
		return 0
	}
	text := []byte("mail jane@example.com ssn 536-22-1234")
	tok, err := m.Compile(ctx, Config{Style: "token", Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	defer tok.Close()
	masked, err := tok.Mask(ctx, text)
	if err != nil || bytes.Contains(masked, []byte("jane")) {
		t.Fatalf("token mask: %q, %v", masked, err)
	}
	if back, err := tok.Unmask(ctx, masked); err != nil || !bytes.Equal(back, text) {
		t.Errorf("unmask: %q, %v", back, err)
	}
	_, err = tok.Unmask(ctx, []byte("a <pii:v1:EmailAddress:SECRETPAYLOAD> b"))
	if code(err) != CodeToken || strings.Contains(err.Error(), "SECRET") || !strings.Contains(err.Error(), "byte 2") {
		t.Errorf("bad token: %v", err)
	}

	// Keys never appear in errors, whatever fails.
	weak := bytes.Repeat([]byte{0x5a}, 40)
	for _, c := range []struct {
		cfg  Config
		want int32
	}{
		{Config{Style: "token", Key: weak}, CodeKey},
		{Config{Style: "token", Key: testKey[:20]}, CodeKey},
		{Config{Style: "rot13", Key: testKey}, CodeConfig},
		{Config{Style: "hash"}, CodeUnsupported},
		{Config{Identifiers: []string{"Nope"}, Key: testKey}, CodeConfig},
	} {
		_, err := m.Compile(ctx, c.cfg)
		if code(err) != c.want {
			t.Errorf("%+v: %v, want code %d", c.cfg.Style, err, c.want)
		}
		if err != nil && len(c.cfg.Key) > 0 && (strings.Contains(err.Error(), hex.EncodeToString(c.cfg.Key[:6])) || strings.Contains(err.Error(), string(c.cfg.Key[:6]))) {
			t.Errorf("error holds the key: %v", err)
		}
	}

	s, err := m.Compile(ctx, Config{ResourceArn: "arn:aws:logs:us-east-1:1:log-group:g"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Unmask(ctx, masked); code(err) != CodeUnsupported {
		t.Errorf("unmask without a key: %v", err)
	}
	out, err := s.MaskJSON(ctx, []byte(`{"jane@example.com":{"ssn":"536-22-1234"}}`))
	if err != nil || bytes.Contains(out, []byte("536-22")) {
		t.Errorf("MaskJSON: %q, %v", out, err)
	}
	if _, err := s.MaskJSON(ctx, []byte("jane@example.com")); code(err) != CodeJSON || strings.Contains(err.Error(), "jane") {
		t.Errorf("MaskJSON of text: %v", err)
	}
	r, err := s.Audit(ctx, []byte("é jane@example.com"))
	if err != nil || r == nil || r.ResourceArn != "arn:aws:logs:us-east-1:1:log-group:g" || r.DataIdentifiers[0].Detections[0].Start != 2 {
		t.Errorf("Audit: %+v, %v", r, err)
	}
	if r, err := s.Audit(ctx, []byte("nothing")); r != nil || err != nil {
		t.Errorf("Audit of nothing: %+v, %v", r, err)
	}
}
