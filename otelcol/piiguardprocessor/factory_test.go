package piiguardprocessor

import (
	"context"
	"strings"
	"testing"

	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/processor/processortest"
)

// TestFactory runs logs and traces through processors the factory
// creates, as the collector does.
func TestFactory(t *testing.T) {
	f := NewFactory()
	if f.Type().String() != "piiguard" {
		t.Fatalf("type %s", f.Type())
	}
	cfg := f.CreateDefaultConfig().(*Config)
	ctx := context.Background()
	set := processortest.NewNopSettings(Type)

	logs := new(consumertest.LogsSink)
	lp, err := f.CreateLogs(ctx, set, cfg, logs)
	if err != nil {
		t.Fatal(err)
	}
	if !lp.Capabilities().MutatesData {
		t.Error("the processor must declare that it mutates data")
	}
	traces := new(consumertest.TracesSink)
	tp, err := f.CreateTraces(ctx, set, cfg, traces)
	if err != nil {
		t.Fatal(err)
	}
	if refs := engineRefs(cfg); refs != 2 {
		t.Errorf("the logs and traces processors of one config hold %d references to an engine, want 2 to a shared one", refs)
	}
	host := componenttest.NewNopHost()
	if err := lp.Start(ctx, host); err != nil {
		t.Fatal(err)
	}
	if err := tp.Start(ctx, host); err != nil {
		t.Fatal(err)
	}
	ld := plog.NewLogs()
	ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty().Body().SetStr("mail " + email)
	if err := lp.ConsumeLogs(ctx, ld); err != nil {
		t.Fatal(err)
	}
	if err := tp.ConsumeTraces(ctx, spanWith(map[string]any{"ip": ip}, nil)); err != nil {
		t.Fatal(err)
	}
	if got := logs.AllLogs()[0].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0).Body().Str(); got != "mail "+emailMask {
		t.Errorf("log body %q", got)
	}
	if got, _ := traces.AllTraces()[0].ResourceSpans().At(0).ScopeSpans().At(0).Spans().At(0).Attributes().Get("ip"); got.Str() != ipMask {
		t.Errorf("span attribute %q", got.Str())
	}
	if err := lp.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if err := tp.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if refs := engineRefs(cfg); refs != 0 {
		t.Errorf("after shutdown the engine has %d references, want it dropped", refs)
	}
}

func engineRefs(c *Config) int {
	engines.Lock()
	defer engines.Unlock()
	if s := engines.byConfig[c]; s != nil {
		return s.refs
	}
	return 0
}

// TestFactoryBadConfig checks that creating a processor from a config
// that cannot compile fails, naming the key.
func TestFactoryBadConfig(t *testing.T) {
	f := NewFactory()
	cfg := &Config{Identifiers: []string{"Nope"}}
	_, err := f.CreateLogs(context.Background(), processortest.NewNopSettings(Type), cfg, new(consumertest.LogsSink))
	if err == nil || !strings.Contains(err.Error(), "identifiers::0") {
		t.Fatalf("want an error naming identifiers::0, got %v", err)
	}
}
