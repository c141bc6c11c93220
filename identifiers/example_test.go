package identifiers_test

import (
	"errors"
	"fmt"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
)

func ExampleNewCustom() {
	id, err := identifiers.NewCustom("EmployeeId", `EMP-[0-9]{6}`)
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := detector.Compile([]*identifiers.Identifier{id})
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "login by EMP-004211 from 10.0.0.1"
	for _, f := range d.FindString(text) {
		fmt.Println(f.Identifier, text[f.Start:f.End])
	}

	// CloudWatch's rules: names of letters, digits, '_' and '-', not a
	// managed identifier's name.
	_, err = identifiers.NewCustom("Employee Id", `EMP-[0-9]{6}`)
	fmt.Println(errors.Is(err, identifiers.ErrCustomName))
	_, err = identifiers.NewCustom("EmailAddress", `[a-z]+@corp`)
	fmt.Println(errors.Is(err, identifiers.ErrCustomManaged))
	// Output:
	// EmployeeId EMP-004211
	// true
	// true
}

func ExampleKeywordVariants() {
	fmt.Printf("%q\n", identifiers.KeywordVariants("Secret Key"))
	fmt.Printf("%q\n", identifiers.KeywordVariants("ssn"))
	// Output:
	// ["secret key" "secretkey" "secret_key" "secret-key"]
	// ["ssn"]
}

func ExampleLookup() {
	id, ok := identifiers.Lookup("Ssn-US")
	if !ok {
		return
	}
	fmt.Println(id.Name, id.Category, id.Country)
	fmt.Println("keyword required:", id.KeywordRequired, id.Keywords)
	fmt.Println("validator:", id.Validator.Name)

	d, err := detector.Compile([]*identifiers.Identifier{id})
	if err != nil {
		return
	}
	for _, text := range []string{"ssn: 536-22-1234", "ref 536-22-1234", "ssn: 666-22-1234"} {
		fmt.Printf("%q:", text)
		for _, f := range d.FindString(text) {
			fmt.Printf(" %s %q near %q", f.Identifier, text[f.Start:f.End], f.Keyword)
		}
		fmt.Println()
	}

	_, ok = identifiers.Lookup("PhoneNumber-CA") // not a CloudWatch identifier
	fmt.Println(ok)
	// Output:
	// Ssn-US Personal US
	// keyword required: true [social security ss# ssn]
	// validator: SSA area, group and serial rules
	// "ssn: 536-22-1234": Ssn-US "536-22-1234" near "ssn"
	// "ref 536-22-1234":
	// "ssn: 666-22-1234":
	// false
}

// A Block identifier's values are armoured blocks: when two of them
// overlap, each is found over their union, so that masking hides both.
func ExampleIdentifier_block() {
	tag := func(name, open, close string) *identifiers.Identifier {
		return &identifiers.Identifier{
			Name:     name,
			Patterns: []identifiers.Pattern{{Expr: open + `.*?` + close}},
			Block:    true,
		}
	}
	d, err := detector.Compile([]*identifiers.Identifier{
		tag("Secret", `<secret>`, `</secret>`),
		tag("Token", `<token>`, `</token>`),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "x <secret>s1<token>t1</secret>t2</token> y"
	for _, f := range d.FindString(text) {
		fmt.Println(f.Identifier, text[f.Start:f.End])
	}
	// Output:
	// Secret <secret>s1<token>t1</secret>t2</token>
	// Token <secret>s1<token>t1</secret>t2</token>
}
