package wasmhost

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/piiguard/piiguard/wasm/internal/abi"
)

// TestConfigIsTheJSONDocument: Config has one field per member of the
// JSON configuration (abi.Config, which the guest decodes), plus Key;
// JSON writes each field into its member and never writes the key.
func TestConfigIsTheJSONDocument(t *testing.T) {
	ht, wt := reflect.TypeFor[Config](), reflect.TypeFor[abi.Config]()
	for i := range ht.NumField() {
		f := ht.Field(i).Name
		if _, ok := wt.FieldByName(f); !ok && f != "Key" {
			t.Errorf("Config.%s is not a member of the JSON configuration (abi.Config)", f)
		}
	}
	for i := range wt.NumField() {
		if f := wt.Field(i).Name; !slices.ContainsFunc(reflect.VisibleFields(ht), func(h reflect.StructField) bool { return h.Name == f }) {
			t.Errorf("abi.Config.%s has no field in Config", f)
		}
	}

	policy := `{"Name":"p","Version":"2021-06-01","Statement":[]} <&>`
	key := []byte("a key that must never be in the JSON")
	c := Config{
		Identifiers: []string{"EmailAddress", "Ssn-US"},
		Custom:      []Custom{{Name: "Emp", Regex: `EMP-\d{6}`}},
		Policy:      []byte(policy),
		MinScore:    0.25,
		Style:       "partial",
		ResourceArn: "arn:aws:logs:us-east-1:111122223333:log-group:app",
		Key:         key,
	}
	data, err := c.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, key) || strings.Contains(strings.ToLower(string(data)), "key") {
		t.Errorf("JSON holds the key: %s", data)
	}
	var w abi.Config
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		t.Fatalf("JSON %s: %v", data, err)
	}
	var doc string
	if err := json.Unmarshal(w.Policy, &doc); err != nil || doc != policy {
		t.Errorf("policy member %s: %q, %v; want the document's text as a string", w.Policy, doc, err)
	}
	if !slices.Equal(w.Identifiers, c.Identifiers) || len(w.Custom) != 1 || Custom(w.Custom[0]) != c.Custom[0] ||
		w.MinScore != c.MinScore || w.Style != c.Style || w.ResourceArn != c.ResourceArn {
		t.Errorf("JSON %s decodes to %+v, want the fields of %+v", data, w, c)
	}
	// The zero Config is the empty document, and an empty policy is
	// still given (the module rejects it).
	if data, err := (Config{}).JSON(); err != nil || string(data) != "{}" {
		t.Errorf("Config{}.JSON() = %s, %v; want {}", data, err)
	}
	if data, err := (Config{Policy: []byte{}}).JSON(); err != nil || string(data) != `{"policy":""}` {
		t.Errorf("Config{Policy: empty}.JSON() = %s, %v", data, err)
	}
}
