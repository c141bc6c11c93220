package main

import (
	"runtime/debug"

	"github.com/open-telemetry/opentelemetry-collector-contrib/exporter/fileexporter"
	"github.com/open-telemetry/opentelemetry-collector-contrib/receiver/filelogreceiver"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/exporter"
	"go.opentelemetry.io/collector/exporter/debugexporter"
	"go.opentelemetry.io/collector/exporter/otlpexporter"
	"go.opentelemetry.io/collector/otelcol"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/batchprocessor"
	"go.opentelemetry.io/collector/receiver"
	"go.opentelemetry.io/collector/receiver/otlpreceiver"
	"go.opentelemetry.io/collector/service/telemetry/otelconftelemetry"

	"github.com/piiguard/piiguard/otelcol/piiguardprocessor"
)

// components lists the distribution's components.
func components() (otelcol.Factories, error) {
	var err error
	f := otelcol.Factories{
		// Without a telemetry factory the collector exits at start.
		Telemetry: otelconftelemetry.NewFactory(),
	}
	if f.Receivers, err = otelcol.MakeFactoryMap[receiver.Factory](
		otlpreceiver.NewFactory(),
		filelogreceiver.NewFactory(),
	); err != nil {
		return otelcol.Factories{}, err
	}
	if f.Processors, err = otelcol.MakeFactoryMap[processor.Factory](
		batchprocessor.NewFactory(),
		piiguardprocessor.NewFactory(),
	); err != nil {
		return otelcol.Factories{}, err
	}
	if f.Exporters, err = otelcol.MakeFactoryMap[exporter.Factory](
		fileexporter.NewFactory(),
		debugexporter.NewFactory(),
		otlpexporter.NewFactory(),
	); err != nil {
		return otelcol.Factories{}, err
	}
	f.ReceiverModules = modules(f.Receivers, map[string]string{
		"otlp":     "go.opentelemetry.io/collector/receiver/otlpreceiver",
		"file_log": "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/filelogreceiver",
	})
	f.ProcessorModules = modules(f.Processors, map[string]string{
		"batch":    "go.opentelemetry.io/collector/processor/batchprocessor",
		"piiguard": "github.com/piiguard/piiguard/otelcol",
	})
	f.ExporterModules = modules(f.Exporters, map[string]string{
		"file":  "github.com/open-telemetry/opentelemetry-collector-contrib/exporter/fileexporter",
		"debug": "go.opentelemetry.io/collector/exporter/debugexporter",
		"otlp":  "go.opentelemetry.io/collector/exporter/otlpexporter",
	})
	return f, nil
}

// modules maps each component type of factories to "module version", as
// `otelcol-piiguard components` shows it, with the versions this binary
// was built with.
func modules[F any](factories map[component.Type]F, paths map[string]string) map[component.Type]string {
	versions := map[string]string{}
	if bi, ok := debug.ReadBuildInfo(); ok {
		versions[bi.Main.Path] = bi.Main.Version
		for _, d := range bi.Deps {
			versions[d.Path] = d.Version
		}
	}
	out := make(map[component.Type]string, len(factories))
	for typ := range factories {
		path, ok := paths[typ.String()]
		if !ok {
			continue // an alias
		}
		if v := versions[path]; v != "" {
			path += " " + v
		}
		out[typ] = path
	}
	return out
}
