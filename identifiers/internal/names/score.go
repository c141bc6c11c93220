package names

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// NameThreshold is the least sum of evidence at which ScoreName reports a
// name; calibrate maps it to a score of 0.6.
const NameThreshold = 0.6

// maxRunTokens bounds the tokens of a capitalised run that ScoreName
// considers; a longer run is cut.
const maxRunTokens = 16

// A token of a capitalised run.
type token struct {
	start, end int // in the text
	kind       tokenKind
	info       wordInfo
}

type tokenKind uint8

const (
	tokWord     tokenKind = iota
	tokParticle           // van, de la, bin
	tokInitial            // "K." or "K"
	tokSuffix             // Jr, Sr, II, III
)

// wordInfo is the evidence on one word of a candidate.
type wordInfo struct {
	stats wordStats
	// veto: not name-shaped, never part of a name.
	veto bool
	// stop: a log, calendar, product or street word; one that is also a
	// frequent surname (Jenkins, Price) may end a name.
	stop bool
	// stopGiven: a stop word that is a given name too (Grace, River).
	stopGiven bool
	// ambiguous: a curated given name that is also a common word.
	ambiguous bool
	// commonWord: a lower-case English word that is no name at all.
	commonWord bool
	// ending: ends like a common word (-ing, -tion).
	ending bool
	// morph: ends like a surname (-ová, -ski, -escu, -sson).
	morph bool
	// accented: has letters beyond ASCII.
	accented bool
	// known: listed as a given name or surname (stats or curated).
	known bool
	// place: a listed place name (Paris, Berlin).
	place bool
}

// ScoreName finds the most likely full name in text[ms:me], a match of
// NamePattern (a run of capitalised words), reading the line around it for
// context. It tries the whole run and every shorter run of two to four
// words inside it, scores each, and returns the one with the most words
// among those scoring at least NameThreshold (the best-scoring among
// those, then the leftmost), its bounds and its score in [0, 1].
//
// Evidence for a name: the first word's frequency as a given name, the last
// word's frequency as a surname or, for a word in no list, its shape
// (surname endings such as -ová, -ski, -escu, -sson; letters beyond ASCII),
// middle initials, and context: a field or phrase that introduces a person
// before it (customer_name, fullName, assignee=, author, holder, Dear,
// "my name is", "approved by", Signed-off-by:, the name of the Amazon Lex
// slot whose value it is: see lexslot.go) or after it ("… here",
// "… calling", an e-mail address in angle brackets). Evidence against:
// words that are also common lower-case English words (Will, Grace, Gold),
// words in no list that are English words or end like one (Pipeline,
// Processing), a stop word (log, calendar, product, team and street words)
// anywhere, a place, and code context (a path or dotted identifier around
// it, a call, a copyright notice, a host or file name field).
//
// It allocates nothing.
func (lx *Lexicon) ScoreName(text []byte, ms, me int) (start, end int, score float64, ok bool) {
	var r run
	for i := ms; i < me && r.n < len(r.toks); {
		j := i
		for j < me && text[j] != ' ' {
			j++
		}
		if j > i {
			r.toks[r.n] = token{start: i, end: j}
			r.n++
		}
		i = j + 1
	}
	n := r.n
	best := -1.0
	bestWords := 0
	// The last token starts no run of two words.
	for i := 0; i < n-1; i++ {
		if ti := r.at(lx, text, i); ti.kind != tokWord || ti.info.veto || ti.info.stop {
			continue
		}
		words := 1
		for j := i + 1; j < n && words < 4; j++ {
			t := *r.at(lx, text, j)
			if t.kind != tokWord {
				continue
			}
			if t.info.veto || t.info.stop && (r.toks[i].info.stats.given < 5 || lx.surnameClass(text[t.start:t.end]) < 6) {
				break
			}
			words++
			if words >= bestWords {
				sc, good := lx.scoreRun(text, r.toks[i:j+1], words)
				if good && sc >= NameThreshold && (words > bestWords || sc > best) {
					best, bestWords = sc, words
					start, end = r.toks[i].start, t.end
					// A generational suffix stays with the name.
					if j+1 < n && r.at(lx, text, j+1).kind == tokSuffix {
						end = r.toks[j+1].end
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
	toks := r.all(lx, text)
	start, end = extend(toks, start, end, bestWords)
	if end == me {
		end = lx.extendBeyond(text, end, wordsIn(toks, start, end))
	}
	return start, end, calibrate(best), true
}

// run holds the tokens of a capitalised run, each classified when
// ScoreName first reads it: a start that a word rules out leaves the words
// after it unread ("Sun Dec", "RMCommunicator Allocator"), and a word's
// lookups are most of the cost.
type run struct {
	toks [maxRunTokens]token
	n    int
	read [maxRunTokens]bool
}

// at returns token k, classified.
func (r *run) at(lx *Lexicon, text []byte, k int) *token {
	t := &r.toks[k]
	if !r.read[k] {
		*t = lx.classify(text, t.start, t.end, k == 0)
		r.read[k] = true
	}
	return t
}

// all returns the tokens, every one classified.
func (r *run) all(lx *Lexicon, text []byte) []token {
	for k := range r.n {
		r.at(lx, text, k)
	}
	return r.toks[:r.n]
}

// wordsIn counts the word tokens between start and end.
func wordsIn(toks []token, start, end int) int {
	n := 0
	for _, t := range toks {
		if t.kind == tokWord && t.start >= start && t.end <= end {
			n++
		}
	}
	return n
}

// extendBeyond widens a name that ends where the pattern's match ended to
// the name-like words after it on the line, up to four words in all: the
// match may have spent a word on a capitalised cue ("Dear Jorge Luis Vargas
// Aguilar").
func (lx *Lexicon) extendBeyond(text []byte, end, words int) int {
	for words < 4 && end+1 < len(text) && text[end] == ' ' {
		j := end + 1
		k := j
		for k < len(text) && !wordEnd(text[k]) {
			k++
		}
		if k == j || k-j > maxFold {
			break
		}
		t := lx.classify(text, j, k, false)
		if t.kind != tokWord || !extensible(t.info) {
			break
		}
		end = k
		words++
	}
	return end
}

// wordEnd reports whether c ends a word that extendBeyond reads.
func wordEnd(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', ',', ';', ':', '"', '(', ')', '[', ']', '{', '}', '<', '>', '=', '|', '/', '\\', '.', '!', '?', '@', '#', '_', '&', '*', '+', '`':
		return true
	}
	return false
}

// calibrate maps a sum of evidence (NameThreshold and up) to a score in
// [0, 1): the threshold itself to about 0.6, a known given name and
// surname (about 1.2) to 0.84, the same with a cue before it (1.6) to 0.91.
func calibrate(raw float64) float64 {
	return 1 - math.Exp(-raw*1.527)
}

// extend widens a name to the name-like words next to it, up to four words
// in all: middle and double surnames the scorer could not vouch for
// ("Rafael Gordon Paves", "Choong Wei Tjeng"). A word qualifies when it is
// no stop or calendar word, no common English word, and, when it is also a
// common word, a frequent name.
func extend(toks []token, start, end, words int) (int, int) {
	first, last := -1, -1
	for i, t := range toks {
		if t.start == start {
			first = i
		}
		if t.end == end || t.kind == tokSuffix && t.end == end {
			last = i
		}
	}
	if first < 0 || last < 0 || toks[last].kind == tokSuffix {
		return start, end
	}
	// Rightwards, across particles and initials.
	for j := last + 1; j < len(toks) && words < 4; j++ {
		t := toks[j]
		if t.kind != tokWord {
			continue
		}
		if !extensible(t.info) {
			break
		}
		words++
		end = t.end
		last = j
	}
	for i := first - 1; i >= 0 && words < 4; i-- {
		t := toks[i]
		if t.kind != tokWord || !extensible(t.info) {
			break
		}
		words++
		start = t.start
	}
	return start, end
}

func extensible(in wordInfo) bool {
	if in.veto || in.stop || in.commonWord || in.ending && !in.known || in.stopGiven || in.ambiguous {
		return false
	}
	return !in.stats.common || max(in.stats.given, in.stats.surname) >= 6
}

// surnameClass returns the surname frequency class of word w.
func (lx *Lexicon) surnameClass(w []byte) uint8 {
	var buf [maxFold]byte
	f, ok := foldBuf(&buf, w)
	if !ok {
		return 0
	}
	st, _ := lookupStats(lx.freq, f)
	return st.surname
}

// classify reads one token of a run.
func (lx *Lexicon) classify(text []byte, i, j int, first bool) token {
	t := token{start: i, end: j}
	w := text[i:j]
	if len(w) <= 2 {
		r, size := utf8.DecodeRune(w)
		if size == len(w) && isUpperRune(r) || size == len(w)-1 && w[len(w)-1] == '.' && isUpperRune(r) {
			t.kind = tokInitial
			return t
		}
	}
	var buf [maxFold]byte
	f, fits := foldBuf(&buf, w)
	if !fits {
		t.info.veto = true
		return t
	}
	// One lookup gives every small list's word (see buildFlags).
	fl := lx.flags[string(f)]
	if fl&flagParticle != 0 && !first {
		t.kind = tokParticle
		return t
	}
	switch string(f) {
	case "jr", "jr.", "sr", "sr.", "ii", "iii", "iv":
		if !first {
			t.kind = tokSuffix
			return t
		}
	}
	t.info = lx.wordEvidence(w, f, fl)
	return t
}

func isUpperRune(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 0xC0 && r <= 0xDE && r != 0xD7 || r >= 0x100 && r <= 0x24F && r%2 == 0 || r >= 0x1E00 && r <= 0x1EFF && r%2 == 0
}

// wordEvidence looks a capitalised word up in the lists; fl are the flags
// of its folded form f.
func (lx *Lexicon) wordEvidence(w, f []byte, fl uint8) wordInfo {
	var in wordInfo
	if !nameShaped(w) {
		in.veto = true
		return in
	}
	if fl&flagCalendar != 0 {
		in.veto = true
		return in
	}
	in.stop = fl&flagStop != 0
	if in.stop && fl&flagSurname == 0 {
		// Its surname class matters only after a given name (soft stop,
		// see ScoreName), looked up there.
		return in
	}
	in.place = fl&flagPlace != 0
	in.stopGiven = fl&flagStopGiven != 0
	in.ambiguous = fl&flagAmbiguous != 0
	in.stats, in.known = lookupStats(lx.freq, f)
	// Hyphenated: every part known ("Jean-Luc", "Ruiz-Ortega").
	if !in.known && bytes.IndexByte(f, '-') > 0 {
		if g, s, ok := lx.partsStats(f); ok {
			in.stats.given, in.stats.surname, in.known = g, s, true
		}
	}
	if fl&flagGiven != 0 && in.stats.given < 5 {
		in.stats.given, in.known = 5, true
	}
	if fl&flagSurname != 0 && in.stats.surname < 5 {
		in.stats.surname, in.known = 5, true
	}
	for _, c := range w {
		if c >= utf8.RuneSelf {
			in.accented = true
			break
		}
	}
	if in.known {
		return in
	}
	_, in.commonWord = lx.common.find(f)
	in.ending = commonEndingSet.endsWith(f)
	in.morph = surnameEndingSet.endsWith(f)
	return in
}

// endingSet is a list of word endings indexed by their last byte: a word
// is compared with the few that end as it does (comparing it with every
// ending of both lists cost ~0.9M instructions per loghub pass).
type endingSet [256][]string

func newEndingSet(list []string) *endingSet {
	var es endingSet
	for _, suf := range list {
		es[suf[len(suf)-1]] = append(es[suf[len(suf)-1]], suf)
	}
	return &es
}

// endsWith reports whether f ends with one of the set's endings and has
// at least two bytes before it.
func (es *endingSet) endsWith(f []byte) bool {
	if len(f) == 0 {
		return false
	}
	for _, suf := range es[f[len(f)-1]] {
		if len(f) > len(suf)+1 && string(f[len(f)-len(suf):]) == suf {
			return true
		}
	}
	return false
}

// The endings of commonEndings and surnameEndings, indexed.
var (
	commonEndingSet  = newEndingSet(commonEndings)
	surnameEndingSet = newEndingSet(surnameEndings)
)

// Flags of a folded word in the small lists, merged into one map
// (Lexicon.flags) so that a word costs one lookup (classify's, which
// wordEvidence shares).
const (
	flagCalendar uint8 = 1 << iota
	flagStop           // stop word, or street word that is no curated surname
	flagPlace
	flagStopGiven
	flagAmbiguous
	flagGiven    // curated given name
	flagSurname  // curated surname
	flagParticle // joins the parts of a name (particles)
)

// buildFlags merges the small lists into lx.flags.
func (lx *Lexicon) buildFlags() {
	// Sized up front for every list's words (an upper bound, as lists
	// share words): growing the map as it fills rehashed it again and
	// again, most of the cost at first use.
	n := len(calendar) + len(lx.stop) + len(lx.street) + len(lx.places) + len(lx.stopGiven) +
		len(lx.ambiguous) + len(lx.given) + len(lx.surnames) + len(particles)
	lx.flags = make(map[string]uint8, n)
	set := func(k string, f uint8) { lx.flags[k] |= f }
	for k := range calendar {
		set(k, flagCalendar)
	}
	for k := range lx.stop {
		set(k, flagStop)
	}
	for k := range lx.street {
		if !lx.surnames[k] {
			set(k, flagStop)
		}
	}
	for k := range lx.places {
		set(k, flagPlace)
	}
	for k := range lx.stopGiven {
		set(k, flagStopGiven)
	}
	for k := range lx.ambiguous {
		set(k, flagAmbiguous)
	}
	for k := range lx.given {
		set(k, flagGiven)
	}
	for k := range lx.surnames {
		set(k, flagSurname)
	}
	for k := range particles {
		set(k, flagParticle)
	}
}

// partsStats returns the weakest classes of the hyphen-separated parts of
// f when every part is listed.
func (lx *Lexicon) partsStats(f []byte) (given, surname uint8, ok bool) {
	parts := 0
	given, surname = 9, 9
	for i := 0; i <= len(f); {
		j := i
		for j < len(f) && f[j] != '-' {
			j++
		}
		if j == i {
			return 0, 0, false
		}
		st, known := lookupStats(lx.freq, f[i:j])
		if !known {
			if lx.given[string(f[i:j])] {
				st.given = 5
			} else if lx.surnames[string(f[i:j])] {
				st.surname = 5
			} else {
				return 0, 0, false
			}
		}
		given, surname = min(given, st.given), min(surname, st.surname)
		parts++
		i = j + 1
	}
	return given, surname, parts > 1
}

// calendar words end a name even when they are surnames too (March,
// Friday): "Jane Doe March 3". Month names that are common given names
// (April, May, June, August, Jan, Jun, Jul) are weighed as names instead.
var calendar = map[string]bool{
	"january": true, "february": true, "march": true,
	"july": true, "september": true, "october": true, "november": true, "december": true,
	"feb": true, "mar": true, "apr": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "mon": true, "tue": true, "tues": true, "wed": true,
	"thu": true, "thur": true, "thurs": true, "fri": true, "sat": true, "sun": true,
	"today": true, "tomorrow": true, "yesterday": true,
}

// commonEndings are word endings that mark an unknown capitalised word as a
// common word rather than a surname (Processing, Configuration, Management).
var commonEndings = []string{
	"ing", "tion", "sion", "ment", "ness", "able", "ible", "ity", "ize", "ise",
	"ful", "less", "ous", "ive", "ics", "ism", "ist", "ure", "ance", "ence",
	"ery", "ogy", "phy", "ware", "ship", "hood", "ward", "wise", "like",
}

// surnameEndings are folded endings typical of surnames in many languages.
var surnameEndings = []string{
	"ova", "eva", "ova", "ska", "ski", "sky", "skiy", "skyi", "wicz", "czyk", "czak", "escu", "eanu",
	"sson", "ssen", "sen", "dottir", "ini", "elli", "etti", "ucci", "acci", "ello", "otti", "opoulos",
	"poulos", "akis", "idis", "iadis", "ian", "yan", "enko", "chuk", "czuk", "ovic", "evic", "ovich",
	"evich", "ov", "ev", "oglu", "mann", "berg", "stein", "feld", "mayer", "meier", "huber", "bauer",
	"inen", "anen", "nen", "ez", "az", "oz", "ao", "eiro", "ey", "ert", "ens", "ic", "vic",
	"uchi", "guchi", "yama", "moto", "mura", "kawa", "gawa", "shima", "hara", "saki", "zaki", "kami",
	"naka", "shvili", "dze", "yev", "yeva", "ova", "ovna", "enko", "iuk", "yuk", "oulos", "ides",
}

// Context cues: the text before a candidate (lower-cased, trailing
// separators cut) ending with one of these.
var (
	strongBefore = []string{
		"name", "author", "assignee", "assigned to", "reviewer", "reviewed by", "holder", "owner",
		"approved by", "approver", "signed-off-by", "co-authored-by", "acked-by", "reported-by",
		"tested-by", "suggested-by", "helped-by", "reviewed-by", "dear", "my name is", "this is",
		"i am", "i'm", "contact", "customer", "patient", "employee", "member", "sender", "recipient",
		"cardholder", "beneficiary", "passenger", "guest", "driver", "client", "applicant", "user",
		"requester", "requested by", "created by", "updated by", "modified by", "deleted by",
		"submitted by", "written by", "managed by", "by user", "manager", "agent", "operator",
		"hello", "hi", "thanks", "regards", "mr", "mrs", "ms", "dr", "prof",
		"committer", "maintainer", "developer", "person", "nominee", "signatory", "attendee",
		"student", "teacher", "doctor", "nurse", "physician", "attn", "attention", "welcome",
		"called", "named", "name is", "add", "player", "producer", "songwriter", "singer", "artist",
		"director", "directed by", "commenter", "speaker", "ceo", "cto", "cfo", "founder",
		"miss", "mx", "sir", "madam", "dame", "lord", "lady", "professor", "rev", "judge", "officer",
		"sgt", "capt", "lt", "col", "gen", "father", "mother", "son", "daughter", "wife", "husband",
		"brother", "sister", "friend", "colleague", "partner", "spouse", "guardian", "parent",
		"with", "under", "tell", "ask", "call", "email", "ping", "cc'd", "thank",
	}
	weakBefore = []string{"by", "for", "and", "of", "to", "from", "handover to", "schedule"}
	// Mail headers: the cue with its colon ("From: Jane Doe").
	headerBefore = []string{"from:", "to:", "cc:", "bcc:", "reply-to:", "sender:", "attendees:"}
	// Fields that hold things named like people ("component=", "city:").
	notPersonFields = []string{
		"component", "service", "app", "application", "module", "host", "cluster", "region", "city",
		"country", "location", "product", "brand", "company", "org", "organization", "team", "project",
		"queue", "topic", "env", "environment", "stage", "pipeline", "job", "task", "event", "category",
		"type", "kind", "class", "tag", "label", "title", "street", "address", "venue", "site", "store",
	}
	// Field names ending in "name" that hold no person.
	notPersonNames = []string{
		"hostname", "host_name", "host name", "filename", "file_name", "file name", "pathname",
		"servicename", "service_name", "service name", "username", "user_name", "appname",
		"app_name", "product_name", "productname", "bucket_name", "bucketname", "table_name",
		"tablename", "dbname", "db_name", "cluster_name", "clustername", "queue_name",
		"queuename", "topic_name", "node_name", "nodename", "pod_name", "podname", "container_name",
		"image_name", "class_name", "classname", "method_name", "methodname", "function_name",
		"key_name", "keyname", "domain_name", "domainname", "device_name", "devicename",
		"region_name", "zone_name", "project_name", "projectname", "team_name", "teamname",
		"company_name", "companyname", "org_name", "orgname", "organization_name",
		"business_name", "brand_name", "store_name", "shop_name", "city_name", "country_name",
		"street_name", "event_name", "eventname", "job_name", "jobname", "task_name", "taskname",
		"module_name", "package_name", "field_name", "column_name", "index_name", "view_name",
		"role_name", "rolename", "group_name", "groupname", "policy_name", "plan_name",
		"codename", "code_name", "nickname", "screen_name", "login_name",
		"pet_name", "hotel_name", "restaurant_name", "bank_name", "item_name", "drug_name",
		"medication_name", "movie_name", "song_name", "book_name", "airline_name", "airport_name",
		"place_name", "location_name", "state_name", "province_name", "town_name", "building_name",
		"vehicle_name", "bot_name", "intent_name", "slot_name", "skill_name", "channel_name",
		"menu_name", "dish_name", "course_name",
	}
	strongAfter = []string{" here", " calling", " <", " wrote", " says", " said", " (customer", " (patient"}
	negBefore   = []string{"(c)", "copyright", "©", "class", "import", "package", "module", "namespace", "struct", "interface", "enum", "def", "func"}
)

// maxContext is the most context adds to a candidate's score.
const maxContext = 0.7

// A cueSet matches the cues of a list at the end of a text, comparing only
// the cues that end with the text's last letter.
type cueSet [256][]string

func newCueSet(lists ...[]string) *cueSet {
	var cs cueSet
	for _, l := range lists {
		for _, c := range l {
			cs[c[len(c)-1]] = append(cs[c[len(c)-1]], c)
		}
	}
	return &cs
}

// endsWith reports whether b ends with one of the cues (see endsWithFold).
func (cs *cueSet) endsWith(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	last := b[len(b)-1]
	if last >= 'A' && last <= 'Z' {
		last += 'a' - 'A'
	}
	for _, c := range cs[last] {
		if endsWithFold(b, c) {
			return true
		}
	}
	return false
}

// contextCues are the cue sets of context, built by Load with the word
// lists rather than at package initialisation, which every program that
// imports the package pays for (in WebAssembly, a host compiling the code
// that builds them at start-up).
type contextCues struct {
	strong, weak, header, notPerson, field, neg *cueSet
}

func newContextCues() *contextCues {
	return &contextCues{
		strong:    newCueSet(strongBefore),
		weak:      newCueSet(weakBefore),
		header:    newCueSet(headerBefore),
		notPerson: newCueSet(nameFieldForms(notPersonNames)),
		field:     newCueSet(notPersonFields),
		neg:       newCueSet(negBefore),
	}
}

// nameFieldForms returns the field names of list in each way they are
// written: "product_name" also as "product name" (camelCase field names
// split into words, as a JSON masker writes them) and "productname".
// Each form is listed once, in order of first appearance; a set of those
// listed keeps this linear (it runs when the word lists load).
func nameFieldForms(list []string) []string {
	out := slices.Clone(list)
	listed := make(map[string]bool, 2*len(list))
	for _, n := range list {
		listed[n] = true
	}
	for _, n := range list {
		if strings.Contains(n, "_") {
			for _, v := range []string{strings.ReplaceAll(n, "_", " "), strings.ReplaceAll(n, "_", "")} {
				if !listed[v] {
					listed[v] = true
					out = append(out, v)
				}
			}
		}
	}
	return out
}

// context scores the line around a candidate text[s:e].
func (lx *Lexicon) context(text []byte, s, e int) float64 {
	// The line before, at most 48 bytes.
	lo := s
	for lo > 0 && s-lo < 48 && text[lo-1] != '\n' {
		lo--
	}
	before := text[lo:s]
	score := 0.0
	// Glued to a path, a dotted or snake identifier, a handle or a tag.
	if len(before) > 0 {
		switch before[len(before)-1] {
		case '.', '/', '\\', '_', '$', '@', '#', '-', '+', '*', '&', '%', '^', '~', '`':
			return -1
		}
	}
	if e < len(text) {
		switch text[e] {
		case '(', '/', '\\', '_', '@', '$':
			return -1
		case '.', ':':
			if e+1 < len(text) && (isLetter(text[e+1]) || text[e] == ':' && text[e+1] == ':') {
				return -1
			}
		}
	}
	// Trim the separators between a cue and the name.
	k := len(before)
	for k > 0 && isCueSep(before[k-1]) {
		k--
	}
	cue := before[:k]
	cues := lx.cues
	if cues.neg.endsWith(cue) || containsFold(before, "(c)") || containsFold(before, "copyright") || containsFold(before, "©") {
		return -1
	}
	if cues.notPerson.endsWith(cue) {
		return -1
	}
	if k < len(before) && cues.field.endsWith(cue) { // a field name right before: "component=", "city: "
		return -1
	}
	h := len(before)
	for h > 0 && before[h-1] == ' ' {
		h--
	}
	if cues.header.endsWith(before[:h]) {
		score = 0.4
	}
	// A house number or a street word before it: a street named after a
	// person ("Rua João Pessoa", "12 Peter Zuidhove").
	if h > 0 && before[h-1] >= '0' && before[h-1] <= '9' {
		return -0.3
	}
	if h < len(before) {
		w := h
		for w > 0 && before[w-1] != ' ' {
			w--
		}
		var buf [maxFold]byte
		if f, ok := foldBuf(&buf, before[w:h]); ok && lx.street[string(f)] != 0 {
			return -1
		}
	}
	// The value of a Lex slot, its slot's name two objects out.
	if score == 0 && (endsWithFold(cue, "value") || endsWithFold(cue, "values")) {
		if slot := lexSlotName(text, s); slot != nil {
			switch classifySlot(slot) {
			case slotPerson:
				score = 0.4
			case slotNotPerson:
				return -1
			}
		}
	}
	if score == 0 && cues.strong.endsWith(cue) {
		score = 0.4
	}
	if score == 0 && cues.weak.endsWith(cue) {
		score = 0.15
	}
	// After the name, on its line.
	hi := e
	for hi < len(text) && hi-e < 16 && text[hi] != '\n' {
		hi++
	}
	after := text[e:hi]
	for _, c := range strongAfter {
		if startsWithFold(after, c) {
			score += 0.3
			break
		}
	}
	return score
}

func isCueSep(c byte) bool {
	switch c {
	case ' ', '\t', '"', '\'', ':', '=', '>', '[', '{', ',', '|', '(', '.':
		return true
	}
	return false
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// endsWithFold reports whether b ends with the lower-case ASCII cue c at a
// word start (ASCII case ignored, '_', '.' and '-' and camel case count as
// word starts: "customer_name", "fullName", "user.full_name").
func endsWithFold(b []byte, c string) bool {
	if len(b) < len(c) {
		return false
	}
	tail := b[len(b)-len(c):]
	for i := 0; i < len(c); i++ {
		x := tail[i]
		if x >= 'A' && x <= 'Z' {
			x += 'a' - 'A'
		}
		if x != c[i] {
			return false
		}
	}
	if len(b) == len(c) {
		return true
	}
	prev := b[len(b)-len(c)-1]
	first := tail[0]
	return !isLetter(prev) && !(prev >= '0' && prev <= '9') || first >= 'A' && first <= 'Z' && prev >= 'a' && prev <= 'z' ||
		c == "name" // "customername", "fullname": a field ending in name
}

func startsWithFold(b []byte, c string) bool {
	if len(b) < len(c) {
		return false
	}
	for i := 0; i < len(c); i++ {
		x := b[i]
		if x >= 'A' && x <= 'Z' {
			x += 'a' - 'A'
		}
		if x != c[i] {
			return false
		}
	}
	return true
}

func containsFold(b []byte, c string) bool {
	for i := 0; i+len(c) <= len(b); i++ {
		if startsWithFold(b[i:], c) {
			return true
		}
	}
	return false
}

// scoreRun scores the tokens of one candidate (starting and ending with a
// word, words of them); good is false when a word rules it out.
func (lx *Lexicon) scoreRun(text []byte, toks []token, words int) (float64, bool) {
	first, last := toks[0].info, toks[len(toks)-1].info
	// After a particle ("de la Hoya", "van Dijk") the last word is a surname.
	afterParticle := toks[len(toks)-2].kind == tokParticle
	if first.commonWord || last.commonWord && !afterParticle || last.ending && !last.known {
		return 0, false
	}
	raw := 0.0
	// First word: a given name.
	switch g := first.stats.given; {
	case g > 0:
		raw += 0.2 + 0.06*float64(g)
		raw -= commonPenalty(first, g)
		if first.ambiguous {
			raw -= 0.15
		}
	case first.stats.common:
		return 0, false // "Circuit Breaker", "New Relic"
	case first.stats.surname > 0:
		raw += 0.15
	case first.ending:
		return 0, false
	default:
		raw += 0.1
		if first.accented {
			raw += 0.15
		}
	}
	// Last word: a surname.
	before := raw
	switch s := last.stats.surname; {
	case s > 0:
		raw += 0.15 + 0.05*float64(s)
		raw -= commonPenalty(last, s)
		if last.stats.given >= s+3 && !afterParticle {
			raw -= 0.25 // a given name rather than a surname ("Anna Maria")
		}
	case last.stats.given > 0:
		raw += 0.1 - commonPenalty(last, last.stats.given)
	case afterParticle:
		raw += 0.4
	default:
		raw += 0.2
		if last.morph {
			raw += 0.15
		}
		if last.accented {
			raw += 0.15
		}
	}
	lastScore := raw - before
	if first.place && first.stats.given < 6 || last.place && last.stats.surname < 6 && (first.stats.given < 7 || first.place) {
		return 0, false // "Paris Berlin", "Jane Boston"
	}
	if first.stats.common && last.stats.common {
		raw -= 0.25
	}
	if first.stopGiven || last.stopGiven {
		raw -= 0.2
	}
	// Middle tokens.
	for _, t := range toks[1 : len(toks)-1] {
		switch t.kind {
		case tokInitial:
			raw += 0.05
		case tokWord:
			in := t.info
			if in.commonWord {
				return 0, false
			}
			if in.known {
				raw += 0.05 - commonPenalty(in, max(in.stats.given, in.stats.surname))
			} else if in.ending {
				return 0, false
			}
		}
	}
	if words == 4 {
		raw -= 0.05
	}
	if raw+maxContext < NameThreshold {
		return 0, false // no context can lift it
	}
	s, e := toks[0].start, toks[len(toks)-1].end
	c := lx.context(text, s, e)
	if c < 0 && c <= -1 {
		return 0, false
	}
	if lastScore < 0.1 && c <= 0 {
		return 0, false // a given name alone ("Anna Maria") needs context
	}
	raw += c
	// Places: the whole or its first two words.
	if lx.isPlace(text[s:e]) || lx.isPlace(text[s:toks[1].end]) {
		return 0, false
	}
	return raw, true
}

// commonPenalty lowers a word that is also a common English word, less the
// more frequent it is as a name (Mark, Smith, Brown stay names; Rose, Gold,
// Will weigh less).
func commonPenalty(in wordInfo, class uint8) float64 {
	if !in.stats.common {
		return 0
	}
	switch {
	case class >= 8:
		return 0.05
	case class >= 5:
		return 0.15
	}
	return 0.3
}
