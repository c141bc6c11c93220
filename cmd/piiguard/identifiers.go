package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/piiguard/piiguard/identifiers"
)

// cmdIdentifiers lists the identifier catalog, marking extensions.
func cmdIdentifiers(e *env, args []string) error {
	cmd := lookupCommand("identifiers")
	fs := newFlagSet(cmd)
	asJSON := fs.Bool("json", false, "print the catalog as JSON")
	rest, err := parseFlags(fs, cmd, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("identifiers: unexpected argument %q", rest[0])
	}
	type entry struct {
		Name            string   `json:"name"`
		Category        string   `json:"category"`
		Country         string   `json:"country,omitempty"`
		KeywordRequired bool     `json:"keywordRequired"`
		Keywords        []string `json:"keywords"`
		Format          string   `json:"format,omitempty"`
		Extension       bool     `json:"extension"`
	}
	var list []entry
	for _, id := range identifiers.Catalog() {
		kw := id.Keywords
		if kw == nil {
			kw = []string{}
		}
		list = append(list, entry{id.Name, string(id.Category), id.Country, id.KeywordRequired, kw, id.Format, id.Extension})
	}
	w := bufio.NewWriter(e.stdout)
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(list); err != nil {
			return err
		}
		return w.Flush()
	}
	fmt.Fprintf(w, "%-30s %-10s %-12s %-7s %-8s %s\n", "NAME", "SET", "CATEGORY", "COUNTRY", "KEYWORD", "KEYWORDS")
	for _, e := range list {
		req := "optional"
		if e.KeywordRequired {
			req = "required"
		}
		country := e.Country
		if country == "" {
			country = "-"
		}
		set := "cloudwatch"
		if e.Extension {
			set = "extension"
		}
		fmt.Fprintf(w, "%-30s %-10s %-12s %-7s %-8s %s\n", e.Name, set, e.Category, country, req, strings.Join(e.Keywords, ", "))
	}
	fmt.Fprintln(w, "\nSET extension: not a CloudWatch managed identifier; used only when named (--identifiers, a policy).")
	return w.Flush()
}
