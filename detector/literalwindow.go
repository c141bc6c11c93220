package detector

import (
	"github.com/piiguard/piiguard/internal/prefilter"
)

// addWindow adds the window in which a match of cp near [start, end) can lie:
// a match touching the span extended by gap bytes on each side.
func (d *Detector) addWindow(s *scratch, cp *compiledPattern, start, end, n, gap int) {
	lo, hi := 0, n
	if max := cp.info.MaxLen; max != prefilter.Unbounded {
		lo = start - gap - max
		hi = end + gap + max
		if lo < 0 {
			lo = 0
		}
		if hi > n {
			hi = n
		}
	}
	s.addWindow(cp.index, lo, hi)
}

// addLiteralWindow adds the window in which a match of cp containing the
// literal at [start, end) can lie. When the pattern's matches are made of a
// narrow byte class, the window is only the run of that class around the
// literal (an email address is the run of address characters around '@').
func (d *Detector) addLiteralWindow(s *scratch, cp *compiledPattern, text []byte, start, end int) {
	info := cp.info
	if info.AllowedAll {
		d.addWindow(s, cp, start, end, len(text), 0)
		return
	}
	// A literal inside the last window of the pattern adds nothing: that
	// window already is the whole run around it. (Without this check a flood
	// of literals in one long run costs quadratic time.)
	if ws := s.windows[cp.index]; len(ws) > 0 {
		if last := ws[len(ws)-1]; start >= last.start && end <= last.end && runCovers(info, text, last) {
			return
		}
	}
	lo, hi := start, end
	minLo, maxHi := 0, len(text)
	if info.MaxLen != prefilter.Unbounded {
		minLo, maxHi = max(0, start-info.MaxLen), min(len(text), end+info.MaxLen)
	}
	lo, hi = runStart(&info.Allowed, text, minLo, lo), runEnd(&info.Allowed, text, hi, maxHi)
	if hi-lo >= info.MinLen {
		s.addWindow(cp.index, lo, hi)
	}
}

// runCovers reports whether window w was expanded to a whole run of the
// pattern's class: it cannot grow, so a literal inside it needs no window of
// its own. Windows bounded by MaxLen, or grown by merging with another
// trigger's window, may not be whole runs; they are expanded again.
func runCovers(info *prefilter.Info, text []byte, w window) bool {
	if info.MaxLen != prefilter.Unbounded {
		return false
	}
	return (w.start == 0 || !info.Allowed[text[w.start-1]]) && (w.end == len(text) || !info.Allowed[text[w.end]])
}

// runStart returns where the run of allowed bytes that ends at text[i]
// starts, looking back no further than lo.
func runStart(allowed *[256]bool, text []byte, lo, i int) int {
	b := text[lo:i]
	k := len(b)
	for k > 0 && allowed[b[k-1]] {
		k--
	}
	return lo + k
}

// runEnd returns where the run of allowed bytes that starts at text[i]
// ends, looking no further than hi.
func runEnd(allowed *[256]bool, text []byte, i, hi int) int {
	for _, c := range text[i:hi] {
		if !allowed[c] {
			break
		}
		i++
	}
	return i
}
