// Command golden writes what the native build finds and masks on the
// differential corpus (synthetic lines, examples/logs/app.log and the
// loghub files when present) for the tests of the Node.js and Python hosts,
// which check that the WebAssembly module gives the same through them.
// make test-wasm runs it:
//
//	go run ./wasm/internal/golden -o build/wasm-golden.json
//
// Findings are [identifier, start, end, score × 1e6, keyword or null];
// texts (valid UTF-8, which JSON carries unchanged) are inline, or a file by absolute path (loghub), whose masked
// output is given by its SHA-256.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/internal/testcorpus"
	"github.com/piiguard/piiguard/mask"
	"github.com/piiguard/piiguard/wasm/internal/abi"
	"github.com/piiguard/piiguard/wasm/internal/keyed"
	"github.com/piiguard/piiguard/wasm/internal/wasmconfig"
)

type namedConfig struct {
	Name   string          `json:"name"`
	Config json.RawMessage `json:"config"`
	// Key (hex) is the key of an ABI 1.1 keyed scanner.
	Key string `json:"key,omitempty"`
}

type testCase struct {
	Config       string  `json:"config"`
	Name         string  `json:"name"`
	Text         *string `json:"text,omitempty"`
	File         string  `json:"file,omitempty"`
	Findings     [][]any `json:"findings"`
	Masked       *string `json:"masked,omitempty"`
	MaskedSHA256 string  `json:"masked_sha256,omitempty"`
	// ABI 1.1, for inline texts: the text wrapped in a JSON event and
	// that event masked (null when it is not JSON), the text's audit
	// report without its timestamp (null when none), and, for keyed
	// scanners, the masked text unmasked (null when it cannot be).
	JSONEvent  *string         `json:"json_event,omitempty"`
	MaskedJSON *string         `json:"masked_json,omitempty"`
	Audit      json.RawMessage `json:"audit,omitempty"`
	Unmasked   *string         `json:"unmasked,omitempty"`
}

type golden struct {
	Configs []namedConfig `json:"configs"`
	Cases   []testCase    `json:"cases"`
}

func main() {
	out := flag.String("o", "build/wasm-golden.json", "output file")
	root := flag.String("root", ".", "repository root")
	lines := flag.Int("lines", 400, "synthetic lines per configuration")
	flag.Parse()
	if err := run(*root, *out, *lines); err != nil {
		log.Fatal(err)
	}
}

func run(root, out string, lines int) error {
	pol, err := os.ReadFile(filepath.Join(root, "policy", "testdata", "loggroup-custom.json"))
	if err != nil {
		return err
	}
	polString, _ := json.Marshal(string(pol))
	configs := []namedConfig{
		{"all", json.RawMessage(`{}`), ""},
		{"named+custom", json.RawMessage(`{"identifiers":["EmailAddress","Ssn-US","CreditCardNumber","PhoneNumber-US","IpAddress"],"custom":[{"name":"EmployeeId","regex":"EMP-[0-9]{6}"}]}`), ""},
		{"policy", json.RawMessage(`{"policy":` + string(pol) + `}`), ""},
		{"policy-string", json.RawMessage(`{"policy":` + string(polString) + `}`), ""},
		{"extended", json.RawMessage(`{"policy":` + testcorpus.ExtendedPolicy + `}`), ""},
		{"minscore", json.RawMessage(`{"min_score":0.8}`), ""},
		{"hash", json.RawMessage(`{"style":"hash","resource_arn":"arn:aws:logs:us-east-1:111122223333:log-group:app"}`), keyed.TestKeyHex},
		{"token", json.RawMessage(`{"style":"token"}`), keyed.TestKeyHex},
		{"keyed-policy", json.RawMessage(`{"policy":` + keyed.Policy + `}`), keyed.TestKeyHex},
	}
	g := golden{Configs: configs}
	app, err := os.ReadFile(filepath.Join(root, "examples", "logs", "app.log"))
	if err != nil {
		return err
	}
	texts := append([]string{string(app), "", "é \u2028 jane@example.com\r\nssn 536-22-1234\x00"}, testcorpus.Dense(11, lines)...)
	loghub, err := testcorpus.LoghubFiles(testcorpus.LoghubDir(root))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, c := range configs {
		var key []byte
		if c.Key != "" {
			if key, err = hex.DecodeString(c.Key); err != nil {
				return err
			}
		}
		s, err := wasmconfig.NewKeyedScanner(c.Config, key)
		if err != nil {
			return fmt.Errorf("%s: %w", c.Name, err)
		}
		jm, err := mask.NewJSON(s, s.Masker(), mask.JSONOptions{})
		if err != nil {
			return err
		}
		var tk *mask.Tokenizer
		if key != nil {
			if tk, err = mask.NewTokenizer(key); err != nil {
				return err
			}
		}
		for i, t := range texts {
			tc := testCase{Config: c.Name, Name: fmt.Sprintf("text/%d", i), Text: &t}
			tc.Findings = findings(s, []byte(t))
			m := string(s.AppendMask(nil, []byte(t)))
			tc.Masked = &m
			ev := keyed.JSONEvent(t)
			tc.JSONEvent = &ev
			if mj, err := jm.Mask([]byte(ev)); err == nil {
				str := string(mj)
				tc.MaskedJSON = &str
			}
			tc.Audit = json.RawMessage("null")
			if r := s.Audit([]byte(t)); r != nil {
				r.AuditTimestamp = ""
				if tc.Audit, err = json.Marshal(r); err != nil {
					return err
				}
			}
			if tk != nil {
				if u, err := tk.Unmask([]byte(m)); err == nil {
					str := string(u)
					tc.Unmasked = &str
				}
			}
			g.Cases = append(g.Cases, tc)
		}
		if c.Name != "all" {
			continue
		}
		for _, f := range loghub {
			path, err := filepath.Abs(f.Path)
			if err != nil {
				return err
			}
			text := f.Data
			sum := sha256.Sum256(s.AppendMask(nil, text))
			g.Cases = append(g.Cases, testCase{
				Config: c.Name, Name: "loghub/" + f.Name, File: path,
				Findings: findings(s, text), MaskedSHA256: hex.EncodeToString(sum[:]),
			})
		}
	}
	data, err := json.Marshal(g)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return os.WriteFile(out, data, 0o644)
}

func findings(s *piiguard.Scanner, text []byte) [][]any {
	out := [][]any{}
	for _, f := range s.Scan(text) {
		var kw any
		if f.Keyword != "" {
			kw = f.Keyword
		}
		out = append(out, []any{f.Identifier, f.Start, f.End, abi.ScoreToFixed(f.Score), kw})
	}
	return out
}
