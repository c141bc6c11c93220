package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/audit"
	"github.com/piiguard/piiguard/policy"
)

// maxPolicies is how many --policy files apply together: an account-level
// policy and a log-group policy.
const maxPolicies = 2

// loadPolicies parses one policy, or an account-level policy and a
// log-group policy, which apply together.
func loadPolicies(paths []string) (*piiguard.Policy, error) {
	if len(paths) > maxPolicies {
		return nil, fmt.Errorf("at most %d --policy files (account-level, then log-group), got %d", maxPolicies, len(paths))
	}
	var ps []*piiguard.Policy
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		p, err := piiguard.ParsePolicy(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %s", path, oneLine(err.Error()))
		}
		ps = append(ps, p)
	}
	if len(ps) == 1 {
		return ps[0], nil
	}
	return piiguard.CombinePolicies(ps[0], ps[1]), nil
}

// cmdPolicy runs `piiguard policy validate FILE...`: exit 0 when every file
// is a valid policy, 1 when one is not (its errors on standard error, one
// per line, prefixed with the file name), 2 on a usage error.
func cmdPolicy(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "validate" {
		fmt.Fprintf(stderr, "piiguard: policy: want \"policy validate FILE...\"\n")
		return exitUsage
	}
	files := args[1:]
	if len(files) == 0 {
		fmt.Fprintf(stderr, "piiguard: policy validate: no policy file given\n")
		return exitUsage
	}
	status := exitOK
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(stderr, "piiguard: %v\n", err)
			return exitUsage
		}
		if _, err := policy.ParseExtended(data); err != nil {
			status = exitIO
			var ve *policy.ValidationError
			if errors.As(err, &ve) {
				for _, fe := range ve.Errors {
					fmt.Fprintf(stderr, "%s: %s\n", path, fe.Error())
				}
				continue
			}
			fmt.Fprintf(stderr, "%s: %s\n", path, oneLine(err.Error()))
			continue
		}
		fmt.Fprintf(stdout, "%s: valid\n", path)
	}
	return status
}

// cmdAudit prints a CloudWatch-style findings report for every input line
// (log event) that holds sensitive data, one JSON object per line.
func cmdAudit(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("audit")
	sel := addSelection(fs)
	arn := fs.String("resource-arn", "", "log group ARN written in each report")
	metrics := fs.Bool("metrics", false, "print LogEventsWithFindings counts to standard error at the end")
	if err := fs.Parse(args); err != nil {
		return usageError{fmt.Errorf("audit: %w", err)}
	}
	cfg, err := sel.config("audit")
	if err != nil {
		return err
	}
	cfg.ResourceArn = *arn
	s, err := piiguard.NewScanner(cfg)
	if err != nil {
		return usageError{err}
	}
	inputs, err := openInputs(fs.Args(), stdin)
	if err != nil {
		return usageError{err}
	}
	defer closeInputs(inputs)
	w := audit.NewWriter(stdout)
	for _, in := range inputs {
		err := eachLine(in, func(line []byte, _ bool) error {
			return w.Write(s.Audit(line))
		})
		if err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if *metrics {
		b, _ := json.Marshal(s.Metrics())
		bw := bufio.NewWriter(stderr)
		bw.Write(append(b, '\n'))
		return bw.Flush()
	}
	return nil
}
