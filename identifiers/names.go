package identifiers

// managedNames is CloudWatch's list of managed data identifier names: the 98
// ARN names its documentation publishes, plus DateOfBirth and
// CreditCardMagneticStripe, which the service accepts and its console offers.
// A policy may name any of them.
var managedNames = [...]string{
	"Address", "AwsSecretKey",
	"BankAccountNumber-DE", "BankAccountNumber-ES", "BankAccountNumber-FR", "BankAccountNumber-GB", "BankAccountNumber-IT", "BankAccountNumber-US",
	"CepCode-BR", "Cnpj-BR", "CpfCode-BR",
	"CreditCardExpiration", "CreditCardMagneticStripe", "CreditCardNumber", "CreditCardSecurityCode",
	"DateOfBirth",
	"DriversLicense-AT", "DriversLicense-AU", "DriversLicense-BE", "DriversLicense-BG", "DriversLicense-CA", "DriversLicense-CY",
	"DriversLicense-CZ", "DriversLicense-DE", "DriversLicense-DK", "DriversLicense-EE", "DriversLicense-ES", "DriversLicense-FI",
	"DriversLicense-FR", "DriversLicense-GB", "DriversLicense-GR", "DriversLicense-HR", "DriversLicense-HU", "DriversLicense-IE",
	"DriversLicense-IT", "DriversLicense-LT", "DriversLicense-LU", "DriversLicense-LV", "DriversLicense-MT", "DriversLicense-NL",
	"DriversLicense-PL", "DriversLicense-PT", "DriversLicense-RO", "DriversLicense-SE", "DriversLicense-SI", "DriversLicense-SK",
	"DriversLicense-US",
	"DrugEnforcementAgencyNumber-US",
	"ElectoralRollNumber-GB",
	"EmailAddress",
	"HealthInsuranceCardNumber-EU", "HealthInsuranceClaimNumber-US", "HealthInsuranceNumber-FR", "HealthcareProcedureCode-US",
	"IndividualTaxIdentificationNumber-US",
	"InseeCode-FR",
	"IpAddress",
	"LatLong",
	"MedicareBeneficiaryNumber-US",
	"Name",
	"NationalDrugCode-US",
	"NationalIdentificationNumber-DE", "NationalIdentificationNumber-ES", "NationalIdentificationNumber-IT",
	"NationalInsuranceNumber-GB",
	"NationalProviderId-US",
	"NhsNumber-GB",
	"NieNumber-ES", "NifNumber-ES",
	"OpenSshPrivateKey",
	"PassportNumber-CA", "PassportNumber-DE", "PassportNumber-ES", "PassportNumber-FR", "PassportNumber-GB", "PassportNumber-IT", "PassportNumber-US",
	"PermanentResidenceNumber-CA",
	"PersonalHealthNumber-CA",
	"PgpPrivateKey",
	"PhoneNumber-BR", "PhoneNumber-DE", "PhoneNumber-ES", "PhoneNumber-FR", "PhoneNumber-GB", "PhoneNumber-IT", "PhoneNumber-US",
	"PkcsPrivateKey",
	"PostalCode-CA",
	"PuttyPrivateKey",
	"RgNumber-BR",
	"SocialInsuranceNumber-CA",
	"Ssn-ES", "Ssn-US",
	"TaxId-DE", "TaxId-ES", "TaxId-FR", "TaxId-GB",
	"VehicleIdentificationNumber",
	"ZipCode-US",
}

var managedNameSet = func() map[string]bool {
	m := make(map[string]bool, len(managedNames))
	for _, n := range managedNames {
		m[n] = true
	}
	return m
}()

// ManagedNames returns the names of all of CloudWatch's managed data
// identifiers, sorted. Catalog reports which of them piiguard implements.
func ManagedNames() []string {
	out := make([]string, len(managedNames))
	copy(out, managedNames[:])
	return out
}

// IsManagedName reports whether name is a CloudWatch managed identifier name
// (case-sensitive, as in ARNs).
func IsManagedName(name string) bool { return managedNameSet[name] }
