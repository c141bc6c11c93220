package names

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/internal/dfa"
	"github.com/piiguard/piiguard/internal/pattern"
)

// TestScoreNameLazySame checks that ScoreName, which classifies a run's
// words as it reads them, returns what it returned when it classified
// every word first (scoreNameEager, kept here as it was), on every match of
// NamePattern in the Name evaluation's texts and people, in loghub when it
// is there, and in generated runs of names, stop and calendar words,
// particles, initials and suffixes.
func TestScoreNameLazySame(t *testing.T) {
	lx, _ := load(t)
	p, err := pattern.Parse(NamePattern)
	if err != nil {
		t.Fatal(err)
	}
	d, err := dfa.Compile(p, dfa.Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string][][]byte{"generated": generatedRuns(20000, 7)}
	for _, f := range []string{"dev.jsonl", "heldout.jsonl", "people.tsv"} {
		texts[f] = fileLines(t, filepath.Join("..", "..", "..", "bench", "testdata", "names-eval", f))
	}
	loghub := os.Getenv("PIIGUARD_LOGHUB")
	if loghub == "" {
		loghub = filepath.Join("..", "..", "..", "..", "shared", "corpus", "loghub")
	}
	if paths, _ := filepath.Glob(filepath.Join(loghub, "*.log")); len(paths) > 0 {
		for _, path := range paths {
			texts["loghub"] = append(texts["loghub"], fileLines(t, path)...)
		}
	}
	for name, lines := range texts {
		matches, found := 0, 0
		for _, text := range lines {
			for i := range text {
				e := d.EndAt(text, i)
				if e < 0 {
					continue
				}
				matches++
				s1, e1, sc1, ok1 := lx.ScoreName(text, i, e)
				s2, e2, sc2, ok2 := lx.scoreNameEager(text, i, e)
				if s1 != s2 || e1 != e2 || sc1 != sc2 || ok1 != ok2 {
					t.Errorf("%s: %q [%d:%d]: ScoreName %d %d %v %v, eagerly %d %d %v %v", name, text, i, e, s1, e1, sc1, ok1, s2, e2, sc2, ok2)
				}
				if ok1 {
					found++
				}
			}
		}
		t.Logf("%s: %d texts, %d matches, %d names", name, len(lines), matches, found)
		if found == 0 && name != "loghub" {
			t.Errorf("%s: no name found", name)
		}
	}
}

// fileLines reads the lines of a file, the "text" of each JSON line of a
// .jsonl file.
func fileLines(t *testing.T, path string) [][]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var rec struct{ Text string }
		if strings.HasSuffix(path, ".jsonl") && json.Unmarshal(line, &rec) == nil {
			line = []byte(rec.Text)
		}
		out = append(out, bytes.Clone(line))
	}
	return out
}

// generatedRuns returns n texts of capitalised runs with the words that
// make ScoreName start, stop, extend and cut a name.
func generatedRuns(n int, seed uint64) [][]byte {
	pieces := []string{
		"John", "Smith", "Mary", "Anna", "Maria", "Jean-Luc", "O'Brien", "García", "Márquez", "Nguyễn",
		"Kowalski", "Nováková", "Jenkins", "Price", "Grace", "Will", "River", "Rose", "Paris", "Berlin",
		"Sun", "Mon", "Dec", "Jul", "Monday", "Event", "Allocator", "Service", "Processing", "Pipeline",
		"RMCommunicator", "SendWorker", "INFO", "Jr", "Jr.", "Sr", "III", "IV", "K.", "K", "van", "de",
		"la", "der", "bin", "Dear", "by", "author:", "customer_name=", "here", "calling", "<a@b.c>", "(c)",
		"Street", "Ltd", "Inc", "Bye", "Microsoft", "Word", "Xyzzq", "Qwertyuiop",
	}
	r := rand.New(rand.NewPCG(seed, seed^0x51ed27))
	out := make([][]byte, n)
	for i := range out {
		var b []byte
		for k := r.IntN(9) + 1; k > 0; k-- {
			if len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		out[i] = b
	}
	return out
}

// scoreNameEager is ScoreName as it was before it classified lazily: every
// token first.
func (lx *Lexicon) scoreNameEager(text []byte, ms, me int) (start, end int, score float64, ok bool) {
	var toks [maxRunTokens]token
	n := 0
	for i := ms; i < me && n < len(toks); {
		j := i
		for j < me && text[j] != ' ' {
			j++
		}
		if j > i {
			toks[n] = lx.classify(text, i, j, n == 0)
			n++
		}
		i = j + 1
	}
	best := -1.0
	bestWords := 0
	for i := 0; i < n; i++ {
		if toks[i].kind != tokWord || toks[i].info.veto || toks[i].info.stop {
			continue
		}
		words := 1
		for j := i + 1; j < n && words < 4; j++ {
			t := toks[j]
			if t.kind != tokWord {
				continue
			}
			if t.info.veto || t.info.stop && (toks[i].info.stats.given < 5 || lx.surnameClass(text[t.start:t.end]) < 6) {
				break
			}
			words++
			if words >= bestWords {
				sc, good := lx.scoreRun(text, toks[i:j+1], words)
				if good && sc >= NameThreshold && (words > bestWords || sc > best) {
					best, bestWords = sc, words
					start, end = toks[i].start, t.end
					// A generational suffix stays with the name.
					if j+1 < n && toks[j+1].kind == tokSuffix {
						end = toks[j+1].end
					}
				}
			}
			if t.info.stop {
				break // a frequent surname that is also a stop word ends a name
			}
		}
	}
	if bestWords == 0 {
		return 0, 0, 0, false
	}
	start, end = extend(toks[:n], start, end, bestWords)
	if end == me {
		end = lx.extendBeyond(text, end, wordsIn(toks[:n], start, end))
	}
	return start, end, calibrate(best), true
}
