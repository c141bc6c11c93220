package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/piiguard/piiguard/detector"
)

// NamesEvalDir holds the independent Name evaluation (testdata/names-eval):
// real people's names from public commit metadata placed into log lines, and
// lines with capitalised words that are no names. See its README.
const NamesEvalDir = "testdata/names-eval"

// PresidioSynth is Microsoft Presidio's synthetic evaluation set beside the
// checkout (../shared/corpus/presidio-synth); PIIGUARD_PRESIDIO overrides it.
const PresidioSynth = "../../shared/corpus/presidio-synth/synth_dataset_v2.json"

// A Labelled text holds the exact byte spans of the values of one
// identifier it contains.
type Labelled struct {
	Text  string
	Spans [][2]int
	// Group names the line's template or source, for per-group counts.
	Group string
}

// LoadNamesEval reads one split (dev or heldout) of the Name evaluation.
func LoadNamesEval(path string) ([]Labelled, error) { return LoadLabelled(path, "Name") }

// AddressEval is the outside Address evaluation (testdata/address-eval).
const AddressEval = "testdata/address-eval/addresses.jsonl"

// LoadLabelled reads JSON lines {"text", key: [exact values in order],
// "template"}.
func LoadLabelled(path, key string) ([]Labelled, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		var l struct {
			Text     string `json:"text"`
			Template string `json:"template"`
		}
		var labels map[string]json.RawMessage
		var values []string
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("bench: %s line %d: %v", path, n, err)
		}
		if err := json.Unmarshal(sc.Bytes(), &labels); err != nil {
			return nil, fmt.Errorf("bench: %s line %d: %v", path, n, err)
		}
		if raw, ok := labels[key]; ok {
			if err := json.Unmarshal(raw, &values); err != nil {
				return nil, fmt.Errorf("bench: %s line %d: %s: %v", path, n, key, err)
			}
		}
		x := Labelled{Text: l.Text, Group: l.Template}
		from := 0
		for _, v := range values {
			i := strings.Index(l.Text[from:], v)
			if i < 0 {
				return nil, fmt.Errorf("bench: %s line %d: labelled value not in its text", path, n)
			}
			x.Spans = append(x.Spans, [2]int{from + i, from + i + len(v)})
			from += i + len(v)
		}
		out = append(out, x)
	}
	return out, sc.Err()
}

// LoadPresidioPersons reads Presidio's synthetic set and keeps, as its
// README advises for CloudWatch's Name, the PERSON spans of two or more
// words, converted from character to UTF-8 byte offsets. Every sentence is
// kept (those without such a span count for precision).
func LoadPresidioPersons(path string) ([]Labelled, error) {
	return LoadPresidio(path, "PERSON", 2)
}

// LoadPresidio reads Presidio's synthetic set and keeps the spans of one
// entity type with at least minWords words, converted from character to
// UTF-8 byte offsets; shorter spans of the type are neither expected nor
// false when found. Every sentence is kept (those without such a span
// count for precision).
func LoadPresidio(path, entity string, minWords int) ([]Labelled, error) {
	if path == "" {
		path = os.Getenv("PIIGUARD_PRESIDIO")
	}
	if path == "" {
		path = PresidioSynth
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var set []struct {
		Text  string `json:"full_text"`
		Spans []struct {
			Type  string `json:"entity_type"`
			Start int    `json:"start_position"`
			End   int    `json:"end_position"`
		} `json:"spans"`
	}
	if err := json.Unmarshal(data, &set); err != nil {
		return nil, fmt.Errorf("bench: %s: %v", path, err)
	}
	var out []Labelled
	for _, s := range set {
		// Character offset -> byte offset.
		offs := make([]int, 0, len(s.Text)+1)
		for i := range s.Text {
			offs = append(offs, i)
		}
		offs = append(offs, len(s.Text))
		x := Labelled{Text: s.Text, Group: "presidio"}
		for _, sp := range s.Spans {
			if sp.Type != entity || sp.End > utf8.RuneCountInString(s.Text) {
				continue
			}
			b := [2]int{offs[sp.Start], offs[sp.End]}
			if len(strings.Fields(s.Text[b[0]:b[1]])) < minWords {
				// single names: not scored, not false
				x.Spans = append(x.Spans, [2]int{-b[0] - 1, -b[1] - 1})
				continue
			}
			x.Spans = append(x.Spans, b)
		}
		out = append(out, x)
	}
	return out, nil
}

// Score counts one identifier's findings against labelled spans.
type Score struct {
	Expected int
	// Strict: a finding counts only when its span is exactly a label's.
	TP, FP int
	// Lenient: a label is found when a finding overlaps at least half of it;
	// a finding is false when it overlaps no label.
	LenientTP, LenientFP int
}

// Recall is the strict recall.
func (s Score) Recall() float64 { return ratio(s.TP, s.Expected) }

// Precision is the strict precision.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// LenientRecall and LenientPrecision are the overlap-based figures.
func (s Score) LenientRecall() float64    { return ratio(s.LenientTP, s.Expected) }
func (s Score) LenientPrecision() float64 { return ratio(s.LenientTP, s.LenientTP+s.LenientFP) }

// F1 and LenientF1 combine precision and recall.
func (s Score) F1() float64        { return f1(s.Precision(), s.Recall()) }
func (s Score) LenientF1() float64 { return f1(s.LenientPrecision(), s.LenientRecall()) }

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s Score) String() string {
	return fmt.Sprintf("expected %5d  strict: found %5d false %4d recall %.3f precision %.3f  lenient: recall %.3f precision %.3f",
		s.Expected, s.TP, s.FP, s.Recall(), s.Precision(), s.LenientRecall(), s.LenientPrecision())
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Miss is a labelled span not found, or a finding that is no label.
type Miss struct {
	Text  string
	Span  [2]int
	False bool
}

// ScoreIdentifier runs d over each text and scores the findings of the
// identifier named ident. Negative spans (see LoadPresidioPersons) mark
// labels that are neither expected nor false when found.
func ScoreIdentifier(d *detector.Detector, ident string, set []Labelled) (Score, []Miss) {
	var s Score
	var misses []Miss
	var fs []detector.Finding
	for _, l := range set {
		fs = d.AppendFindings(fs[:0], []byte(l.Text))
		found := make([]bool, len(l.Spans))
		lenient := make([]bool, len(l.Spans))
		for _, f := range fs {
			if f.Identifier != ident {
				continue
			}
			exact, overlaps := false, false
			for i, sp := range l.Spans {
				ignored := sp[0] < 0
				if ignored {
					sp = [2]int{-sp[0] - 1, -sp[1] - 1}
				}
				o := min(f.End, sp[1]) - max(f.Start, sp[0])
				if o <= 0 {
					continue
				}
				overlaps = true
				if ignored {
					exact = true // neither true nor false
					continue
				}
				if f.Start == sp[0] && f.End == sp[1] {
					exact = true
					found[i] = true
				}
				if 2*o >= sp[1]-sp[0] {
					lenient[i] = true
				}
			}
			if !exact {
				s.FP++
				misses = append(misses, Miss{Text: l.Text, Span: [2]int{f.Start, f.End}, False: true})
			}
			if !overlaps {
				s.LenientFP++
			}
		}
		for i, sp := range l.Spans {
			if sp[0] < 0 {
				continue
			}
			s.Expected++
			if found[i] {
				s.TP++
			} else {
				misses = append(misses, Miss{Text: l.Text, Span: sp})
			}
			if lenient[i] {
				s.LenientTP++
			}
		}
	}
	return s, misses
}
