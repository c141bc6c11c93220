package piiguardprocessor

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

// scopeName is the instrumentation scope of the processor's metrics.
const scopeName = "github.com/piiguard/piiguard/otelcol/piiguardprocessor"

// Metric names, as the collector's Prometheus endpoint shows them.
const (
	MetricRecords  = "otelcol_processor_piiguard_records_scanned"
	MetricBytes    = "otelcol_processor_piiguard_bytes_scanned"
	MetricFindings = "otelcol_processor_piiguard_findings"
	MetricErrors   = "otelcol_processor_piiguard_errors"
)

// Error reasons, the "reason" attribute of MetricErrors.
const (
	ReasonInvalidUTF8 = "invalid_utf8"
	ReasonTooLarge    = "too_large"
	ReasonTooDeep     = "too_deep"
)

// telemetry holds the processor's instruments.
type telemetry struct {
	id       string // the processor's component id
	records  metric.Int64Counter
	bytes    metric.Int64Counter
	findings metric.Int64Counter
	errors   metric.Int64Counter
}

func newTelemetry(mp metric.MeterProvider, id string) (*telemetry, error) {
	m := mp.Meter(scopeName)
	t := telemetry{id: id}
	var err, e error
	t.records, e = m.Int64Counter(MetricRecords, metric.WithUnit("{record}"),
		metric.WithDescription("Log records and spans scanned (records that could not be scanned are not counted)."))
	err = errors.Join(err, e)
	t.bytes, e = m.Int64Counter(MetricBytes, metric.WithUnit("By"),
		metric.WithDescription("Bytes of values scanned."))
	err = errors.Join(err, e)
	t.findings, e = m.Int64Counter(MetricFindings, metric.WithUnit("{finding}"),
		metric.WithDescription("Sensitive values found, by identifier."))
	err = errors.Join(err, e)
	t.errors, e = m.Int64Counter(MetricErrors, metric.WithUnit("{record}"),
		metric.WithDescription("Records that could not be scanned (masked whole in mask mode), by reason."))
	err = errors.Join(err, e)
	return &t, err
}

// Signals, the "signal" attribute of every metric.
const (
	signalLogs   = "logs"
	signalTraces = "traces"
)

// record adds a batch's counts, with the attributes signal and processor
// (the processor's component id, as piiguard or piiguard/audit).
func (t *telemetry) record(ctx context.Context, s *stats, signal string) {
	base := []attribute.KeyValue{attribute.String("signal", signal), attribute.String("processor", t.id)}
	opt := metric.WithAttributeSet(attribute.NewSet(base...))
	with := func(k, v string) metric.AddOption {
		return metric.WithAttributeSet(attribute.NewSet(append(base[:len(base):len(base)], attribute.String(k, v))...))
	}
	if s.records > 0 {
		t.records.Add(ctx, s.records, opt)
	}
	if s.bytes > 0 {
		t.bytes.Add(ctx, s.bytes, opt)
	}
	for id, n := range s.findings {
		t.findings.Add(ctx, n, with("identifier", id))
	}
	if s.invalidUTF8 > 0 {
		t.errors.Add(ctx, s.invalidUTF8, with("reason", ReasonInvalidUTF8))
	}
	if s.tooLarge > 0 {
		t.errors.Add(ctx, s.tooLarge, with("reason", ReasonTooLarge))
	}
	if s.tooDeep > 0 {
		t.errors.Add(ctx, s.tooDeep, with("reason", ReasonTooDeep))
	}
}
