package identifiers_test

import "strings"

// Conformance vectors: for every identifier of identifiers.Catalog(), at least
// minValid values it must report and minInvalid values it must not. The
// values are literal strings. Documented examples are used where they exist
// (the IBAN registry, the reference's LatLong and VIN examples, Macie's bank
// account examples); other checksummed values were computed once with the
// independent helpers of vectors_test.go (TestVectorLiterals re-checks them).
// TestConformanceVectors explains how each value is placed in text.
//
// Every identifier added to the catalog must get an entry here.

// Minimum numbers of vectors per identifier.
const (
	minValid   = 5
	minInvalid = 5
)

// vector is one conformance value.
type vector struct {
	value string
	// why says what the value exercises: its format, where it comes from, or
	// why it must not be reported.
	why string
	// needsKeyword marks a valid value of an identifier that does not require
	// a keyword but whose format does (a Pattern with NeedsKeyword: a phone
	// number without its country code).
	needsKeyword bool
	// cut marks a private key cut after its header and some material, with no
	// END line: the material's alphabet (base64, spaces, ':' ',' '-') also
	// covers ordinary words, so any text after it on the line is taken as
	// material. The placements put no text after such a value.
	cut bool
}

// v is a vector; vk is a valid vector that needs a keyword.
func v(value, why string) vector  { return vector{value: value, why: why} }
func vk(value, why string) vector { return vector{value: value, why: why, needsKeyword: true} }

// cut is a valid vector of a cut private-key block (see vector.cut).
func cut(value, why string) vector { return vector{value: value, why: why, cut: true} }

// identifierVectors are the vectors of one identifier.
type identifierVectors struct {
	// keyword is the catalog keyword the placements use; "" means the
	// identifier's first keyword. Choose one that no other keyword of the
	// identifier is part of (with "card number", "card" would be found too).
	keyword        string
	valid, invalid []vector
}

// PEM and PuTTY material used by the private-key vectors. None of it is a
// real key: the base64 is made up.
const (
	sshBody = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n" +
		"QyNTUxOQAAACDjKqp5Fc65tEnRulDqKiy7GmoB+QvaJFotHYdpfRiiZQAAAJgvHqZ/Lx6m\n" +
		"fwAAAAtzc2gtZWQyNTUxOQAAACDjKqp5Fc65tEnRulDqKiy7GmoB+QvaJFotHYdpfRiiZQ\n" +
		"AAAEAxYnZ2Y3JhbmRvbWJ5dGVzZm9ydGVzdGluZ29ubHkwMTIzNDU2Nzg5YWJjZGVm4yqq\n" +
		"QF\n"
	pkcsBody = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n" +
		"MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n" +
		"NMoSfm76oqFvAp8Gy0iz5sxjZmSnXyCdPEovGhLa0VzMaQ8s+CLOyS56YyCFGeJZ\n"
	pgpBody = "Version: GnuPG v2\n\n" +
		"lQOYBF5ZgUYBCAC7m3x5k2Jv0vY6gq3j1Qk9nY8d2d0O5QJmZxqTQeGmPzL0cZ3q\n" +
		"Hq4mE7Vb0yRz8pLw2cT5nX1aD9fG3hJ6kM0oQ4sU7vW1xY3zB5dF8gH2jK4lN6pR\n" +
		"=Fm2x\n"
	puttyPublic  = "AAAAB3NzaC1yc2EAAAABJQAAAIEAhW9Zb1Y2x4QmJ0FfN3b5m1XkQ8+f9tqQ2yYv"
	puttyPrivate = "AAAAgQCQ3pX1t7h0vR6c8fJ2q9dW5nE0yK4sLmB7aP3zUoXiGgH1vYtD6rSfNcM2"
	puttyMAC     = "3c8f0a4b9e2d7c1f6a5b4e3d2c1b0a9f8e7d6c5b"
)

// pem returns a PEM block with the given label and body, lines ending in nl.
func pem(label, body, nl string) string {
	body = strings.ReplaceAll(body, "\n", nl)
	return "-----BEGIN " + label + "-----" + nl + body + "-----END " + label + "-----"
}

// putty returns a PuTTY key file with the given headers, lines ending in nl.
func putty(version, algo, encryption, comment, nl string) string {
	return "PuTTY-User-Key-File-" + version + ": " + algo + nl +
		"Encryption: " + encryption + nl +
		"Comment: " + comment + nl +
		"Public-Lines: 2" + nl + puttyPublic + nl + "Kx0aQ==" + nl +
		"Private-Lines: 2" + nl + puttyPrivate + nl + "Ww==" + nl +
		"Private-MAC: " + puttyMAC
}

var conformanceVectors = map[string]identifierVectors{
	// ---- Credentials ----
	"AwsSecretKey": {
		keyword: "aws_secret_access_key",
		valid: []vector{
			v("PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA+", "40 base64 characters ending in +"),
			v("2O76UMFxFkM+R5Kjp1vRt/1fjORS+6ilI8ihN5KX", "with / and +"),
			v("Sc7Tvo+hBKqFYY+kv5ZJr3J1TWDtkwtDDb/xHKas", "with / and +"),
			v("1VOqg6YYZYn9ZhyiA4uoRgnatmUdjAWtGSU8po/7", "ending in /7"),
			v("99NksnRH9ucAUsdMlHUvTCQCyEZDz+TddJ8HyS5S", "starting with digits"),
			v("UkCnD8zRA9a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbn", "letters and digits only"),
		},
		invalid: []vector{
			v("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS documentation example key: never reported"),
			v("je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", "AWS documentation example key: never reported"),
			v("PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA", "39 characters"),
			v("PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihAxQ", "41 characters: no 40-character piece stands alone"),
			v("7i1mnbqns6puq80idw3706i8j76b2lajlj4h9du7", "no upper-case letter"),
			v("HJEYXgJdpmrcXgGCJbWeCuNGMGmSrCGIZEGpSHqJ", "no digit"),
			v("da39a3ee5e6b4b0d3255bfef95601890afd80709", "a SHA-1 digest (lower-case hex)"),
		},
	},
	"OpenSshPrivateKey": {
		valid: []vector{
			v(pem("OPENSSH PRIVATE KEY", sshBody, "\n"), "whole block"),
			v(pem("OPENSSH PRIVATE KEY", sshBody, "\r\n"), "whole block, CRLF"),
			v(pem("OPENSSH PRIVATE KEY", sshBody, `\n`), "whole block on one line with escaped \\n, as JSON logs write it"),
			v(pem("OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAGYmNyeXB0AAAAGAAAABA\n", "\n"), "short block (encrypted key header)"),
			cut("-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW", "cut block: header and material on one line"),
		},
		invalid: []vector{
			v("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user", "public key line"),
			v(pem("RSA PRIVATE KEY", pkcsBody, "\n"), "a PKCS #1 key, not OpenSSH"),
			v(pem("OPENSSH PUBLIC KEY", sshBody, "\n"), "lookalike label PUBLIC"),
			v("----BEGIN OPENSSH PRIVATE KEY----", "four dashes"),
			v("BEGIN OPENSSH PRIVATE KEY", "no armour"),
			v("---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----", "ssh.com format header"),
		},
	},
	"PgpPrivateKey": {
		valid: []vector{
			v(pem("PGP PRIVATE KEY BLOCK", pgpBody, "\n"), "armoured block with Version header"),
			v(pem("PGP PRIVATE KEY BLOCK", pgpBody, "\r\n"), "armoured block, CRLF"),
			v(pem("PGP PRIVATE KEY BLOCK", pgpBody, `\n`), "armoured block with escaped \\n"),
			v(pem("PGP PRIVATE KEY BLOCK", "\nlQVYBGBvZ3oBDADGpX2kLm9rT0tZb3BlbnBncGtleW1hdGVyaWFs\n=a1B2\n", "\n"), "block without armour headers"),
			cut("-----BEGIN PGP PRIVATE KEY BLOCK-----\\n\\nlQOYBF5ZgUYBCAC7m3x5k2Jv0vY6gq3j1Qk9nY8d2d0O5QJmZxqTQeGmPzL0cZ3q", "cut block with escaped newlines"),
		},
		invalid: []vector{
			v(pem("PGP PUBLIC KEY BLOCK", pgpBody, "\n"), "public key block"),
			v(pem("PGP SIGNATURE", pgpBody, "\n"), "signature"),
			v(pem("PGP MESSAGE", pgpBody, "\n"), "encrypted message"),
			v(pem("PGP PRIVATE KEY", pgpBody, "\n"), "label without BLOCK"),
			v("BEGIN PGP PRIVATE KEY BLOCK", "no armour"),
		},
	},
	"PkcsPrivateKey": {
		valid: []vector{
			v(pem("PRIVATE KEY", pkcsBody, "\n"), "PKCS #8"),
			v(pem("RSA PRIVATE KEY", pkcsBody, "\n"), "PKCS #1 RSA"),
			v(pem("EC PRIVATE KEY", "MHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49\n", "\n"), "SEC 1 EC"),
			v(pem("ENCRYPTED PRIVATE KEY", pkcsBody, "\r\n"), "PKCS #8 encrypted, CRLF"),
			v(pem("DSA PRIVATE KEY", pkcsBody, `\n`), "DSA with escaped \\n"),
			cut("-----BEGIN RSA PRIVATE KEY----- MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj", "cut block on one line"),
		},
		invalid: []vector{
			v(pem("PUBLIC KEY", pkcsBody, "\n"), "public key"),
			v(pem("RSA PUBLIC KEY", pkcsBody, "\n"), "PKCS #1 public key"),
			v(pem("CERTIFICATE", pkcsBody, "\n"), "certificate"),
			v(pem("CERTIFICATE REQUEST", pkcsBody, "\n"), "certificate request"),
			v(pem("OPENSSH PRIVATE KEY", sshBody, "\n"), "an OpenSSH key, not PKCS"),
			v(pem("PGP PRIVATE KEY BLOCK", pgpBody, "\n"), "a PGP key, not PKCS"),
		},
	},
	"PuttyPrivateKey": {
		valid: []vector{
			v(putty("2", "ssh-rsa", "none", "rsa-key-20240101", "\n"), "version 2, unencrypted"),
			v(putty("2", "ssh-rsa", "aes256-cbc", "imported-openssh-key", "\r\n"), "version 2, encrypted, CRLF"),
			v(putty("3", "ssh-ed25519", "none", "eddsa-key-20240101", "\n"), "version 3, unencrypted"),
			v(putty("2", "ssh-dss", "none", "dsa-key-20240101", `\n`), "escaped \\n, as JSON logs write it"),
			v(putty("3", "ecdsa-sha2-nistp256", "none", "ecdsa-key-20240101", `\r\n`), "escaped \\r\\n"),
		},
		invalid: []vector{
			v(putty("2", "ssh-rsa", "none", "my laptop key", "\n"), "comment with spaces (not detected, per Macie)"),
			v(putty("2", "ssh-rsa", "none", "rsa_key_2024", "\n"), "comment with underscores (not detected, per Macie)"),
			v("PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: rsa-key-20240101\nX-Custom: yes\nPublic-Lines: 2\n"+
				puttyPublic+"\nKx0aQ==\nPrivate-Lines: 2\n"+puttyPrivate+"\nWw==\nPrivate-MAC: "+puttyMAC, "custom header (not detected, per Macie)"),
			v("PuTTY-User-Key-File-2: ssh-rsa\nComment: rsa-key-20240101\nEncryption: none\nPublic-Lines: 2\n"+
				puttyPublic+"\nKx0aQ==\nPrivate-Lines: 2\n"+puttyPrivate+"\nWw==\nPrivate-MAC: "+puttyMAC, "headers out of order"),
			v("PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: rsa-key-20240101\nPublic-Lines: 2\n"+
				puttyPublic+"\nKx0aQ==\nPrivate-Lines: 2\n"+puttyPrivate+"\nWw==", "no Private-MAC (cut file)"),
			v("---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"rsa-key-20240101\"\n"+puttyPublic+"\n---- END SSH2 PUBLIC KEY ----", "PuTTY public key export"),
		},
	},

	// ---- Financial ----
	"BankAccountNumber-DE": {
		keyword: "iban",
		valid: []vector{
			v("DE89370400440532013000", "IBAN registry example"),
			v("DE89 3704 0044 0532 0130 00", "IBAN registry example, print format"),
			v("DE89-3704-0044-0532-0130-00", "IBAN with hyphens"),
			v("DE44500105175407324931", "IBAN (mod 97 valid)"),
			v("37040044 0532013000", "BBAN: Bankleitzahl and account"),
			v("370400440532013000", "BBAN without separator"),
		},
		invalid: []vector{
			v("DE89370400440532013001", "IBAN check digits fail"),
			v("DE88 3704 0044 0532 0130 00", "IBAN check digits fail, print format"),
			v("DE8937040044053201300", "IBAN one digit short"),
			v("GB29NWBK60161331926819", "a GB IBAN"),
			v("3704004405320130", "16-digit BBAN"),
			v("37040044-053201300", "9-digit account"),
		},
	},
	"BankAccountNumber-GB": {
		keyword: "account number",
		valid: []vector{
			v("GB29NWBK60161331926819", "IBAN registry example (Macie's example)"),
			v("GB29 NWBK 6016 1331 9268 19", "IBAN print format (Macie's example)"),
			v("GB29-NWBK-6016-1331-9268-19", "IBAN with hyphens (Macie's example)"),
			v("GB82WEST12345698765432", "IBAN (mod 97 valid)"),
			v("NWBK60161331926819", "BBAN (Macie's example)"),
			v("NWBK 6016 1331 9268 19", "BBAN with spaces (Macie's example)"),
			v("60-16-13 31926819", "sort code and account (Macie's example)"),
		},
		invalid: []vector{
			v("GB28NWBK60161331926819", "IBAN check digits fail"),
			v("GB29NWBK6016133192681", "IBAN one digit short"),
			v("DE89370400440532013000", "a DE IBAN"),
			v("60-16-13 3192681", "7-digit account"),
			v("60/16/13 31926819", "sort code with slashes"),
			v("GB29 NWBK 6016 1331 9268", "IBAN missing its last group"),
		},
	},
	"BankAccountNumber-US": {
		keyword: "bank account",
		valid: []vector{
			v("123456789", "9 digits"),
			v("000123456789", "12 digits with leading zeros"),
			v("4567890123", "10 digits"),
			v("12345678901234567", "17 digits"),
			v("3141592653", "10 digits"),
		},
		invalid: []vector{
			v("12345678", "8 digits"),
			v("123456789012345678", "18 digits"),
			v("1234-5678-9012", "grouped by hyphens"),
			v("12345 67890", "spaces (Macie: no spaces)"),
			v("1234567890 1234", "one group of a digit run"),
			v("AB123456789", "letters joined to the digits"),
		},
	},
	"CreditCardExpiration": {
		keyword: "expiry",
		valid: []vector{
			v("02/26", "MM/YY (Macie's example)"),
			v("02/2026", "MM/YYYY (Macie's example)"),
			v("Feb 2026", "Mon YYYY (Macie's example)"),
			v("26-Feb", "YY-Mon (Macie's example)"),
			v("2026-02", "YYYY-MM"),
			v("11 / 2027", "spaces around the slash"),
			v("Sept 2027", "four-letter month abbreviation"),
		},
		invalid: []vector{
			v("13/26", "month 13"),
			v("00/26", "month 00"),
			v("2026-13", "month 13"),
			v("02.26", "dot separator"),
			v("Foo 2026", "not a month name"),
			v("2026/00", "month 00"),
		},
	},
	"CreditCardNumber": {
		keyword: "card",
		valid: []vector{
			v("4539148803436467", "Visa 16"),
			v("4500123456787", "Visa 13"),
			v("5123-4567-8901-2346", "Mastercard 51, hyphens"),
			v("2231 0012 3456 7894", "Mastercard 2-series, spaces"),
			v("3712 345678 90120", "American Express 4-6-5"),
			v("6011123456789019", "Discover 6011"),
			v("3530 1111 2222 3334 443", "JCB 19 digits, 4-4-4-4-3"),
			v("36123456789013", "Diners Club 14"),
			v("5019123456789013", "Dankort"),
			v("6212345678901232", "UnionPay"),
		},
		invalid: []vector{
			v("4539148803436468", "Luhn fails"),
			v("4111111111111111", "issuer test number: never reported"),
			v("4111 1111 1111 1111", "issuer test number, grouped: never reported"),
			v("1234567812345670", "passes Luhn, no issuer prefix"),
			v("3712345678901234", "passes Luhn, American Express prefix with 16 digits"),
			v("453914880343", "12 digits"),
			v("4539-1488 0343-6467", "mixed separators"),
		},
	},
	"CreditCardSecurityCode": {
		keyword: "cvv",
		valid: []vector{
			v("123", "3 digits"),
			v("4567", "4 digits (American Express)"),
			v("089", "leading zero"),
			v("999", "3 digits"),
			v("0421", "4 digits, leading zero"),
		},
		invalid: []vector{
			v("12", "2 digits"),
			v("12345", "5 digits"),
			v("123-456", "one group of a digit run"),
			v("123 4567", "one group of a digit run"),
			v("x123", "joined to a letter"),
			v("12.345", "one group of a decimal"),
		},
	},

	// ---- Personal ----
	"DateOfBirth": {
		keyword: "dob",
		valid: []vector{
			v("1990-05-17", "Y-M-D"),
			v("17/05/1990", "D/M/Y"),
			v("05/17/1990", "M/D/Y"),
			v("17 May 1990", "D Month Y"),
			v("May 17, 1990", "Month D, Y"),
			v("29.02.2000", "leap day, dots"),
			v("3rd March 1985", "ordinal day"),
		},
		invalid: []vector{
			v("1990-02-30", "30 February"),
			v("31/04/1990", "31 April"),
			v("29.02.2001", "29 February of a common year"),
			v("13/13/1990", "month 13 in either order"),
			v("32 May 1990", "day 32"),
			v("1899-12-31", "year before 1900"),
			v("2024-06-31", "31 June"),
		},
	},
	"EmailAddress": {
		valid: []vector{
			v("jane.doe@example.com", "plain"),
			v("j.smith+logs@mail.example.co.uk", "plus tag, several labels"),
			v("admin@example-corp.io", "hyphen in domain"),
			v("user_42@sub.domain.org", "underscore in local part"),
			v("x@example.museum", "one-character local part, long TLD"),
		},
		invalid: []vector{
			v("jane.doe@example", "no top-level domain"),
			v("@example.com", "no local part"),
			v("jane.doe@exa_mple.com", "underscore in domain"),
			v("jane.doe@example.c", "one-letter top-level domain"),
			v("user@-example.com", "domain label starting with a hyphen"),
			v("user@@example.com", "two @"),
			v("jane.doe(at)example.com", "obfuscated"),
		},
	},
	"LatLong": {
		keyword: "coordinates",
		valid: []vector{
			v("41.948614,-87.655311", "the reference's example"),
			v("41.948614, -87.655311", "space after the comma"),
			v("-33.8688 151.2093", "space separator, southern and eastern"),
			v("51.5074,-0.1278", "longitude below 1"),
			v("+48.8584,+2.2945", "explicit signs"),
			v("90.0,-180.0", "the limits"),
		},
		invalid: []vector{
			v("91.0,10.0", "latitude above 90"),
			v("45.0,181.5", "longitude above 180"),
			v("41°56.9168'N 87°39.3187'W", "degrees decimal minutes (not detected, per the reference)"),
			v("41°56'55.0104\"N 87°39'19.1196\"W", "degrees minutes seconds (not detected, per the reference)"),
			v("41,87", "no decimals"),
			v("41.948614", "latitude alone"),
			v("41.948614;-87.655311", "semicolon separator"),
		},
	},
	"PassportNumber-US": {
		keyword: "passport",
		valid: []vector{
			v("340020013", "9 digits"),
			v("912803456", "9 digits"),
			v("Z12803456", "letter and 8 digits (Next Generation)"),
			v("C03005988", "letter and 8 digits"),
			v("E00007734", "letter and 8 digits"),
		},
		invalid: []vector{
			v("12345678", "8 digits"),
			v("1234567890", "10 digits"),
			v("AB1234567", "two letters"),
			v("A1234567", "letter and 7 digits"),
			v("123 456 789", "grouped"),
			v("A12345678B", "joined to a letter"),
		},
	},
	"DriversLicense-US": {
		keyword: "driver's license",
		valid: []vector{
			v("D1234567", "letter and 7 digits (California)"),
			v("AB1234567", "two letters and 7 digits"),
			v("1234567", "7 digits"),
			v("123456789012", "12 digits"),
			v("W123-456-789", "letter and hyphen groups"),
			v("S530-4603-9521", "letter and hyphen groups of 4 (Illinois)"),
		},
		invalid: []vector{
			v("123456", "6 digits"),
			v("1234567890123", "13 digits"),
			v("ABC12345", "three letters"),
			v("A1234", "letter and 4 digits"),
			v("W12-456-789", "letter and 2 digits before the groups"),
			v("12-34-56", "short groups"),
		},
	},
	"PhoneNumber-GB": {
		keyword: "phone",
		valid: []vector{
			v("+44 20 7946 0018", "+44, London drama range"),
			v("+44 7700 900123", "+44, mobile drama range"),
			v("+44 (0)161 496 0000", "+44 (0)"),
			v("+447700900456", "+44 without spaces"),
			vk("020 7946 0321", "national number"),
			vk("07700 900987", "national mobile number"),
			vk("(020) 7946 0123", "area code in parentheses"),
			vk("0161 496 0123", "national number, 4-digit area code"),
		},
		invalid: []vector{
			v("+44 20 7946", "too short"),
			v("+44 20 7946 00187", "too long"),
			v("+44 0 20 7946 0018", "0 after +44 without parentheses"),
			v("+440207946001", "0 after +44, no spaces"),
			v("020 7946", "national number too short"),
		},
	},
	"PhoneNumber-US": {
		keyword: "phone",
		valid: []vector{
			v("+1 206-266-1000", "+1 and hyphens"),
			v("+1 (212) 555-0143", "+1 and area code in parentheses"),
			v("+1.415.555.0132", "+1 and dots"),
			v("+12025550173", "+1 without separators"),
			vk("(206) 266-1000", "national number"),
			vk("206.266.1000", "national number with dots"),
			vk("800-555-0199", "toll-free"),
			vk("1-800-555-0100", "toll-free with trunk prefix"),
		},
		invalid: []vector{
			v("+1 (123) 555-0143", "area code starting with 1"),
			v("+1 212 155 0143", "exchange starting with 1"),
			v("+1 911 555 0143", "N11 area code"),
			v("+1 292 555 0143", "area code with middle digit 9"),
			v("+1 212 555 014", "too short"),
			v("+1 206 266 10000", "too long"),
		},
	},
	"PostalCode-CA": {
		valid: []vector{
			v("K1A 0B1", "Canada Post's own"),
			v("M5V 3L9", "Toronto"),
			v("H3Z2Y7", "no space"),
			v("V6B 4Y8", "Vancouver"),
			v("T2P 2M5", "Calgary"),
		},
		invalid: []vector{
			v("D1A 0B1", "D is never used"),
			v("W1A 0B1", "W is not used first"),
			v("Z9Z 9Z9", "Z is not used first"),
			v("K1O 0B1", "O is never used"),
			v("K1A 0B", "too short"),
			v("K1A0B1X", "joined to a letter"),
			v("K1A-0B1", "hyphen"),
		},
	},
	"Ssn-US": {
		keyword: "ssn",
		valid: []vector{
			v("536-22-1234", "hyphens"),
			v("536 22 1234", "spaces"),
			v("536221234", "no separators"),
			v("001-01-0001", "lowest issued values"),
			v("899-99-9999", "highest area below 900"),
			v("772-34-5678", "area from the 2011 randomization"),
		},
		invalid: []vector{
			v("000-12-3456", "area 000"),
			v("666-12-3456", "area 666"),
			v("900-12-3456", "area 900-999"),
			v("123-00-4567", "group 00"),
			v("123-45-0000", "serial 0000"),
			v("078-05-1120", "the Woolworth wallet card number"),
			v("219-09-9999", "the SSA advertisement number"),
			v("12-345-6789", "wrong grouping"),
			v("536-22-12345", "one digit too many"),
		},
	},
	"VehicleIdentificationNumber": {
		keyword: "vin",
		valid: []vector{
			v("1M8GDM9AXKP042788", "the 49 CFR 565 example (check digit X)"),
			v("1HGCM82633A004352", "check digit 3"),
			v("JH4KA7561PC008269", "check digit 1"),
			v("2T1BURHE0JC014702", "check digit 0"),
			v("1G1JC5444R7252367", "check digit 4"),
		},
		invalid: []vector{
			v("1M8GDM9A1KP042788", "check digit fails"),
			v("1M8GDM9AXKP04278", "16 characters"),
			v("1M8GDM9AXKP0427880", "18 characters"),
			v("IM8GDM9AXKP042788", "contains I"),
			v("11111111111111111", "one repeated character (its check digit is right)"),
			v("1M8GDM9A6UP042788", "model year U (check digit right)"),
		},
	},
	"ZipCode-US": {
		keyword: "zip code",
		valid: []vector{
			v("98109", "ZIP"),
			v("98109-5210", "ZIP+4"),
			v("10001", "ZIP"),
			v("02134", "leading zero"),
			v("90210-1234", "ZIP+4"),
		},
		invalid: []vector{
			v("00000", "all zero"),
			v("00000-1234", "all-zero ZIP with +4"),
			v("9810", "4 digits"),
			v("981090", "6 digits"),
			v("98109-521", "3-digit extension"),
			v("98109 5210", "extension after a space"),
		},
	},

	// ---- Device ----
	"IpAddress": {
		valid: []vector{
			v("192.168.1.20", "IPv4 private"),
			v("10.0.0.1", "IPv4"),
			v("203.0.113.195", "IPv4 documentation range"),
			v("2001:db8::8a2e:370:7334", "IPv6 compressed"),
			v("2001:0db8:85a3:0000:0000:8a2e:0370:7334", "IPv6 full"),
			v("::ffff:192.0.2.128", "IPv4-mapped IPv6"),
			v("fe80::1ff:fe23:4567:890a", "IPv6 link-local"),
		},
		invalid: []vector{
			v("256.1.1.1", "octet above 255"),
			v("1.2.3", "three octets"),
			v("1.2.3.4.5", "five octets"),
			v("192.168.01.1", "leading zero"),
			v("12:30:45", "a time"),
			v("00:1A:2B:3C:4D:5E", "a MAC address"),
			v("::1", "loopback alone (too short to tell from code)"),
		},
	},
}
