package piiguardprocessor

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.opentelemetry.io/otel/attribute"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"

	"github.com/piiguard/piiguard/mask"
)

// Values of the tests, and their masks in the asterisk style.
const (
	email      = "alice@example.com"
	emailMask  = "*****************"
	ssn        = "536-22-1234" // an SSN needs a keyword nearby
	ssnMask    = "***********"
	ssnDigits  = 536221234
	ssnDigMask = "*********"
	ip         = "10.1.2.3"
	ipMask     = "********"
	card       = "4539148803436467"
	cardMask   = "****************"
)

// testProcessor compiles cfg into a processor that reports to a manual
// metric reader.
func testProcessor(t *testing.T, cfg *Config) (*piiguardProcessor, *sdkmetric.ManualReader) {
	t.Helper()
	if err := cfg.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	e, err := testEngine(cfg)
	if err != nil {
		t.Fatal(err)
	}
	reader := sdkmetric.NewManualReader()
	tel, err := newTelemetry(sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader)), "piiguard/test")
	if err != nil {
		t.Fatal(err)
	}
	return newProcessor(e, tel), reader
}

// testEngines keeps the engines the tests compile, by configuration:
// compiling takes a fraction of a second, and many tests share one.
var testEngines struct {
	sync.Mutex
	m map[string]*engine
}

func testEngine(cfg *Config) (*engine, error) {
	key := fmt.Sprintf("%#v", *cfg)
	testEngines.Lock()
	defer testEngines.Unlock()
	if e := testEngines.m[key]; e != nil {
		return e, nil
	}
	e, err := newEngine(cfg)
	if err != nil {
		return nil, err
	}
	if testEngines.m == nil {
		testEngines.m = map[string]*engine{}
	}
	testEngines.m[key] = e
	return e, nil
}

// logRecord returns logs of one record with body and attributes, and
// resource attributes.
func logRecord(t *testing.T, body any, attrs, resource map[string]any) plog.Logs {
	t.Helper()
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	if err := rl.Resource().Attributes().FromRaw(resource); err != nil {
		t.Fatal(err)
	}
	lr := rl.ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	if err := lr.Body().FromRaw(body); err != nil {
		t.Fatal(err)
	}
	if err := lr.Attributes().FromRaw(attrs); err != nil {
		t.Fatal(err)
	}
	return ld
}

func firstRecord(ld plog.Logs) plog.LogRecord {
	return ld.ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0)
}

// logCase is a record before and after processing.
type logCase struct {
	name                string
	body, wantBody      any
	attrs, wantAttrs    map[string]any
	resource, wantResrc map[string]any
}

func runLogCases(t *testing.T, cfg *Config, cases []logCase) {
	t.Helper()
	p, _ := testProcessor(t, cfg)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ld := logRecord(t, tc.body, tc.attrs, tc.resource)
			out, err := p.processLogs(context.Background(), ld)
			if err != nil {
				t.Fatal(err)
			}
			lr := firstRecord(out)
			if got := lr.Body().AsRaw(); !reflect.DeepEqual(got, tc.wantBody) {
				t.Errorf("body:\ngot  %#v\nwant %#v", got, tc.wantBody)
			}
			wantAttrs := tc.wantAttrs
			if wantAttrs == nil {
				wantAttrs = map[string]any{}
			}
			if got := lr.Attributes().AsRaw(); !reflect.DeepEqual(got, wantAttrs) {
				t.Errorf("attributes:\ngot  %#v\nwant %#v", got, wantAttrs)
			}
			wantResrc := tc.wantResrc
			if wantResrc == nil {
				wantResrc = map[string]any{}
			}
			if got := out.ResourceLogs().At(0).Resource().Attributes().AsRaw(); !reflect.DeepEqual(got, wantResrc) {
				t.Errorf("resource:\ngot  %#v\nwant %#v", got, wantResrc)
			}
		})
	}
}

// TestMaskShapes masks every shape of body and attribute value.
func TestMaskShapes(t *testing.T) {
	runLogCases(t, &Config{}, []logCase{
		{name: "string body", body: "user " + email + " from " + ip + " ok", wantBody: "user " + emailMask + " from " + ipMask + " ok"},
		{name: "string body without findings", body: "nothing to see: 536 apples", wantBody: "nothing to see: 536 apples"},
		{name: "string body keyword", body: "ssn: " + ssn, wantBody: "ssn: " + ssnMask},
		{name: "string body without keyword", body: "ref " + ssn, wantBody: "ref " + ssn},
		{name: "empty string body", body: "", wantBody: ""},
		{name: "empty body", body: nil, wantBody: nil},
		{name: "int body", body: int64(ssnDigits), wantBody: int64(ssnDigits)},
		{name: "double body", body: 0.5, wantBody: 0.5},
		{name: "bool body", body: true, wantBody: true},
		{name: "bytes body", body: []byte("mail " + email), wantBody: []byte("mail " + emailMask)},
		{name: "binary bytes body", body: []byte{0xff, 0xfe, 'a', '@', 'b'}, wantBody: []byte{0xff, 0xfe, 'a', '@', 'b'}},
		{
			name: "map body",
			body: map[string]any{
				"msg": "login",
				"user": map[string]any{
					"email": email, "ssn": ssn, "note": "ref " + ssn, "age": int64(41), "ratio": 0.5, "admin": false,
					"tags": []any{"plain", "ip " + ip, int64(3)},
				},
				"empty": map[string]any{},
				"none":  nil,
			},
			wantBody: map[string]any{
				"msg": "login",
				"user": map[string]any{
					"email": emailMask, "ssn": ssnMask, "note": "ref " + ssn, "age": int64(41), "ratio": 0.5, "admin": false,
					"tags": []any{"plain", "ip " + ipMask, int64(3)},
				},
				"empty": map[string]any{},
				"none":  nil,
			},
		},
		{name: "map body int with keyword becomes string", body: map[string]any{"ssn": int64(ssnDigits)}, wantBody: map[string]any{"ssn": ssnDigMask}},
		{name: "map body bytes", body: map[string]any{"raw": []byte(email)}, wantBody: map[string]any{"raw": []byte(emailMask)}},
		{name: "slice body", body: []any{"mail " + email, int64(7), []any{"credit card " + card}}, wantBody: []any{"mail " + emailMask, int64(7), []any{"credit card " + cardMask}}},
		{
			name: "attributes",
			body: nil, wantBody: nil,
			attrs: map[string]any{
				"email": email, "ssn": ssn, "note": ssn, "count": int64(3), "ok": true, "r": 1.5,
				"raw": []byte("to " + email), "bin": []byte{0xff, 0x00},
				"nested": map[string]any{"ip": ip, "deeper": map[string]any{"ssn": int64(ssnDigits)}},
				"list":   []any{email, "x"},
			},
			wantAttrs: map[string]any{
				"email": emailMask, "ssn": ssnMask, "note": ssn, "count": int64(3), "ok": true, "r": 1.5,
				"raw": []byte("to " + emailMask), "bin": []byte{0xff, 0x00},
				"nested": map[string]any{"ip": ipMask, "deeper": map[string]any{"ssn": ssnDigMask}},
				"list":   []any{emailMask, "x"},
			},
		},
		{
			name: "resource attributes",
			body: "plain", wantBody: "plain",
			resource:  map[string]any{"service.name": "checkout", "owner": email},
			wantResrc: map[string]any{"service.name": "checkout", "owner": emailMask},
		},
	})
}

// TestModes runs one record through each mode.
func TestModes(t *testing.T) {
	body := map[string]any{"msg": "mail " + email, "ssn": ssn}
	attrs := map[string]any{"client": ip, "plain": "x"}
	masked := map[string]any{"msg": "mail " + emailMask, "ssn": ssnMask}
	auditAttrs := func(base map[string]any) map[string]any {
		m := map[string]any{AttrFindings: int64(3), AttrIdentifiers: []any{"EmailAddress", "IpAddress", "Ssn-US"}}
		for k, v := range base {
			m[k] = v
		}
		return m
	}
	for _, tc := range []struct {
		mode      string
		wantBody  any
		wantAttrs map[string]any
	}{
		{"", masked, map[string]any{"client": ipMask, "plain": "x"}},
		{ModeMask, masked, map[string]any{"client": ipMask, "plain": "x"}},
		{ModeAudit, body, auditAttrs(attrs)},
		{ModeBoth, masked, auditAttrs(map[string]any{"client": ipMask, "plain": "x"})},
	} {
		t.Run("mode="+tc.mode, func(t *testing.T) {
			runLogCases(t, &Config{Mode: tc.mode}, []logCase{{name: "record", body: body, wantBody: tc.wantBody, attrs: attrs, wantAttrs: tc.wantAttrs}})
		})
	}
	t.Run("audit without findings adds nothing", func(t *testing.T) {
		runLogCases(t, &Config{Mode: ModeAudit}, []logCase{{name: "record", body: "plain", wantBody: "plain", attrs: map[string]any{"a": "b"}, wantAttrs: map[string]any{"a": "b"}}})
	})
	t.Run("audit resource", func(t *testing.T) {
		runLogCases(t, &Config{Mode: ModeAudit}, []logCase{{
			name: "record", body: "plain", wantBody: "plain",
			resource:  map[string]any{"owner": email},
			wantResrc: map[string]any{"owner": email, AttrFindings: int64(1), AttrIdentifiers: []any{"EmailAddress"}},
		}})
	})
	t.Run("reprocessing replaces the audit attributes", func(t *testing.T) {
		p, _ := testProcessor(t, &Config{Mode: ModeAudit})
		ld := logRecord(t, "mail "+email, nil, nil)
		for range 2 {
			if _, err := p.processLogs(context.Background(), ld); err != nil {
				t.Fatal(err)
			}
		}
		want := map[string]any{AttrFindings: int64(1), AttrIdentifiers: []any{"EmailAddress"}}
		if got := firstRecord(ld).Attributes().AsRaw(); !reflect.DeepEqual(got, want) {
			t.Errorf("got %v, want %v", got, want)
		}
	})
}

// TestFields applies fields::include, exclude and mask_whole.
func TestFields(t *testing.T) {
	t.Run("include", func(t *testing.T) {
		runLogCases(t, &Config{Fields: FieldsConfig{Include: []string{`^user\.`, `^ctx$`}}}, []logCase{{
			name: "record",
			body: "mail " + email, wantBody: "mail " + emailMask, // bodies are always scanned
			attrs:     map[string]any{"user.email": email, "other": email, "ctx": map[string]any{"mail": email}},
			wantAttrs: map[string]any{"user.email": emailMask, "other": email, "ctx": map[string]any{"mail": emailMask}},
			resource:  map[string]any{"owner": email},
			wantResrc: map[string]any{"owner": email},
		}, {
			name: "nested key includes",
			body: nil, wantBody: nil,
			attrs:     map[string]any{"meta": map[string]any{"user.email": email, "x": email}},
			wantAttrs: map[string]any{"meta": map[string]any{"user.email": emailMask, "x": email}},
		}})
	})
	t.Run("exclude", func(t *testing.T) {
		runLogCases(t, &Config{Fields: FieldsConfig{Exclude: []string{`^trace`}}}, []logCase{{
			name:      "record",
			body:      map[string]any{"trace_note": email, "msg": email, "ctx": map[string]any{"trace": []any{email}}},
			wantBody:  map[string]any{"trace_note": email, "msg": emailMask, "ctx": map[string]any{"trace": []any{email}}},
			attrs:     map[string]any{"trace.debug": email, "email": email},
			wantAttrs: map[string]any{"trace.debug": email, "email": emailMask},
		}})
	})
	t.Run("mask_whole", func(t *testing.T) {
		cfg := &Config{Fields: FieldsConfig{MaskWhole: []string{`(?i)password`, `^authorization$`}, Exclude: []string{`^authorization$`}}}
		runLogCases(t, cfg, []logCase{{
			name:     "record",
			body:     map[string]any{"login": map[string]any{"user": "bob", "Password": "hunter2"}},
			wantBody: map[string]any{"login": map[string]any{"user": "bob", "Password": "*******"}},
			attrs: map[string]any{
				"db.password": "hunter2", "authorization": "Basic Ym9iOmh1bnRlcjI=", "Authorization": "x",
				"password_hash": map[string]any{"v": int64(1234), "ok": true, "f": 1.25, "raw": []byte{1, 2, 3}, "list": []any{"abc"}, "e": ""},
			},
			wantAttrs: map[string]any{
				"db.password": "*******", "authorization": "**********************", "Authorization": "x",
				"password_hash": map[string]any{"v": "****", "ok": "****", "f": "****", "raw": []byte("***"), "list": []any{"***"}, "e": ""},
			},
		}})
	})
	t.Run("mask_whole audit", func(t *testing.T) {
		runLogCases(t, &Config{Mode: ModeAudit, Fields: FieldsConfig{MaskWhole: []string{`password`}}}, []logCase{{
			name: "record", body: nil, wantBody: nil,
			attrs:     map[string]any{"password": "hunter2"},
			wantAttrs: map[string]any{"password": "hunter2", AttrFindings: int64(1), AttrIdentifiers: []any{SensitiveKey}},
		}})
	})
}

// TestStyles masks with every mask style.
func TestStyles(t *testing.T) {
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "key")
	if err := os.WriteFile(keyFile, []byte("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"), 0o600); err != nil {
		t.Fatal(err)
	}
	key, err := mask.LoadKey(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	hash, err := mask.NewHash(key, mask.HashOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		style   string
		want    string
		wantPwd string
	}{
		{"asterisk", "mail " + emailMask + " ok", "*******"},
		{"partial", "mail *****@******e.com ok", "*******"}, // a short value is masked whole
		{"placeholder", "mail {EmailAddress} ok", "{SensitiveKey}"},
		{"redact", "mail  ok", ""},
		{"hash", "mail " + hash.HashString("EmailAddress", email) + " ok", hash.HashString(SensitiveKey, "hunter2")},
	} {
		t.Run(tc.style, func(t *testing.T) {
			cfg := &Config{Mask: MaskConfig{Style: tc.style}, Fields: FieldsConfig{MaskWhole: []string{"password"}}}
			if tc.style == "hash" {
				cfg.Mask.KeyFile = keyFile
			}
			runLogCases(t, cfg, []logCase{{
				name: "record", body: "mail " + email + " ok", wantBody: tc.want,
				attrs: map[string]any{"password": "hunter2"}, wantAttrs: map[string]any{"password": tc.wantPwd},
			}})
		})
	}
	t.Run("token", func(t *testing.T) {
		p, _ := testProcessor(t, &Config{Mask: MaskConfig{Style: "token", KeyFile: keyFile}})
		in := "mail " + email + " from " + ip
		ld := logRecord(t, in, nil, nil)
		if _, err := p.processLogs(context.Background(), ld); err != nil {
			t.Fatal(err)
		}
		got := firstRecord(ld).Body().Str()
		if strings.Contains(got, email) || strings.Contains(got, ip) {
			t.Fatalf("not masked: %q", got)
		}
		tok, err := mask.NewTokenizer(key)
		if err != nil {
			t.Fatal(err)
		}
		back, err := tok.UnmaskString(got)
		if err != nil || back != in {
			t.Fatalf("unmask: got %q, %v; want %q", back, err, in)
		}
	})
	t.Run("policies", func(t *testing.T) {
		runLogCases(t, &Config{Policies: []string{"testdata/account.json", "testdata/loggroup.json"}}, []logCase{{
			name:     "record",
			body:     "mail " + email + " by EMP-123456, ssn " + ssn,
			wantBody: "mail [EmailAddress] by **********, ssn " + ssn, // the policies do not name Ssn-US
		}})
	})
	t.Run("identifiers and custom", func(t *testing.T) {
		runLogCases(t, &Config{Identifiers: []string{"Ssn-US"}, Custom: []CustomIdentifier{{Name: "EmployeeId", Regex: `EMP-\d{6}`}}}, []logCase{{
			name:     "record",
			body:     "mail " + email + " by EMP-123456, ssn " + ssn,
			wantBody: "mail " + email + " by **********, ssn " + ssnMask,
		}})
	})
	t.Run("min_score", func(t *testing.T) {
		runLogCases(t, &Config{MinScore: 1}, []logCase{{name: "record", body: "from " + ip, wantBody: "from " + ip}})
	})
}

// TestJSONBodies masks JSON string bodies value by value.
func TestJSONBodies(t *testing.T) {
	runLogCases(t, &Config{JSONBodies: true}, []logCase{
		{name: "object", body: `{"user": "` + email + `", "n": 1, "ssn": "` + ssn + `"}`, wantBody: `{"user": "` + emailMask + `", "n": 1, "ssn": "` + ssnMask + `"}`},
		{name: "array", body: ` ["` + email + `"]`, wantBody: ` ["` + emailMask + `"]`},
		{name: "invalid JSON is masked as text", body: `{"user": ` + email, wantBody: `{"user": ` + emailMask},
		{name: "text", body: "mail " + email, wantBody: "mail " + emailMask},
	})
	t.Run("audit", func(t *testing.T) {
		runLogCases(t, &Config{JSONBodies: true, Mode: ModeAudit}, []logCase{{
			name: "record", body: `{"user": "` + email + `"}`, wantBody: `{"user": "` + email + `"}`,
			wantAttrs: map[string]any{AttrFindings: int64(1), AttrIdentifiers: []any{"EmailAddress"}},
		}, {
			// A value two identifiers match counts under each, in a JSON
			// body as in a text body.
			name: "every identifier of a value", body: `{"passport_number": "123456789"}`, wantBody: `{"passport_number": "123456789"}`,
			wantAttrs: map[string]any{AttrFindings: int64(2), AttrIdentifiers: []any{"PassportNumber-GB", "PassportNumber-US"}},
		}, {
			name: "every identifier of a value in text", body: "passport number 123456789", wantBody: "passport number 123456789",
			wantAttrs: map[string]any{AttrFindings: int64(2), AttrIdentifiers: []any{"PassportNumber-GB", "PassportNumber-US"}},
		}})
	})
}

// TestOnlyValuesChange checks that every field of a record other than
// the masked values, and the order of map keys, is unchanged.
func TestOnlyValuesChange(t *testing.T) {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.SetSchemaUrl("https://opentelemetry.io/schemas/1.26.0")
	rl.Resource().Attributes().PutStr("service.name", "checkout")
	sl := rl.ScopeLogs().AppendEmpty()
	sl.Scope().SetName("app")
	sl.Scope().SetVersion("1.2.3")
	lr := sl.LogRecords().AppendEmpty()
	lr.SetTimestamp(1700000000000000001)
	lr.SetObservedTimestamp(1700000000000000002)
	lr.SetSeverityNumber(plog.SeverityNumberWarn)
	lr.SetSeverityText("WARN")
	lr.SetTraceID(pcommon.TraceID{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	lr.SetSpanID(pcommon.SpanID{1, 2, 3, 4, 5, 6, 7, 8})
	lr.SetFlags(plog.DefaultLogRecordFlags.WithIsSampled(true))
	lr.SetEventName("login")
	lr.SetDroppedAttributesCount(2)
	m := lr.Body().SetEmptyMap()
	m.PutStr("z", "last?")
	m.PutStr("mail", email)
	m.PutInt("a", 1)
	lr.Attributes().PutStr("y", "1")
	lr.Attributes().PutStr("client", ip)
	lr.Attributes().PutStr("b", "2")

	want := plog.NewLogs()
	ld.CopyTo(want)
	wr := firstRecord(want)
	wr.Body().Map().PutStr("mail", emailMask)
	wr.Attributes().PutStr("client", ipMask)

	p, _ := testProcessor(t, &Config{})
	if _, err := p.processLogs(context.Background(), ld); err != nil {
		t.Fatal(err)
	}
	var jm plog.JSONMarshaler
	got, _ := jm.MarshalLogs(ld)
	exp, _ := jm.MarshalLogs(want)
	if string(got) != string(exp) {
		t.Errorf("got  %s\nwant %s", got, exp)
	}
}

// TestUnscannable checks that a record holding a value that is not
// valid UTF-8, or too many bytes, is counted as an error and masked whole
// (never passed on in clear), and that the records around it are masked.
func TestUnscannable(t *testing.T) {
	p, reader := testProcessor(t, &Config{MaxRecordBytes: 64})
	ld := plog.NewLogs()
	lrs := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords()
	bodies := []string{
		"mail " + email,                           // masked
		"mail " + email + " \xff\xfe",             // invalid UTF-8 body
		"mail " + email,                           // with an invalid attribute
		"mail " + email + strings.Repeat(".", 60), // too large
		"ip " + ip,                                // masked
	}
	for i, b := range bodies {
		lr := lrs.AppendEmpty()
		lr.Body().SetStr(b)
		if i == 2 {
			lr.Attributes().PutStr("bad", "\xc3")
		}
	}
	if _, err := p.processLogs(context.Background(), ld); err != nil {
		t.Fatal(err)
	}
	want := []string{"mail " + emailMask, "", "", "", "ip " + ipMask} // "": masked whole
	if lrs.Len() != len(want) {
		t.Fatalf("%d records, want %d", lrs.Len(), len(want))
	}
	for i, w := range want {
		got := lrs.At(i).Body().Str()
		if w == "" {
			if got == "" || strings.Trim(got, "*") != "" {
				t.Errorf("record %d: got %q, want it masked whole", i, got)
			}
			continue
		}
		if got != w {
			t.Errorf("record %d: got %q, want %q", i, got, w)
		}
	}
	if bad, _ := lrs.At(2).Attributes().Get("bad"); bad.Str() == "\xc3" {
		t.Errorf("invalid attribute passed on in clear")
	}
	if got := lrs.At(2).Attributes().AsRaw(); !reflect.DeepEqual(got, map[string]any{"bad": "*"}) {
		t.Errorf("record 2 attributes: %v, want the value masked whole", got)
	}
	m := collect(t, reader)
	checkMetric(t, m, MetricRecords, nil, 2)
	checkMetric(t, m, MetricBytes, nil, int64(len(bodies[0])+len(bodies[4])))
	checkMetric(t, m, MetricErrors, map[string]string{"reason": ReasonInvalidUTF8}, 2)
	checkMetric(t, m, MetricErrors, map[string]string{"reason": ReasonTooLarge}, 1)
	checkMetric(t, m, MetricErrors, map[string]string{"reason": ReasonTooDeep}, 0)
	checkMetric(t, m, MetricFindings, map[string]string{"identifier": "EmailAddress"}, 1)
	checkMetric(t, m, MetricFindings, map[string]string{"identifier": "IpAddress"}, 1)
}

// TestTelemetry counts records, bytes and findings per identifier across
// batches and signals.
func TestTelemetry(t *testing.T) {
	p, reader := testProcessor(t, &Config{Mode: ModeAudit})
	for range 3 {
		ld := logRecord(t, "mail "+email+" and "+email, map[string]any{"ip": ip}, nil)
		if _, err := p.processLogs(context.Background(), ld); err != nil {
			t.Fatal(err)
		}
	}
	td := spanWith(map[string]any{"ip": ip}, []map[string]any{{"m": "x"}})
	if _, err := p.processTraces(context.Background(), td); err != nil {
		t.Fatal(err)
	}
	m := collect(t, reader)
	logs := map[string]string{"signal": "logs", "processor": "piiguard/test"}
	checkMetric(t, m, MetricRecords, logs, 3)
	checkMetric(t, m, MetricRecords, map[string]string{"signal": "traces"}, 1)
	checkMetric(t, m, MetricBytes, logs, 3*int64(len("mail "+email+" and "+email)+len(ip)))
	checkMetric(t, m, MetricFindings, map[string]string{"signal": "logs", "identifier": "EmailAddress"}, 6)
	checkMetric(t, m, MetricFindings, map[string]string{"signal": "logs", "identifier": "IpAddress"}, 3)
	checkMetric(t, m, MetricFindings, map[string]string{"signal": "traces", "identifier": "IpAddress"}, 1)
}

// collect reads the processor's metrics.
func collect(t *testing.T, reader *sdkmetric.ManualReader) []metricdata.Metrics {
	t.Helper()
	var rm metricdata.ResourceMetrics
	if err := reader.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	var out []metricdata.Metrics
	for _, sm := range rm.ScopeMetrics {
		if sm.Scope.Name == scopeName {
			out = append(out, sm.Metrics...)
		}
	}
	return out
}

// checkMetric checks the sum of the data points of counter name whose
// attributes include attrs.
func checkMetric(t *testing.T, ms []metricdata.Metrics, name string, attrs map[string]string, want int64) {
	t.Helper()
	var sum int64
	for _, m := range ms {
		if m.Name != name {
			continue
		}
		for _, dp := range m.Data.(metricdata.Sum[int64]).DataPoints {
			ok := true
			for k, v := range attrs {
				if got, _ := dp.Attributes.Value(attribute.Key(k)); got.AsString() != v {
					ok = false
				}
			}
			if ok {
				sum += dp.Value
			}
		}
	}
	if sum != want {
		t.Errorf("%s%v = %d, want %d", name, attrs, sum, want)
	}
}

// spanWith returns traces of one span with attributes and events.
func spanWith(attrs map[string]any, events []map[string]any) ptrace.Traces {
	td := ptrace.NewTraces()
	span := td.ResourceSpans().AppendEmpty().ScopeSpans().AppendEmpty().Spans().AppendEmpty()
	span.SetName("GET /users")
	_ = span.Attributes().FromRaw(attrs)
	for _, e := range events {
		ev := span.Events().AppendEmpty()
		ev.SetName("exception")
		_ = ev.Attributes().FromRaw(e)
	}
	return td
}

// TestTraces masks span, span event and resource attributes, and audits
// spans.
func TestTraces(t *testing.T) {
	for _, mode := range []string{ModeMask, ModeAudit, ModeBoth} {
		t.Run(mode, func(t *testing.T) {
			p, _ := testProcessor(t, &Config{Mode: mode})
			td := spanWith(
				map[string]any{"http.url": "/users?email=" + email, "http.method": "GET"},
				[]map[string]any{{"exception.message": "no user ssn " + ssn}, {"plain": "x"}},
			)
			rs := td.ResourceSpans().At(0)
			rs.Resource().Attributes().PutStr("host.ip", ip)
			if _, err := p.processTraces(context.Background(), td); err != nil {
				t.Fatal(err)
			}
			span := rs.ScopeSpans().At(0).Spans().At(0)
			masked := mode != ModeAudit
			wantURL, wantMsg, wantIP := "/users?email="+email, "no user ssn "+ssn, ip
			if masked {
				wantURL, wantMsg, wantIP = "/users?email="+emailMask, "no user ssn "+ssnMask, ipMask
			}
			wantSpan := map[string]any{"http.url": wantURL, "http.method": "GET"}
			wantResrc := map[string]any{"host.ip": wantIP}
			if mode != ModeMask {
				wantSpan[AttrFindings] = int64(2)
				wantSpan[AttrIdentifiers] = []any{"EmailAddress", "Ssn-US"}
				wantResrc[AttrFindings] = int64(1)
				wantResrc[AttrIdentifiers] = []any{"IpAddress"}
			}
			if got := span.Attributes().AsRaw(); !reflect.DeepEqual(got, wantSpan) {
				t.Errorf("span: got %v, want %v", got, wantSpan)
			}
			if got := span.Events().At(0).Attributes().AsRaw(); !reflect.DeepEqual(got, map[string]any{"exception.message": wantMsg}) {
				t.Errorf("event: got %v", got)
			}
			if got := span.Events().At(1).Attributes().AsRaw(); !reflect.DeepEqual(got, map[string]any{"plain": "x"}) {
				t.Errorf("event 1: got %v", got)
			}
			if got := rs.Resource().Attributes().AsRaw(); !reflect.DeepEqual(got, wantResrc) {
				t.Errorf("resource: got %v, want %v", got, wantResrc)
			}
			if span.Name() != "GET /users" || span.Events().At(0).Name() != "exception" {
				t.Errorf("names changed")
			}
		})
	}
}

// TestConcurrent processes batches from several goroutines at once; each
// must equal the batch processed alone.
func TestConcurrent(t *testing.T) {
	p, _ := testProcessor(t, &Config{Mode: ModeBoth})
	batch := plog.NewLogs()
	lrs := batch.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords()
	for i := range 200 {
		lr := lrs.AppendEmpty()
		switch i % 4 {
		case 0:
			lr.Body().SetStr("mail " + email)
		case 1:
			lr.Body().SetEmptyMap().PutStr("ssn", ssn)
		case 2:
			lr.Attributes().PutStr("ip", ip)
		default:
			lr.Body().SetStr("plain line")
		}
	}
	var jm plog.JSONMarshaler
	alone := plog.NewLogs()
	batch.CopyTo(alone)
	if _, err := p.processLogs(context.Background(), alone); err != nil {
		t.Fatal(err)
	}
	want, _ := jm.MarshalLogs(alone)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Go(func() {
			for range 20 {
				ld := plog.NewLogs()
				batch.CopyTo(ld)
				if _, err := p.processLogs(context.Background(), ld); err != nil {
					errs <- err.Error()
					return
				}
				if got, _ := jm.MarshalLogs(ld); string(got) != string(want) {
					errs <- "concurrent result differs"
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}

// TestRemaskFindsNothing checks that masked output, scanned again with
// the same settings, holds nothing.
func TestRemaskFindsNothing(t *testing.T) {
	p, reader := testProcessor(t, &Config{Mode: ModeBoth})
	ld := logRecord(t, map[string]any{"msg": "mail " + email + " ssn " + ssn, "card": "credit card " + card}, map[string]any{"ip": ip}, nil)
	if _, err := p.processLogs(context.Background(), ld); err != nil {
		t.Fatal(err)
	}
	firstRecord(ld).Attributes().Remove(AttrFindings)
	firstRecord(ld).Attributes().Remove(AttrIdentifiers)
	before := collect(t, reader)
	checkMetric(t, before, MetricFindings, nil, 4)
	if _, err := p.processLogs(context.Background(), ld); err != nil {
		t.Fatal(err)
	}
	checkMetric(t, collect(t, reader), MetricFindings, nil, 4) // no new finding
	b, _ := json.Marshal(firstRecord(ld).Body().AsRaw())
	for _, v := range []string{email, ssn, card, ip} {
		if strings.Contains(string(b), v) {
			t.Errorf("%s left in %s", v, b)
		}
	}
}

// TestCleanCache checks that an attribute value remembered as clean under
// one key is still scanned under another, and that the cache stays
// bounded.
func TestCleanCache(t *testing.T) {
	p, _ := testProcessor(t, &Config{})
	w := p.workers.Get().(*worker)
	defer p.workers.Put(w)
	run := func(attrs map[string]any) map[string]any {
		ld := logRecord(t, nil, attrs, nil)
		lr := firstRecord(ld)
		w.reset()
		w.record(nil, lr.Attributes())
		return lr.Attributes().AsRaw()
	}
	for range 2 { // the second time from the cache
		if got := run(map[string]any{"note": ssn}); got["note"] != ssn {
			t.Fatalf("note: %v", got["note"])
		}
		if got := run(map[string]any{"ssn": ssn}); got["ssn"] != ssnMask {
			t.Fatalf("ssn: %v", got["ssn"])
		}
	}
	if !w.isClean("note", ssn) || w.isClean("ssn", ssn) {
		t.Fatal("cache holds the wrong values")
	}
	for i := range 2 * maxClean {
		w.addClean("k", strconv.Itoa(i))
	}
	if w.nclean > maxClean {
		t.Fatalf("%d values cached, at most %d", w.nclean, maxClean)
	}
}

// TestTooDeep checks that a record nesting maps deeper than maxDepth is
// counted and masked whole (the map past the limit becomes one masked
// string), and that one at maxDepth is masked as usual.
func TestTooDeep(t *testing.T) {
	p, reader := testProcessor(t, &Config{})
	nested := func(depth int) plog.Logs {
		ld := plog.NewLogs()
		lr := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
		m := lr.Body().SetEmptyMap()
		for range depth - 1 {
			m = m.PutEmptyMap("m")
		}
		m.PutStr("mail", email)
		return ld
	}
	leaf := func(ld plog.Logs) string {
		v := firstRecord(ld).Body()
		for v.Type() == pcommon.ValueTypeMap {
			next, ok := v.Map().Get("m")
			if !ok {
				next, _ = v.Map().Get("mail")
			}
			v = next
		}
		return v.Str()
	}
	ok, deep := nested(maxDepth), nested(maxDepth+1)
	for _, ld := range []plog.Logs{ok, deep} {
		if _, err := p.processLogs(context.Background(), ld); err != nil {
			t.Fatal(err)
		}
	}
	if got := leaf(ok); got != emailMask {
		t.Errorf("at depth %d: %q", maxDepth, got)
	}
	if got := leaf(deep); got == "" || strings.Trim(got, "*") != "" {
		t.Errorf("at depth %d: %q, want it masked whole", maxDepth+1, got)
	}
	m := collect(t, reader)
	checkMetric(t, m, MetricErrors, map[string]string{"reason": ReasonTooDeep}, 1)
	checkMetric(t, m, MetricRecords, nil, 1)
}
