package lex_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/lex"
	"github.com/piiguard/piiguard/mask"
)

var scanner = sync.OnceValue(func() *piiguard.Scanner {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		panic(err)
	}
	return s
})

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestFixtures logs each fixture event and compares with what Lex writes
// (*.want.json; paybill-turn2.want.json is the reference's example event)
// and, where given, with the event after the scan (*.masked.json).
func TestFixtures(t *testing.T) {
	tests := []struct {
		name      string
		cfg       lex.Config
		turn      lex.Turn
		logged    bool
		hasMasked bool
	}{
		{"paybill-turn2", lex.Config{Obfuscated: []string{"CardNumber"}}, lex.Turn{Intent: "PayBill", Slot: "CardNumber"}, true, false},
		{"paybill-turn1", lex.Config{Obfuscated: []string{"PayBill:BillNumber"}}, lex.Turn{}, true, false},
		{"braces", lex.Config{Obfuscated: []string{"full_name"}}, lex.Turn{}, true, false},
		{"card-not-recognized", lex.Config{Obfuscated: []string{"CardNumber"}}, lex.Turn{Intent: "PayBill", Slot: "CardNumber"}, true, false},
		{"missed-utterance", lex.Config{Obfuscated: []string{"CardNumber", "BillNumber"}}, lex.Turn{Intent: "PayBill", Slot: "AuthorizationConsent"}, true, true},
		{"paybill-turn2-selective", lex.Config{SelectiveLogging: true}, lex.Turn{Intent: "PayBill", Slot: "CardNumber"}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := read(t, tt.name+".json")
			l, err := lex.NewLogger(tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			out, logged, err := l.Log(in, tt.turn)
			if err != nil || logged != tt.logged {
				t.Fatalf("Log: logged %v, err %v; want logged %v", logged, err, tt.logged)
			}
			if want := read(t, tt.name+".want.json"); !bytes.Equal(out, want) {
				t.Errorf("Lex output:\n%s\nwant:\n%s", out, want)
			}
			// With the scan: valid, and nothing left to find.
			cfg := tt.cfg
			cfg.Scanner = scanner()
			l, err = lex.NewLogger(cfg)
			if err != nil {
				t.Fatal(err)
			}
			masked, _, err := l.Log(in, tt.turn)
			if err != nil || !json.Valid(masked) {
				t.Fatalf("Log with scan: %v\n%s", err, masked)
			}
			if tt.hasMasked {
				if want := read(t, tt.name+".masked.json"); !bytes.Equal(masked, want) {
					t.Errorf("scanned output:\n%s\nwant:\n%s", masked, want)
				}
			}
			j, _ := mask.NewJSON(scanner(), nil, mask.JSONOptions{})
			if f, err := j.AppendFindings(nil, masked); err != nil || len(f) > 0 {
				t.Errorf("the scanned output still has findings: %v %v", f, err)
			}
		})
	}
}

func TestObfuscationRules(t *testing.T) {
	event := func(transcript, slots string) []byte {
		return []byte(`{"missedUtterance":false,"sessionState":{"intent":{"name":"PayBill","slots":{` + slots + `}}},` +
			`"inputTranscript":` + quote(transcript) + `}`)
	}
	card := `"CardNumber":{"value":{"originalValue":"4929 3812","interpretedValue":"49293812","resolvedValues":["49293812"]}}`
	tests := []struct {
		name       string
		transcript string
		slots      string
		turn       lex.Turn
		want       string
	}{
		{"recognized value replaced", "it is 4929 3812 thanks", card, lex.Turn{Intent: "PayBill", Slot: "CardNumber"}, "it is {CardNumber} thanks"},
		{"interpreted value found", "it is 49293812", card, lex.Turn{Intent: "PayBill", Slot: "CardNumber"}, "it is {CardNumber}"},
		{"case ignored", "Name JOHN", `"CardNumber":{"value":{"originalValue":"john"}}`, lex.Turn{}, "Name {CardNumber}"},
		{"not recognized: whole utterance", "I do not know", `"CardNumber":null`, lex.Turn{Intent: "PayBill", Slot: "CardNumber"}, "{CardNumber}"},
		{"recognized but not in the text: whole utterance", "four nine two nine", card, lex.Turn{Intent: "PayBill", Slot: "CardNumber"}, "{CardNumber}"},
		{"first turn, nothing recognized: kept", "pay with {my} card", `"CardNumber":null`, lex.Turn{}, "pay with {my} card"},
		{"first turn, value recognized, braces escaped", "pay {now} with 4929 3812", card, lex.Turn{}, `pay \\{now\\} with {CardNumber}`},
		{"other slot elicited: value still replaced", "4929 3812", card, lex.Turn{Intent: "PayBill", Slot: "Amount"}, "{CardNumber}"},
		{"slot without obfuscation", "amount 235", `"Amount":{"value":{"originalValue":"235"}}`, lex.Turn{Intent: "PayBill", Slot: "Amount"}, "amount 235"},
		// A value said twice, once as recognized and once in other case: both
		// replaced (the second was left in clear when the first matched exactly).
		{"value repeated in other case", "john, I said JOHN", `"CardNumber":{"value":{"originalValue":"john"}}`, lex.Turn{}, "{CardNumber}, I said {CardNumber}"},
		{"value repeated in other case, non-ASCII", "Émile or émile", `"CardNumber":{"value":{"originalValue":"émile"}}`, lex.Turn{Intent: "PayBill", Slot: "CardNumber"}, "{CardNumber} or {CardNumber}"},
	}
	l, err := lex.NewLogger(lex.Config{Obfuscated: []string{"CardNumber"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		out, _, err := l.Log(event(tt.transcript, tt.slots), tt.turn)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var got struct {
			InputTranscript string `json:"inputTranscript"`
		}
		json.Unmarshal(out, &got)
		if got.InputTranscript != tt.want {
			t.Errorf("%s: inputTranscript %q, want %q", tt.name, got.InputTranscript, tt.want)
		}
	}
}

func TestListSlotsAndIntents(t *testing.T) {
	in := `{"sessionState":{"intent":{"name":"Order","slots":{"Toppings":{"shape":"List","value":{"originalValue":"ham and egg","resolvedValues":["ham","egg"]},` +
		`"values":[{"shape":"Scalar","value":{"originalValue":"ham","resolvedValues":["ham"]}},{"shape":"Scalar","value":{"originalValue":"egg","resolvedValues":[]}}]},` +
		`"Size":{"value":{"originalValue":"large"}}}}},` +
		`"interpretations":[{"intent":{"name":"Other","slots":{"Size":{"value":{"originalValue":"large"}}}}}],` +
		`"dialogEventLogs":[{"nextStep":{"intent":{"name":"Order","slots":{"Size":{"value":{"interpretedValue":"large"}}}}}}],` +
		`"inputTranscript":"ham and egg, large"}`
	l, err := lex.NewLogger(lex.Config{Obfuscated: []string{"Toppings", "Order:Size"}})
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := l.Log([]byte(in), lex.Turn{})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"sessionState":{"intent":{"name":"Order","slots":{"Toppings":{"shape":"List","value":{"originalValue":"{Toppings}","resolvedValues":["{Toppings}","{Toppings}"]},` +
		`"values":[{"shape":"Scalar","value":{"originalValue":"{Toppings}","resolvedValues":["{Toppings}"]}},{"shape":"Scalar","value":{"originalValue":"{Toppings}","resolvedValues":[]}}]},` +
		`"Size":{"value":{"originalValue":"{Size}"}}}}},` +
		`"interpretations":[{"intent":{"name":"Other","slots":{"Size":{"value":{"originalValue":"large"}}}}}],` +
		`"dialogEventLogs":[{"nextStep":{"intent":{"name":"Order","slots":{"Size":{"value":{"interpretedValue":"{Size}"}}}}}}],` +
		`"inputTranscript":"{Toppings}, {Size}"}`
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func TestCapture(t *testing.T) {
	const p = lex.TextLoggingPrefix + ":"
	tests := []struct {
		name   string
		attrs  map[string]string
		turn   lex.Turn
		intent string
		filled []string
		want   bool
	}{
		{"no attribute: nothing logged", nil, lex.Turn{Intent: "PayBill", Slot: "Amount"}, "PayBill", nil, false},
		{"unrelated attributes only", map[string]string{"x-amz-lex:enable-audio-logging:*:*": "true"}, lex.Turn{}, "PayBill", nil, false},
		{"slot elicited and enabled", map[string]string{p + "PayBill:Amount": "true"}, lex.Turn{Intent: "PayBill", Slot: "Amount"}, "PayBill", nil, true},
		{"other slot enabled", map[string]string{p + "PayBill:Amount": "true"}, lex.Turn{Intent: "PayBill", Slot: "CardNumber"}, "PayBill", nil, false},
		{"wildcard slot", map[string]string{p + "PayBill:*": "true"}, lex.Turn{Intent: "PayBill", Slot: "CardNumber"}, "PayBill", nil, true},
		{"wildcard intent", map[string]string{p + "*:CardNumber": "true"}, lex.Turn{Intent: "Refund", Slot: "CardNumber"}, "Refund", nil, true},
		{"both wildcards", map[string]string{p + "*:*": "true"}, lex.Turn{Intent: "Refund", Slot: "X"}, "Refund", nil, true},
		{"false allows nothing", map[string]string{p + "*:*": "false"}, lex.Turn{Intent: "Refund", Slot: "X"}, "Refund", nil, false},
		{"false denies nothing", map[string]string{p + "*:*": "true", p + "PayBill:CardNumber": "false"}, lex.Turn{Intent: "PayBill", Slot: "CardNumber"}, "PayBill", nil, true},
		{"only exactly true", map[string]string{p + "*:*": "TRUE"}, lex.Turn{Intent: "PayBill", Slot: "CardNumber"}, "PayBill", nil, false},
		{"names are case-sensitive", map[string]string{p + "paybill:*": "true"}, lex.Turn{Intent: "PayBill", Slot: "CardNumber"}, "PayBill", nil, false},
		{"malformed attribute", map[string]string{p + "PayBill": "true"}, lex.Turn{Intent: "PayBill", Slot: "CardNumber"}, "PayBill", nil, false},
		{"intent elicitation: all filled slots allowed", map[string]string{p + "PayBill:BillNumber": "true", p + "PayBill:Amount": "true"}, lex.Turn{}, "PayBill", []string{"BillNumber", "Amount"}, true},
		{"intent elicitation: one filled slot not allowed", map[string]string{p + "PayBill:BillNumber": "true"}, lex.Turn{}, "PayBill", []string{"BillNumber", "Amount"}, false},
		{"intent elicitation: no slot filled, intent wildcard", map[string]string{p + "PayBill:*": "true"}, lex.Turn{}, "PayBill", nil, true},
		{"intent elicitation: no slot filled, slot expression", map[string]string{p + "PayBill:Amount": "true"}, lex.Turn{}, "PayBill", nil, false},
		{"slot turn uses the session intent when Turn has none", map[string]string{p + "PayBill:Amount": "true"}, lex.Turn{Slot: "Amount"}, "PayBill", nil, true},
	}
	for _, tt := range tests {
		c := lex.NewCapture(tt.attrs)
		if got := c.TurnLogged(tt.turn, tt.intent, tt.filled); got != tt.want {
			t.Errorf("%s: TurnLogged = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestSelectiveLog checks the log decision and the obfuscation of slots
// whose logging is not enabled on a whole event.
func TestSelectiveLog(t *testing.T) {
	in := read(t, "paybill-turn2-selective.json")
	turn := lex.Turn{Intent: "PayBill", Slot: "CardNumber"}
	tests := []struct {
		name   string
		cfg    lex.Config
		turn   lex.Turn
		logged bool
	}{
		{"selective off: logged", lex.Config{}, lex.Turn{Intent: "PayBill", Slot: "Amount"}, true},
		{"elicited slot enabled", lex.Config{SelectiveLogging: true}, turn, true},
		{"elicited slot not enabled", lex.Config{SelectiveLogging: true}, lex.Turn{Intent: "PayBill", Slot: "Amount"}, false},
	}
	for _, tt := range tests {
		l, _ := lex.NewLogger(tt.cfg)
		out, logged, err := l.Log(in, tt.turn)
		if err != nil || logged != tt.logged || (out == nil) == logged {
			t.Errorf("%s: logged %v (out %d bytes), err %v; want logged %v", tt.name, logged, len(out), err, tt.logged)
		}
	}
	// Selective capture and obfuscation combine.
	l, _ := lex.NewLogger(lex.Config{SelectiveLogging: true, Obfuscated: []string{"CardNumber"}})
	out, _, _ := l.Log(in, turn)
	for _, s := range []string{"35XU68", "9239829722200348", `"originalValue": "235"`} {
		if bytes.Contains(out, []byte(s)) {
			t.Errorf("%q left in the log", s)
		}
	}
}

// TestSession feeds a conversation in order: the Session derives each
// turn from the previous event.
func TestSession(t *testing.T) {
	turn1 := read(t, "paybill-turn1.json")
	amount := []byte(`{"sessionState":{"dialogAction":{"type":"ElicitSlot","slotToElicit":"CardNumber"},"intent":{"name":"PayBill","slots":{` +
		`"BillNumber":{"value":{"originalValue":"35XU68"}},"Amount":{"value":{"originalValue":"235"}},"CardNumber":null}}},` +
		`"inputTranscript":"235"}`)
	turn2 := read(t, "paybill-turn2.json")
	notRecognized := read(t, "card-not-recognized.json")

	l, _ := lex.NewLogger(lex.Config{Obfuscated: []string{"BillNumber", "CardNumber"}})
	s := l.NewSession()
	out, _, err := s.Log(turn1)
	if err != nil || !bytes.Contains(out, []byte(`"I want to pay my bill with bill number {BillNumber}"`)) {
		t.Fatalf("turn 1: %v\n%s", err, out)
	}
	if out, _, _ = s.Log(amount); !bytes.Contains(out, []byte(`"inputTranscript":"235"`)) {
		t.Errorf("amount turn: %s", out)
	}
	// The previous event elicited CardNumber, and this one leaves it
	// unfilled: the whole utterance goes.
	if out, _, _ = s.Log(notRecognized); !bytes.Contains(out, []byte(`"inputTranscript": "{CardNumber}"`)) {
		t.Errorf("card not recognized: %s", out)
	}
	// The reference's event, with BillNumber obfuscated as well.
	out, _, _ = s.Log(turn2)
	want := bytes.ReplaceAll(read(t, "paybill-turn2.want.json"), []byte(`"35XU68"`), []byte(`"{BillNumber}"`))
	if !bytes.Equal(out, want) {
		t.Errorf("turn 2:\n%s\nwant:\n%s", out, want)
	}

	// Selective capture in an intent-elicitation turn matches the slots
	// that turn filled.
	sel, _ := lex.NewLogger(lex.Config{SelectiveLogging: true})
	s = sel.NewSession()
	allowBill := bytes.Replace(turn1, []byte(`"sessionAttributes": {`), []byte(`"sessionAttributes": { "x-amz-lex:enable-text-logging:PayBill:BillNumber": "true",`), 1)
	if _, logged, err := s.Log(allowBill); !logged || err != nil {
		t.Errorf("turn 1 with BillNumber enabled: logged %v, %v", logged, err)
	}
}

func TestNextTurn(t *testing.T) {
	tests := []struct {
		event string
		want  lex.Turn
	}{
		{`{"sessionState":{"dialogAction":{"type":"ElicitSlot","slotToElicit":"Amount"},"intent":{"name":"PayBill"}}}`, lex.Turn{Intent: "PayBill", Slot: "Amount"}},
		{`{"sessionState":{"dialogAction":{"type":"ElicitIntent"}}}`, lex.Turn{}},
		{`{"sessionState":{"dialogAction":{"type":"Close"},"intent":{"name":"PayBill"}}}`, lex.Turn{}},
		{`{}`, lex.Turn{}},
	}
	for _, tt := range tests {
		got, err := lex.NextTurn([]byte(tt.event))
		if err != nil || got.Intent != tt.want.Intent || got.Slot != tt.want.Slot {
			t.Errorf("NextTurn(%s) = %+v, %v; want %+v", tt.event, got, err, tt.want)
		}
	}
}

func TestErrors(t *testing.T) {
	l, _ := lex.NewLogger(lex.Config{})
	for _, in := range []string{`{"a":`, `not json`, `{"sessionState":5}`, `{"interpretations":{}}`} {
		if _, _, err := l.Log([]byte(in), lex.Turn{}); err == nil || !strings.HasPrefix(err.Error(), "lex: ") {
			t.Errorf("Log(%s): err %v", in, err)
		}
	}
	if _, _, err := l.Log([]byte(`{"a":1`), lex.Turn{}); err == nil || !strings.Contains(err.Error(), "byte 6") {
		t.Errorf("syntax error without offset: %v", err)
	}
	for _, cfg := range []lex.Config{
		{Obfuscated: []string{"PayBill:"}},
		{Obfuscated: []string{":Slot"}},
		{Obfuscated: []string{"a:b:c"}},
		{Scanner: scanner(), Include: []string{"messages"}},
	} {
		if _, err := lex.NewLogger(cfg); err == nil {
			t.Errorf("NewLogger(%+v): no error", cfg)
		}
	}
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// FuzzLog checks that no event makes the Logger panic, and that what it
// logs is valid JSON: with obfuscation alone, and with a scan that reads
// slot names as context (Config.NameSlots, the elicited slot).
func FuzzLog(f *testing.F) {
	for _, name := range []string{"paybill-turn1", "paybill-turn2", "braces", "card-not-recognized", "missed-utterance", "paybill-turn2-selective"} {
		b, err := os.ReadFile(filepath.Join("testdata", name+".json"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "CardNumber")
	}
	f.Add([]byte(`{"interpretations":[{},{},{"intent":{"slots":{"A":{"value":{"originalValue":"x"}}}}}],"interpretations":[]}`), "A")
	f.Add([]byte(`{"sessionState":{"intent":{"name":"Book","slots":{"Who":{"value":{"originalValue":"Tane Ngata","resolvedValues":["Tane Ngata"]}}}}},`+
		`"inputTranscript":"Tane Ngata","transcriptions":[{"transcription":"Tane \\\"Ngata\\\""}]}`), "Who")
	obfuscating, err := lex.NewLogger(lex.Config{Obfuscated: []string{"CardNumber", "A", "BillNumber"}})
	if err != nil {
		f.Fatal(err)
	}
	scanning, err := lex.NewLogger(lex.Config{Scanner: scanner(), Obfuscated: []string{"CardNumber"}, NameSlots: []string{"Who", "Book:A"}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, event []byte, slot string) {
		l, err := lex.NewLogger(lex.Config{Obfuscated: []string{"CardNumber", "A", "BillNumber"}, SelectiveLogging: len(slot)%2 == 0})
		if err != nil {
			t.Fatal(err)
		}
		out, logged, err := l.Log(event, lex.Turn{Slot: slot})
		if err == nil && logged && !json.Valid(out) {
			t.Fatalf("invalid JSON logged for %q:\n%s", event, out)
		}
		for _, l := range []*lex.Logger{obfuscating, scanning} {
			out, logged, err := l.Log(event, lex.Turn{Intent: "Book", Slot: slot})
			if err == nil && logged && !json.Valid(out) {
				t.Fatalf("invalid JSON logged for %q, eliciting %q:\n%s", event, slot, out)
			}
		}
	})
}

// TestCompositeSlots: the values of a composite slot (shape Composite)
// are in its subSlots, each a slot of its own shape; with obfuscation on
// the composite slot, they are obfuscated with its name wherever slots
// are logged, and found in transcripts, as a scalar slot's are. (The
// Logger left them in clear.)
func TestCompositeSlots(t *testing.T) {
	address := `"Address":{"shape":"Composite","subSlots":{` +
		`"Street":{"shape":"Scalar","value":{"originalValue":"12 Rue Émile Zola","interpretedValue":"12 Rue Émile Zola","resolvedValues":[]}},` +
		`"City":{"shape":"Scalar","value":{"originalValue":"lyon","interpretedValue":"Lyon","resolvedValues":["Lyon"]}},` +
		`"Lines":{"shape":"List","values":[{"shape":"Scalar","value":{"originalValue":"Bât B"}}]}}}`
	in := `{"sessionState":{"intent":{"name":"Ship","slots":{` + address + `}}},` +
		`"interpretations":[{"intent":{"name":"Ship","slots":{` + address + `}}}],` +
		`"transcriptions":[{"transcription":"12 rue émile zola à Lyon","resolvedSlots":{` + address + `}}],` +
		`"inputTranscript":"12 Rue Émile Zola à lyon, Bât B"}`
	l, err := lex.NewLogger(lex.Config{Obfuscated: []string{"Address"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, turn := range []lex.Turn{{}, {Intent: "Ship", Slot: "Address"}} {
		out, logged, err := l.Log([]byte(in), turn)
		if err != nil || !logged || !json.Valid(out) {
			t.Fatalf("turn %+v: logged %v, err %v\n%s", turn, logged, err, out)
		}
		for _, v := range []string{"Zola", "zola", "yon", "Bât"} {
			if bytes.Contains(out, []byte(v)) {
				t.Errorf("turn %+v: %q left in clear:\n%s", turn, v, out)
			}
		}
		if got := bytes.Count(out, []byte("{Address}")); got < 13 {
			t.Errorf("turn %+v: {Address} %d times, want 13 or more:\n%s", turn, got, out)
		}
	}
}
