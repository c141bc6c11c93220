package slogmask_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"testing/slogtest"
	"time"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/mask"
	"github.com/piiguard/piiguard/slogmask"
)

var scanner = sync.OnceValue(func() *piiguard.Scanner {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		panic(err)
	}
	return s
})

// noTime drops the time so that output is stable.
func noTime(groups []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey && len(groups) == 0 {
		return slog.Attr{}
	}
	return a
}

type customer struct {
	ID    int
	Email string
	note  string
}

// stringer prints a value its JSON encoding does not hold.
type stringer struct{ ID int }

func (s stringer) String() string { return fmt.Sprintf("account %d, contact a@example.com", s.ID) }

type valuer struct{}

func (valuer) LogValue() slog.Value { return slog.StringValue("mail b@example.org") }

func TestHandler(t *testing.T) {
	tests := []struct {
		name     string
		log      func(*slog.Logger)
		text     string
		jsonLine string
	}{
		{"key as keyword",
			func(l *slog.Logger) {
				l.Info("retry", slog.String("ssn", "536-22-1234"), slog.String("other", "536-22-1234"))
			},
			`level=INFO msg=retry ssn=*********** other=536-22-1234`,
			`{"level":"INFO","msg":"retry","ssn":"***********","other":"536-22-1234"}`},
		{"message",
			func(l *slog.Logger) { l.Info("mail a@example.com bounced") },
			`level=INFO msg="mail ************* bounced"`,
			`{"level":"INFO","msg":"mail ************* bounced"}`},
		{"number becomes a string",
			func(l *slog.Logger) { l.Info("x", slog.Int("ssn", 536221234), slog.Int("count", 536221234)) },
			`level=INFO msg=x ssn=********* count=536221234`,
			`{"level":"INFO","msg":"x","ssn":"*********","count":536221234}`},
		{"group key as keyword",
			func(l *slog.Logger) {
				l.Info("x", slog.Group("ssn", slog.String("primary", "536-22-1234"), slog.Bool("ok", true)))
			},
			`level=INFO msg=x ssn.primary=*********** ssn.ok=true`,
			`{"level":"INFO","msg":"x","ssn":{"primary":"***********","ok":true}}`},
		{"WithGroup and WithAttrs",
			func(l *slog.Logger) {
				l.With(slog.String("email", "a@example.com")).WithGroup("passport").Info("x", slog.String("number", "123456789"))
			},
			`level=INFO msg=x email=************* passport.number=*********`,
			`{"level":"INFO","msg":"x","email":"*************","passport":{"number":"*********"}}`},
		{"error",
			func(l *slog.Logger) { l.Error("x", slog.Any("err", errors.New("no user a@example.com"))) },
			`level=ERROR msg=x err="no user *************"`,
			`{"level":"ERROR","msg":"x","err":"no user *************"}`},
		{"struct",
			func(l *slog.Logger) {
				l.Info("x", slog.Any("customer", customer{ID: 7, Email: "ann@example.com", note: "b@example.org"}))
			},
			`level=INFO msg=x customer="{ID:7 Email:*************** note:*************}"`,
			`{"level":"INFO","msg":"x","customer":{"ID":7,"Email":"***************"}}`},
		{"Stringer",
			func(l *slog.Logger) { l.Info("x", slog.Any("acct", stringer{ID: 7})) },
			`level=INFO msg=x acct="account 7, contact *************"`,
			`{"level":"INFO","msg":"x","acct":{"ID":7}}`},
		{"LogValuer and bytes",
			func(l *slog.Logger) { l.Info("x", slog.Any("v", valuer{}), slog.Any("b", []byte("c@example.net"))) },
			`level=INFO msg=x v="mail *************" b=*************`,
			`{"level":"INFO","msg":"x","v":"mail *************","b":"*************"}`},
		{"time and duration",
			// A time is scanned as 1985-07-23T00:00:00Z, in which no
			// date of birth stands on its own.
			func(l *slog.Logger) {
				l.Info("x", slog.Time("dob", time.Date(1985, 7, 23, 0, 0, 0, 0, time.UTC)), slog.Duration("d", time.Second))
			},
			`level=INFO msg=x dob=1985-07-23T00:00:00.000Z d=1s`,
			`{"level":"INFO","msg":"x","dob":"1985-07-23T00:00:00Z","d":1000000000}`},
		{"nothing to mask",
			func(l *slog.Logger) { l.Info("ok", slog.Int("n", 3), slog.Group("g", slog.String("k", "v"))) },
			`level=INFO msg=ok n=3 g.k=v`,
			`{"level":"INFO","msg":"ok","n":3,"g":{"k":"v"}}`},
	}
	for _, tt := range tests {
		var tb, jb bytes.Buffer
		opts := &slog.HandlerOptions{ReplaceAttr: noTime}
		tt.log(slog.New(slogmask.NewHandler(slog.NewTextHandler(&tb, opts), scanner(), nil)))
		tt.log(slog.New(slogmask.NewHandler(slog.NewJSONHandler(&jb, opts), scanner(), nil)))
		if got := strings.TrimSpace(tb.String()); got != tt.text {
			t.Errorf("%s, text:\n got %s\nwant %s", tt.name, got, tt.text)
		}
		if got := strings.TrimSpace(jb.String()); got != tt.jsonLine {
			t.Errorf("%s, JSON:\n got %s\nwant %s", tt.name, got, tt.jsonLine)
		}
	}
}

func TestHandlerMasker(t *testing.T) {
	var b bytes.Buffer
	h := slogmask.NewHandler(slog.NewTextHandler(&b, &slog.HandlerOptions{ReplaceAttr: noTime}), scanner(), mask.Partial{KeepLast: 4})
	slog.New(h).Info("x", slog.String("ssn", "536-22-1234"))
	if got, want := strings.TrimSpace(b.String()), `level=INFO msg=x ssn=***-**-1234`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestNewHandlerNil: a nil inner handler or Finder is refused at once,
// with a message naming it, not at the first record.
func TestNewHandlerNil(t *testing.T) {
	tests := []struct {
		name  string
		inner slog.Handler
		fd    mask.Finder
		want  string
	}{
		{"nil inner", nil, scanner(), "slogmask: NewHandler: nil inner handler"},
		{"nil Finder", slog.NewTextHandler(&bytes.Buffer{}, nil), nil, "slogmask: NewHandler: nil Finder"},
	}
	for _, tt := range tests {
		func() {
			defer func() {
				if r := recover(); r != tt.want {
					t.Errorf("%s: panic %v, want %q", tt.name, r, tt.want)
				}
			}()
			slogmask.NewHandler(tt.inner, tt.fd, nil)
		}()
	}
}

func TestHandlerEnabled(t *testing.T) {
	h := slogmask.NewHandler(slog.NewTextHandler(&bytes.Buffer{}, &slog.HandlerOptions{Level: slog.LevelWarn}), scanner(), nil)
	if h.Enabled(t.Context(), slog.LevelInfo) || !h.Enabled(t.Context(), slog.LevelError) {
		t.Error("Enabled does not follow the inner handler")
	}
}

// TestSlogtest runs the standard library's handler conformance tests on a
// Handler over a JSONHandler.
func TestSlogtest(t *testing.T) {
	var buf bytes.Buffer
	h := slogmask.NewHandler(slog.NewJSONHandler(&buf, nil), scanner(), nil)
	results := func() []map[string]any {
		var ms []map[string]any
		for _, line := range bytes.Split(buf.Bytes(), []byte{'\n'}) {
			if len(line) == 0 {
				continue
			}
			var m map[string]any
			if err := json.Unmarshal(line, &m); err != nil {
				t.Fatal(err)
			}
			ms = append(ms, m)
		}
		return ms
	}
	if err := slogtest.TestHandler(h, results); err != nil {
		t.Error(err)
	}
}

// TestIssue12_SlogMapKeys: with slog.JSONHandler, map keys, attribute
// keys and group names kept values in clear. They are masked; the output
// stays valid JSON with unique keys, and a scan of it finds nothing.
func TestIssue12_SlogMapKeys(t *testing.T) {
	var buf bytes.Buffer
	inner := slog.NewJSONHandler(&buf, &slog.HandlerOptions{ReplaceAttr: noTime})
	l := slog.New(slogmask.NewHandler(inner, scanner(), nil))
	l.Info("counts",
		slog.Any("counts", map[string]int{"jane.doe@example.com": 3, "bob@example.org": 1}),
		slog.Int("a@example.com", 1), slog.Int("b@example.com", 2),
		slog.Group("c@example.com", slog.String("ssn", "536-22-1234")))
	l.WithGroup("d@example.com").Info("group")
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	want := []string{
		`{"level":"INFO","msg":"counts","counts":{"***************":1,"********************":3},"*************":1,"*************~b":2,"*************~c":{"ssn":"***********"}}`,
		`{"level":"INFO","msg":"group"}`,
	}
	if len(lines) != len(want) {
		t.Fatalf("got %q", buf.String())
	}
	for i, line := range lines {
		if line != want[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i, line, want[i])
		}
		if !json.Valid([]byte(line)) {
			t.Errorf("line %d is not JSON: %s", i, line)
		}
		if f := scanner().ScanString(line); len(f) > 0 {
			t.Errorf("line %d: a scan finds %v", i, f)
		}
	}
	// The text form masks map keys too.
	buf.Reset()
	slog.New(slogmask.NewHandler(slog.NewTextHandler(&buf, &slog.HandlerOptions{ReplaceAttr: noTime}), scanner(), nil)).
		Info("counts", slog.Any("counts", map[string]int{"jane.doe@example.com": 3}))
	if got := strings.TrimSpace(buf.String()); strings.Contains(got, "example") {
		t.Errorf("text: %s", got)
	}
}
