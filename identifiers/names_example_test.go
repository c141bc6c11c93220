package identifiers_test

import (
	"bytes"
	"fmt"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
)

// A Validator's Score sees the text around a match, may narrow the match
// and gives the finding's score: here an order reference is reported
// without its "ORD-" prefix, with more confidence after "order".
func ExampleValidator_score() {
	id := &identifiers.Identifier{
		Name:     "OrderRef",
		Category: identifiers.Custom,
		Patterns: []identifiers.Pattern{{Expr: `ORD-[0-9]{6}`}},
		Validator: &identifiers.Validator{
			Name:  "order reference",
			Check: func(v []byte) bool { return true },
			Score: func(text []byte, start, end int) (int, int, float64, bool) {
				score := 0.6
				if bytes.Contains(bytes.ToLower(text[:start]), []byte("order")) {
					score = 0.9
				}
				return start + len("ORD-"), end, score, true
			},
		},
	}
	d, err := detector.Compile([]*identifiers.Identifier{id})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, text := range []string{"order ORD-123456 shipped", "ref ORD-654321"} {
		for _, f := range d.FindString(text) {
			fmt.Println(text[f.Start:f.End], f.Score)
		}
	}
	// Output:
	// 123456 0.9
	// 654321 0.6
}

// The Name identifier scores each candidate on its evidence: the finding
// is the name inside a longer run of capitalised words, and its score is
// higher with a cue such as a field name before it.
func ExampleValidator_name() {
	name, _ := identifiers.Lookup("Name")
	d, err := detector.Compile([]*identifiers.Identifier{name})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, text := range []string{
		"Author: Jane Doe Date: Mon Mar 2 14:03:11 2024",
		`{"customer_name":"Gonçalo Ferreira"}`,
		"Spring Boot started on Apache Kafka",
	} {
		fs := d.FindString(text)
		if len(fs) == 0 {
			fmt.Println("no name")
		}
		for _, f := range fs {
			fmt.Printf("%s %.2f\n", text[f.Start:f.End], f.Score)
		}
	}
	// Output:
	// Jane Doe 0.92
	// Gonçalo Ferreira 0.88
	// no name
}
