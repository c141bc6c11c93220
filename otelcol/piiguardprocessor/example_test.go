package piiguardprocessor_test

import (
	"context"
	"fmt"

	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/processor/processortest"

	"github.com/piiguard/piiguard/otelcol/piiguardprocessor"
)

// A logs processor, as the collector creates it from a configuration
// (here the default: every managed identifier, asterisks), masks a record.
func ExampleNewFactory() {
	f := piiguardprocessor.NewFactory()
	cfg := f.CreateDefaultConfig().(*piiguardprocessor.Config)
	cfg.Fields.MaskWhole = []string{"(?i)password"}

	ctx := context.Background()
	out := new(consumertest.LogsSink)
	p, err := f.CreateLogs(ctx, processortest.NewNopSettings(piiguardprocessor.Type), cfg, out)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Shutdown(ctx)

	ld := plog.NewLogs()
	lr := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	lr.Body().SetStr("login alice@example.com from 10.1.2.3")
	lr.Attributes().PutStr("db.password", "hunter2")
	if err := p.ConsumeLogs(ctx, ld); err != nil {
		fmt.Println(err)
		return
	}
	got := out.AllLogs()[0].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0)
	pwd, _ := got.Attributes().Get("db.password")
	fmt.Println(got.Body().Str())
	fmt.Println(pwd.Str())
	// Output:
	// login ***************** from ********
	// *******
}
