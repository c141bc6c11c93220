package lex_test

import (
	"strings"
	"testing"

	"github.com/piiguard/piiguard/lex"
)

// lexEvent is a Lex V2 text-log event with one slot filled and the given
// transcript. "Tane Ngata" is a name the scanner does not find alone (its
// words are in none of its lists): only a cue makes it one.
func lexEvent(slot, value, transcript string) string {
	return `{"sessionState":{"dialogAction":{"type":"ElicitSlot","slotToElicit":"Phone"},"intent":{"name":"Book","slots":{"` +
		slot + `":{"shape":"Scalar","value":{"originalValue":"` + value + `","interpretedValue":"` + value +
		`","resolvedValues":["` + value + `"]}}}}},"inputTranscript":"` + transcript + `","rawInputTranscript":"` + transcript +
		`","transcriptions":[{"transcription":"` + transcript + `","resolvedSlots":{}}]}`
}

// TestSlotNameAsContext checks that a slot's name is context for a
// person's name given as the slot's value, in the Logger's scan and in a
// scan of the raw event, and is no cue where the slot holds no name.
func TestSlotNameAsContext(t *testing.T) {
	const name = "Tane Ngata"
	if got := scanner().ScanString(`{"inputTranscript":"` + name + `"}`); len(got) != 0 {
		t.Fatalf("%q is found with no cue (%v): the test needs a name that is not", name, got)
	}
	for _, tt := range []struct {
		desc      string
		event     string
		turn      lex.Turn
		cfg       lex.Config
		wantLeft  int // occurrences of the name left in clear by the Logger
		wantInRaw int // Name findings of a scan of the raw event
	}{
		{"FullName slot fields", lexEvent("FullName", name, "yes"), lex.Turn{}, lex.Config{}, 0, 3},
		{"LastName slot fields", lexEvent("LastName", name, "yes"), lex.Turn{}, lex.Config{}, 0, 3},
		{"customer_name slot fields", lexEvent("customer_name", name, "yes"), lex.Turn{}, lex.Config{}, 0, 3},
		{"answer to FullName", lexEvent("FullName", name, name), lex.Turn{Intent: "Book", Slot: "FullName"}, lex.Config{}, 0, 3},
		{"answer to FirstName", lexEvent("FirstName", name, name), lex.Turn{Intent: "Book", Slot: "FirstName"}, lex.Config{}, 0, 3},
		{"answer, Include the transcript", lexEvent("FullName", name, name), lex.Turn{Intent: "Book", Slot: "FullName"},
			lex.Config{Include: []string{"$.inputTranscript", "$.rawInputTranscript"}}, 4, 3},
		{"NameSlots: slot Who of type AMAZON.LastName", lexEvent("Who", name, name), lex.Turn{Intent: "Book", Slot: "Who"},
			lex.Config{NameSlots: []string{"Book:Who"}}, 0, 0},
		{"NameSlots, other intent", lexEvent("Who", name, name), lex.Turn{Intent: "Book", Slot: "Who"},
			lex.Config{NameSlots: []string{"Cancel:Who"}}, 6, 0},
		// Negatives: no slot, or a slot that holds no person's name.
		{"transcript, intent elicitation", lexEvent("FullName", "x", name), lex.Turn{}, lex.Config{}, 3, 0},
		{"answer to Amount", lexEvent("Amount", name, name), lex.Turn{Intent: "Book", Slot: "Amount"}, lex.Config{}, 6, 0},
		{"answer to ProductName", lexEvent("ProductName", name, name), lex.Turn{Intent: "Book", Slot: "ProductName"}, lex.Config{}, 6, 0},
		{"HotelName slot fields", lexEvent("HotelName", name, "yes"), lex.Turn{}, lex.Config{}, 3, 0},
		{"Who slot fields, not listed", lexEvent("Who", name, "yes"), lex.Turn{}, lex.Config{}, 3, 0},
	} {
		t.Run(tt.desc, func(t *testing.T) {
			cfg := tt.cfg
			cfg.Scanner = scanner()
			l, err := lex.NewLogger(cfg)
			if err != nil {
				t.Fatal(err)
			}
			out, logged, err := l.Log([]byte(tt.event), tt.turn)
			if err != nil || !logged {
				t.Fatalf("Log: logged %v, err %v", logged, err)
			}
			if n := strings.Count(string(out), name); n != tt.wantLeft {
				t.Errorf("%d occurrences left in clear, want %d:\n%s", n, tt.wantLeft, out)
			}
			n := 0
			for _, f := range scanner().ScanString(tt.event) {
				if f.Identifier == "Name" {
					n++
				}
			}
			if n != tt.wantInRaw {
				t.Errorf("raw scan: %d Name findings, want %d", n, tt.wantInRaw)
			}
		})
	}
}

// TestNameSlotsErrors checks that a malformed Config.NameSlots entry is
// reported.
func TestNameSlotsErrors(t *testing.T) {
	for _, s := range []string{"", ":Who", "Book:", "Book:Who:x"} {
		if _, err := lex.NewLogger(lex.Config{NameSlots: []string{s}}); err == nil || !strings.Contains(err.Error(), "name slot") {
			t.Errorf("NameSlots %q: err %v, want a name slot error", s, err)
		}
	}
}
