package piiguardprocessor

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

// scopeName is the instrumentation scope of the processor's metrics.
const scopeName = "github.com/piiguard/piiguard/otelcol/piiguardprocessor"

// Metric names. The collector adds the processor's id as attributes.
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
)

// telemetry holds the processor's instruments.
type telemetry struct {
	records  metric.Int64Counter
	bytes    metric.Int64Counter
	findings metric.Int64Counter
	errors   metric.Int64Counter
}

func newTelemetry(mp metric.MeterProvider) (*telemetry, error) {
	m := mp.Meter(scopeName)
	var t telemetry
	var err, e error
	t.records, e = m.Int64Counter(MetricRecords, metric.WithUnit("{record}"),
		metric.WithDescription("Log records and spans scanned (records passed on unchanged after an error are not counted)."))
	err = errors.Join(err, e)
	t.bytes, e = m.Int64Counter(MetricBytes, metric.WithUnit("By"),
		metric.WithDescription("Bytes of values scanned."))
	err = errors.Join(err, e)
	t.findings, e = m.Int64Counter(MetricFindings, metric.WithUnit("{finding}"),
		metric.WithDescription("Sensitive values found, by identifier."))
	err = errors.Join(err, e)
	t.errors, e = m.Int64Counter(MetricErrors, metric.WithUnit("{record}"),
		metric.WithDescription("Records passed on unchanged because they could not be scanned, by reason."))
	err = errors.Join(err, e)
	return &t, err
}

// signal attributes.
var (
	signalLogs   = metric.WithAttributeSet(attribute.NewSet(attribute.String("signal", "logs")))
	signalTraces = metric.WithAttributeSet(attribute.NewSet(attribute.String("signal", "traces")))
)

// record adds a batch's counts.
func (t *telemetry) record(ctx context.Context, s *stats, signal metric.AddOption) {
	if s.records > 0 {
		t.records.Add(ctx, s.records, signal)
	}
	if s.bytes > 0 {
		t.bytes.Add(ctx, s.bytes, signal)
	}
	for id, n := range s.findings {
		t.findings.Add(ctx, n, signal, metric.WithAttributes(attribute.String("identifier", id)))
	}
	if s.invalidUTF8 > 0 {
		t.errors.Add(ctx, s.invalidUTF8, signal, metric.WithAttributes(attribute.String("reason", ReasonInvalidUTF8)))
	}
	if s.tooLarge > 0 {
		t.errors.Add(ctx, s.tooLarge, signal, metric.WithAttributes(attribute.String("reason", ReasonTooLarge)))
	}
}
