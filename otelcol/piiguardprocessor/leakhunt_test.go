package piiguardprocessor

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestMapKeysMasked is the regression test of values in map keys: the
// processor scanned the values of maps (attributes, map bodies) but
// passed every key on as it was, so that {"counts": {"alice@example.com":
// 3}} left the address in clear, where a JSON body (json_bodies), the CLI
// and slogmask mask member names. A key with a finding is masked, with
// the keys around it as keywords, and kept unique within its map.
func TestMapKeysMasked(t *testing.T) {
	runLogCases(t, &Config{}, []logCase{
		{name: "attribute key", body: "ok",
			attrs:    map[string]any{email: "x", "plain": "y"},
			wantBody: "ok", wantAttrs: map[string]any{emailMask: "x", "plain": "y"}},
		{name: "key of a map body", body: map[string]any{"counts": map[string]any{email: int64(3)}},
			wantBody: map[string]any{"counts": map[string]any{emailMask: int64(3)}}},
		{name: "enclosing key as keyword", body: map[string]any{"ssn": map[string]any{ssn: true, "other": "x"}},
			wantBody: map[string]any{"ssn": map[string]any{ssnMask: true, "other": "x"}}},
		{name: "masked keys stay unique", body: map[string]any{"a@example.com": "1", "*************": "3"},
			wantBody: map[string]any{"*************~b": "1", "*************": "3"}},
		{name: "key and value", resource: map[string]any{"m": map[string]any{email: "mail " + email}},
			body: "ok", wantBody: "ok",
			wantResrc: map[string]any{"m": map[string]any{emailMask: "mail " + emailMask}}},
	})
	// Audit mode reports them.
	p, _ := testProcessor(t, &Config{Mode: ModeAudit})
	ld := logRecord(t, "ok", map[string]any{email: "x"}, nil)
	if _, err := p.processLogs(context.Background(), ld); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(firstRecord(ld).Attributes().AsRaw())
	if !strings.Contains(string(b), `"EmailAddress"`) {
		t.Errorf("audit: %s, want the key's finding reported", b)
	}
}

// TestMapKeysMaskedInUnscannableRecord: a record that cannot be scanned
// (here a value that is not valid UTF-8) has its values masked whole, and
// its keys were passed on as they were: a key with a finding is masked
// there too.
func TestMapKeysMaskedInUnscannableRecord(t *testing.T) {
	p, _ := testProcessor(t, &Config{})
	ld := logRecord(t, map[string]any{"m": map[string]any{email: "x"}}, map[string]any{"bad": "\xc3", email: "y"}, nil)
	if _, err := p.processLogs(context.Background(), ld); err != nil {
		t.Fatal(err)
	}
	lr := firstRecord(ld)
	b, _ := json.Marshal(map[string]any{"body": lr.Body().AsRaw(), "attrs": lr.Attributes().AsRaw()})
	if strings.Contains(string(b), email) {
		t.Errorf("key in clear: %s", b)
	}
	if v, ok := lr.Attributes().Get(emailMask); !ok || v.Str() != "*" {
		t.Errorf("attributes %v, want the key masked and its value masked whole", lr.Attributes().AsRaw())
	}
}
