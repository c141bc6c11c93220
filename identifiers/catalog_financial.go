package identifiers

import "github.com/piiguard/piiguard/internal/checksum"

// issuerTestCardNumbers are the card numbers CloudWatch and Macie never
// report (docs/cloudwatch-reference.md, Issuer test card numbers).
var issuerTestCardNumbers = []string{
	"122000000000003", "2222405343248877", "2222990905257051", "2223007648726984", "2223577120017656",
	"30569309025904", "34343434343434", "3528000700000000", "3530111333300000", "3566002020360505", "36148900647913",
	"36700102000000", "371449635398431", "378282246310005", "378734493671000", "38520000023237", "4012888888881881",
	"4111111111111111", "4222222222222", "4444333322221111", "4462030000000000", "4484070000000000", "4911830000000",
	"4917300800000000", "4917610000000000", "4917610000000000003", "5019717010103742", "5105105105105100",
	"5111010030175156", "5185540810000019", "5200828282828210", "5204230080000017", "5204740009900014", "5420923878724339",
	"5454545454545454", "5455330760000018", "5506900490000436", "5506900490000444", "5506900510000234", "5506920809243667",
	"5506922400634930", "5506927427317625", "5553042241984105", "5555553753048194", "5555555555554444", "5610591081018250",
	"6011000990139424", "6011000400000000", "6011111111111117", "630490017740292441", "630495060000000000",
	"6331101999990016", "6759649826438453", "6799990100000000019", "76009244561",
}

// ibanValidator checks an IBAN of one country with ISO 7064 mod 97-10.
func ibanValidator(country string) *Validator {
	return &Validator{
		Name:  "ISO 7064 mod 97-10 (IBAN " + country + ")",
		Check: checksum.IBANFor(country),
	}
}

// Month names and abbreviations, case-insensitive, for date patterns.
const monthNames = `(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`

var financial = []*Identifier{
	{
		Name:     "BankAccountNumber-DE",
		Category: Financial,
		Country:  "DE",
		Patterns: []Pattern{
			{Expr: `DE[0-9]{2}(?:[ -]?[0-9]{4}){4}[ -]?[0-9]{2}`, Validator: ibanValidator("DE")},
			{Expr: `[0-9]{8}[ -]?[0-9]{10}`},
		},
		Keywords:        []string{"account code", "account number", "accountno#", "accountnumber#", "bankleitzahl", "bban", "customer account id", "customer account number", "customer bank account id", "geheimzahl", "iban", "kartennummer", "kontonummer", "kreditkartennummer", "sepa"},
		KeywordRequired: true,
		Format:          "IBAN DEkk + 18 digits (ISO 7064 mod 97-10), or BBAN: 8-digit Bankleitzahl + 10-digit account; spaces or hyphens allowed",
	},
	{
		Name:     "BankAccountNumber-GB",
		Category: Financial,
		Country:  "GB",
		Patterns: []Pattern{
			{Expr: `GB[0-9]{2}[ -]?[A-Z]{4}(?:[ -]?[0-9]{4}){3}[ -]?[0-9]{2}`, Validator: ibanValidator("GB")},
			{Expr: `[A-Z]{4}(?:[ -]?[0-9]{4}){3}[ -]?[0-9]{2}`},
			{Expr: `[0-9]{2}-[0-9]{2}-[0-9]{2}[ -]?[0-9]{8}`},
		},
		Keywords:        []string{"account code", "account number", "accountno#", "accountnumber#", "bban", "customer account ID", "customer account number", "customer bank account id", "iban", "sepa"},
		KeywordRequired: true,
		Format:          "IBAN GBkk BBBB + 14 digits (ISO 7064 mod 97-10), BBAN BBBB + 14 digits, or sort code nn-nn-nn + 8-digit account; spaces or hyphens allowed",
	},
	{
		Name:            "BankAccountNumber-US",
		Category:        Financial,
		Country:         "US",
		Patterns:        []Pattern{{Expr: `[0-9]{9,17}`, Standalone: true}},
		Keywords:        []string{"bank account", "bank acct", "checking account", "checking acct", "deposit account", "deposit acct", "savings account", "savings acct", "chequing account", "chequing acct"},
		KeywordRequired: true,
		Format:          "9 to 17 digits, no spaces (Macie's rule)",
	},
	{
		Name:     "CreditCardExpiration",
		Category: Financial,
		Patterns: []Pattern{
			{Expr: `(?:1[0-2]|0?[1-9]) ?[/-] ?(?:20)?[0-9]{2}`},
			{Expr: `20[0-9]{2} ?[/-] ?(?:1[0-2]|0?[1-9])`},
			{Expr: monthNames + `\.?[ -]?(?:20)?[0-9]{2}`},
			{Expr: `[0-9]{2}[ -]` + monthNames},
		},
		Keywords:        []string{"exp d", "exp m", "exp y", "expiration", "expiry"},
		KeywordRequired: true,
		Format:          "month and year: MM/YY, MM/YYYY, YYYY-MM, Mon YYYY, YY-Mon; separators / or -",
	},
	{
		Name:     "CreditCardNumber",
		Category: Financial,
		Patterns: []Pattern{
			{Expr: `[0-9]{13,19}`},
			{Expr: `[0-9]{4}(?: [0-9]{4}){2} [0-9]{1,4}(?: [0-9]{3})?`},
			{Expr: `[0-9]{4}(?:-[0-9]{4}){2}-[0-9]{1,4}(?:-[0-9]{3})?`},
			{Expr: `[0-9]{4}[ -][0-9]{6}[ -][0-9]{4,5}`},
		},
		Keywords:        []string{"account number", "american express", "amex", "bank card", "card", "card number", "card num", "cc #", "ccn", "check card", "credit", "credit card#", "dankort", "debit", "debit card", "diners club", "discover", "electron", "japanese card bureau", "jcb", "mastercard", "mc", "pan", "payment account number", "payment card number", "pcn", "union pay", "visa"},
		KeywordRequired: true,
		Validator:       &Validator{Name: "Luhn and issuer prefix", Check: checksum.CreditCard},
		NeverReported:   issuerTestCardNumbers,
		Format:          "13-19 digits, plain or grouped by spaces or hyphens (4-4-4-4[-3], 4-6-5); Luhn; issuer prefix of Amex, Dankort, Diners, Discover, Electron, JCB, Mastercard, UnionPay or Visa; the 55 issuer test numbers never reported",
	},
	{
		Name:            "CreditCardSecurityCode",
		Category:        Financial,
		Patterns:        []Pattern{{Expr: `[0-9]{3,4}`, Standalone: true}},
		Keywords:        []string{"card id", "card identification code", "card identification number", "card security code", "card validation code", "card validation number", "card verification data", "card verification value", "cvc", "cvc2", "cvv", "cvv2", "elo verification code"},
		KeywordRequired: true,
		Format:          "3 or 4 digits near a keyword",
	},
}
