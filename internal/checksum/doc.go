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
// non-ASCII bytes, makes the value invalid.
//
// The validators are pure, never retain value, never allocate and never
// panic, whatever the input. They check the structure and the check
// characters of a value, not whether it has been issued to anyone: a valid
// result means "well formed", and issuer test numbers and documentation
// examples are accepted like any other value.
package checksum
