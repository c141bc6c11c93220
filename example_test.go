package piiguard_test

import (
	"fmt"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/identifiers"
)

func Example() {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		panic(err)
	}
	fmt.Println(s.MaskString("login jane@example.com from 203.0.113.42, ssn 536-22-1234"))
	// Output:
	// login **************** from ************, ssn ***********
}

func ExampleScanner_ScanString() {
	s, err := piiguard.NewScanner(piiguard.Config{Identifiers: []string{"CreditCardNumber"}})
	if err != nil {
		panic(err)
	}
	text := "card 4929 3812 6548 1006, and 4111 1111 1111 1111 is a test number"
	for _, f := range s.ScanString(text) {
		fmt.Printf("%s [%d:%d] %q keyword=%q\n", f.Identifier, f.Start, f.End, text[f.Start:f.End], f.Keyword)
	}
	// Output:
	// CreditCardNumber [5:24] "4929 3812 6548 1006" keyword="card"
}

func ExampleNewScanner_custom() {
	employee, err := identifiers.NewCustom("EmployeeId", `EMP-[0-9]{6}`)
	if err != nil {
		panic(err)
	}
	s, err := piiguard.NewScanner(piiguard.Config{
		Identifiers: []string{"EmailAddress"},
		Custom:      []*identifiers.Identifier{employee},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(s.MaskString("EMP-004211 <ops@example.com>"))
	// Output:
	// ********** <***************>
}

func ExampleScanner_Identifiers() {
	employee, err := identifiers.NewCustom("EmployeeId", `EMP-[0-9]{6}`)
	if err != nil {
		panic(err)
	}
	s, err := piiguard.NewScanner(piiguard.Config{
		Identifiers: []string{"PassportNumber-US", "PassportNumber-GB"},
		Custom:      []*identifiers.Identifier{employee},
	})
	if err != nil {
		panic(err)
	}
	// The Scanner keeps its own copies: changing the identifier now, or
	// the copies Identifiers returns, changes nothing.
	employee.NeverReported = []string{"EMP-004211"}
	for _, id := range s.Identifiers() {
		fmt.Println(id.Name)
	}
	// A value two identifiers match is reported under each.
	for _, f := range s.ScanString("EMP-004211 passport number 912803456") {
		fmt.Println(f)
	}
	// Output:
	// PassportNumber-US
	// PassportNumber-GB
	// EmployeeId
	// EmployeeId[0:10] 0.60
	// PassportNumber-GB[27:36] 0.79
	// PassportNumber-US[27:36] 0.75
}
