package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
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
	out := bufio.NewWriter(stdout)
	status := exitOK
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			out.Flush()
			fmt.Fprintf(stderr, "piiguard: policy validate: %s: %v\n", path, pathless(err))
			return exitIO
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
		fmt.Fprintf(out, "%s: valid\n", path)
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "piiguard: policy validate: writing the output: %v\n", err)
		return exitIO
	}
	return status
}
