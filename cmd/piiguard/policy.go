package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"

	"github.com/piiguard/piiguard"
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
			return nil, fmt.Errorf("%s: %w", path, pathless(err))
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
// per line, prefixed with the file name) or cannot be read, 2 on a usage
// error.
func cmdPolicy(e *env, args []string) error {
	cmd := lookupCommand("policy")
	if len(args) > 0 && (args[0] == "--help" || args[0] == "-h" || args[0] == "-help") {
		return helpRequest{commandHelp(newFlagSet(cmd), cmd)}
	}
	if len(args) == 0 || args[0] != "validate" {
		return usagef("policy: want \"policy validate FILE...\"")
	}
	fs := newFlagSet(cmd)
	files, err := parseFlags(fs, cmd, args[1:])
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usagef("policy validate: no policy file given")
	}
	out := bufio.NewWriter(e.stdout)
	invalid := false
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			out.Flush()
			return fmt.Errorf("policy validate: %s: %w", path, pathless(err))
		}
		if _, err := policy.ParseExtended(data); err != nil {
			invalid = true
			var ve *policy.ValidationError
			if errors.As(err, &ve) {
				for _, fe := range ve.Errors {
					fmt.Fprintf(e.stderr, "%s: %s\n", path, fe.Error())
				}
				continue
			}
			fmt.Fprintf(e.stderr, "%s: %s\n", path, oneLine(err.Error()))
			continue
		}
		fmt.Fprintf(out, "%s: valid\n", path)
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("policy validate: writing the output: %w", err)
	}
	if invalid {
		return exitError{exitIO}
	}
	return nil
}
