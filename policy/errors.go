package policy

import (
	"fmt"
	"sort"
	"strings"
)

// FieldError is one rule a document breaks.
type FieldError struct {
	// Path is the JSON path of the offending value, such as
	// "Statement[1].DataIdentifier[3]" or "PiiGuard.Identifiers.Ssn-US.Mask";
	// "" for the document as a whole.
	Path string
	// Msg states the rule that is broken.
	Msg string
	// Offset is the byte offset, in the input the error was found in, of
	// the offending value (of the enclosing object for a missing field).
	Offset int64
	// Err is the underlying error when there is one (for instance an
	// identifiers.ErrCustomName from identifiers.NewCustom), for errors.Is.
	Err error
}

// Error returns "Path: Msg", or Msg alone for the document as a whole.
func (e FieldError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

// Unwrap returns Err.
func (e FieldError) Unwrap() error { return e.Err }

// ValidationError lists every rule a policy document breaks, in document
// order. Parse, ParseExtended and ParseWithSidecar return it for documents
// that are well-formed JSON but not valid policies.
type ValidationError struct {
	Errors []FieldError
}

// Error returns the errors, one per line.
func (e *ValidationError) Error() string {
	var b strings.Builder
	for i, fe := range e.Errors {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(fe.Error())
	}
	return b.String()
}

// Unwrap returns the underlying errors of the items that have one, so that
// errors.Is(err, identifiers.ErrCustomName) works on the whole error.
func (e *ValidationError) Unwrap() []error {
	var out []error
	for _, fe := range e.Errors {
		if fe.Err != nil {
			out = append(out, fe.Err)
		}
	}
	return out
}

// SyntaxError reports input that is not well-formed JSON (or not UTF-8).
type SyntaxError struct {
	// Source is "" for the policy document and "sidecar" for a sidecar
	// extension document.
	Source string
	// Offset is the 0-based byte offset of the offending byte (the length
	// of the input when it ends too early).
	Offset int64
	// Line and Column (in characters) are 1-based.
	Line, Column int
	// Msg describes the problem.
	Msg string
}

// Error returns "line L, column C (byte offset O): Msg", prefixed with the
// source for a sidecar.
func (e *SyntaxError) Error() string {
	prefix := "policy document"
	if e.Source != "" {
		prefix = e.Source
	}
	return fmt.Sprintf("%s: invalid JSON at line %d, column %d (byte offset %d): %s", prefix, e.Line, e.Column, e.Offset, e.Msg)
}

// checker collects field errors.
type checker struct {
	errs []FieldError
	// keywordChars and allowPatterns add up the policy's keywords
	// (characters) and allow-list patterns, for their limits.
	keywordChars  int
	allowPatterns int
}

func (c *checker) add(off int64, path, msg string) {
	c.errs = append(c.errs, FieldError{Path: path, Msg: msg, Offset: off})
}

func (c *checker) addf(off int64, path, format string, args ...any) {
	c.add(off, path, fmt.Sprintf(format, args...))
}

func (c *checker) addErr(off int64, path, msg string, err error) {
	c.errs = append(c.errs, FieldError{Path: path, Msg: msg, Offset: off, Err: err})
}

// err returns the collected errors sorted by offset, or nil.
func (c *checker) err() error {
	if len(c.errs) == 0 {
		return nil
	}
	errs := append([]FieldError(nil), c.errs...)
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Offset < errs[j].Offset })
	return &ValidationError{Errors: errs}
}
