// Package piiguardprocessor is an OpenTelemetry Collector processor that
// finds and masks sensitive data (personal, financial and health data,
// credentials) in logs and traces with piiguard: CloudWatch Logs managed
// data identifiers, keywords, checksums and data protection policies.
//
// It scans the body and attributes of each log record, the attributes of
// each span and of its events, and resource attributes. In mask mode (the
// default) it replaces each sensitive value in place: structured bodies
// and map attributes keep their structure, and every byte outside a
// masked value is unchanged; a string body is masked exactly as
// `piiguard mask` masks a line. In audit mode it leaves values and adds
// the attributes piiguard.findings and piiguard.identifiers to each
// record with findings; mode both does both.
//
// A record that cannot be scanned (a value that is not valid UTF-8, more
// than max_record_bytes of values, or maps and slices nested more than 64
// deep) is counted in the errors metric and, in mask mode, masked whole:
// no record is ever dropped, and none is passed on in clear.
//
// The processor reports through the collector's meter: records scanned,
// bytes scanned, findings per identifier and errors per reason.
//
// See Config for the configuration and the module README for an example.
package piiguardprocessor
