package checksum

// verhoeffD is the multiplication table of the dihedral group D5.
var verhoeffD = [10][10]uint8{
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
	{1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
	{2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
	{3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
	{4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
	{5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
	{6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
	{7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
	{8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
	{9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
}

// verhoeffP is the position permutation table.
var verhoeffP = [8][10]uint8{
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
	{1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
	{5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
	{8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
	{9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
	{4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
	{2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
	{7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
}

// Verhoeff reports whether value is a string of at least two digits ending in
// its Verhoeff check digit (dihedral group D5).
//
// Spaces and hyphens between digits are ignored.
func Verhoeff(value []byte) bool {
	if badEdges(value, space|hyphen) {
		return false
	}
	c, n := uint8(0), 0
	for i := len(value) - 1; i >= 0; i-- {
		ch := value[i]
		if ch == ' ' || ch == '-' {
			continue
		}
		if !isDigit(ch) {
			return false
		}
		c = verhoeffD[c][verhoeffP[n%8][ch-'0']]
		n++
	}
	return n >= 2 && c == 0
}
