package testcorpus

import "github.com/piiguard/piiguard/identifiers"

// CoreNames are the identifiers of the first catalog (before the national,
// health, name and address families): numbers, keys and addresses with
// simple patterns. The Core benchmarks compare engines on them, where the
// baselines are at their best: the full catalog's name and street-address
// patterns are large enough to slow a single alternation by tens of times.
var CoreNames = []string{
	"AwsSecretKey", "BankAccountNumber-DE", "BankAccountNumber-GB", "BankAccountNumber-US", "CreditCardExpiration",
	"CreditCardNumber", "CreditCardSecurityCode", "DateOfBirth", "DriversLicense-US", "EmailAddress", "IpAddress",
	"LatLong", "OpenSshPrivateKey", "PassportNumber-US", "PgpPrivateKey", "PhoneNumber-GB", "PhoneNumber-US",
	"PkcsPrivateKey", "PostalCode-CA", "PuttyPrivateKey", "Ssn-US", "VehicleIdentificationNumber", "ZipCode-US",
}

// CoreIdentifiers returns the catalog's identifiers named in CoreNames
// (those it still has).
func CoreIdentifiers() []*identifiers.Identifier {
	var out []*identifiers.Identifier
	for _, n := range CoreNames {
		if id, ok := identifiers.Lookup(n); ok {
			out = append(out, id)
		}
	}
	return out
}
