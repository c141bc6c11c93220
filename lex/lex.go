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
//     values) of sessionState.intent, interpretations[].intent,
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
// originalValue or interpretedValue, exactly, then ignoring case. When Lex
// elicited an obfuscated slot and filled it but its value cannot be found
// in a transcript, the whole transcript is replaced (rather than leaving
// the value in). Brace escaping applies to transcripts that get a token.
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
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
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

// The parts of an event the Logger reads.
type event struct {
	MissedUtterance bool `json:"missedUtterance"`
	SessionState    struct {
		DialogAction struct {
			Type         string `json:"type"`
			SlotToElicit string `json:"slotToElicit"`
		} `json:"dialogAction"`
		Intent            *intent           `json:"intent"`
		SessionAttributes map[string]string `json:"sessionAttributes"`
	} `json:"sessionState"`
	Interpretations []struct {
		Intent *intent `json:"intent"`
	} `json:"interpretations"`
	Transcriptions []struct {
		ResolvedContext struct {
			Intent string `json:"intent"`
		} `json:"resolvedContext"`
		ResolvedSlots map[string]*slot `json:"resolvedSlots"`
	} `json:"transcriptions"`
	DialogEventLogs []struct {
		NextStep struct {
			Intent *intent `json:"intent"`
		} `json:"nextStep"`
	} `json:"dialogEventLogs"`
}

type intent struct {
	Name  string           `json:"name"`
	Slots map[string]*slot `json:"slots"`
}

type slot struct {
	Value  *slotValue `json:"value"`
	Values []*slot    `json:"values"`
}

type slotValue struct {
	OriginalValue    string   `json:"originalValue"`
	InterpretedValue string   `json:"interpretedValue"`
	ResolvedValues   []string `json:"resolvedValues"`
}

// texts returns the slot's values as the user may have said them.
func (s *slot) texts() []string {
	if s == nil {
		return nil
	}
	var out []string
	if s.Value != nil {
		for _, v := range []string{s.Value.OriginalValue, s.Value.InterpretedValue} {
			if v != "" && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	for _, e := range s.Values {
		for _, v := range e.texts() {
			if !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

func parse(data []byte) (*event, error) {
	var ev event
	if err := json.Unmarshal(data, &ev); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("lex: event is not JSON: byte %d", se.Offset)
		}
		return nil, fmt.Errorf("lex: event is not a Lex V2 log event: %w", err)
	}
	return &ev, nil
}

// filledSlots returns the names of the slots of in that hold a value,
// sorted.
func filledSlots(in *intent) []string {
	if in == nil {
		return nil
	}
	var out []string
	for name, s := range in.Slots {
		if len(s.texts()) > 0 {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// NextTurn returns the Turn that follows event: a slot-elicitation turn
// when its sessionState.dialogAction is ElicitSlot, else an
// intent-elicitation turn. Filled is left nil; a Session computes it.
func NextTurn(data []byte) (Turn, error) {
	ev, err := parse(data)
	if err != nil {
		return Turn{}, err
	}
	return nextTurn(ev), nil
}

func nextTurn(ev *event) Turn {
	da := ev.SessionState.DialogAction
	if da.Type != "ElicitSlot" || da.SlotToElicit == "" {
		return Turn{}
	}
	t := Turn{Slot: da.SlotToElicit}
	if ev.SessionState.Intent != nil {
		t.Intent = ev.SessionState.Intent.Name
	}
	return t
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

// slotField reports whether p is a slot value field (originalValue,
// interpretedValue, resolvedValues[i], also inside a list slot's values)
// and names its slot.
func slotField(p jsonwalk.Path) (string, bool) {
	key := func(i int, k string) bool { return i < len(p) && !p[i].IsIndex() && p[i].Key == k }
	idx := func(i int) bool { return i < len(p) && p[i].IsIndex() }
	var i int // index of the slot name's step
	switch {
	case key(0, "sessionState") && key(1, "intent") && key(2, "slots"):
		i = 3
	case key(0, "interpretations") && idx(1) && key(2, "intent") && key(3, "slots"):
		i = 4
	case key(0, "transcriptions") && idx(1) && key(2, "resolvedSlots"):
		i = 3
	case key(0, "dialogEventLogs") && idx(1) && key(2, "nextStep") && key(3, "intent") && key(4, "slots"):
		i = 5
	default:
		return "", false
	}
	if i >= len(p) || p[i].IsIndex() {
		return "", false
	}
	name := p[i].Key
	// The value part: ("values", n)* "value" ("originalValue" |
	// "interpretedValue" | "resolvedValues", n).
	j := i + 1
	for key(j, "values") && idx(j+1) {
		j += 2
	}
	if !key(j, "value") {
		return "", false
	}
	switch {
	case len(p) == j+2 && (key(j+1, "originalValue") || key(j+1, "interpretedValue")):
		return name, true
	case len(p) == j+3 && key(j+1, "resolvedValues") && idx(j+2):
		return name, true
	}
	return "", false
}

// transcriptField reports whether p is a transcript: -1 for
// inputTranscript and rawInputTranscript, the index i for
// transcriptions[i].transcription and rawTranscription.
func transcriptField(p jsonwalk.Path) (int, bool) {
	switch {
	case len(p) == 1 && (p[0].Key == "inputTranscript" || p[0].Key == "rawInputTranscript"):
		return -1, true
	case len(p) == 3 && p[0].Key == "transcriptions" && p[1].IsIndex() &&
		(p[2].Key == "transcription" || p[2].Key == "rawTranscription"):
		return p[1].Index, true
	}
	return 0, false
}

// transcriptRule says how a turn's transcripts are obfuscated.
type transcriptRule struct {
	// whole, when set, replaces every transcript ("{CardNumber}").
	whole string
	// wholeIfMissing names the elicited slot whose value, if not found
	// in a transcript, makes the whole transcript its token.
	wholeIfMissing string
	// values maps the text of each recognized obfuscated value to its
	// slot name; perTranscription adds those of transcriptions[i].
	values           []valueToken
	perTranscription map[int][]valueToken
}

type valueToken struct{ text, slot string }

// transcripts returns how the turn's transcripts are obfuscated, or nil.
func (l *Logger) transcripts(ev *event, turn Turn, intentName string) *transcriptRule {
	if ev.MissedUtterance {
		return nil // documented: missed utterances are not obfuscated
	}
	var slots map[string]*slot
	if ev.SessionState.Intent != nil {
		slots = ev.SessionState.Intent.Slots
	}
	r := &transcriptRule{}
	if turn.Slot != "" && l.obfuscated.has(turn.Intent, turn.Slot) {
		if len(slots[turn.Slot].texts()) == 0 {
			r.whole = "{" + turn.Slot + "}" // not recognized
			return r
		}
		r.wholeIfMissing = turn.Slot
	}
	names := make([]string, 0, len(slots))
	for name := range slots {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !l.obfuscated.has(intentName, name) {
			continue
		}
		for _, t := range slots[name].texts() {
			r.values = append(r.values, valueToken{t, name})
		}
	}
	for i, tc := range ev.Transcriptions {
		in := tc.ResolvedContext.Intent
		if in == "" {
			in = intentName
		}
		var rs []string
		for name := range tc.ResolvedSlots {
			rs = append(rs, name)
		}
		sort.Strings(rs)
		for _, name := range rs {
			if !l.obfuscated.has(in, name) {
				continue
			}
			for _, t := range tc.ResolvedSlots[name].texts() {
				if r.perTranscription == nil {
					r.perTranscription = map[int][]valueToken{}
				}
				r.perTranscription[i] = append(r.perTranscription[i], valueToken{t, name})
			}
		}
	}
	if len(r.values) == 0 && len(r.perTranscription) == 0 && r.wholeIfMissing == "" {
		return nil
	}
	return r
}

// obfuscate returns a transcript obfuscated, and whether it changed;
// field is -1 for inputTranscript and rawInputTranscript, else the index
// of a transcription.
func (r *transcriptRule) obfuscate(text string, field int) (string, bool) {
	if r.whole != "" {
		return r.whole, text != r.whole
	}
	vals := r.values
	if field >= 0 {
		vals = append(slices.Clip(vals), r.perTranscription[field]...)
	}
	type span struct {
		start, end int
		slot       string
	}
	var spans []span
	foundElicited := false
	for _, v := range vals {
		for _, m := range findAll(text, v.text) {
			spans = append(spans, span{m[0], m[1], v.slot})
			if v.slot == r.wholeIfMissing {
				foundElicited = true
			}
		}
	}
	if r.wholeIfMissing != "" && !foundElicited {
		return "{" + r.wholeIfMissing + "}", true
	}
	if len(spans) == 0 {
		return text, false
	}
	// Longest first, then earliest; drop overlaps.
	sort.Slice(spans, func(i, j int) bool {
		if li, lj := spans[i].end-spans[i].start, spans[j].end-spans[j].start; li != lj {
			return li > lj
		}
		return spans[i].start < spans[j].start
	})
	var kept []span
	for _, s := range spans {
		if !slices.ContainsFunc(kept, func(k span) bool { return s.start < k.end && k.start < s.end }) {
			kept = append(kept, s)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	var b strings.Builder
	pos := 0
	for _, s := range kept {
		b.WriteString(escapeBraces(text[pos:s.start]))
		b.WriteString("{" + s.slot + "}")
		pos = s.end
	}
	b.WriteString(escapeBraces(text[pos:]))
	return b.String(), true
}

// escapeBraces escapes the braces a user typed as Lex does, with two
// backslashes.
func escapeBraces(s string) string {
	if !strings.ContainsAny(s, "{}") {
		return s
	}
	return strings.NewReplacer("{", `\\{`, "}", `\\}`).Replace(s)
}

// findAll returns the spans of value in text: exact matches, or when
// there are none, matches ignoring case.
func findAll(text, value string) [][]int {
	var out [][]int
	for i := 0; i+len(value) <= len(text); {
		k := strings.Index(text[i:], value)
		if k < 0 {
			break
		}
		out = append(out, []int{i + k, i + k + len(value)})
		i += k + len(value)
	}
	if out != nil {
		return out
	}
	return regexp.MustCompile("(?i)"+regexp.QuoteMeta(value)).FindAllStringIndex(text, -1)
}

// A Session logs the turns of one conversation in order. It tracks what
// log events do not record: the slot being elicited in each turn (from
// the previous event's dialog action) and the slots each turn filled.
type Session struct {
	l      *Logger
	next   Turn
	intent string
	filled []string
}

// NewSession starts a conversation; its first turn elicits the intent.
func (l *Logger) NewSession() *Session { return &Session{l: l} }

// Log logs the conversation's next event, as Logger.Log does, deriving
// its Turn.
func (s *Session) Log(data []byte) (out []byte, logged bool, err error) {
	ev, err := parse(data)
	if err != nil {
		return nil, false, err
	}
	turn := s.next
	name := ""
	if ev.SessionState.Intent != nil {
		name = ev.SessionState.Intent.Name
	}
	now := filledSlots(ev.SessionState.Intent)
	if turn.Slot == "" {
		turn.Filled = now
		if name == s.intent {
			turn.Filled = slices.DeleteFunc(slices.Clone(now), func(x string) bool { return slices.Contains(s.filled, x) })
		}
		if turn.Filled == nil {
			turn.Filled = []string{}
		}
	}
	out, logged, err = s.l.log(data, ev, turn)
	if err != nil {
		return nil, false, err
	}
	s.next, s.intent, s.filled = nextTurn(ev), name, now
	return out, logged, nil
}
