package lex_test

import (
	"fmt"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/lex"
)

func ExampleLogger_Log() {
	l, err := lex.NewLogger(lex.Config{Obfuscated: []string{"CardNumber"}})
	if err != nil {
		panic(err)
	}
	event := `{"sessionState":{"intent":{"name":"PayBill","slots":{"CardNumber":{"value":{"originalValue":"4929 3812 6548 1006"}}}}},` +
		`"inputTranscript":"my {Visa} is 4929 3812 6548 1006"}`
	// Lex was eliciting CardNumber in this turn.
	out, logged, err := l.Log([]byte(event), lex.Turn{Intent: "PayBill", Slot: "CardNumber"})
	fmt.Println(logged, err)
	fmt.Println(string(out))
	// Output:
	// true <nil>
	// {"sessionState":{"intent":{"name":"PayBill","slots":{"CardNumber":{"value":{"originalValue":"{CardNumber}"}}}}},"inputTranscript":"my \\\\{Visa\\\\} is {CardNumber}"}
}

func ExampleCapture() {
	c := lex.NewCapture(map[string]string{
		"x-amz-lex:enable-text-logging:PayBill:*": "true",
		"x-amz-lex:enable-text-logging:*:Email":   "false",
	})
	fmt.Println(c.TurnLogged(lex.Turn{Intent: "PayBill", Slot: "Amount"}, "PayBill", nil))
	fmt.Println(c.TurnLogged(lex.Turn{Intent: "Profile", Slot: "Email"}, "Profile", nil))
	// Output:
	// true
	// false
}

// A slot of type AMAZON.LastName called "Who": listed in NameSlots, its
// value and the answer to it are scanned as a person's name.
func ExampleConfig_nameSlots() {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		panic(err)
	}
	l, err := lex.NewLogger(lex.Config{Scanner: s, NameSlots: []string{"Who"}})
	if err != nil {
		panic(err)
	}
	event := `{"sessionState":{"intent":{"name":"Book","slots":{"Who":{"value":{"originalValue":"Tane Ngata"}}}}},` +
		`"inputTranscript":"Tane Ngata"}`
	out, _, err := l.Log([]byte(event), lex.Turn{Intent: "Book", Slot: "Who"})
	fmt.Println(string(out), err)
	// Output:
	// {"sessionState":{"intent":{"name":"Book","slots":{"Who":{"value":{"originalValue":"**********"}}}}},"inputTranscript":"**********"} <nil>
}
