// Package tokenerr describes the errors of opening a keyed token
// (mask.Unmask and mask.Detokenize) for a person: what went wrong and at
// which byte, never bytes of the text. The CLI's unmask command and the
// WebAssembly guest report unmask errors with it, so that both say the
// same.
package tokenerr

import (
	"errors"
	"fmt"

	"github.com/piiguard/piiguard/mask"
)

// Describe names the kind of a token error and, when err holds a
// *mask.TokenError, its place: the token's offset plus base (the offset
// of the text unmasked within what the caller reports on, such as a
// line). The detail an error may wrap is left out.
func Describe(err error, base int64) string {
	what := "token could not be opened"
	switch {
	case errors.Is(err, mask.ErrTokenAuth):
		what = "token failed authentication (wrong key or altered token)"
	case errors.Is(err, mask.ErrTokenVersion):
		what = "token of an unsupported version"
	case errors.Is(err, mask.ErrTokenMalformed):
		what = "malformed token"
	}
	var te *mask.TokenError
	if errors.As(err, &te) {
		return fmt.Sprintf("token at byte %d: %s", base+int64(te.Offset), what)
	}
	return what
}
