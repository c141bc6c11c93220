package detector_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/identifiers"
)

func catalogDetector(t testing.TB) *detector.Detector {
	t.Helper()
	d, err := detector.Compile(identifiers.Catalog())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

type want struct{ id, value string }

func findings(d *detector.Detector, text string) []want {
	var out []want
	for _, f := range d.FindString(text) {
		out = append(out, want{f.Identifier, text[f.Start:f.End]})
	}
	return out
}

func TestFind(t *testing.T) {
	d := catalogDetector(t)
	tests := []struct {
		text string
		want []want
	}{
		{"no sensitive data here, just 42 words", nil},
		{"mail jane.doe@example.com now", []want{{"EmailAddress", "jane.doe@example.com"}}},
		{"from 10.0.0.12:8080 and 192.168.1.1.", []want{{"IpAddress", "10.0.0.12"}, {"IpAddress", "192.168.1.1"}}},
		{"version 1.2.3.4.5 is no address", nil},
		{"ssn 536-22-1234", []want{{"Ssn-US", "536-22-1234"}}},
		{"536-22-1234 without its keyword", nil},
		{"ssn 666-22-1234 is an invalid area", nil},
		{"card 4929381265481006 ok", []want{{"CreditCardNumber", "4929381265481006"}}},
		{"card 4929 3812 6548 1006 ok", []want{{"CreditCardNumber", "4929 3812 6548 1006"}}},
		{"card 4929381265481007 fails Luhn", nil},
		{"card 4111111111111111 is a test number", nil},
		{"card 4111 1111 1111 1111 is a test number", nil},
		{"block blk_4929381265481006 card", nil},
		{"cvv 381", []want{{"CreditCardSecurityCode", "381"}}},
		{"call +1 415 555 2671", []want{{"PhoneNumber-US", "+1 415 555 2671"}}},
		{"order 415 555 2671 shipped", nil},
		{"phone (212) 555-0199", []want{{"PhoneNumber-US", "(212) 555-0199"}}},
		{"UK desk +44 20 7946 0958", []want{{"PhoneNumber-GB", "+44 20 7946 0958"}}},
		{"aws_secret_access_key=Zx9kQ2mN8pL4vR7tY1wB3cE6fH0jS5uA9dG2iK4o", []want{{"AwsSecretKey", "Zx9kQ2mN8pL4vR7tY1wB3cE6fH0jS5uA9dG2iK4o"}}},
		{"aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", nil},
		// Every identifier matching a span is reported, strongest first (issue 11 #4).
		{"iban GB29 NWBK 6016 1331 9268 19", []want{{"BankAccountNumber-GB", "GB29 NWBK 6016 1331 9268 19"}, {"Iban", "GB29 NWBK 6016 1331 9268 19"}}},
		{"iban GB28NWBK60161331926819", nil},
		{"vin 1M8GDM9AXKP042788", []want{{"VehicleIdentificationNumber", "1M8GDM9AXKP042788"}}},
		{"vin 1M8GDM9A1KP042788", nil},
		{"dob 1985-07-23", []want{{"DateOfBirth", "1985-07-23"}}},
		{"dob 1985-02-30", nil},
		{"position 41.948614,-87.655311", []want{{"LatLong", "41.948614,-87.655311"}}},
		{"position 141.948614,-87.655311", nil},
		{"Ottawa K1A 0B1", []want{{"PostalCode-CA", "K1A 0B1"}}},
		{"host [2001:db8::8a2e:370:7334]:443", []want{{"IpAddress", "2001:db8::8a2e:370:7334"}}},
		{"chip FF:F2:9F:16:EB:27:00:0D:60:E9:14:D8 ok", nil},
		{"std::vector and ::1", nil},
		{"client=10.11.10.1 dob=1985-03-12", []want{{"IpAddress", "10.11.10.1"}, {"DateOfBirth", "1985-03-12"}}},
		{"ts 2005-08-04-15.42.50.675872 done", nil},
		{"passportNum=585064707", []want{{"PassportNumber-US", "585064707"}}},
		{"userSsn:536-22-1234", []want{{"Ssn-US", "536-22-1234"}}},
		{"ssnumber 536-22-1234", nil},
		{"note ::ffff:192.0.2.128 and 10.0.0.1.", []want{{"IpAddress", "::ffff:192.0.2.128"}, {"IpAddress", "10.0.0.1"}}},
	}
	for _, tt := range tests {
		got := findings(d, tt.text)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Find(%q)\n got %v\nwant %v", tt.text, got, tt.want)
		}
	}
}

func TestFindingsSortedInRangeNonOverlapping(t *testing.T) {
	d := catalogDetector(t)
	fragments := []string{
		"ssn ", "536-22-1234", " card ", "4929 3812 6548 1006", "a@b.co", " 10.0.0.1", " +1 415 555 2671",
		" phone ", "(212) 555-0199", "dob ", "1985-07-23", " vin ", "1M8GDM9AXKP042788", "K1A 0B1", " ",
		"-", ".", ":", "é", "\xff", "0", "12", "2001:db8::1:2", " iban ", "DE89370400440532013000",
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for n := r.IntN(12); n >= 0; n-- {
			b.WriteString(fragments[r.IntN(len(fragments))])
		}
		text := []byte(b.String())
		got := d.Find(text)
		again := d.Find(text)
		if fmt.Sprint(got) != fmt.Sprint(again) {
			t.Fatalf("not deterministic on %q: %v vs %v", text, got, again)
		}
		if err := detector.CheckFindings(got, len(text)); err != nil {
			t.Fatalf("%v on %q: %v", err, text, got)
		}
	}
}

func TestKeywordProximity(t *testing.T) {
	id, _ := identifiers.Lookup("Ssn-US")
	d, err := detector.Compile([]*identifiers.Identifier{id})
	if err != nil {
		t.Fatal(err)
	}
	const v = "536-22-1234"
	tests := []struct {
		text    string
		found   bool
		keyword string
	}{
		{"ssn " + v, true, "ssn"},
		{"SSN: " + v, true, "ssn"},
		{v + " is my ssn", true, "ssn"},
		{"Social-Security " + v, true, "social security"},
		{"social_security=" + v, true, "social security"},
		{"socialsecurity " + v, true, "social security"},
		{"ssn" + strings.Repeat(" ", 30) + v, true, "ssn"},
		{"ssn" + strings.Repeat(" ", 31) + v, false, ""},
		{v + strings.Repeat(" ", 30) + "ssn", true, "ssn"},
		{v + strings.Repeat(" ", 31) + "ssn", false, ""},
		{"ssn " + strings.Repeat("é", 30) + v, false, ""},
		{"ssn " + strings.Repeat("é", 29) + v, true, "ssn"},
		{"ssn→" + strings.Repeat("→", 28) + " " + v, true, "ssn"},
		{"ssné " + v, false, ""},
		{"lessn " + v, false, ""},
		{"ssnumber " + v, false, ""},
	}
	for _, tt := range tests {
		got := d.FindString(tt.text)
		if found := len(got) == 1; found != tt.found {
			t.Errorf("%q: found %v, want %v (%v)", tt.text, found, tt.found, got)
			continue
		}
		if tt.found && got[0].Keyword != tt.keyword {
			t.Errorf("%q: keyword %q, want %q", tt.text, got[0].Keyword, tt.keyword)
		}
	}
	// Nearer keywords score higher.
	near := d.FindString("ssn " + v)
	far := d.FindString("ssn" + strings.Repeat(" ", 25) + v)
	if near[0].Score <= far[0].Score {
		t.Errorf("near score %v not above far score %v", near[0].Score, far[0].Score)
	}
}

// TestIssue11_EveryMatchingIdentifierReported: a span that several
// identifiers match gives one finding per identifier, strongest first; of
// overlapping different spans the stronger is kept.
func TestIssue11_EveryMatchingIdentifierReported(t *testing.T) {
	digits9, err := identifiers.NewCustom("Digits9", `[0-9]{9}`)
	if err != nil {
		t.Fatal(err)
	}
	digits9.Confidence = 0.3
	digits9Again := *digits9
	digits9Again.Patterns = append(digits9Again.Patterns, identifiers.Pattern{Expr: `[0-9]{3}[0-9]{6}`})
	digits9Again.Name = "Digits9Twice"
	pair, err := identifiers.NewCustom("Pair", `[0-9]{3} [0-9]{3}`)
	if err != nil {
		t.Fatal(err)
	}
	triple, err := identifiers.NewCustom("Triple", `[0-9]{3} [0-9]{3} [0-9]{3}`)
	if err != nil {
		t.Fatal(err)
	}
	ssn, _ := identifiers.Lookup("Ssn-US")
	d, err := detector.Compile([]*identifiers.Identifier{digits9, ssn, &digits9Again, pair, triple})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []want
	}{
		// Same span: all three, the keyword-supported SSN first; Digits9Twice
		// matches with both its patterns but is reported once.
		{"ssn 536221234", []want{{"Ssn-US", "536221234"}, {"Digits9", "536221234"}, {"Digits9Twice", "536221234"}}},
		{"id 536221234", []want{{"Digits9", "536221234"}, {"Digits9Twice", "536221234"}}},
		// Different overlapping spans: the stronger (here the longer, at
		// equal score) wins, and the identifiers of its span with it.
		{"id 123 456 789", []want{{"Triple", "123 456 789"}}},
		{"id 123 456 789 012", []want{{"Triple", "123 456 789"}}},
	}
	for _, tt := range tests {
		if got := findings(d, tt.text); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Find(%q)\n got %v\nwant %v", tt.text, got, tt.want)
		}
	}
	// The catalog: a 9-digit number near "passport number" has the shape of
	// a UK and a US passport number.
	cat := catalogDetector(t)
	got := cat.FindString("passport number 912803456")
	if fmt.Sprint(got) != "[PassportNumber-GB[16:25] 0.79 PassportNumber-US[16:25] 0.75]" {
		t.Errorf("passport number: %v", got)
	}
}

func TestCustomTriggers(t *testing.T) {
	// One custom identifier per kind of trigger: literal, byte class, whole line.
	lit, _ := identifiers.NewCustom("Employee", `EMP-[0-9]{6}`)
	class, _ := identifiers.NewCustom("Ticket", `[0-9]{3}/[0-9]{3}`)
	line, _ := identifiers.NewCustom("Word", `[a-z]+qz[a-z]*`)
	kw, _ := identifiers.NewCustom("Badge", `[0-9]{5}`)
	kw.Keywords = []string{"badge number"}
	kw.KeywordRequired = true
	d, err := detector.Compile([]*identifiers.Identifier{lit, class, line, kw})
	if err != nil {
		t.Fatal(err)
	}
	text := "emp-123456 EMP-654321 ticket 123/456 unqzip badge-number 12345 and 54321"
	wantF := []want{{"Employee", "EMP-654321"}, {"Ticket", "123/456"}, {"Word", "unqzip"}, {"Badge", "12345"}, {"Badge", "54321"}}
	if got := findings(d, text); fmt.Sprint(got) != fmt.Sprint(wantF) {
		t.Errorf("got  %v\nwant %v", got, wantF)
	}
}

func TestCompileErrors(t *testing.T) {
	bad := &identifiers.Identifier{Name: "Bad", Patterns: []identifiers.Pattern{{Expr: `(`}}}
	noPattern := &identifiers.Identifier{Name: "Empty"}
	ssn, _ := identifiers.Lookup("Ssn-US")
	tests := []struct {
		ids  []*identifiers.Identifier
		want string
	}{
		{[]*identifiers.Identifier{bad}, `identifier "Bad": pattern 0`},
		{[]*identifiers.Identifier{noPattern}, `"Empty" has no pattern`},
		{[]*identifiers.Identifier{ssn, ssn}, `"Ssn-US" listed twice`},
		{[]*identifiers.Identifier{nil}, `identifier 0 is nil`},
	}
	for _, tt := range tests {
		_, err := detector.Compile(tt.ids)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Compile: error %v, want it to contain %q", err, tt.want)
		}
	}
}

func TestHostileInputTerminates(t *testing.T) {
	d := catalogDetector(t)
	inputs := [][]byte{
		bytes.Repeat([]byte("ssn "), 20000),
		bytes.Repeat([]byte("7"), 200000),
		bytes.Repeat([]byte("card 4929381265481006 "), 2000),
		bytes.Repeat([]byte{0xff, 0xfe, 0}, 50000),
		bytes.Repeat([]byte("1.2."), 50000),
		bytes.Repeat([]byte("a:"), 50000),
	}
	for _, in := range inputs {
		f := d.Find(in)
		end := 0
		for _, x := range f {
			if x.Start < end || x.End > len(in) {
				t.Fatalf("bad findings on hostile input %q...", in[:20])
			}
			end = x.End
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	d := catalogDetector(t)
	text := []byte("ssn 536-22-1234 mail a@example.com card 4929 3812 6548 1006 ip 10.1.2.3")
	want := fmt.Sprint(d.Find(text))
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if got := fmt.Sprint(d.Find(text)); got != want {
					t.Errorf("concurrent Find = %v, want %v", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestZeroAllocationsWithoutFindings(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items, so pooled scratch is allocated again")
	}
	d := catalogDetector(t)
	lines := [][]byte{
		[]byte("081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating"),
		[]byte("2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created MRAppMaster"),
		[]byte("Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh"),
		[]byte("plain text with no digits at all"),
	}
	var dst []detector.Finding
	for _, line := range lines {
		allocs := testing.AllocsPerRun(100, func() { dst = d.AppendFindings(dst[:0], line) })
		if allocs != 0 {
			t.Errorf("%d allocations on %q", int(allocs), line)
		}
	}
}

func BenchmarkFindNoFindings(b *testing.B) {
	d := catalogDetector(b)
	line := []byte("2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created MRAppMaster for application appattempt_1445144423722_0020_000001")
	var dst []detector.Finding
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	for b.Loop() {
		dst = d.AppendFindings(dst[:0], line)
	}
}

func TestContextCancellation(t *testing.T) {
	d := catalogDetector(t)
	text := bytes.Repeat([]byte("ssn 536-22-1234 mail a@example.com "), 20000)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := d.AppendFindingsContext(ctx, nil, text); err != context.Canceled {
		t.Errorf("cancelled scan: error %v, want context.Canceled", err)
	}
	got, err := d.AppendFindingsContext(context.Background(), nil, text)
	if err != nil || len(got) != 40000 {
		t.Errorf("scan: %d findings, error %v; want 40000, nil", len(got), err)
	}
}
