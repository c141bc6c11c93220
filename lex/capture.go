package lex

import "strings"

// TextLoggingPrefix starts the session attributes that control selective
// text log capture: x-amz-lex:enable-text-logging:<intent>:<slot>.
const TextLoggingPrefix = "x-amz-lex:enable-text-logging"

// Capture holds a session's selective text log capture settings: the
// session attributes x-amz-lex:enable-text-logging:<intent>:<slot>, where
// <intent> and <slot> are names or "*" (any), set to "true" (or "false").
// It follows the Lex V2 developer guide's evaluation rules:
//
//   - with no attribute starting with TextLoggingPrefix, no turn is
//     logged;
//   - a turn is logged only if at least one attribute allows it with the
//     value "true" ("false" allows nothing, and denies nothing either);
//   - a slot-elicitation turn is matched by the slot being elicited;
//   - an intent-elicitation turn is matched by the slots filled during
//     the turn, and is logged only if every one of them is allowed.
//
// Two points the guide leaves open are decided here: values are compared
// exactly (only "true" enables), as are intent and slot names; and an
// intent-elicitation turn that fills no slot is logged when an attribute
// <intent>:* or *:* is "true".
type Capture struct {
	configured bool
	enabled    []expr
}

type expr struct{ intent, slot string }

// NewCapture reads the selective capture attributes among a session's
// attributes. Malformed ones (not two non-empty names after the prefix)
// enable nothing.
func NewCapture(sessionAttributes map[string]string) Capture {
	var c Capture
	for k, v := range sessionAttributes {
		if !strings.HasPrefix(k, TextLoggingPrefix) {
			continue
		}
		c.configured = true
		rest, ok := strings.CutPrefix(k, TextLoggingPrefix+":")
		if !ok || v != "true" {
			continue
		}
		intent, slot, ok := strings.Cut(rest, ":")
		if !ok || intent == "" || slot == "" || strings.Contains(slot, ":") {
			continue
		}
		c.enabled = append(c.enabled, expr{intent, slot})
	}
	return c
}

// Configured reports whether any attribute starts with TextLoggingPrefix.
func (c Capture) Configured() bool { return c.configured }

// SlotEnabled reports whether logging is enabled for a slot of an intent.
func (c Capture) SlotEnabled(intent, slot string) bool {
	for _, e := range c.enabled {
		if (e.intent == "*" || e.intent == intent) && (e.slot == "*" || e.slot == slot) {
			return true
		}
	}
	return false
}

// intentEnabled reports whether an attribute <intent>:* or *:* is "true".
func (c Capture) intentEnabled(intent string) bool {
	for _, e := range c.enabled {
		if (e.intent == "*" || e.intent == intent) && e.slot == "*" {
			return true
		}
	}
	return false
}

// TurnLogged reports whether a turn is logged. For a slot-elicitation
// turn (turn.Slot set) it matches turn.Intent and turn.Slot; otherwise it
// matches intent, the intent at the end of the turn, with filled, the
// slots filled during the turn.
func (c Capture) TurnLogged(turn Turn, intent string, filled []string) bool {
	if !c.configured {
		return false
	}
	if turn.Slot != "" {
		in := turn.Intent
		if in == "" {
			in = intent
		}
		return c.SlotEnabled(in, turn.Slot)
	}
	if len(filled) == 0 {
		return c.intentEnabled(intent)
	}
	for _, s := range filled {
		if !c.SlotEnabled(intent, s) {
			return false
		}
	}
	return true
}
