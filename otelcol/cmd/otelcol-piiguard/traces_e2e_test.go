package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"go.opentelemetry.io/collector/pdata/ptrace"
)

const tracesConfig = `
receivers:
  otlp:
    protocols:
      http:
        endpoint: %s
processors:
  piiguard:
    mode: both
    fields:
      mask_whole: ['(?i)^authorization$']
exporters:
  file:
    path: %q
service:
  telemetry:
    metrics:
      level: none
  pipelines:
    traces:
      receivers: [otlp]
      processors: [piiguard]
      exporters: [file]
`

// TestEndToEndTraces sends a span over OTLP/HTTP to the distribution and
// checks that the file exporter writes it masked and audited.
func TestEndToEndTraces(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a collector")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "traces.json")
	addr := freeAddr(t)
	config := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(config, fmt.Appendf(nil, tracesConfig, addr, out), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	exited, stop := startCollector(t, ctx, nil, "--config", config)
	defer stop()

	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", "checkout")
	span := rs.ScopeSpans().AppendEmpty().Spans().AppendEmpty()
	span.SetName("POST /pay")
	span.SetTraceID([16]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	span.SetSpanID([8]byte{1, 2, 3, 4, 5, 6, 7, 8})
	span.Attributes().PutStr("user.email", "alice@example.com")
	span.Attributes().PutStr("authorization", "Bearer abc.def")
	span.Attributes().PutStr("http.method", "POST")
	ev := span.Events().AppendEmpty()
	ev.SetName("exception")
	ev.Attributes().PutStr("exception.message", "credit card 4539148803436467 declined")
	var jm ptrace.JSONMarshaler
	body, err := jm.MarshalTraces(td)
	if err != nil {
		t.Fatal(err)
	}
	send(t, ctx, exited, "http://"+addr+"/v1/traces", body)

	got := ptrace.NewTraces()
	for got.SpanCount() == 0 {
		if data, _ := os.ReadFile(out); len(data) > 0 {
			var u ptrace.JSONUnmarshaler
			if td, err := u.UnmarshalTraces(bytes.TrimSpace(bytes.SplitN(data, []byte("\n"), 2)[0])); err == nil {
				got = td
				break
			}
		}
		select {
		case <-ctx.Done():
			t.Fatal("timed out waiting for the span")
		case <-exited:
			t.Fatal("the collector exited")
		case <-time.After(200 * time.Millisecond):
		}
	}
	s := got.ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0)
	want := map[string]any{
		"user.email":           "*****************",
		"authorization":        "**************",
		"http.method":          "POST",
		"piiguard.findings":    int64(3),
		"piiguard.identifiers": []any{"CreditCardNumber", "EmailAddress", "SensitiveKey"},
	}
	if a := s.Attributes().AsRaw(); !reflect.DeepEqual(a, want) {
		t.Errorf("span attributes:\ngot  %v\nwant %v", a, want)
	}
	if m, _ := s.Events().At(0).Attributes().Get("exception.message"); m.Str() != "credit card **************** declined" {
		t.Errorf("event: %q", m.Str())
	}
	if s.Name() != "POST /pay" || s.TraceID() != span.TraceID() || s.SpanID() != span.SpanID() {
		t.Error("span name or ids changed")
	}
}

// freeAddr returns a localhost address with a port free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// send posts an OTLP/JSON request, retrying until the receiver listens.
func send(t *testing.T, ctx context.Context, exited <-chan struct{}, url string, body []byte) {
	t.Helper()
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("OTLP/HTTP: %s", resp.Status)
			}
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("OTLP/HTTP: %v", err)
		case <-exited:
			t.Fatal("the collector exited")
		case <-time.After(200 * time.Millisecond):
		}
	}
}
