// Command lex shows what Amazon Lex V2 writes to a text conversation log
// for the bill-payment example of the reference: the card number the user
// gave, in a turn eliciting the CardNumber slot with obfuscation on,
// becomes {CardNumber}; then a piiguard Scanner masks what Lex leaves.
//
//	go run ./examples/lex [-event lex/testdata/paybill-turn2.json]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/lex"
)

func main() {
	path := flag.String("event", "lex/testdata/paybill-turn2.json", "Lex V2 text-log event with slot values in clear")
	flag.Parse()
	if err := run(os.Stdout, *path); err != nil {
		fmt.Fprintln(os.Stderr, "lex example:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, path string) error {
	event, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("%w (run from the module root, or pass -event)", err)
	}
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		return err
	}
	l, err := lex.NewLogger(lex.Config{
		Obfuscated: []string{"CardNumber"}, // the slot's obfuscation setting
		Scanner:    s,                      // then mask what Lex leaves
	})
	if err != nil {
		return err
	}
	// In this turn Lex was eliciting PayBill's CardNumber slot (the
	// previous event's dialogAction.slotToElicit).
	out, logged, err := l.Log(event, lex.Turn{Intent: "PayBill", Slot: "CardNumber"})
	if err != nil {
		return err
	}
	if !logged {
		_, err = fmt.Fprintln(w, "(turn not logged)")
		return err
	}
	_, err = w.Write(out)
	return err
}
