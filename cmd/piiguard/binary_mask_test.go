package main

import (
	"strings"
	"testing"
)

// TestMaskBinaryInputMasked is the regression test of `piiguard mask` on
// an input with a NUL byte in its first 8 KiB: it copied the input
// unchanged, values included, with a note on standard error and exit
// status 0. A log that logrotate's copytruncate left with a run of NUL
// bytes at its start is such an input. mask now masks it as text unless
// --binary skip asks for the copy.
func TestMaskBinaryInputMasked(t *testing.T) {
	truncated := strings.Repeat("\x00", 4096) + "2026-12-05 login jane.doe@example.com ssn 536-22-1234\n"
	code, out, errs := runCLI(t, truncated, "mask")
	if code != 0 || strings.Contains(out, "jane.doe@example.com") || strings.Contains(out, "536-22-1234") || len(out) != len(truncated) {
		t.Errorf("mask: exit %d, stderr %q, output %q", code, errs, out[4096:])
	}
	if !strings.HasPrefix(out, strings.Repeat("\x00", 4096)) {
		t.Errorf("mask changed the NUL bytes")
	}
	// Not asked for: said on standard error (a gzip file piped through
	// would be changed); asked for with --binary scan: not said.
	if !strings.Contains(errs, "piiguard: mask: standard input: binary file masked as text (--binary skip copies it unchanged)") {
		t.Errorf("mask: stderr %q does not say the binary input was masked as text", errs)
	}
	if _, _, errs := runCLI(t, truncated, "mask", "--binary", "scan"); errs != "" {
		t.Errorf("mask --binary scan: stderr %q", errs)
	}
	code, out, errs = runCLI(t, truncated, "mask", "--binary", "skip")
	if code != 0 || out != truncated || !strings.Contains(errs, "binary file passed through unmasked") {
		t.Errorf("mask --binary skip: exit %d, changed %v, stderr %q", code, out != truncated, errs)
	}
}
