// Command otelcol-piiguard is an OpenTelemetry Collector distribution with
// the piiguard processor: the otlp and filelog receivers, the batch and
// piiguard processors, and the file, debug and otlp exporters. It is built
// the way the collector builder (ocb) builds a distribution, and is run
// like any collector:
//
//	otelcol-piiguard --config config.yaml
//
// See the module README for an example configuration.
package main

import (
	"fmt"
	"os"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/provider/envprovider"
	"go.opentelemetry.io/collector/confmap/provider/fileprovider"
	"go.opentelemetry.io/collector/confmap/provider/yamlprovider"
	"go.opentelemetry.io/collector/otelcol"
)

// version is the distribution's version, set at build time with
// -ldflags "-X main.version=...".
var version = "dev"

func main() {
	if err := otelcol.NewCommand(settings()).Execute(); err != nil {
		fmt.Fprintf(os.Stderr, "otelcol-piiguard: %v\n", err)
		os.Exit(1)
	}
}

// settings are the collector's settings: its components and where its
// configuration comes from (file:, env: and yaml: URIs; a bare path is a
// file).
func settings() otelcol.CollectorSettings {
	return otelcol.CollectorSettings{
		BuildInfo: component.BuildInfo{
			Command:     "otelcol-piiguard",
			Description: "OpenTelemetry Collector with the piiguard processor",
			Version:     version,
		},
		Factories: components,
		ConfigProviderSettings: otelcol.ConfigProviderSettings{
			ResolverSettings: confmap.ResolverSettings{
				ProviderFactories: []confmap.ProviderFactory{
					envprovider.NewFactory(),
					fileprovider.NewFactory(),
					yamlprovider.NewFactory(),
				},
				DefaultScheme: "env",
			},
		},
	}
}
