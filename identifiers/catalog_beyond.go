package identifiers

// beyond holds identifiers CloudWatch does not have (Extension: true, off by default).
var beyond = []*Identifier{}
