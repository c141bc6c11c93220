package checksum

// validators lists every validator of the package by name.
var validators = []struct {
	name string
	fn   func([]byte) bool
}{
	{"ABARouting", ABARouting},
	{"BCPHN", BCPHN},
	{"CIF", CIF},
	{"CNPJ", CNPJ},
	{"CPF", CPF},
	{"CodiceFiscale", CodiceFiscale},
	{"CreditCard", CreditCard},
	{"DEA", DEA},
	{"DNI", DNI},
	{"GermanDocumentNumber", GermanDocumentNumber},
	{"IBAN", IBAN},
	{"ITIN", ITIN},
	{"LatLong", LatLong},
	{"Luhn", Luhn},
	{"MBI", MBI},
	{"NAF", NAF},
	{"NANP", NANP},
	{"NDC", NDC},
	{"NHS", NHS},
	{"NIE", NIE},
	{"NINO", NINO},
	{"NIR", NIR},
	{"NPI", NPI},
	{"SIN", SIN},
	{"SSN", SSN},
	{"SortCodeAccount", SortCodeAccount},
	{"SteuerID", SteuerID},
	{"UTR", UTR},
	{"VIN", VIN},
	{"Verhoeff", Verhoeff},
}
