// Package checksum validates identifier values found in text: payment card
// numbers, bank account numbers, national identity, tax and health numbers,
// and a few other formats whose well-formedness can be checked beyond a
// regular expression.
//
// Every validator has the signature
//
//	func(value []byte) bool
//
// and receives a candidate exactly as a pattern matched it in the text,
// separators included. Each function documents the separators its format
// allows; they may appear between characters (never first or last) and are
// ignored. Letters are accepted in either case. Any other byte, including
// non-ASCII bytes, makes the value invalid, except where a function says
// it ignores every byte that is not a letter or digit, or leaves a part of
// the value's shape to the pattern that found it: those checks run only on
// what the catalog's patterns match.
//
// The catalog of package identifiers names these functions in its tables;
// a new check belongs here, in the file of its country or scheme, with
// cases in the package's tables so that the tests, the allocation test and
// FuzzValidators cover it.
//
// The validators are pure, never retain value, never allocate and never
// panic, whatever the input. They check the structure and the check
// characters of a value, not whether it has been issued to anyone: a valid
// result means "well formed", and issuer test numbers and documentation
// examples are accepted like any other value.
package checksum
