package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/mask"
)

// keyFileEnv names the environment variable that holds the path of the
// key file for --style hash and token, and for unmask.
const keyFileEnv = "PIIGUARD_KEY_FILE"

// styles lists the values of --style: package mask's styles, each as
// mask.ParseStyle reads its name.
var styles = mask.StyleNames()

// maskFlags are the flags only mask takes.
type maskFlags struct {
	style   styleFlag
	keyFile string
	json    bool
	binary  binaryFlag
	workers *workersFlag
	policy  bool
	masker  mask.Masker // nil: the Scanner's own (a policy's mask styles)
}

// styleFlag is --style; it records whether it was given.
type styleFlag struct {
	name string
	set  bool
}

func (s *styleFlag) String() string { return s.name }

func (s *styleFlag) Set(v string) error {
	s.name, s.set = v, true
	return nil
}

func addMaskFlags(fs *flag.FlagSet) *maskFlags {
	// Binary inputs are masked as text unless --binary skip: a copy
	// would write their values in clear (a log that logrotate's
	// copytruncate left starting with NUL bytes is such an input).
	f := &maskFlags{style: styleFlag{name: "asterisk"}, binary: binaryFlag{scan: true}}
	fs.Var(&f.style, "style", "how values are masked: `STYLE` is "+strings.Join(styles, ", ")+"\n(default asterisk, or the policy's styles)")
	fs.StringVar(&f.keyFile, "key-file", "", "`FILE` holding the key of --style hash or token, or of a policy's (default $"+keyFileEnv+");\nhex or base64 text, e.g. made by: openssl rand -hex 32 > piiguard.key")
	fs.BoolVar(&f.json, "json", false, "lines that are JSON stay valid JSON: string values and member names are masked")
	fs.Var(&f.binary, "binary", "`MODE` for inputs with a NUL byte in their first 8 KiB: scan (mask them as text)\nor skip (copy them unchanged, values in clear, saying so on standard error)")
	f.workers = addWorkers(fs)
	return f
}

// cmdMask prints its inputs with every finding masked.
func cmdMask(e *env, args []string) error {
	cmd := lookupCommand("mask")
	fs := newFlagSet(cmd)
	sel := addSelection(fs)
	mf := addMaskFlags(fs)
	files, err := parseFlags(fs, cmd, args)
	if err != nil {
		return err
	}
	cfg, err := sel.config("mask")
	if err != nil {
		return err
	}
	if err := mf.configure(&cfg); err != nil {
		return err
	}
	s, err := piiguard.NewScanner(cfg)
	if err != nil {
		return usagef("mask: %w", err)
	}
	inputs, err := openInputs(files, e.stdin)
	if err != nil {
		return err
	}
	defer closeInputs(inputs)
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	var found int64
	p := &pumper{cmd: "mask", out: w, stderr: e.stderr, scanBinary: mf.binary.scan, passBinary: true, noteBinary: !mf.binary.set}
	if !mf.json {
		p.progress = newProgress(e.stderr, inputs, &found)
	} else {
		p.progress = newProgress(e.stderr, inputs, nil)
	}
	defer p.progress.end()
	for _, in := range inputs {
		if err := mf.maskInput(s, in, p, &found); err != nil {
			w.Flush() // what came before the error
			return err
		}
	}
	return w.Flush()
}

// configure builds the masker --style names into cfg, and gives a policy
// the key for its hash and token styles. Errors are usage errors: a bad
// style, a missing or unusable key.
func (f *maskFlags) configure(cfg *piiguard.Config) error {
	f.policy = cfg.Policy != nil
	style := f.style.name
	spec, err := mask.ParseStyle(style)
	if err != nil {
		return usagef("mask: unknown --style %q%s (want %s)", style, didYouMean(style, styles, ""), strings.Join(styles, ", "))
	}
	keyed := spec.NeedsKey()
	if f.keyFile != "" && !keyed && !f.policy {
		return usageError{fmt.Errorf("mask: --key-file is used only with --style hash or token, or with --policy")}
	}
	if f.policy && !f.style.set && policyNeedsKey(cfg.Policy) && f.keyFile == "" && os.Getenv(keyFileEnv) == "" {
		return usagef("mask: the policy masks with hash or token, which need a key: give --key-file FILE or set %s to the path of a key file (make one with: openssl rand -hex 32 > piiguard.key)", keyFileEnv)
	}
	var key []byte
	if keyed || f.policy && (f.keyFile != "" || os.Getenv(keyFileEnv) != "") {
		if key, err = readKey(f.keyFile); err != nil {
			if !keyed {
				return usageError{fmt.Errorf("mask: the policy's key: %w", err)}
			}
			return usageError{fmt.Errorf("mask: --style %s: %w", style, err)}
		}
	}
	if f.policy {
		cfg.Key = key // a policy's hash and token styles
		if !f.style.set {
			return nil // the policy's mask styles
		}
	} else {
		defer clear(key)
	}
	if f.masker, err = spec.NewMasker(key); err != nil {
		return usageError{fmt.Errorf("mask: --style %s: %w", style, err)}
	}
	cfg.Masker = f.masker
	return nil
}

// readKey reads the key from path, or from the file $PIIGUARD_KEY_FILE
// names when path is empty. Keys never come from flag values, and errors
// never hold the flag's or the variable's value: a key given there by
// mistake is not printed.
func readKey(path string) ([]byte, error) {
	if path == "" {
		if os.Getenv(keyFileEnv) == "" {
			return nil, errors.New("a key is needed: give --key-file FILE or set " + keyFileEnv + " to the path of a key file (make one with: openssl rand -hex 32 > piiguard.key)")
		}
		key, err := mask.KeyFromEnv(keyFileEnv)
		if err != nil {
			return nil, errors.New(strings.TrimPrefix(err.Error(), "mask: ")) // names the variable, not its value
		}
		return key, nil
	}
	key, err := mask.LoadKey(path)
	if err != nil {
		// LoadKey's error names the path: unwrap it.
		msg := "--key-file: " + errors.Unwrap(err).Error()
		if _, serr := os.Stat(path); serr != nil && looksLikeKey(path) {
			msg += " (--key-file takes the path of a file holding the key, not the key itself)"
		}
		return nil, errors.New(msg)
	}
	return key, nil
}

// looksLikeKey reports whether a flag value looks like key material
// rather than a path: long, and all hex or base64.
func looksLikeKey(s string) bool {
	if len(s) < 16 {
		return false
	}
	for _, c := range []byte(s) {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '+' || c == '/' || c == '=' || c == '-' || c == '_') {
			return false
		}
	}
	return !strings.Contains(s, "/") || !strings.ContainsAny(s, ".")
}

// maskInput masks one input as a stream (package mask's Writer): lines of
// any length in bounded memory, each complete line written as soon as it
// is read; see pumper.pump and lineTask.run. After a read error, what was
// read before it is masked and written.
func (f *maskFlags) maskInput(s *piiguard.Scanner, in input, p *pumper, found *int64) error {
	m := f.masker
	if m == nil {
		m = s.Masker() // the policy's mask styles
	}
	task := &lineTask{s: s, m: m, masks: true, count: found}
	if f.json {
		j, err := mask.NewJSON(s, m, mask.JSONOptions{})
		if err != nil {
			return err
		}
		task.json = j
	}
	return task.run(in, p, int(*f.workers))
}
