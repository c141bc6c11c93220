package identifiers

import "strings"

// validDate accepts a date written as three numeric fields (in Y-M-D, D-M-Y
// or M-D-Y order) or with a month name, when some reading of it is a real
// calendar date with a year from 1900 to 2099 (two-digit years accepted).
func validDate(v []byte) bool {
	var nums [3]int
	var widths [3]int
	n, monthName := 0, 0
	for i := 0; i < len(v); {
		c := v[i]
		switch {
		case c >= '0' && c <= '9':
			if n == 3 {
				return false
			}
			x, w := 0, 0
			for i < len(v) && v[i] >= '0' && v[i] <= '9' {
				x = x*10 + int(v[i]-'0')
				w++
				i++
			}
			if w > 4 {
				return false
			}
			nums[n], widths[n] = x, w
			n++
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			j := i
			for j < len(v) && (v[j] >= 'A' && v[j] <= 'Z' || v[j] >= 'a' && v[j] <= 'z') {
				j++
			}
			if m := monthIndex(string(v[i:j])); m > 0 {
				monthName = m
			}
			i = j
		default:
			i++
		}
	}
	if monthName > 0 {
		// Day and year around a month name.
		if n != 2 {
			return false
		}
		d, y := nums[0], nums[1]
		if widths[0] == 4 {
			d, y = nums[1], nums[0]
		}
		return calendar(fullYear(y, 4), monthName, d)
	}
	if n != 3 {
		return false
	}
	if widths[0] == 4 {
		return calendar(nums[0], nums[1], nums[2])
	}
	y := fullYear(nums[2], widths[2])
	return calendar(y, nums[1], nums[0]) || calendar(y, nums[0], nums[1])
}

func fullYear(y, width int) int {
	if width <= 2 {
		return 1900 + y // 2-digit years: any century reading is plausible
	}
	return y
}

func calendar(y, m, d int) bool {
	if y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

var months = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// monthIndex returns 1-12 for an English month name or abbreviation.
func monthIndex(s string) int {
	s = strings.ToLower(s)
	if len(s) < 3 {
		return 0
	}
	for i, m := range months {
		if strings.HasPrefix(s, m) {
			return i + 1
		}
	}
	return 0
}
