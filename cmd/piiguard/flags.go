package main

import (
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/identifiers"
	"github.com/piiguard/piiguard/policy"
)

// newFlagSet returns an empty flag set for cmd; parse it with parseFlags.
func newFlagSet(cmd *command) *flag.FlagSet {
	fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses args, flags and arguments in any order ("--" ends
// the flags), and returns the arguments. --help returns a helpRequest
// with cmd's help; errors are usage errors that name the flag with a
// nearest-name suggestion.
func parseFlags(fs *flag.FlagSet, cmd *command, args []string) ([]string, error) {
	var rest []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			return nil, helpRequest{commandHelp(fs, cmd)}
		}
		if err != nil {
			return nil, flagError(fs, cmd, err)
		}
		left := fs.Args()
		if used := len(args) - len(left); used > 0 && args[used-1] == "--" {
			return append(rest, left...), nil
		}
		if len(left) == 0 {
			return rest, nil
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}

// flagError rewrites the flag package's errors: "--name", and a
// suggestion for an unknown flag.
func flagError(fs *flag.FlagSet, cmd *command, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		name = strings.TrimLeft(name, "-")
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		return usagef("%s: unknown flag --%s%s (piiguard %s --help lists the flags)", cmd.name, name, didYouMean(name, names, "--"), cmd.name)
	}
	msg = strings.Replace(msg, "flag: -", "flag --", 1)
	msg = strings.Replace(msg, "for flag -", "for flag --", 1)
	msg = strings.Replace(msg, "value for -", "value for --", 1)
	msg = strings.Replace(msg, "argument: -", "argument: --", 1)
	return usagef("%s: %s", cmd.name, msg)
}

// commandHelp is cmd's --help text: synopsis, summary, flags.
func commandHelp(fs *flag.FlagSet, cmd *command) string {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: %s\n\n%s\n", strings.TrimSpace("piiguard "+cmd.name+" "+cmd.synopsis), cmd.summary)
	var flags []*flag.Flag
	fs.VisitAll(func(f *flag.Flag) { flags = append(flags, f) })
	if len(flags) > 0 {
		b.WriteString("\nflags:\n")
	}
	sort.Slice(flags, func(i, j int) bool { return flags[i].Name < flags[j].Name })
	for _, f := range flags {
		arg, text := flag.UnquoteUsage(f)
		if arg != "" {
			arg = " " + arg
		}
		fmt.Fprintf(&b, "  --%s%s\n", f.Name, arg)
		for _, l := range strings.Split(text, "\n") {
			fmt.Fprintf(&b, "        %s\n", l)
		}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "[]" && !strings.Contains(text, "(default") {
			fmt.Fprintf(&b, "        (default %s)\n", f.DefValue)
		}
	}
	return b.String()
}

// customFlags collects repeated --custom NAME=REGEX flags.
type customFlags []*identifiers.Identifier

func (c *customFlags) String() string { return "" }

func (c *customFlags) Set(v string) error {
	name, re, ok := strings.Cut(v, "=")
	if !ok {
		return errors.New("want NAME=REGEX")
	}
	id, err := identifiers.NewCustom(name, re)
	if err != nil {
		return errors.New(strings.TrimPrefix(err.Error(), "identifiers: "))
	}
	*c = append(*c, id)
	return nil
}

// stringsFlag collects a repeated string flag.
type stringsFlag []string

func (s *stringsFlag) String() string { return strings.Join(*s, ",") }

func (s *stringsFlag) Set(v string) error {
	*s = append(*s, v)
	return nil
}

// selection holds the flags that choose identifiers, shared by scan, mask
// and audit.
type selection struct {
	idList   string
	custom   customFlags
	policies stringsFlag
}

func addSelection(fs *flag.FlagSet) *selection {
	sel := &selection{}
	fs.StringVar(&sel.idList, "identifiers", "", "comma-separated `NAMES` of managed identifiers, any case\n(default: every CloudWatch one; extensions only when named; piiguard identifiers lists them)")
	fs.Var(&sel.custom, "custom", "a custom identifier `NAME=REGEX` (repeatable, at most 10)")
	fs.Var(&sel.policies, "policy", "a CloudWatch data protection policy `FILE` (twice: account-level, then log-group)")
	return sel
}

// config builds the Scanner configuration the flags describe.
func (sel *selection) config(cmd string) (piiguard.Config, error) {
	var cfg piiguard.Config
	if sel.idList != "" {
		names, err := resolveNames(cmd, sel.idList)
		if err != nil {
			return cfg, err
		}
		cfg.Identifiers = names
	}
	cfg.Custom = sel.custom
	if len(sel.policies) > 0 {
		if len(cfg.Identifiers) > 0 || len(cfg.Custom) > 0 {
			return cfg, usagef("%s: --policy chooses the identifiers; drop --identifiers and --custom", cmd)
		}
		p, err := loadPolicies(sel.policies)
		if err != nil {
			return cfg, usagef("%s: %w", cmd, err)
		}
		cfg.Policy = p
	}
	return cfg, nil
}

// resolveNames turns --identifiers' list into catalog names, matching
// without regard to case; an unknown name is an error with the nearest
// name.
func resolveNames(cmd, list string) ([]string, error) {
	catalog := identifiers.Catalog()
	all := make([]string, len(catalog))
	for i, id := range catalog {
		all[i] = id.Name
	}
	var names []string
	for _, n := range strings.Split(list, ",") {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		name := ""
		for _, a := range all {
			if a == n || name == "" && strings.EqualFold(a, n) {
				name = a
			}
		}
		if name == "" {
			if identifiers.IsManagedName(n) {
				return nil, usagef("%s: managed identifier %q is not implemented yet", cmd, n)
			}
			return nil, usagef("%s: unknown identifier %q%s (piiguard identifiers lists them)", cmd, n, didYouMean(n, all, ""))
		}
		names = append(names, name)
	}
	if len(names) == 0 {
		return nil, usagef("%s: --identifiers lists no identifier", cmd)
	}
	return names, nil
}

// policyNeedsKey reports whether a policy's extensions mask with a keyed
// style (hash or token).
func policyNeedsKey(p *piiguard.Policy) bool {
	if p == nil || p.Extensions == nil {
		return false
	}
	keyed := func(m *policy.Mask) bool {
		return m != nil && (m.NeedsKey())
	}
	if keyed(p.Extensions.Mask) {
		return true
	}
	for _, s := range p.Extensions.Identifiers {
		if keyed(s.Mask) {
			return true
		}
	}
	return false
}

// unusedKey is a random key for a Scanner whose masks are never applied
// (scan, audit): a policy's hash and token styles need a key to compile,
// but these commands never mask, so they take no --key-file.
func unusedKey() []byte {
	key := make([]byte, 32)
	rand.Read(key) // never fails (crypto/rand)
	return key
}

// newScanner compiles the Scanner for scan and audit.
func newScanner(cmd string, cfg piiguard.Config) (*piiguard.Scanner, error) {
	if policyNeedsKey(cfg.Policy) {
		cfg.Key = unusedKey()
	}
	s, err := piiguard.NewScanner(cfg)
	if err != nil {
		return nil, usagef("%s: %w", cmd, err)
	}
	return s, nil
}

// scanFlags are the flags of the commands that report findings without
// masking (scan and audit): the identifier selection, --fail, --binary and
// --workers.
type scanFlags struct {
	*selection
	fail    bool
	binary  binaryFlag
	workers *workersFlag
}

func addScanFlags(fs *flag.FlagSet) *scanFlags {
	f := &scanFlags{selection: addSelection(fs)}
	fs.BoolVar(&f.fail, "fail", false, "exit with status 3 when anything is found")
	fs.Var(&f.binary, "binary", "`MODE` for inputs with a NUL byte in their first 8 KiB: skip (say so on standard error) or scan")
	f.workers = addWorkers(fs)
	return f
}

// open builds the Scanner the flags describe, and opens files (standard
// input when there are none); the caller closes the inputs. Errors name
// cmd.
func (f *scanFlags) open(cmd string, files []string, stdin io.Reader) (*piiguard.Scanner, piiguard.Config, []input, error) {
	cfg, err := f.config(cmd)
	if err != nil {
		return nil, cfg, nil, err
	}
	s, err := newScanner(cmd, cfg)
	if err != nil {
		return nil, cfg, nil, err
	}
	inputs, err := openInputs(files, stdin)
	if err != nil {
		return nil, cfg, nil, err
	}
	return s, cfg, inputs, nil
}

// binaryFlag is --binary: what to do with an input whose first 8 KiB hold
// a NUL byte.
type binaryFlag struct {
	scan bool
	set  bool // given on the command line
}

func (b *binaryFlag) String() string {
	if b.scan {
		return "scan"
	}
	return "skip"
}

func (b *binaryFlag) Set(v string) error {
	switch v {
	case "skip", "scan":
		b.scan, b.set = v == "scan", true
		return nil
	}
	return errors.New(`want "skip" or "scan"`)
}

// workersFlag is --workers N.
type workersFlag int

func (w *workersFlag) String() string { return strconv.Itoa(int(*w)) }

func (w *workersFlag) Set(v string) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 256 {
		return errors.New("want a number of workers from 1 to 256")
	}
	*w = workersFlag(n)
	return nil
}

func addWorkers(fs *flag.FlagSet) *workersFlag {
	w := workersFlag(runtime.GOMAXPROCS(0))
	fs.Var(&w, "workers", "scan lines on `N` goroutines; output stays in input order (default: GOMAXPROCS)")
	return &w
}
