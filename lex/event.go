package lex

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"github.com/piiguard/piiguard/internal/jsonwalk"
)

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
	// SubSlots are the parts of a composite slot (shape Composite), each
	// a slot of its own shape.
	SubSlots map[string]*slot `json:"subSlots"`
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
	seen := map[string]bool{}
	add := func(v string) {
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	if s.Value != nil {
		add(s.Value.OriginalValue)
		add(s.Value.InterpretedValue)
	}
	names := make([]string, 0, len(s.SubSlots))
	for name := range s.SubSlots {
		names = append(names, name)
	}
	sort.Strings(names)
	parts := make([]*slot, 0, len(s.Values)+len(names))
	parts = append(parts, s.Values...)
	for _, name := range names {
		parts = append(parts, s.SubSlots[name])
	}
	for _, e := range parts {
		for _, v := range e.texts() {
			add(v)
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

// slotField reports whether p is a slot value field (originalValue,
// interpretedValue, resolvedValues[i], also inside a list slot's values
// and a composite slot's subSlots) and names its slot (the composite
// slot, for a value of one of its parts).
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
	// The value part: (("values", n) | ("subSlots", name))* "value"
	// ("originalValue" | "interpretedValue" | "resolvedValues", n).
	j := i + 1
	for key(j, "values") && idx(j+1) || key(j, "subSlots") && j+1 < len(p) && !p[j+1].IsIndex() {
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
