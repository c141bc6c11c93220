package identifiers

// IDENTIFIERS.md is generated from Catalog(); TestIdentifiersDocUpToDate
// fails when it is stale.
//go:generate go run ./internal/gendoc -o IDENTIFIERS.md

// patterns_gen.go holds the patterns the catalog would otherwise assemble at
// start-up; TestGeneratedPatternsUpToDate fails when it is stale.
//go:generate go run ./internal/genpatterns -o patterns_gen.go
