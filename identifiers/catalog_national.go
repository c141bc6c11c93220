package identifiers

// national holds national identifiers: driver's licences, passports, national and tax ids, bank accounts and phones by country.
var national = []*Identifier{}
