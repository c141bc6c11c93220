package lex

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/piiguard/piiguard/internal/spanset"
)

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
	// folds holds, by value, the caseless search findAll compiled for it
	// (nil for a value it searches exactly), for the event's other
	// transcripts.
	folds map[string]*regexp.Regexp
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
		for _, m := range r.findAll(text, v.text) {
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
	offsets := make([]int, 0, 2*len(spans))
	for _, s := range spans {
		offsets = append(offsets, s.start, s.end)
	}
	slices.Sort(offsets)
	var taken spanset.Set
	taken.Reset(slices.Compact(offsets))
	var kept []span
	for _, s := range spans {
		if taken.Place(s.start, s.end) == spanset.Added {
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

// findAll returns the spans of value in text, ignoring case (Unicode
// simple folding): every occurrence, the exact ones among them. (Exact
// matches alone, when there were any, left the value in clear where it
// was said again in other case.)
func (r *transcriptRule) findAll(text, value string) [][]int {
	if value == "" {
		return nil
	}
	re, ok := r.folds[value]
	if !ok {
		if !caseless(value) {
			re, _ = regexp.Compile("(?i)" + regexp.QuoteMeta(value))
		}
		if r.folds == nil {
			r.folds = map[string]*regexp.Regexp{}
		}
		r.folds[value] = re
	}
	if re == nil {
		// No letter with another case (digits, say): exact matches are
		// all of them. Or a value too large for the regexp parser: exact
		// matches only.
		var out [][]int
		for i := 0; i+len(value) <= len(text); {
			k := strings.Index(text[i:], value)
			if k < 0 {
				break
			}
			out = append(out, []int{i + k, i + k + len(value)})
			i += k + len(value)
		}
		return out
	}
	return re.FindAllStringIndex(text, -1)
}

// caseless reports whether no character of s has another case.
func caseless(s string) bool {
	for _, r := range s {
		if unicode.SimpleFold(r) != r {
			return false
		}
	}
	return true
}
