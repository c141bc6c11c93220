package checksum

// Date reports whether value is a date written as three numeric fields (in
// Y-M-D, D-M-Y or M-D-Y order) or with an English month name or
// abbreviation, when some reading of it is a real calendar date with a year
// from 1900 to 2099 (two-digit years read as 19xx). Bytes other than ASCII
// letters and digits separate the fields.
func Date(value []byte) bool {
	var nums [3]int
	var widths [3]int
	n, monthName := 0, 0
	for i := 0; i < len(value); {
		c := value[i]
		switch {
		case isDigit(c):
			if n == 3 {
				return false
			}
			x, w := 0, 0
			for i < len(value) && isDigit(value[i]) {
				x = x*10 + int(value[i]-'0')
				w++
				i++
			}
			if w > 4 {
				return false
			}
			nums[n], widths[n] = x, w
			n++
		case isLetter(c):
			j := i
			for j < len(value) && isLetter(value[j]) {
				j++
			}
			if m := monthIndex(value[i:j]); m > 0 {
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

func isLetter(c byte) bool { return isUpper(c) || 'a' <= c && c <= 'z' }

// fullYear reads a year of width digits: two-digit years as 19xx.
func fullYear(y, width int) int {
	if width <= 2 {
		return 1900 + y // 2-digit years: any century reading is plausible
	}
	return y
}

// calendar reports whether y-m-d is a date from 1900 to 2099.
func calendar(y, m, d int) bool {
	return y >= 1900 && y <= 2099 && validDate(y, m, d)
}

// months are the first three letters of the English month names.
const months = "janfebmaraprmayjunjulaugsepoctnovdec"

// monthIndex returns 1-12 when word, ASCII letters, is an English month
// name or abbreviation (its first three letters, in any case, name the
// month), or 0.
func monthIndex(word []byte) int {
	if len(word) < 3 {
		return 0
	}
	var w [3]byte
	for i := range w {
		w[i] = word[i] | 0x20 // ASCII letters only: lower case
	}
	for i := 0; i < len(months); i += 3 {
		if string(w[:]) == months[i:i+3] {
			return i/3 + 1
		}
	}
	return 0
}
