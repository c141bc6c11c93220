package main

import (
	"fmt"
	"runtime/debug"
)

// cmdVersion prints the module version and the commit piiguard was built
// from, as the Go toolchain recorded them (runtime/debug.BuildInfo).
func cmdVersion(e *env, args []string) error {
	cmd := lookupCommand("version")
	fs := newFlagSet(cmd)
	files, err := parseFlags(fs, cmd, args)
	if err != nil {
		return err
	}
	if len(files) > 0 {
		return usagef("version: unexpected argument %q", files[0])
	}
	_, err = fmt.Fprintln(e.stdout, versionLine())
	return err
}

// versionLine is "piiguard VERSION (commit REV, DATE[, modified]) GO".
func versionLine() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "piiguard (unknown version: built without module information)"
	}
	line := "piiguard " + moduleVersion()
	var rev, at, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev != "" {
		line += " (commit " + rev
		if at != "" {
			line += ", " + at
		}
		if modified == "true" {
			line += ", with uncommitted changes"
		}
		line += ")"
	}
	return line + " " + bi.GoVersion
}

// moduleVersion is the main module's version: a tag such as v1.2.0 for
// `go install ...@v1.2.0`, a pseudo-version, or "(devel)" for a build from
// a checkout.
func moduleVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" {
		return "(devel)"
	}
	return bi.Main.Version
}
