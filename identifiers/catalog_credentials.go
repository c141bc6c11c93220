package identifiers

import (
	"strings"

	"github.com/piiguard/piiguard/internal/checksum"
)

// pemBlock returns the patterns for a PEM-armoured private key with the given
// labels: for each label, the whole block, from its BEGIN line to the END
// line of the same label (a PKCS #8 key, "PRIVATE KEY", does not end at the
// END line of an "RSA PRIVATE KEY" begun inside it), a pattern of its own
// so that blocks of two labels that overlap are both found (the matches of
// one pattern never overlap); and, for line-by-line input where the block
// is cut, the header with the key material that follows it on the same
// line (escaped "\n" sequences included, as JSON logs write them). The
// material holds no "--", so it stops before an END line and the text
// after it.
func pemBlock(labels ...string) []Pattern {
	var ps []Pattern
	for _, l := range labels {
		ps = append(ps, Pattern{Expr: `-----BEGIN ` + l + `-----[\s\S]*?-----END ` + l + `-----`})
	}
	header := labels[0]
	if len(labels) > 1 {
		header = `(?:` + strings.Join(labels, "|") + `)`
	}
	return append(ps, Pattern{Expr: `-----BEGIN ` + header + `-----(?:\\[nr]|[\sA-Za-z0-9+/=:,]|-[\sA-Za-z0-9+/=:,])*[A-Za-z0-9+/=]`})
}

var credentials = []*Identifier{
	{
		Name:            "AwsSecretKey",
		Category:        Credentials,
		Patterns:        []Pattern{{Expr: `[A-Za-z0-9/+]{40}`, WordChars: "/+"}},
		Keywords:        []string{"aws_secret_access_key", "credentials", "secret access key", "secret key", "set-awscredential"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "mixed case and digits", Check: checksum.MixedCase},
		NeverReported:   []string{"je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
		Format:          "40 base64 characters (A-Z a-z 0-9 / +) with upper, lower and digits; AWS documentation example keys never reported",
	},
	{
		Name:       "OpenSshPrivateKey",
		Category:   Credentials,
		Patterns:   pemBlock("OPENSSH PRIVATE KEY"),
		Confidence: 0.95,
		Block:      true,
		Format:     "PEM block -----BEGIN OPENSSH PRIVATE KEY----- ... END",
	},
	{
		Name:       "PgpPrivateKey",
		Category:   Credentials,
		Patterns:   pemBlock("PGP PRIVATE KEY BLOCK"),
		Confidence: 0.95,
		Block:      true,
		Format:     "ASCII-armoured block -----BEGIN PGP PRIVATE KEY BLOCK----- ... END",
	},
	{
		Name:       "PkcsPrivateKey",
		Category:   Credentials,
		Patterns:   pemBlock("RSA PRIVATE KEY", "DSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "PRIVATE KEY"),
		Confidence: 0.95,
		Block:      true,
		Format:     "PEM block -----BEGIN [RSA |DSA |EC |ENCRYPTED ]PRIVATE KEY----- ... END (PKCS #1, #8, SEC 1)",
	},
	{
		Name:     "PuttyPrivateKey",
		Category: Credentials,
		Patterns: []Pattern{{Expr: `PuTTY-User-Key-File-[0-9]+: [A-Za-z0-9-]+` +
			puttyNL + `Encryption: [A-Za-z0-9-]+` +
			puttyNL + `Comment: [A-Za-z0-9-]+` +
			puttyNL + `Public-Lines: [0-9]+` + puttyNL + `(?:[A-Za-z0-9+/=]+` + puttyNL + `)+` +
			`Private-Lines: [0-9]+` + puttyNL + `(?:[A-Za-z0-9+/=]+` + puttyNL + `)+` +
			`Private-MAC: [A-Za-z0-9+]+`}},
		Confidence: 0.95,
		Block:      true,
		Format:     "PuTTY key file headers PuTTY-User-Key-File, Encryption, Comment, Public-Lines, Private-Lines, Private-MAC in order (Macie's rule)",
	},
}

// puttyNL is a line break in a PuTTY key: real or escaped.
const puttyNL = `(?:\r?\n|\\r\\n|\\n)`
