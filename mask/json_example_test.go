package mask_test

import (
	"fmt"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/mask"
)

func ExampleJSON() {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		panic(err)
	}
	j, err := mask.NewJSON(s, mask.Asterisk, mask.JSONOptions{Exclude: []string{"$.trace"}})
	if err != nil {
		panic(err)
	}
	event := []byte(`{"user":{"ssn":"536-22-1234","note":"caf\u00e9 \"a@example.com\""},` +
		`"social_security_number":536221234,"trace":"b@example.org","count":536221234}`)
	out, err := j.Mask(event)
	fmt.Println(string(out), err)

	// Findings carry byte offsets into the raw event.
	found, _ := j.AppendFindings(nil, event)
	for _, f := range found {
		fmt.Println(f.Path, f.Identifier, string(event[f.Start:f.End]))
	}
	// Output:
	// {"user":{"ssn":"***********","note":"caf\u00e9 \"*************\""},"social_security_number":"*********","trace":"b@example.org","count":536221234} <nil>
	// $.user.ssn Ssn-US 536-22-1234
	// $.user.note EmailAddress a@example.com
	// $.social_security_number Ssn-US 536221234
}

func ExampleJSON_notJSON() {
	s, _ := piiguard.NewScanner(piiguard.Config{})
	j, _ := mask.NewJSON(s, nil, mask.JSONOptions{})
	_, err := j.Mask([]byte(`{"ssn": "536-22-1234",}`))
	fmt.Println(err)
	// Output: mask: not JSON: byte 22: unexpected '}', want a member name
}

func ExampleFieldFindings() {
	s, _ := piiguard.NewScanner(piiguard.Config{})
	value := []byte("536-22-1234")
	for _, names := range [][]string{nil, {"customer", "socialSecurityNumber"}} {
		for _, f := range mask.FieldFindings(nil, s, names, value) {
			fmt.Println(names, f.Identifier, f.Start, f.End)
		}
	}
	// Output:
	// [customer socialSecurityNumber] Ssn-US 0 11
}

func ExampleJSON_memberNames() {
	s, _ := piiguard.NewScanner(piiguard.Config{})
	j, _ := mask.NewJSON(s, nil, mask.JSONOptions{})
	// Member names are masked too, and stay unique within their object.
	out, err := j.Mask([]byte(`{"logins":{"a@example.com":3,"b@example.com":1}}`))
	fmt.Println(string(out), err)

	found, _ := j.AppendFindings(nil, []byte(`{"logins":{"a@example.com":3}}`))
	for _, f := range found {
		fmt.Println(f.Path, f.Identifier, f.InName)
	}
	// Output:
	// {"logins":{"*************":3,"*************~b":1}} <nil>
	// $.logins["a@example.com"] EmailAddress true
}

func ExampleJSON_AppendMaskField() {
	s, _ := piiguard.NewScanner(piiguard.Config{})
	j, _ := mask.NewJSON(s, nil, mask.JSONOptions{})
	// The value of a field "ssn": the name is a keyword for the numbers
	// the value holds, as it would be inside {"ssn": ...}.
	out, err := j.AppendMaskField(nil, []string{"ssn"}, []byte(`{"primary":"536-22-1234","old":["536-22-1235"]}`))
	fmt.Println(string(out), err)
	// Output:
	// {"primary":"***********","old":["***********"]} <nil>
}

func ExampleJSON_AppendFindings() {
	s, _ := piiguard.NewScanner(piiguard.Config{})
	j, _ := mask.NewJSON(s, nil, mask.JSONOptions{})
	// A 9-digit number under "passport_number" has the shape of a UK and
	// of a US passport number: both are reported, strongest first, as a
	// plain-text scan reports them, and the value is masked once.
	event := []byte(`{"passport_number":"123456789","to":"a@example.com"}`)
	found, _ := j.AppendFindings(nil, event)
	for _, f := range found {
		fmt.Println(f.Path, f.Identifier, string(event[f.Start:f.End]))
	}
	out, _ := j.Mask(event)
	fmt.Println(string(out))
	// Output:
	// $.passport_number PassportNumber-GB 123456789
	// $.passport_number PassportNumber-US 123456789
	// $.to EmailAddress a@example.com
	// {"passport_number":"*********","to":"*************"}
}

func ExampleAppendMaskedField() {
	s, _ := piiguard.NewScanner(piiguard.Config{})
	// "536-22-1234" alone holds no keyword; the field's name is one.
	value := []byte("536-22-1234")
	fmt.Println(string(mask.AppendMaskedField(nil, s, nil, []string{"customer", "ssn"}, value)))
	fmt.Println(string(mask.AppendMaskedField(nil, s, nil, []string{"order"}, value)))
	// Output:
	// ***********
	// 536-22-1234
}

func ExampleUnmaskJSON() {
	s, _ := piiguard.NewScanner(piiguard.Config{})
	tk, err := mask.NewTokenizer(exampleKey)
	if err != nil {
		panic(err)
	}
	j, _ := mask.NewJSON(s, tk, mask.JSONOptions{})
	masked, _ := j.Mask([]byte(`{"note":"mail \"a@example.com\"","ssn":536221234}`))
	back, err := mask.UnmaskJSON(tk, masked)
	fmt.Println(string(back), err)
	// Output:
	// {"note":"mail \"a@example.com\"","ssn":"536221234"} <nil>
}
