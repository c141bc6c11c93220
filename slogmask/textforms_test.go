package slogmask_test

import (
	"bytes"
	stdjson "encoding/json"
	"log/slog"
	"net"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/slogmask"
)

// blob is a named byte slice: slog.TextHandler prints it as text, as it
// prints a []byte, while its %+v form is numbers and its JSON base64.
type blob []byte

// textForm prints, as text, what neither its %+v form nor its JSON
// encoding holds: slog.TextHandler prints a TextMarshaler's MarshalText.
type textForm struct{ v string }

func (t textForm) MarshalText() ([]byte, error) { return []byte(t.v), nil }
func (t textForm) String() string               { return "hidden" }
func (t textForm) MarshalJSON() ([]byte, error) { return []byte(`"hidden"`), nil }

// TestHandlerTextHandlerForms is the regression test of values that
// slog.TextHandler prints in a form the Handler did not mask: a named
// byte slice, printed as text (the Handler masked its %+v numbers and its
// base64 JSON, where nothing is found), and a TextMarshaler, printed with
// MarshalText (the Handler masked its %+v and its JSON). Both were logged
// in clear.
func TestHandlerTextHandlerForms(t *testing.T) {
	const addr = "a@example.com"
	for _, v := range []any{
		blob("mail " + addr),
		textForm{"mail " + addr},
		map[string]any{"b": blob("mail " + addr)},
	} {
		for _, newInner := range []func(*bytes.Buffer) slog.Handler{
			func(b *bytes.Buffer) slog.Handler {
				return slog.NewTextHandler(b, &slog.HandlerOptions{ReplaceAttr: noTime})
			},
			func(b *bytes.Buffer) slog.Handler {
				return slog.NewJSONHandler(b, &slog.HandlerOptions{ReplaceAttr: noTime})
			},
		} {
			var buf bytes.Buffer
			l := slog.New(slogmask.NewHandler(newInner(&buf), scanner(), nil))
			l.Info("m", slog.Any("data", v))
			l.Info("m", slog.Group("g", slog.Any("data", v)))
			if strings.Contains(buf.String(), addr) {
				t.Errorf("%T logged in clear: %s", v, buf.String())
			}
			if f := scanner().ScanString(buf.String()); len(f) > 0 {
				t.Errorf("%T: a scan of the log finds %v: %s", v, f, buf.String())
			}
		}
	}
}

// TestHandlerMarshalerByteSlices is the regression test of byte slices
// with MarshalText or MarshalJSON, which handlers print through those and
// which the Handler took for plain bytes (masked as their raw bytes): a
// net.IP was logged in clear, a json.RawMessage became a string with its
// escaped address in clear.
func TestHandlerMarshalerByteSlices(t *testing.T) {
	raw := stdjson.RawMessage(`{"mail":"jane\u0040example.com","ssn":"536-22-1234","n":1}`)
	for _, json := range []bool{false, true} {
		var buf bytes.Buffer
		var inner slog.Handler = slog.NewTextHandler(&buf, &slog.HandlerOptions{ReplaceAttr: noTime})
		if json {
			inner = slog.NewJSONHandler(&buf, &slog.HandlerOptions{ReplaceAttr: noTime})
		}
		l := slog.New(slogmask.NewHandler(inner, scanner(), nil))
		l.Info("login", "client_ip", net.ParseIP("203.0.113.7"), "ip4", net.IPv4(198, 51, 100, 23).To4(), "data", raw)
		out := buf.String()
		for _, clear := range []string{"203.0.113.7", "198.51.100.23", "536-22-1234", `jane\u0040example.com`, `jane\\u0040example.com`} {
			if strings.Contains(out, clear) {
				t.Errorf("json=%v: %s in clear: %s", json, clear, out)
			}
		}
		if f := scanner().ScanString(out); len(f) > 0 {
			t.Errorf("json=%v: a scan of the log finds %v: %s", json, f, out)
		}
		if json {
			var rec struct {
				Data map[string]any `json:"data"`
			}
			if err := stdjson.Unmarshal([]byte(out), &rec); err != nil || rec.Data["n"] != 1.0 {
				t.Errorf("the RawMessage is no longer the object it was (%v): %s", err, out)
			}
		}
	}
}
