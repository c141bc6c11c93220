package slogmask_test

import (
	"bytes"
	"log/slog"
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
