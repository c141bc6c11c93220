package lex

import "slices"

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
