package abi

import (
	"errors"
	"math"
	"reflect"
	"testing"
)

func TestFindingsRoundTrip(t *testing.T) {
	recs := []Record{{0, 1, 2, 940000, NoKeyword}, {7, 100, 4000000000, ScoreScale, 3}}
	buf := AppendHeader(nil, len(recs))
	for _, r := range recs {
		buf = AppendRecord(buf, r)
	}
	if len(buf) != HeaderSize+len(recs)*RecordSize {
		t.Fatalf("%d bytes", len(buf))
	}
	// Little-endian: count 2, record size 20.
	if want := []byte{2, 0, 0, 0, 20, 0, 0, 0}; !reflect.DeepEqual(buf[:8], want) {
		t.Errorf("header % x, want % x", buf[:8], want)
	}
	var got []Record
	if err := DecodeFindings(buf, func(r Record) { got = append(got, r) }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, recs) {
		t.Errorf("got %v, want %v", got, recs)
	}
}

func TestDecodeFindingsLargerRecords(t *testing.T) {
	// A later minor version may append fields: hosts skip them.
	buf := []byte{1, 0, 0, 0, 24, 0, 0, 0}
	buf = AppendRecord(buf, Record{1, 2, 3, 4, 5})
	buf = append(buf, 9, 9, 9, 9)
	var got []Record
	if err := DecodeFindings(buf, func(r Record) { got = append(got, r) }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != (Record{1, 2, 3, 4, 5}) {
		t.Errorf("got %v", got)
	}
}

func TestDecodeFindingsMalformed(t *testing.T) {
	for _, buf := range [][]byte{
		nil,
		{1, 0, 0},
		{1, 0, 0, 0, 20, 0, 0, 0},                // record missing
		{0, 0, 0, 0, 19, 0, 0, 0},                // record too small
		{0, 0, 0, 0, 20, 0, 0, 0, 1},             // trailing byte
		{255, 255, 255, 255, 255, 255, 255, 255}, // huge
	} {
		if err := DecodeFindings(buf, func(Record) {}); !errors.Is(err, ErrMalformed) {
			t.Errorf("DecodeFindings(% x) = %v", buf, err)
		}
	}
}

func TestIdentifiersRoundTrip(t *testing.T) {
	ids := []Identifier{{Name: "Ssn-US", Keywords: []string{"ssn", "social security"}}, {Name: "Emp"}, {Name: "é", Keywords: []string{""}}}
	buf := AppendIdentifiers(nil, ids)
	got, err := DecodeIdentifiers(buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, ids) {
		t.Errorf("got %#v, want %#v", got, ids)
	}
	for n := 0; n < len(buf); n++ {
		if _, err := DecodeIdentifiers(buf[:n]); err == nil {
			t.Errorf("DecodeIdentifiers of %d of %d bytes succeeded", n, len(buf))
		}
	}
	if _, err := DecodeIdentifiers(append(buf, 0)); err == nil {
		t.Error("trailing byte accepted")
	}
}

func FuzzDecodeIdentifiers(f *testing.F) {
	f.Add(AppendIdentifiers(nil, []Identifier{{Name: "a", Keywords: []string{"b"}}}))
	f.Add([]byte{255, 255, 255, 255})
	f.Fuzz(func(t *testing.T, b []byte) {
		ids, err := DecodeIdentifiers(b)
		if err == nil {
			if got := AppendIdentifiers(nil, ids); string(got) != string(b) {
				t.Errorf("re-encoding differs")
			}
		}
	})
}

func TestScoreFixed(t *testing.T) {
	for _, tt := range []struct {
		in   float64
		want uint32
	}{
		{0, 0}, {1, 1_000_000}, {0.94, 940_000}, {0.1234565, 123_457}, {-1, 0}, {math.NaN(), 0},
		{math.Inf(1), math.MaxUint32}, {1e10, math.MaxUint32},
	} {
		if got := ScoreToFixed(tt.in); got != tt.want {
			t.Errorf("ScoreToFixed(%v) = %d, want %d", tt.in, got, tt.want)
		}
	}
	if FixedToScore(940_000) != 0.94 {
		t.Error("FixedToScore(940000) != 0.94")
	}
}

func TestCodeName(t *testing.T) {
	seen := map[string]bool{}
	for c := int32(0); c >= ErrToken; c-- {
		n := CodeName(c)
		if seen[n] {
			t.Errorf("duplicate name %s", n)
		}
		seen[n] = true
	}
	if CodeName(-99) != "UNKNOWN(-99)" {
		t.Error(CodeName(-99))
	}
	if Version != 0x00010002 {
		t.Errorf("Version %#x", Version)
	}
}
