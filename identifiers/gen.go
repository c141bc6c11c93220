package identifiers

// IDENTIFIERS.md is generated from Catalog(); TestIdentifiersDocUpToDate
// fails when it is stale.
//go:generate go run ./internal/gendoc -o IDENTIFIERS.md
