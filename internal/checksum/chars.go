package checksum

// seps is a set of separator bytes a format allows between its characters.
type seps uint8

const (
	space  seps = 1 << iota // ' '
	hyphen                  // '-'
	dot                     // '.'
	slash                   // '/'
)

func (s seps) has(c byte) bool {
	switch c {
	case ' ':
		return s&space != 0
	case '-':
		return s&hyphen != 0
	case '.':
		return s&dot != 0
	case '/':
		return s&slash != 0
	}
	return false
}

// badEdges reports whether value is empty or starts or ends with a
// separator in s.
func badEdges(value []byte, s seps) bool {
	return len(value) == 0 || s.has(value[0]) || s.has(value[len(value)-1])
}

// compact copies the ASCII letters and digits of value into buf, upper-casing
// letters and skipping the separators in s. It returns the number of bytes
// copied, or -1 when value is empty, starts or ends with a separator,
// contains any other byte, or has more than len(buf) letters and digits.
func compact(buf, value []byte, s seps) int {
	if badEdges(value, s) {
		return -1
	}
	n := 0
	for _, c := range value {
		switch {
		case isDigit(c), 'A' <= c && c <= 'Z':
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		case s.has(c):
			continue
		default:
			return -1
		}
		if n == len(buf) {
			return -1
		}
		buf[n] = c
		n++
	}
	return n
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isUpper reports whether c is an upper-case ASCII letter. Callers pass
// bytes already upper-cased by compact.
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

func allDigits(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return len(b) > 0
}

// allSame reports whether every byte of b equals the first.
func allSame(b []byte) bool {
	for _, c := range b {
		if c != b[0] {
			return false
		}
	}
	return true
}

// atoi returns the decimal value of the digits in b; b must hold only
// digits and at most 18 of them.
func atoi(b []byte) int64 {
	var n int64
	for _, c := range b {
		n = n*10 + int64(c-'0')
	}
	return n
}

// grouped324 copies the nine digits of a value written as 123456789,
// 123-45-6789 or 123 45 6789 (one separator, used twice) into buf.
func grouped324(buf *[9]byte, value []byte) bool {
	switch len(value) {
	case 9:
		copy(buf[:], value)
	case 11:
		sep := value[3]
		if (sep != '-' && sep != ' ') || value[6] != sep {
			return false
		}
		copy(buf[0:3], value[0:3])
		copy(buf[3:5], value[4:6])
		copy(buf[5:9], value[7:11])
	default:
		return false
	}
	return allDigits(buf[:])
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != '0' {
			return false
		}
	}
	return true
}

// digitsOf copies the ASCII digits of value into buf, skipping every other
// byte, and returns them; digits beyond len(buf) are dropped.
func digitsOf(buf, value []byte) []byte {
	out := buf[:0]
	for _, c := range value {
		if isDigit(c) && len(out) < cap(out) {
			out = append(out, c)
		}
	}
	return out
}

// alnumOf copies the ASCII letters (upper-cased) and digits of value into
// buf, skipping every other byte, and returns them, or nil when there are
// more than fit.
func alnumOf(buf, value []byte) []byte {
	out := buf[:0]
	for _, c := range value {
		switch {
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		case isUpper(c), isDigit(c):
		default:
			continue
		}
		if len(out) == cap(out) {
			return nil
		}
		out = append(out, c)
	}
	return out
}
