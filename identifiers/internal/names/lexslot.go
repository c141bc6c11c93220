package names

// Lex slot values as context.
//
// Amazon Lex V2 writes a slot's value into its conversation log as
//
//	"slots": {"FullName": {"shape": "Scalar", "value": {"originalValue": "Ada Quist",
//	    "interpretedValue": "Ada Quist", "resolvedValues": ["Ada Quist"]}}}
//
// (in sessionState.intent.slots, interpretations[].intent.slots,
// transcriptions[].resolvedSlots and dialogEventLogs[].nextStep.intent.slots
// alike). The slot's name, which says what the value is, stands two objects
// out and often more than a line's cue window before the value, behind
// "shape" and the other value fields. lexSlotName reads that structure
// backwards from the value, and classifySlot judges the name the way a reader
// would: FirstName, LastName, FullName, customer_name, Surname (slots of the
// AMAZON.FirstName and AMAZON.LastName types are named so), but not
// ProductName or CityName.

// lexSlotLookback bounds how far before a value the slot's name is looked
// for: the other value fields of the slot and its "shape" member.
const lexSlotLookback = 320

// lexValueKeys are the members of a Lex slot's "value" object that hold
// what the user said or what Lex resolved it to.
var lexValueKeys = []string{"originalvalue", "interpretedvalue", "resolvedvalues"}

// lexSlotName returns the name of the Lex slot whose value field the JSON
// string starting at text[s] (just after its opening quote) is, or nil.
// It reads text[lo:s] only, lo being at most lexSlotLookback bytes before
// s on the same line.
func lexSlotName(text []byte, s int) []byte {
	lo := s
	for lo > 0 && s-lo < lexSlotLookback && text[lo-1] != '\n' {
		lo--
	}
	i := s - 1 // the value's opening quote
	if i < lo || text[i] != '"' {
		return nil
	}
	i = skipSpaceBack(text, lo, i)
	if i > lo && text[i-1] == '[' { // resolvedValues: ["…"]
		i = skipSpaceBack(text, lo, i-1)
	}
	key, ks := memberKeyBefore(text, lo, i)
	if key == nil || !foldIn(key, lexValueKeys) {
		return nil
	}
	// The "value" object around it, then the slot's object around that.
	open := enclosingObject(text, lo, ks)
	if open < 0 {
		return nil
	}
	if key, ks = memberKeyBefore(text, lo, open); key == nil || !foldIn(key, []string{"value"}) {
		return nil
	}
	if open = enclosingObject(text, lo, ks); open < 0 {
		return nil
	}
	name, _ := memberKeyBefore(text, lo, open)
	return name
}

// skipSpaceBack returns i moved back over white space, not below lo.
func skipSpaceBack(text []byte, lo, i int) int {
	for i > lo && (text[i-1] == ' ' || text[i-1] == '\t' || text[i-1] == '\r') {
		i--
	}
	return i
}

// memberKeyBefore reads `"key":` ending just before text[i] (white space
// allowed around the colon) and returns the key and the offset of its
// opening quote.
func memberKeyBefore(text []byte, lo, i int) ([]byte, int) {
	i = skipSpaceBack(text, lo, i)
	if i <= lo || text[i-1] != ':' {
		return nil, 0
	}
	i = skipSpaceBack(text, lo, i-1)
	if i <= lo || text[i-1] != '"' {
		return nil, 0
	}
	end := i - 1
	j := end
	for j > lo && text[j-1] != '"' {
		if text[j-1] == '\\' || end-j > 64 {
			return nil, 0 // an escape or a long key: no slot or field name
		}
		j--
	}
	if j <= lo {
		return nil, 0
	}
	return text[j:end], j - 1
}

// enclosingObject returns the offset of the '{' that opens the object
// holding text[i], walking back over balanced members, or -1 when it is
// not within text[lo:i] or an array holds text[i].
func enclosingObject(text []byte, lo, i int) int {
	depth := 0
	for j := i - 1; j >= lo; j-- {
		switch text[j] {
		case '"':
			// Skip the string back to its opening quote (a quote after an
			// odd number of backslashes is escaped).
			for j--; j >= lo; j-- {
				if text[j] != '"' {
					continue
				}
				b := 0
				for k := j - 1; k >= lo && text[k] == '\\'; k-- {
					b++
				}
				if b%2 == 0 {
					break
				}
			}
			if j < lo {
				return -1
			}
		case '}', ']':
			depth++
		case '[':
			if depth == 0 {
				return -1
			}
			depth--
		case '{':
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return -1
}

// foldIn reports whether key, lower-cased in ASCII, is one of list.
func foldIn(key []byte, list []string) bool {
	for _, c := range list {
		if len(c) == len(key) && startsWithFold(key, c) {
			return true
		}
	}
	return false
}

// nameSlotWords are slot names (folded: lower case, no '_', '-' or space)
// that hold a person's name without ending in "name".
var nameSlotWords = map[string]bool{
	"first": true, "last": true, "given": true, "family": true, "middle": true, "forename": true,
	"person": true, "caller": true, "customer": true, "patient": true, "contact": true, "guest": true,
	"passenger": true, "employee": true, "cardholder": true, "accountholder": true, "beneficiary": true,
	"recipient": true, "sender": true, "driver": true, "applicant": true, "member": true, "student": true,
	"spouse": true, "guardian": true, "name": true, "nameofcaller": true, "whoiscalling": true,
}

// slotKind says what a slot name tells of its value.
type slotKind int8

const (
	slotOther     slotKind = iota
	slotPerson             // FirstName, customer_name
	slotNotPerson          // ProductName, City
)

// classifySlot reports whether a slot name says its value is a person's
// name, something else that is named like one, or neither.
func classifySlot(name []byte) slotKind {
	var buf [64]byte
	f := buf[:0]
	for _, c := range name {
		switch {
		case c >= 'A' && c <= 'Z':
			f = append(f, c+'a'-'A')
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			f = append(f, c)
		case c == '_' || c == '-' || c == ' ' || c == '.':
		default:
			return slotOther
		}
		if len(f) == len(buf) {
			return slotOther
		}
	}
	s := string(f)
	if len(s) > 5 && s[len(s)-5:] == "names" {
		s = s[:len(s)-1]
	}
	for _, lists := range [][]string{notPersonNames, notPersonFields} {
		for _, n := range lists {
			if foldedEqual(n, s) {
				return slotNotPerson
			}
		}
	}
	if nameSlotWords[s] || len(s) > 4 && s[len(s)-4:] == "name" {
		return slotPerson
	}
	return slotOther
}

// foldedEqual reports whether the cue c, without '_' and spaces, is s.
func foldedEqual(c, s string) bool {
	j := 0
	for i := 0; i < len(c); i++ {
		if c[i] == '_' || c[i] == ' ' {
			continue
		}
		if j >= len(s) || c[i] != s[j] {
			return false
		}
		j++
	}
	return j == len(s)
}
