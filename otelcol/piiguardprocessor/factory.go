package piiguardprocessor

import (
	"context"
	"sync"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processorhelper"
)

// Type is the processor's type in a collector configuration.
var Type = component.MustNewType("piiguard")

const stability = component.StabilityLevelAlpha

// NewFactory returns the factory of the piiguard processor, for logs and
// traces.
func NewFactory() processor.Factory {
	return processor.NewFactory(Type, createDefaultConfig,
		processor.WithLogs(createLogs, stability),
		processor.WithTraces(createTraces, stability))
}

func createDefaultConfig() component.Config {
	return &Config{Mode: ModeMask, MaxRecordBytes: DefaultMaxRecordBytes}
}

// engines shares one compiled engine between the logs and traces
// pipelines of one configuration: compiling takes a fraction of a second.
var engines struct {
	sync.Mutex
	byConfig map[*Config]*engine
}

func engineFor(c *Config) (*engine, error) {
	engines.Lock()
	defer engines.Unlock()
	if e := engines.byConfig[c]; e != nil {
		return e, nil
	}
	e, err := newEngine(c)
	if err != nil {
		return nil, err
	}
	if engines.byConfig == nil {
		engines.byConfig = map[*Config]*engine{}
	}
	engines.byConfig[c] = e
	return e, nil
}

// capabilities: the processor changes the data it is given (mask mode)
// or adds attributes to it (audit mode).
var capabilities = processorhelper.WithCapabilities(consumer.Capabilities{MutatesData: true})

func newFor(set processor.Settings, cfg component.Config) (*piiguardProcessor, error) {
	e, err := engineFor(cfg.(*Config))
	if err != nil {
		return nil, err
	}
	tel, err := newTelemetry(set.MeterProvider)
	if err != nil {
		return nil, err
	}
	return newProcessor(e, tel), nil
}

func createLogs(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Logs) (processor.Logs, error) {
	p, err := newFor(set, cfg)
	if err != nil {
		return nil, err
	}
	return processorhelper.NewLogs(ctx, set, cfg, next, p.processLogs, capabilities)
}

func createTraces(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Traces) (processor.Traces, error) {
	p, err := newFor(set, cfg)
	if err != nil {
		return nil, err
	}
	return processorhelper.NewTraces(ctx, set, cfg, next, p.processTraces, capabilities)
}
