// Package sepa holds the SEPA countries' IBAN lengths and the Iban
// identifier's pattern built from them. The identifiers package uses the
// pattern as a generated constant (identifiers/patterns_gen.go, written by
// "go generate ./identifiers/"), so that programs do not build it at
// start-up; a test there fails when the constant is stale.
package sepa

import (
	"sort"
	"strconv"
	"strings"
)

// IBANLengths lists the SEPA countries (the EEA, Switzerland, the UK,
// Monaco, San Marino, Andorra, the Vatican, and Albania, Moldova,
// Montenegro, North Macedonia and Serbia) with their IBAN lengths (ISO 13616
// registry).
var IBANLengths = map[string]int{
	"AD": 24, "AL": 28, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22,
	"DK": 18, "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21,
	"HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27,
	"MD": 24, "ME": 22, "MK": 19, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24,
	"RS": 22, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "VA": 22,
}

// Countries returns the SEPA country codes, sorted.
func Countries() []string {
	out := make([]string, 0, len(IBANLengths))
	for c := range IBANLengths {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// IBANPattern matches the IBANs of the SEPA countries, each with its
// country's length, so that a word after an IBAN ("BE68 5390 0754 7034
// SEPA") is not taken as a fifth group: one alternative per length, longest
// first, naming the countries of that length.
func IBANPattern() string {
	byLen := map[int][]string{}
	for c, n := range IBANLengths {
		byLen[n] = append(byLen[n], c)
	}
	lengths := make([]int, 0, len(byLen))
	for n := range byLen {
		lengths = append(lengths, n)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(lengths)))
	var alts []string
	for _, n := range lengths {
		cs := byLen[n]
		sort.Strings(cs)
		groups, rest := (n-4)/4, (n-4)%4
		alt := `(?:` + strings.Join(cs, "|") + `)[0-9]{2}(?:[ -]?[0-9A-Z]{4}){` + strconv.Itoa(groups) + `}`
		if rest > 0 {
			alt += `[ -]?[0-9A-Z]{` + strconv.Itoa(rest) + `}`
		}
		alts = append(alts, alt)
	}
	return strings.Join(alts, "|")
}
