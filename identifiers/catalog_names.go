package identifiers

import "github.com/piiguard/piiguard/identifiers/internal/names"

// namesAndAddresses holds Name and Address: full personal names and street
// addresses. CloudWatch detects both with machine learning and publishes no
// format; these are rule-based: a cheap pattern for the shape, and a
// validator that checks it against word lists (identifiers/data) and
// country formats.
var namesAndAddresses = []*Identifier{
	{
		Name:       "Address",
		Category:   Personal,
		Patterns:   addressPatterns(),
		Confidence: 0.8,
		Format: "street address with a house number, a street-type word, a place and a postcode in the country's order: " +
			"US (ZIP with a matching state), CA (postal code), AU (postcode with a matching state), GB (postcode) " +
			"as number, street, type, place; FR (and Quebec) as number, type, street, postcode, place; " +
			"IT and ES as type, street, number, postcode, place; DE as street with its type, number, postcode, place; " +
			"the span runs from a unit or house-number range before the house number (Apt 4B, Suite 200, 11-59) " +
			"through a country name written right after the address (USA, United Kingdom, Deutschland)",
	},
	{
		Name:       "Name",
		Category:   Personal,
		Patterns:   []Pattern{{Expr: names.NamePattern}},
		Validator:  &Validator{Name: "scored: given-name and surname frequencies, surname endings, context; stop words", Check: isFullName, Score: scoreName},
		Confidence: 0.6,
		Format: "full name in Latin script: two to four capitalised words with optional initials and particles " +
			"(van, de la), scored on given-name and surname frequencies (US Census, SSA), surname endings " +
			"(-ová, -ski, -escu, -sson), diacritics and context (customer_name, author, Dear, my name is, " +
			"Signed-off-by); the best-scoring name inside a longer capitalised run; " +
			"no log, calendar, product, place or common English words",
	},
}
