package identifiers

// namesAndAddresses holds Name and Address: full personal names and street addresses.
var namesAndAddresses = []*Identifier{}
