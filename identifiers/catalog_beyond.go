package identifiers

import (
	"bytes"
	"encoding/base64"
	"encoding/json"

	"github.com/piiguard/piiguard/internal/checksum"
)

// beyond holds identifiers CloudWatch does not have (Extension: true, off by
// default): IBANs without a keyword, web tokens and API keys, MAC addresses.
var beyond = []*Identifier{
	{
		Name:       "Iban",
		Category:   Financial,
		Patterns:   []Pattern{{Expr: sepaIBANExpr}},
		Validator:  &Validator{Name: "ISO 7064 mod 97-10 and the country's IBAN length and structure", Check: checksum.IBAN},
		Confidence: 0.6,
		Format: "IBAN of a SEPA country (" + sepaCountryList + "), compact or in groups of four separated by spaces or hyphens, " +
			"upper case; the country's length and BBAN structure and the ISO 7064 mod 97-10 check must hold; no keyword needed",
		Extension: true,
	},
	{
		Name:       "JsonWebToken",
		Category:   Credentials,
		Patterns:   []Pattern{{Expr: `eyJ[A-Za-z0-9_-]{8,}\.ey[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]*`, WordChars: "."}},
		Validator:  &Validator{Name: "header and payload decode to JSON objects, header has \"alg\"", Check: validJWT},
		Confidence: 0.85,
		Format:     "JWS compact serialisation: three base64url parts separated by dots (the signature may be empty), whose header decodes to a JSON object with an \"alg\" member and whose payload decodes to a JSON object",
		Extension:  true,
	},
	{
		Name:     "BearerToken",
		Category: Credentials,
		Patterns: []Pattern{{Expr: `[A-Za-z0-9._~+/-]{16,512}=*`, WordChars: "._~+/-"}},
		Keywords: []string{"bearer"},
		// "Bearer" then the token; the window allows a few characters of
		// punctuation ("Bearer: ..."), not prose.
		KeywordRequired: true,
		Window:          8,
		Validator:       &Validator{Name: "token characters: 16 or more, letters and digits", Check: checksum.Bearer},
		Confidence:      0.7,
		Format:          "an OAuth 2.0 bearer token (RFC 6750 b64token: letters, digits, - . _ ~ + / and trailing =) of 16 to 512 characters with letters and digits, within 8 characters of the word \"Bearer\" (Authorization: Bearer ...)",
		Extension:       true,
	},
	{
		Name:     "GitHubToken",
		Category: Credentials,
		Patterns: []Pattern{
			{Expr: `ghp_[A-Za-z0-9]{36}`},
			{Expr: `gho_[A-Za-z0-9]{36}`},
			{Expr: `ghu_[A-Za-z0-9]{36}`},
			{Expr: `ghs_[A-Za-z0-9]{36}`},
			{Expr: `ghr_[A-Za-z0-9]{36}`},
			{Expr: `github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}`, Validator: &Validator{Name: "letters and digits mixed", Check: checksum.LettersAndDigits}},
		},
		Validator:  &Validator{Name: "CRC-32 of the 30 random characters in the last 6 (base62)", Check: checksum.GitHubToken},
		Confidence: 0.9,
		Format:     "GitHub tokens: ghp_, gho_, ghu_, ghs_ or ghr_ and 36 letters and digits whose last 6 are the base62 CRC-32 of the 30 before them; fine-grained personal access tokens github_pat_ + 22 + _ + 59 letters and digits",
		Extension:  true,
	},
	{
		Name:       "SlackToken",
		Category:   Credentials,
		Patterns:   []Pattern{{Expr: `xox[abprs]-[0-9A-Za-z]+(?:-[0-9A-Za-z]+){1,4}`}},
		Validator:  &Validator{Name: "30 characters or more with a numeric ID of 8 digits or more", Check: checksum.SlackToken},
		Confidence: 0.9,
		Format:     "Slack tokens xoxa-, xoxb-, xoxp-, xoxr-, xoxs- and hyphen-separated groups of letters and digits, 30 characters or more, one group a numeric ID of at least 8 digits",
		Extension:  true,
	},
	{
		Name:       "StripeApiKey",
		Category:   Credentials,
		Patterns:   []Pattern{{Expr: `(?:sk|rk|pk)_live_[0-9A-Za-z]{24,99}`}},
		Validator:  &Validator{Name: "letters and digits mixed", Check: checksum.LettersAndDigits},
		Confidence: 0.9,
		Format:     "Stripe live keys: sk_live_ (secret), rk_live_ (restricted) or pk_live_ (publishable) and 24 to 99 letters and digits",
		Extension:  true,
	},
	{
		Name:       "GoogleApiKey",
		Category:   Credentials,
		Patterns:   []Pattern{{Expr: `AIza[0-9A-Za-z_-]{35}`, WordChars: "-"}},
		Confidence: 0.9,
		Format:     "Google API key: AIza and 35 letters, digits, - or _ (39 characters)",
		Extension:  true,
	},
	{
		Name:     "MacAddress",
		Category: Device,
		Patterns: []Pattern{
			{Expr: `[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}`, WordChars: ":"},
			{Expr: `[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}`, WordChars: "-"},
			{Expr: `[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}`, WordChars: ".", Validator: &Validator{Name: "a hex letter, one case; not all zero or all ones", Check: checksum.CiscoMAC}},
		},
		Validator:  &Validator{Name: "one letter case; not all zero or all ones", Check: checksum.MAC},
		Confidence: 0.7,
		Format:     "EUI-48 MAC address: six hex pairs separated by colons (00:1A:2B:3C:4D:5E) or hyphens (00-1A-2B-3C-4D-5E), or Cisco's three dotted groups of four (001a.2b3c.4d5e, with at least one hex letter); 00:00:00:00:00:00 and FF:FF:FF:FF:FF:FF are not reported",
		Extension:  true,
	},
}

// validJWT decodes a JWS compact serialisation's header and payload. It is
// the catalog's rather than internal/checksum's because decoding base64 and
// JSON allocates, and checksum's validators never do.
func validJWT(v []byte) bool {
	parts := bytes.Split(v, []byte("."))
	if len(parts) != 3 {
		return false
	}
	var header map[string]any
	if !decodeJSONPart(parts[0], &header) {
		return false
	}
	if alg, ok := header["alg"].(string); !ok || alg == "" {
		return false
	}
	var payload map[string]any
	return decodeJSONPart(parts[1], &payload)
}

func decodeJSONPart(part []byte, v any) bool {
	part = bytes.TrimRight(part, "=")
	buf := make([]byte, base64.RawURLEncoding.DecodedLen(len(part)))
	n, err := base64.RawURLEncoding.Decode(buf, part)
	return err == nil && json.Unmarshal(buf[:n], v) == nil
}
