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
// processors of one configuration (compiling takes a fraction of a
// second); an engine is dropped when the last of its processors shuts
// down, so that a reloaded configuration does not keep the old one.
var engines struct {
	sync.Mutex
	byConfig map[*Config]*sharedEngine
}

type sharedEngine struct {
	e    *engine
	refs int
}

// acquireEngine returns the engine of c, compiling it on first use.
func acquireEngine(c *Config) (*engine, error) {
	engines.Lock()
	defer engines.Unlock()
	if s := engines.byConfig[c]; s != nil {
		s.refs++
		return s.e, nil
	}
	e, err := newEngine(c)
	if err != nil {
		return nil, err
	}
	if engines.byConfig == nil {
		engines.byConfig = map[*Config]*sharedEngine{}
	}
	engines.byConfig[c] = &sharedEngine{e: e, refs: 1}
	return e, nil
}

// releaseEngine drops a reference to the engine of c.
func releaseEngine(c *Config) {
	engines.Lock()
	defer engines.Unlock()
	if s := engines.byConfig[c]; s != nil {
		if s.refs--; s.refs <= 0 {
			delete(engines.byConfig, c)
		}
	}
}

// capabilities: the processor changes the data it is given (mask mode)
// or adds attributes to it (audit mode).
var capabilities = processorhelper.WithCapabilities(consumer.Capabilities{MutatesData: true})

func newFor(set processor.Settings, cfg component.Config) (*piiguardProcessor, []processorhelper.Option, error) {
	c := cfg.(*Config)
	e, err := acquireEngine(c)
	if err != nil {
		return nil, nil, err
	}
	tel, err := newTelemetry(set.MeterProvider, set.ID.String())
	if err != nil {
		releaseEngine(c)
		return nil, nil, err
	}
	var once sync.Once
	shutdown := processorhelper.WithShutdown(func(context.Context) error {
		once.Do(func() { releaseEngine(c) })
		return nil
	})
	return newProcessor(e, tel), []processorhelper.Option{capabilities, shutdown}, nil
}

func createLogs(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Logs) (processor.Logs, error) {
	p, opts, err := newFor(set, cfg)
	if err != nil {
		return nil, err
	}
	return processorhelper.NewLogs(ctx, set, cfg, next, p.processLogs, opts...)
}

func createTraces(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Traces) (processor.Traces, error) {
	p, opts, err := newFor(set, cfg)
	if err != nil {
		return nil, err
	}
	return processorhelper.NewTraces(ctx, set, cfg, next, p.processTraces, opts...)
}
