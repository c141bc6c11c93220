// Package lex reproduces what Amazon Lex V2 writes to a text conversation
// log in CloudWatch Logs, and masks what Lex leaves in it.
//
// Given a text-log event as the runtime saw the turn (slot values in
// clear) and the bot's settings, a Logger produces the event Lex would
// log, following the Lex V2 developer guide:
//
//   - Slot obfuscation: the value of a slot with obfuscation on
//     (DefaultObfuscation) is replaced by the slot's name in braces,
//     "{CardNumber}", in inputTranscript, rawInputTranscript and
//     transcriptions[].transcription and rawTranscription, and in the slot
//     fields (originalValue, interpretedValue, resolvedValues, list slots'
//     values, composite slots' subSlots: with the composite slot's name)
//     of sessionState.intent, interpretations[].intent,
//     transcriptions[].resolvedSlots and dialogEventLogs[].nextStep.intent.
//     In a transcript, braces the user typed are escaped with two
//     backslashes: "My name is {John Stiles}" becomes
//     `My name is \\{{full_name}\\}`.
//   - When: in a turn eliciting a slot with obfuscation on, a value Lex
//     did not recognize obfuscates the whole utterance ("{CardNumber}");
//     in a turn eliciting the intent, only recognized values are replaced.
//     Missed utterances (missedUtterance true) are not obfuscated, nor are
//     bot messages, session and request attributes.
//   - Selective capture (Config.SelectiveLogging): whether the turn is
//     logged at all (see Capture), and the slot fields of slots whose
//     logging is not enabled are obfuscated too.
//
// Then, when Config.Scanner is set, the event is scanned with a
// piiguard Scanner and what it finds is masked (package mask's JSON
// masker): that covers what Lex leaves alone, such as bot messages that
// echo a slot value, session and request attributes, missed utterances
// and slots without obfuscation, as CloudWatch Logs data protection on the
// log group would.
//
// # Choices where the guide is silent
//
// The guide documents "{SlotName}" in transcripts only; structured fields
// get the same token. A recognized value is found in a transcript by its
// originalValue or interpretedValue, ignoring case (every occurrence).
// When Lex elicited an obfuscated slot and filled it but its value cannot
// be found in a transcript, the whole transcript is replaced (rather than
// leaving the value in). Brace escaping applies to transcripts that get a token.
// The selective capture rules for the log decision are listed on Capture;
// "slot values in Transcriptions" is read as transcriptions[].resolvedSlots.
//
// A log event does not say which slot Lex was eliciting, nor which slots
// the turn filled: Turn carries them, and a Session derives them from the
// previous event of the conversation.
//
// # Slot names as context
//
// The scan reads a slot's name as context for the slot's values, the way
// a reader does: a person's name that is the value of a slot FullName,
// LastName or customer_name is scored as a name with a cue before it (in a
// raw log line too, where Lex writes the slot's name two objects before
// the value). In a turn eliciting a slot, the user's answer is a value of
// that slot, so the transcripts are scanned with the elicited slot's name
// as their field name ("Tane Ngata" answering FullName is a name where the
// same words alone are not found). Slots listed in Config.NameSlots count
// as names whatever they are called. When Include or Exclude is set, the
// transcripts of transcriptions[] and the slots under an array get no such
// context (a path with an index cannot be named that way); the rest of
// the scan is unchanged.
package lex

import (
	"fmt"
	"slices"
	"strings"

	"github.com/piiguard/piiguard/internal/jsonwalk"
	"github.com/piiguard/piiguard/mask"
)

// Config describes a bot's logging settings.
type Config struct {
	// Obfuscated lists the slots with obfuscation on, as "Slot" (in
	// every intent) or "Intent:Slot".
	Obfuscated []string
	// SelectiveLogging is the alias's TextLogSetting.selectiveLoggingEnabled.
	SelectiveLogging bool
	// Scanner, when set, scans each logged event after Lex's obfuscation
	// and masks what it finds with Masker (mask.Asterisk when nil).
	Scanner mask.Finder
	Masker  mask.Masker
	// Include and Exclude restrict the scan to parts of the event, as
	// mask.JSONOptions does; by default the whole event is scanned.
	Include, Exclude []string
	// NameSlots lists the slots whose values are people's names, as
	// "Slot" or "Intent:Slot": slots of the types AMAZON.FirstName and
	// AMAZON.LastName, or of a custom type for names, which a log event
	// does not record. A slot whose name says it holds a name (FirstName,
	// customer_name) needs no listing. See "Slot names as context".
	NameSlots []string
}

// Turn says what Lex was doing in a turn, which its log event does not
// record.
type Turn struct {
	// Intent and Slot name the slot Lex elicited in the turn: the previous
	// event's sessionState.dialogAction.slotToElicit, when its type was
	// ElicitSlot. An empty Slot means Lex was not eliciting a slot (it was
	// eliciting the intent, as in the first turn).
	Intent, Slot string
	// Filled names the slots filled during an intent-elicitation turn;
	// nil means every slot filled at the end of the turn, as in a first
	// turn.
	Filled []string
}

// A Logger produces Lex text-log events. It is safe for concurrent use.
type Logger struct {
	obfuscated slotSet
	nameSlots  slotSet
	selective  bool
	scan       *mask.JSON
	restricted bool // Include or Exclude set
}

// NewLogger returns a Logger for c. It reports malformed slot names and
// scan rules.
func NewLogger(c Config) (*Logger, error) {
	l := &Logger{selective: c.SelectiveLogging}
	var err error
	if l.obfuscated, err = newSlotSet("obfuscated slot", c.Obfuscated); err != nil {
		return nil, err
	}
	if l.nameSlots, err = newSlotSet("name slot", c.NameSlots); err != nil {
		return nil, err
	}
	l.restricted = len(c.Include) > 0 || len(c.Exclude) > 0
	if c.Scanner != nil {
		if l.scan, err = mask.NewJSON(c.Scanner, c.Masker, mask.JSONOptions{Include: c.Include, Exclude: c.Exclude}); err != nil {
			return nil, fmt.Errorf("lex: %w", err)
		}
	}
	return l, nil
}

// slotSet is a set of slots, each "Intent:Slot" or, for a slot of that
// name in any intent, "*:Slot".
type slotSet []string

// newSlotSet reads a list of slots written "Slot" or "Intent:Slot" (as
// Config.Obfuscated and Config.NameSlots list them); what names the list
// in errors.
func newSlotSet(what string, names []string) (slotSet, error) {
	var set slotSet
	for _, s := range names {
		intent, slot, ok := strings.Cut(s, ":")
		if !ok {
			intent, slot = "*", s
		}
		if intent == "" || slot == "" || strings.Contains(slot, ":") {
			return nil, fmt.Errorf("lex: %s %q: want Slot or Intent:Slot", what, s)
		}
		set = append(set, intent+":"+slot)
	}
	return set, nil
}

// has reports whether the set holds slot of intent.
func (set slotSet) has(intent, slot string) bool {
	return slices.Contains(set, intent+":"+slot) || slices.Contains(set, "*:"+slot)
}

// Log returns the event Lex writes to the text log for the turn event
// records, and whether Lex logs the turn at all; when it does not, out is
// nil. event is a Lex V2 text-log event with slot values in clear.
func (l *Logger) Log(data []byte, turn Turn) (out []byte, logged bool, err error) {
	ev, err := parse(data)
	if err != nil {
		return nil, false, err
	}
	return l.log(data, ev, turn)
}

func (l *Logger) log(data []byte, ev *event, turn Turn) ([]byte, bool, error) {
	st := ev.SessionState
	intentName := ""
	if st.Intent != nil {
		intentName = st.Intent.Name
	}
	if turn.Slot != "" && turn.Intent == "" {
		turn.Intent = intentName
	}
	filled := turn.Filled
	if filled == nil {
		filled = filledSlots(st.Intent)
	}
	capture := NewCapture(st.SessionAttributes)
	if l.selective && !capture.TurnLogged(turn, intentName, filled) {
		return nil, false, nil
	}
	// hidden reports whether a slot's value fields are obfuscated.
	hidden := func(in, s string) bool {
		return l.obfuscated.has(in, s) || l.selective && !capture.SlotEnabled(in, s)
	}
	tr := l.transcripts(ev, turn, intentName)
	// intentAt names the intent a slot field belongs to. (Indexes are
	// checked: with a member given twice, encoding/json keeps the last
	// and the walk sees both.)
	intentAt := func(p jsonwalk.Path) string {
		i := p[1].Index
		switch p[0].Key {
		case "sessionState":
			return intentName
		case "interpretations":
			if i < len(ev.Interpretations) && ev.Interpretations[i].Intent != nil {
				return ev.Interpretations[i].Intent.Name
			}
		case "transcriptions":
			if i < len(ev.Transcriptions) && ev.Transcriptions[i].ResolvedContext.Intent != "" {
				return ev.Transcriptions[i].ResolvedContext.Intent
			}
			return intentName
		case "dialogEventLogs":
			if i < len(ev.DialogEventLogs) && ev.DialogEventLogs[i].NextStep.Intent != nil {
				return ev.DialogEventLogs[i].NextStep.Intent.Name
			}
		}
		return ""
	}
	var out []byte
	pos := 0
	err := jsonwalk.Walk(data, func(leaf *jsonwalk.Leaf) error {
		if leaf.Kind != jsonwalk.String {
			return nil
		}
		var repl string
		if name, ok := slotField(leaf.Path); ok {
			if !hidden(intentAt(leaf.Path), name) || leaf.End-leaf.Start == 2 {
				return nil
			}
			repl = "{" + name + "}"
		} else if f, ok := transcriptField(leaf.Path); ok && tr != nil {
			dec, _ := jsonwalk.Unquote(nil, nil, data[leaf.Start:leaf.End])
			var changed bool
			repl, changed = tr.obfuscate(string(dec), f)
			if !changed {
				return nil
			}
		} else {
			return nil
		}
		out = append(out, data[pos:leaf.Start]...)
		out = jsonwalk.AppendQuote(out, []byte(repl))
		pos = leaf.End
		return nil
	})
	if err != nil {
		return nil, false, fmt.Errorf("lex: %w", err)
	}
	out = append(out, data[pos:]...)
	if l.scan != nil {
		if out, err = l.maskSlotContext(out, turn, intentAt); err != nil {
			return nil, false, fmt.Errorf("lex: %w", err)
		}
		if out, err = l.scan.Mask(out); err != nil {
			return nil, false, fmt.Errorf("lex: %w", err)
		}
	}
	return out, true, nil
}
