package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
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
		fmt.Fprint(stdout, usage)
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
			err = scanLines(s, in, w, showValues)
		} else {
			err = mf.maskInput(s, in, w)
		}
		if err != nil {
			return err
		}
	}
	return w.Flush()
}

func closeInputs(inputs []input) {
	for _, in := range inputs {
		in.Close()
	}
}

type input struct {
	name string
	r    io.Reader
	c    io.Closer
}

func (in input) Close() {
	if in.c != nil {
		in.c.Close()
	}
}

// openInputs opens every file first, so that a bad name fails before any
// output is written.
func openInputs(paths []string, stdin io.Reader) ([]input, error) {
	if len(paths) == 0 {
		return []input{{name: "standard input", r: stdin}}, nil
	}
	var ins []input
	for _, p := range paths {
		if p == "-" {
			ins = append(ins, input{name: "standard input", r: stdin})
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			for _, in := range ins {
				in.Close()
			}
			return nil, err
		}
		if st, err := f.Stat(); err == nil && st.IsDir() {
			f.Close()
			for _, in := range ins {
				in.Close()
			}
			return nil, fmt.Errorf("%s: is a directory", p)
		}
		ins = append(ins, input{name: p, r: f, c: f})
	}
	return ins, nil
}

// eachLine calls fn with each line of in, without its '\n' (a '\r' before it
// stays part of the line), and whether a '\n' ended it. Lines of any length
// are read whole.
func eachLine(in input, fn func(line []byte, newline bool) error) error {
	br := bufio.NewReaderSize(in.r, 64<<10)
	var long []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			long = append(long, chunk...)
			continue
		}
		line := chunk
		if long != nil {
			long = append(long, chunk...)
			line = long
		}
		if len(line) > 0 {
			nl := line[len(line)-1] == '\n'
			if nl {
				line = line[:len(line)-1]
			}
			if ferr := fn(line, nl); ferr != nil {
				return ferr
			}
		}
		long = long[:0:0]
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading %s: %w", in.name, err)
		}
	}
}

func scanLines(s *piiguard.Scanner, in input, w *bufio.Writer, showValues bool) error {
	var findings []piiguard.Finding
	var buf []byte
	lineNo := 0
	return eachLine(in, func(line []byte, _ bool) error {
		lineNo++
		findings = s.AppendFindings(findings[:0], line)
		for _, f := range findings {
			buf = appendFinding(buf[:0], lineNo, f, line, showValues)
			if _, err := w.Write(buf); err != nil {
				return err
			}
		}
		return nil
	})
}

// appendFinding formats one finding as a JSON line, keys in a fixed order.
func appendFinding(b []byte, line int, f piiguard.Finding, text []byte, showValue bool) []byte {
	b = append(b, `{"line":`...)
	b = strconv.AppendInt(b, int64(line), 10)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(f.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(f.End), 10)
	b = append(b, `,"identifier":`...)
	b = appendJSONString(b, f.Identifier)
	b = append(b, `,"score":`...)
	b = strconv.AppendFloat(b, f.Score, 'f', -1, 64)
	if showValue {
		b = append(b, `,"value":`...)
		b = appendJSONString(b, string(text[f.Start:f.End]))
	}
	return append(b, "}\n"...)
}

func appendJSONString(b []byte, s string) []byte {
	enc, _ := json.Marshal(s) // strings always marshal; invalid UTF-8 becomes U+FFFD
	return append(b, enc...)
}

func maskLines(s *piiguard.Scanner, in input, w *bufio.Writer) error {
	var out []byte
	return eachLine(in, func(line []byte, newline bool) error {
		out = s.AppendMask(out[:0], line)
		if newline {
			out = append(out, '\n')
		}
		_, err := w.Write(out)
		return err
	})
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
