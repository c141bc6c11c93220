package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/mask"
)

// keyFileEnv names the environment variable that holds the path of the
// key file for --style hash and token, and for unmask.
const keyFileEnv = "PIIGUARD_KEY_FILE"

// styles lists the values of --style.
var styles = []string{"asterisk", "partial", "placeholder", "redact", "hash", "token"}

// maskFlags are the flags only mask takes.
type maskFlags struct {
	style   styleFlag
	keyFile string
	json    bool
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
	f := &maskFlags{style: styleFlag{name: "asterisk"}}
	fs.Var(&f.style, "style", "how values are masked: "+strings.Join(styles, ", ")+" (default asterisk, or the policy's styles)")
	fs.StringVar(&f.keyFile, "key-file", "", "file holding the key for --style hash or token, or a policy's (default $"+keyFileEnv+")")
	fs.BoolVar(&f.json, "json", false, "input is one JSON event per line")
	return f
}

// configure builds the masker --style names into cfg, and gives a policy
// the key for its hash and token styles. Errors are usage errors: a bad
// style, a missing or unusable key.
func (f *maskFlags) configure(cfg *piiguard.Config) error {
	f.policy = cfg.Policy != nil
	style := f.style.name
	keyed := style == "hash" || style == "token"
	if !slices.Contains(styles, style) {
		return usageError{fmt.Errorf("mask: unknown --style %q (want %s)", style, strings.Join(styles, ", "))}
	}
	if f.keyFile != "" && !keyed && !f.policy {
		return usageError{fmt.Errorf("mask: --key-file is used only with --style hash or token, or with --policy")}
	}
	var key []byte
	if keyed || f.policy && (f.keyFile != "" || os.Getenv(keyFileEnv) != "") {
		var err error
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
	spec := mask.Spec{Style: mask.Style(style)}
	if spec.Style == mask.StylePartial {
		spec.KeepLast = 4 // the last four characters, as of a card number
	}
	var err error
	if f.masker, err = spec.NewMasker(key); err != nil {
		return usageError{fmt.Errorf("mask: --style %s: %w", style, err)}
	}
	cfg.Masker = f.masker
	return nil
}

// readKey reads the key from path, or from the file $PIIGUARD_KEY_FILE
// names when path is empty. Keys never come from flag values.
func readKey(path string) ([]byte, error) {
	if path != "" {
		return mask.LoadKey(path)
	}
	if os.Getenv(keyFileEnv) == "" {
		return nil, errors.New("a key is needed: give --key-file FILE or set " + keyFileEnv + " to the path of a key file")
	}
	return mask.KeyFromEnv(keyFileEnv)
}

// maskInput masks one input as a stream (package mask's Writer): lines of
// any length in bounded memory, each complete line written as soon as it
// is read. When the input is not a regular file (a pipe, a terminal), out
// is flushed after each read, so that `tail -f app.log | piiguard mask`
// shows each line at once.
func (f *maskFlags) maskInput(s *piiguard.Scanner, in input, out *bufio.Writer) error {
	m := f.masker
	if m == nil {
		// The policy's mask styles: the Scanner's own masker.
		sm, ok := any(s).(interface{ Masker() mask.Masker })
		if !ok {
			// This Scanner does not tell its masker: mask whole lines
			// with it, as text (JSON lines too).
			return maskLines(s, in, out)
		}
		m = sm.Masker()
	}
	var opts mask.StreamOptions
	if f.json {
		j, err := mask.NewJSON(s, m, mask.JSONOptions{})
		if err != nil {
			return err
		}
		opts.JSON = j
	}
	w := mask.NewWriter(out, s, m, opts)
	flushEach := !isRegularFile(in.r)
	buf := make([]byte, 64<<10)
	for {
		n, err := in.r.Read(buf)
		if n > 0 {
			if _, werr := w.Write(buf[:n]); werr != nil {
				return werr
			}
			if flushEach {
				if ferr := out.Flush(); ferr != nil {
					return ferr
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("reading %s: %w", in.name, err)
		}
	}
	return w.Close()
}

// isRegularFile reports whether r is a regular file.
func isRegularFile(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode().IsRegular()
}
