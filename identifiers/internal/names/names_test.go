package names

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/internal/dfa"
	"github.com/piiguard/piiguard/internal/pattern"
	"github.com/piiguard/piiguard/internal/prefilter"
)

func load(t testing.TB) (*Lexicon, string) {
	t.Helper()
	readBytes := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "..", "data", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	read := func(name string) string { return string(readBytes(name)) }
	src := Sources{
		GivenNames:   read("given_names.txt"),
		Surnames:     read("surnames.txt"),
		Stopwords:    read("name_stopwords.txt"),
		Places:       read("places.txt"),
		AddressWords: read("address_words.txt"),
		NameStats:    read("name_stats.txt"),
		CommonWords:  read("common_words.txt"),
	}
	return Load(src), src.AddressWords
}

func TestListSizes(t *testing.T) {
	lx, _ := load(t)
	sizes := lx.Sizes()
	t.Logf("%v", sizes)
	for name, min := range map[string]int{"given": 1500, "surnames": 2000, "stop": 1000, "places": 1300, "street": 100, "stats": 200000, "common": 40000} {
		if sizes[name] < min {
			t.Errorf("%s: %d entries, want at least %d", name, sizes[name], min)
		}
	}
}

// TestPatternsCompile checks that every pattern compiles to the detector's
// DFA within its default state limit (the detector falls back to Go's
// regexp, several times slower, for those that do not) and that the Address
// patterns are triggered by their street-type words.
func TestPatternsCompile(t *testing.T) {
	_, words := load(t)
	for i, expr := range AddressPatterns(words) {
		p, err := pattern.Parse(expr)
		if err != nil {
			t.Fatal(err)
		}
		d, err := dfa.Compile(p, dfa.Options{})
		if err != nil {
			t.Errorf("Address %v pattern: %v", Forms[i], err)
		} else {
			t.Logf("Address %v pattern: %d states", Forms[i], d.States())
		}
		if info := prefilter.Analyze(p); len(info.Literals) == 0 {
			t.Errorf("Address %v pattern has no literal to trigger it", Forms[i])
		}
	}
	if _, err := dfa.Compile(pattern.MustParse(NamePattern), dfa.Options{}); err != nil {
		t.Errorf("Name pattern: %v", err)
	}
}

func TestIsName(t *testing.T) {
	lx, _ := load(t)
	for _, tt := range []struct {
		v    string
		want bool
	}{
		{"John Smith", true},
		{"Mary Ann O'Brien", true},
		{"Jean-Luc Picard", true},
		{"Ludwig van Beethoven", true},
		{"Oscar de la Hoya", true},
		{"John F. Kennedy", true},
		{"Marco De Luca", true},
		{"José García Márquez", true},
		{"Patrick McDonald", true},
		{"Will Smith", true},
		{"Emily Featherstonehaugh", true},
		{"Mary Grace Smith", true},
		{"Martin Luther King Jr", true},
		{"Van Morrison", true},
		{"John van", false},
		{"John Jr", false},
		{"Will Retry", false},
		{"Grace Period", false},
		{"Charles River Labs", false},
		{"Created MRAppMaster", false},
		{"Emma Processing", false},
		{"Victoria Station", false},
		{"San Jose", false},
		{"Paris Berlin", false},
		{"JOHN SMITH", false},
		{"John", false},
		{"Anna Maria", false},
		{"Smith-jones John", false},
		{"Ivan Иванов", false},
		{"F. Kennedy", false},
	} {
		if got := lx.IsName([]byte(tt.v)); got != tt.want {
			t.Errorf("IsName(%q) = %v, want %v", tt.v, got, tt.want)
		}
	}
}

func TestIsAddress(t *testing.T) {
	lx, _ := load(t)
	for _, tt := range []struct {
		form Form
		v    string
		want bool
	}{
		{English, "350 Fifth Ave, New York, NY 10118", true},
		{English, "901 Cherry Avenue, San Bruno, California 94066", true},
		{English, "500 Oak Street, Apt 4B, Dayton, OH 45402", true},
		{English, "221B Baker Street, London NW1 6XE", true},
		{English, "290 Bremner Blvd, Toronto, ON M5V 3L9", true},
		{English, "5/12 Smith Street, Fitzroy VIC 3065", true},
		{English, "123 Main St, Springfield, IL 92704", false},    // ZIP of another state
		{English, "290 Bremner Blvd, Toronto, BC M5V 3L9", false}, // postal code of another province
		{English, "1 Macquarie Street, Sydney VIC 2000", false},
		{English, "10 Downing St, London SW1A 2AC", false},
		{English, "12 shipped to Main St, Leeds LS1 1AA", false},
		{French, "12 rue de la Paix, 75002 Paris", true},
		{French, "3 bis rue Victor Hugo, 69002 Lyon", true},
		{French, "1000 rue Sherbrooke Ouest, Montréal, QC H3A 3G4", true},
		{French, "12 rue de la Paix, 99002 Paris", false},
		// Quebec with the province in parentheses (the Office québécois de
		// la langue française's form), issue 11's outside address data.
		{French, "1200, avenue McGill College Montréal (Québec) H3B 4G7", true},
		{French, "77, rue Principale Gatineau (Québec) Canada J9H 3L4", true},
		{French, "30, chemin du Lac Sainte-Agathe-des-Monts (Québec) J8C 1A1", true},
		{French, "1200, rue Sainte-Catherine, bureau 300, Montréal (Québec) H3B 1K9", true},
		{English, "100 Queen Street Ottawa (Ontario) K1P 1J9", true},
		{English, "1 Main Street Halifax (Nouvelle-Écosse) B3J 1A1", true},
		{French, "1200, avenue McGill College Montréal (Ontario) H3B 4G7", false}, // H is Quebec's
		{French, "1200, avenue McGill College Montréal Québec H3B 4G7", false},    // no comma, no parentheses
		{French, "1200, avenue Laurier (Québec) H3B 4G7", false},                  // no place
		{French, "1200, avenue McGill College Montréal (Québec) 75002", false},
		{Southern, "Via del Corso 123, 00186 Roma", true},
		{Southern, "Calle Mayor, 5, 28013 Madrid", true},
		{Southern, "Corso Vittorio Emanuele II 10, 10123 Torino (TO)", true},
		{Southern, "Calle Mayor 5, 60013 Madrid", false}, // no Spanish province 60
		{Southern, "Dirección Calle Mayor 5, 28013 Madrid", false},
		{German, "Friedrichstraße 123, 10117 Berlin", true},
		{German, "Berliner Straße 12, 60311 Frankfurt am Main", true},
		{German, "Am Markt 3, 28195 Bremen", true},
		{German, "Bitte Straße 12, 60311 Frankfurt", false},
		{German, "Hauptstraße 5, 00311 Berlin", false},
	} {
		if got := lx.IsAddress(tt.form, []byte(tt.v)); got != tt.want {
			t.Errorf("IsAddress(%v, %q) = %v, want %v", tt.form, tt.v, got, tt.want)
		}
	}
}

// TestNoAllocations checks that the validators allocate nothing: the
// detector calls them on every candidate of every line.
func TestNoAllocations(t *testing.T) {
	lx, _ := load(t)
	for _, v := range []string{"John Smith", "Created MRAppMaster", "Mary Ann O'Brien", "José García Márquez", "Grace Period"} {
		b := []byte(v)
		if n := testing.AllocsPerRun(50, func() { lx.IsName(b) }); n > 0 {
			t.Errorf("IsName(%q): %.0f allocations", v, n)
		}
	}
	for _, v := range []string{`{"customer_name":"Jane Doe Ltd"}`, "Author: José García Márquez Date Mon", "(c) Dave Jones", "component=\"Rio de Janeiro\""} {
		b := []byte(v)
		if n := testing.AllocsPerRun(50, func() { lx.ScoreName(b, 0, len(b)) }); n > 0 {
			t.Errorf("ScoreName(%q): %.0f allocations", v, n)
		}
	}
	for _, c := range []struct {
		form Form
		v    string
	}{
		{English, "350 Fifth Ave, New York, NY 10118"},
		{English, "12 shipped to Main St, Leeds LS1 1AA"},
		{French, "12 rue de la Paix, 75002 Paris"},
		{Southern, "Calle Mayor, 5, 28013 Madrid"},
		{German, "Friedrichstraße 123, 10117 Berlin"},
	} {
		b := []byte(c.v)
		if n := testing.AllocsPerRun(50, func() { lx.IsAddress(c.form, b) }); n > 0 {
			t.Errorf("IsAddress(%v, %q): %.0f allocations", c.form, c.v, n)
		}
	}
}

func TestInterleave(t *testing.T) {
	got := interleave([]string{"St\\.", "St,", "St ", "Street", "Rd\\.", "Road", "Ave", "Lane"})
	prev := byte(0)
	for i, a := range splitAlt(got) {
		if i > 0 && a[0]|0x20 == prev {
			t.Errorf("interleave: neighbours with the same first letter in %q", got)
		}
		prev = a[0] | 0x20
	}
}

func splitAlt(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '|' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return out
}

// TestScoreName checks the name ScoreName finds in a line (the whole line is
// the capitalised run's context; the run is found as NamePattern would).
func TestScoreName(t *testing.T) {
	lx, _ := load(t)
	re := regexp.MustCompile(NamePattern)
	for _, tt := range []struct {
		line string
		want string // "" for no name
	}{
		// Shapes.
		{"payment from Gonçalo Ferreira received", "Gonçalo Ferreira"},
		{"ticket closed by Thaís Oliveira", "Thaís Oliveira"},
		{"reviewer: Gianluca Bernardini", "Gianluca Bernardini"},
		{"contact Íñigo Begoña Etxeberria", "Íñigo Begoña Etxeberria"},
		{"author=Siobhán Ó Briain", "Siobhán Ó Briain"},
		{"customer_name=\"Nguyễn Văn An\"", "Nguyễn Văn An"},
		{"holder: Ayşe Yılmaz", "Ayşe Yılmaz"},
		{"assignee=\"Łukasz Wiśniewski\"", "Łukasz Wiśniewski"},
		{"owner: Jiří Dvořák", "Jiří Dvořák"},
		{"guest Carmen Ruiz Ortega checked in", "Carmen Ruiz Ortega"},
		{"signed by José Luis Martín Prieto today", "José Luis Martín Prieto"},
		{"Anna K Berg approved the change", "Anna K Berg"},
		{"Anna K. Berg approved the change", "Anna K. Berg"},
		{"sent to Mary Smith-Jones yesterday", "Mary Smith-Jones"},
		{"Dear Pieter de Vries,", "Pieter de Vries"},
		{"call Sean O'Sullivan back", "Sean O'Sullivan"},
		{"cc Sinéad D'Arcy", "Sinéad D'Arcy"},
		{"escalated to Patrick McDonald", "Patrick McDonald"},
		{"escalated to Ewan MacGregor", "Ewan MacGregor"},
		{"Jana Nováková logged in", "Jana Nováková"},
		{"Piotr Kowalski logged in", "Piotr Kowalski"},
		{"Andrei Popescu logged in", "Andrei Popescu"},
		{"Erik Johansson logged in", "Erik Johansson"},
		{"Martin Luther King Jr spoke", "Martin Luther King Jr"},
		// A name inside a longer capitalised run.
		{"Author: Jane Doe Date: Mon Mar 2 14:03:11 2024", "Jane Doe"},
		{"Author: Jane Doe Date Mon Mar 2", "Jane Doe"},
		{"invoice for Jane Doe Ltd", "Jane Doe"},
		{"handover to Anna Berg Platform Team", "Anna Berg"},
		{"on call: Anna Berg March 3 to March 9", "Anna Berg"},
		{"Hi Jane Doe Kubernetes is down", "Jane Doe"},
		{"Dear Jorge Luis Vargas Aguilar, your order shipped", "Jorge Luis Vargas Aguilar"},
		{"Dear Jorge Luis Vargas Aguilar Platform Team", "Jorge Luis Vargas Aguilar"},
		// Context.
		{`{"customer_name":"Ada Quist"}`, "Ada Quist"},
		{`{"fullName":"Ada Quist"}`, "Ada Quist"},
		{"assignee=\"Ada Quist\"", "Ada Quist"},
		{"display_name: Ada Quist", "Ada Quist"},
		{"user.full_name=\"Ada Quist\"", "Ada Quist"},
		{"UPDATE users SET full_name = 'Ada Quist' WHERE id = 4", "Ada Quist"},
		{"Signed-off-by: Ada Quist <ada@example.org>", "Ada Quist"},
		{"Co-authored-by: Ada Quist <ada@example.org>", "Ada Quist"},
		{"Hello, my name is Ada Quist", "Ada Quist"},
		{"Hello, this is Ada Quist calling about my order", "Ada Quist"},
		{"Ada Quist here, the deploy is done", "Ada Quist"},
		{"approved by Ada Quist", "Ada Quist"},
		{"From: Ada Quist <ada@example.org>", "Ada Quist"},
		// Lex V2 slot values: the slot's name two objects out is the cue
		// ("Tane Ngata" and "Bolat Nurlanov" need one: bare, they are not
		// found, see below).
		{`"slots":{"FullName":{"shape":"Scalar","value":{"originalValue":"Tane Ngata","interpretedValue":"Tane Ngata","resolvedValues":["Tane Ngata"]}}}`, "Tane Ngata"},
		{`"slots": { "CustomerName": { "shape": "Scalar", "value": { "originalValue": "bolat", "interpretedValue": "Bolat Nurlanov" } } }`, "Bolat Nurlanov"},
		{`"resolvedSlots":{"full_name":{"shape":"Scalar","value":{"originalValue":"x","interpretedValue":"y","resolvedValues":["Tane Ngata"]}}}`, "Tane Ngata"},
		{`"slots":{"LastName":{"value":{"interpretedValue":"Teuila Faleolo"},"shape":"Scalar"}}`, "Teuila Faleolo"},
		{`"nextStep":{"intent":{"slots":{"CallerName":{"shape":"Scalar","value":{"originalValue":"Aroha Ngata"}}}}}`, "Aroha Ngata"},
		{`"slots":{"Guest":{"shape":"Scalar","value":{"originalValue":"Aroha Ngata"}}}`, "Aroha Ngata"},
		{`"Tane Ngata"`, ""},
		{`"inputTranscript":"Tane Ngata"`, ""},
		{`"slots":{"Amount":{"shape":"Scalar","value":{"originalValue":"Tane Ngata"}}}`, ""},
		{`"slots":{"ProductName":{"shape":"Scalar","value":{"originalValue":"Ada Quist"}}}`, ""},
		{`"slots":{"City":{"shape":"Scalar","value":{"interpretedValue":"Ada Quist"}}}`, ""},
		{`"slots":{"HotelName":{"value":{"originalValue":"Ada Quist"}}}`, ""},
		{`"FullName":{"value":["Tane Ngata"]}`, ""},                                         // no value field of Lex's
		{`"FullName":"x","other":{"value":{"originalValue":"Tane Ngata"}}`, ""},             // not the slot's own object
		{`"slots":{"FullName":{"value":{"originalValue":"a\"}","note":"Tane Ngata"}}}`, ""}, // an escaped quote
		{`"slots":{"FullName":{"value":{"originalValue":"it's \"Tane\" {Ngata}","interpretedValue":"Tane Ngata"}}}`, "Tane Ngata"},
		// Capitalised non-names.
		{"restarted Santa Maria Novella service", ""},
		{"St. Louis Blues won", ""},
		{"connecting to Apache Kafka broker", ""},
		{"Spring Boot application started", ""},
		{"New Relic agent enabled", ""},
		{"Jenkins Pipeline failed", ""},
		{"Monday Standup moved", ""},
		{"Will Retry in 5s", ""},
		{"Grace Period expired", ""},
		{"Charles River Labs contract", ""},
		{"Black Friday sale", ""},
		{"Circuit Breaker open", ""},
		{"deploy to Costa Rica region", ""},
		{"Visual Studio Code started", ""},
		{"Internal Server Error", ""},
		{"Max Retries Exceeded", ""},
		{"hostname=\"Jane Doe\"", ""},
		{"component=\"Jane Doe\"", ""},
		{"(c) Dave Jones", ""},
		{"Copyright 2020 Dave Jones", ""},
		{"at org.Jane Doe", ""},
		{"Rua João Pessoa 1636", ""},
	} {
		got := ""
		for _, m := range re.FindAllStringIndex(tt.line, -1) {
			if s, e, _, ok := lx.ScoreName([]byte(tt.line), m[0], m[1]); ok {
				got = tt.line[s:e]
				break
			}
		}
		if got != tt.want {
			t.Errorf("%q: found %q, want %q", tt.line, got, tt.want)
		}
	}
}

// BenchmarkLoad measures parsing the lists (done once, on first use).
func BenchmarkLoad(b *testing.B) {
	_, _ = load(b)
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("..", "..", "data", name))
		if err != nil {
			b.Fatal(err)
		}
		return data
	}
	src := Sources{
		GivenNames: string(read("given_names.txt")), Surnames: string(read("surnames.txt")),
		Stopwords: string(read("name_stopwords.txt")), Places: string(read("places.txt")),
		AddressWords: string(read("address_words.txt")),
		NameStats:    string(read("name_stats.txt")), CommonWords: string(read("common_words.txt")),
	}
	b.ReportAllocs()
	for b.Loop() {
		Load(src)
	}
}

// TestAddressSpan checks the widening of an accepted address to a unit
// before it and a country after it, and nothing else.
func TestAddressSpan(t *testing.T) {
	lx, _ := load(t)
	for _, tt := range []struct {
		form Form
		line string
		addr string // what IsAddress accepted
		want string
	}{
		{English, "ship to Apt 4B, 500 Oak Street, Dayton, OH 45402 today", "500 Oak Street, Dayton, OH 45402", "Apt 4B, 500 Oak Street, Dayton, OH 45402"},
		{English, "Suite 200, 1 Main St, Boston, MA 02110, United States.", "1 Main St, Boston, MA 02110", "Suite 200, 1 Main St, Boston, MA 02110, United States"},
		{English, "Flat 3 221B Baker Street London NW1 6XE UK", "221B Baker Street London NW1 6XE", "Flat 3 221B Baker Street London NW1 6XE UK"},
		{English, "Unit #5, 12 Smith Street, Fitzroy VIC 3065, Australia", "12 Smith Street, Fitzroy VIC 3065", "Unit #5, 12 Smith Street, Fitzroy VIC 3065, Australia"},
		{English, "at 11-59 High Road, East Finchley London, N2 8AW", "59 High Road, East Finchley London, N2 8AW", "11-59 High Road, East Finchley London, N2 8AW"},
		{English, "108 - 1550 Hartley Avenue Coquitlam, BC V3K 7A1 CANADA", "1550 Hartley Avenue Coquitlam, BC V3K 7A1", "108 - 1550 Hartley Avenue Coquitlam, BC V3K 7A1 CANADA"},
		{French, "12 rue de la Paix, 75002 Paris, France", "12 rue de la Paix, 75002 Paris", "12 rue de la Paix, 75002 Paris, France"},
		{German, "Friedrichstraße 123, 10117 Berlin, Deutschland", "Friedrichstraße 123, 10117 Berlin", "Friedrichstraße 123, 10117 Berlin, Deutschland"},
		// Not widened.
		{English, "Main Office 500 Oak Street, Dayton, OH 45402", "500 Oak Street, Dayton, OH 45402", "500 Oak Street, Dayton, OH 45402"},
		{English, "500 Oak Street, Dayton, OH 45402, USAF base", "500 Oak Street, Dayton, OH 45402", "500 Oak Street, Dayton, OH 45402"},
		{English, "500 Oak Street, Dayton, OH 45402\nUSA", "500 Oak Street, Dayton, OH 45402", "500 Oak Street, Dayton, OH 45402"},
		{English, "500 Oak Street, Dayton, OH 45402 us", "500 Oak Street, Dayton, OH 45402", "500 Oak Street, Dayton, OH 45402"},
		{English, "v2-500 Oak Street, Dayton, OH 45402", "500 Oak Street, Dayton, OH 45402", "500 Oak Street, Dayton, OH 45402"},
		{English, "Oakland 5, 500 Oak Street, Dayton, OH 45402", "500 Oak Street, Dayton, OH 45402", "500 Oak Street, Dayton, OH 45402"},
	} {
		s := strings.Index(tt.line, tt.addr)
		if s < 0 {
			t.Fatalf("%q not in %q", tt.addr, tt.line)
		}
		gs, ge := lx.AddressSpan(tt.form, []byte(tt.line), s, s+len(tt.addr))
		if got := tt.line[gs:ge]; got != tt.want {
			t.Errorf("%q: span %q, want %q", tt.line, got, tt.want)
		}
	}
}
