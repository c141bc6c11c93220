package identifiers

// health holds protected health information (PHI).
var health = []*Identifier{}
