package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/identifiers"
)

const usage = `usage:
  piiguard scan [--identifiers A,B,...] [--custom NAME=REGEX]... [--policy FILE]... [--show-values] [FILE...]
  piiguard mask [--identifiers A,B,...] [--custom NAME=REGEX]... [--policy FILE]... [--style STYLE] [--key-file FILE] [--json] [FILE...]
  piiguard unmask [--key-file FILE] [--json] [FILE...]
  piiguard audit [--identifiers A,B,...] [--custom NAME=REGEX]... [--policy FILE]... [--resource-arn ARN] [--metrics] [FILE...]
  piiguard policy validate FILE...
  piiguard identifiers [--json]

--policy FILE reads a CloudWatch Logs data protection policy; give it twice
for an account-level policy followed by a log-group policy, which apply together.
`

// Exit statuses.
const (
	exitOK    = 0
	exitIO    = 1
	exitUsage = 2
)

// errUsage marks errors that are the caller's: bad flags, files, identifiers.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var err error
	switch args[0] {
	case "scan":
		err = cmdScanOrMask(args[1:], stdin, stdout, true)
	case "mask":
		err = cmdScanOrMask(args[1:], stdin, stdout, false)
	case "audit":
		err = cmdAudit(args[1:], stdin, stdout, stderr)
	case "policy":
		return cmdPolicy(args[1:], stdout, stderr)
	case "unmask":
		err = cmdUnmask(args[1:], stdin, stdout, stderr)
	case "identifiers":
		err = cmdIdentifiers(args[1:], stdout)
	case "help", "-h", "--help":
		if _, err := io.WriteString(stdout, usage); err != nil {
			fmt.Fprintf(stderr, "piiguard: writing the usage: %v\n", err)
			return exitIO
		}
		return exitOK
	default:
		err = usageError{fmt.Errorf("unknown command %q (want scan, mask, unmask, audit, policy or identifiers)", args[0])}
	}
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "piiguard: %s\n", oneLine(err.Error()))
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitIO
}

func oneLine(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "\n", "; ") }

// customFlags collects repeated --custom NAME=REGEX flags.
type customFlags []*identifiers.Identifier

func (c *customFlags) String() string { return "" }

func (c *customFlags) Set(v string) error {
	name, re, ok := strings.Cut(v, "=")
	if !ok {
		return fmt.Errorf("want NAME=REGEX, got %q", v)
	}
	id, err := identifiers.NewCustom(name, re)
	if err != nil {
		return err
	}
	*c = append(*c, id)
	return nil
}

func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// selection holds the flags that choose identifiers, shared by scan, mask
// and audit.
type selection struct {
	idList   *string
	custom   customFlags
	policies stringsFlag
}

func addSelection(fs *flag.FlagSet) *selection {
	sel := &selection{idList: fs.String("identifiers", "", "comma-separated managed identifier names")}
	fs.Var(&sel.custom, "custom", "custom identifier NAME=REGEX (repeatable)")
	fs.Var(&sel.policies, "policy", "CloudWatch data protection policy file (repeatable: account, then log group)")
	return sel
}

// config builds the Scanner configuration the flags describe.
func (sel *selection) config(cmd string) (piiguard.Config, error) {
	var cfg piiguard.Config
	if *sel.idList != "" {
		for _, n := range strings.Split(*sel.idList, ",") {
			if n = strings.TrimSpace(n); n != "" {
				cfg.Identifiers = append(cfg.Identifiers, n)
			}
		}
		if len(cfg.Identifiers) == 0 {
			return cfg, usageError{fmt.Errorf("%s: --identifiers lists no identifier", cmd)}
		}
	}
	cfg.Custom = sel.custom
	if len(sel.policies) > 0 {
		if len(cfg.Identifiers) > 0 || len(cfg.Custom) > 0 {
			return cfg, usageError{fmt.Errorf("%s: --policy chooses the identifiers; drop --identifiers and --custom", cmd)}
		}
		p, err := loadPolicies(sel.policies)
		if err != nil {
			return cfg, usageError{fmt.Errorf("%s: %w", cmd, err)}
		}
		cfg.Policy = p
	}
	return cfg, nil
}

// stringsFlag collects a repeated string flag.
type stringsFlag []string

func (s *stringsFlag) String() string { return strings.Join(*s, ",") }

func (s *stringsFlag) Set(v string) error {
	*s = append(*s, v)
	return nil
}

func cmdScanOrMask(args []string, stdin io.Reader, stdout io.Writer, scan bool) error {
	name := "mask"
	if scan {
		name = "scan"
	}
	fs := newFlagSet(name)
	sel := addSelection(fs)
	showValues := false
	var mf *maskFlags
	if scan {
		fs.BoolVar(&showValues, "show-values", false, "print each finding's value")
	} else {
		mf = addMaskFlags(fs)
	}
	if err := fs.Parse(args); err != nil {
		return usageError{fmt.Errorf("%s: %w", name, err)}
	}
	cfg, err := sel.config(name)
	if err != nil {
		return err
	}
	if mf != nil {
		if err := mf.configure(&cfg); err != nil {
			return err
		}
	}
	s, err := piiguard.NewScanner(cfg)
	if err != nil {
		return usageError{err}
	}
	inputs, err := openInputs(fs.Args(), stdin)
	if err != nil {
		return usageError{err}
	}
	defer closeInputs(inputs)
	w := bufio.NewWriterSize(stdout, 64<<10)
	for _, in := range inputs {
		if scan {
			err = scanInput(s, in, w, showValues)
		} else {
			err = mf.maskInput(s, in, w)
		}
		if err != nil {
			w.Flush() // what came before the error
			return err
		}
	}
	return w.Flush()
}

func cmdIdentifiers(args []string, stdout io.Writer) error {
	fs := newFlagSet("identifiers")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return usageError{fmt.Errorf("identifiers: %w", err)}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("identifiers: unexpected argument %q", fs.Arg(0))}
	}
	type entry struct {
		Name            string   `json:"name"`
		Category        string   `json:"category"`
		Country         string   `json:"country,omitempty"`
		KeywordRequired bool     `json:"keywordRequired"`
		Keywords        []string `json:"keywords"`
		Format          string   `json:"format,omitempty"`
		Extension       bool     `json:"extension,omitempty"`
	}
	var list []entry
	for _, id := range identifiers.Catalog() {
		kw := id.Keywords
		if kw == nil {
			kw = []string{}
		}
		list = append(list, entry{id.Name, string(id.Category), id.Country, id.KeywordRequired, kw, id.Format, id.Extension})
	}
	w := bufio.NewWriter(stdout)
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(list); err != nil {
			return err
		}
		return w.Flush()
	}
	fmt.Fprintf(w, "%-30s %-12s %-7s %-8s %s\n", "NAME", "CATEGORY", "COUNTRY", "KEYWORD", "KEYWORDS")
	for _, e := range list {
		req := "optional"
		if e.KeywordRequired {
			req = "required"
		}
		country := e.Country
		if country == "" {
			country = "-"
		}
		kws := slices.Clone(e.Keywords)
		fmt.Fprintf(w, "%-30s %-12s %-7s %-8s %s\n", e.Name, e.Category, country, req, strings.Join(kws, ", "))
	}
	return w.Flush()
}
