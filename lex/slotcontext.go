package lex

import "github.com/piiguard/piiguard/internal/jsonwalk"

// maskSlotContext masks, in the logged event data, the values that a
// slot's name is context for (see "Slot names as context"): the
// transcripts of a turn eliciting a slot, with that slot's name as their
// innermost field name, and the value fields of the slots of
// Config.NameSlots, with "name" after the slot's name. The rest of the
// event is left to the scan of the whole.
func (l *Logger) maskSlotContext(data []byte, turn Turn, intentAt func(jsonwalk.Path) string) ([]byte, error) {
	if turn.Slot == "" && len(l.nameSlots) == 0 {
		return data, nil
	}
	var out []byte
	pos := 0
	var names []string
	err := jsonwalk.Walk(data, func(leaf *jsonwalk.Leaf) error {
		if leaf.Kind != jsonwalk.String || leaf.End-leaf.Start <= 2 {
			return nil
		}
		var extra []string
		if slot, ok := slotField(leaf.Path); ok {
			if !l.nameSlots.has(intentAt(leaf.Path), slot) {
				return nil
			}
			extra = []string{"name"}
		} else if _, ok := transcriptField(leaf.Path); ok && turn.Slot != "" {
			extra = []string{turn.Slot}
			if l.nameSlots.has(turn.Intent, turn.Slot) {
				extra = append(extra, "name")
			}
		} else {
			return nil
		}
		names = names[:0]
		for _, st := range leaf.Path {
			if st.IsIndex() {
				if l.restricted {
					return nil // Include and Exclude could not see the index
				}
				continue
			}
			names = append(names, st.Key)
		}
		names = append(names, extra...)
		masked, err := l.scan.AppendMaskField(nil, names, data[leaf.Start:leaf.End])
		if err != nil {
			return err
		}
		out = append(out, data[pos:leaf.Start]...)
		out = append(out, masked...)
		pos = leaf.End
		return nil
	})
	if err != nil {
		return nil, err
	}
	if out == nil {
		return data, nil
	}
	return append(out, data[pos:]...), nil
}
