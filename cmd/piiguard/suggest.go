package main

import (
	"strings"
)

// didYouMean returns ` (did you mean PREFIX+NAME?)` for the name among
// names nearest to got, compared without case, when it is near enough: at
// most a third of its letters differ (at least 2 may). It returns "" when
// no name is near.
func didYouMean(got string, names []string, prefix string) string {
	if n := nearest(got, names); n != "" {
		return " (did you mean " + prefix + n + "?)"
	}
	return ""
}

// nearest returns the name in names nearest to got (case-insensitive edit
// distance), or "" when none is near enough. A name that got is the only
// prefix of (--key for --key-file) is nearest.
func nearest(got string, names []string) string {
	g := strings.ToLower(got)
	prefixOf := ""
	for _, n := range names {
		if len(g) >= 2 && strings.HasPrefix(strings.ToLower(n), g) {
			if prefixOf != "" {
				prefixOf = ""
				break
			}
			prefixOf = n
		}
	}
	if prefixOf != "" {
		return prefixOf
	}
	best, bestD := "", -1
	for _, n := range names {
		d := editDistance(g, strings.ToLower(n))
		if bestD < 0 || d < bestD {
			best, bestD = n, d
		}
	}
	if bestD < 0 || bestD > max(2, len(g)/3) {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
