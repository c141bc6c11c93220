package mask_test

import (
	"strings"
	"testing"

	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/mask"
)

// maskOne masks the whole of value as one finding of identifier id.
func maskOne(m mask.Masker, id, value string) string {
	return string(m.AppendMask(nil, []byte(value), detector.Finding{Identifier: id, Start: 0, End: len(value)}))
}

func TestFixed(t *testing.T) {
	tests := []struct {
		char  rune
		value string
		want  string
	}{
		{'#', "123-45-6789", "###########"},
		{'*', "jane@example.com", "****************"},
		{0, "abc", "***"},            // zero means '*'
		{-1, "abc", "***"},           // invalid means '*'
		{0xD800, "abc", "***"},       // surrogate is invalid
		{'•', "abcd", "••••"},        // multi-byte mask character
		{'x', "Zoë", "xxx"},          // counted in runes
		{'x', "日本語", "xxx"},          // counted in runes
		{'x', "a\xffb", "xxx"},       // an invalid byte counts as one
		{'x', "", ""},                // empty value
		{'X', "a b\tc\n", "XXXXX\n"}, // separators are masked too, line breaks kept
	}
	for _, tt := range tests {
		if got := maskOne(mask.Fixed(tt.char), "X", tt.value); got != tt.want {
			t.Errorf("Fixed(%q) on %q = %q, want %q", tt.char, tt.value, got, tt.want)
		}
	}
}

func TestFixedMatchesAsterisk(t *testing.T) {
	for _, v := range []string{"", "a", "123-45-6789", "Zoë \xff日本"} {
		if got, want := maskOne(mask.Fixed('*'), "X", v), maskOne(mask.Asterisk, "X", v); got != want {
			t.Errorf("Fixed('*') on %q = %q, Asterisk gives %q", v, got, want)
		}
	}
}

func TestRedact(t *testing.T) {
	for _, v := range []string{"", "x", "123-45-6789", "日本"} {
		if got := maskOne(mask.Redact, "Ssn-US", v); got != "" {
			t.Errorf("Redact on %q = %q, want empty", v, got)
		}
	}
	got := mask.String("a=1234567 b", []detector.Finding{{Identifier: "X", Start: 2, End: 9}}, mask.Redact)
	if got != "a= b" {
		t.Errorf("Redact in text = %q", got)
	}
}

func TestPartial(t *testing.T) {
	tests := []struct {
		p     mask.Partial
		value string
		want  string
	}{
		// Card: last four kept, spaces kept.
		{mask.Partial{KeepLast: 4}, "4111 1111 1111 1234", "**** **** **** 1234"},
		{mask.Partial{KeepLast: 4}, "4111111111111234", "************1234"},
		// SSN: 9 digits, 4 kept (8 < 9).
		{mask.Partial{KeepLast: 4, Char: 'X'}, "123-45-6789", "XXX-XX-6789"},
		// First and last.
		{mask.Partial{KeepFirst: 2, KeepLast: 2}, "AB12-3456-CD", "AB**-****-CD"},
		{mask.Partial{KeepFirst: 1}, "jane.doe@example.com", "j***.***@*******.***"},
		// Nothing kept: letters and digits masked, separators kept.
		{mask.Partial{}, "123-45-6789", "***-**-****"},
		{mask.Partial{KeepFirst: -3, KeepLast: -1}, "12-34", "**-**"},
		// Too short: keep*2 >= alnum count masks every character.
		{mask.Partial{KeepLast: 4}, "12345678", "********"},
		{mask.Partial{KeepLast: 4}, "1234-5678", "*********"},
		{mask.Partial{KeepLast: 4}, "1234", "****"},
		{mask.Partial{KeepLast: 4}, "12", "**"},
		{mask.Partial{KeepFirst: 2, KeepLast: 2}, "12345678", "********"},
		{mask.Partial{KeepFirst: 2, KeepLast: 2}, "123456789", "12*****89"},
		{mask.Partial{KeepFirst: 1 << 62, KeepLast: 1 << 62}, "123456789", "*********"},
		{mask.Partial{KeepLast: 1}, "", ""},
		{mask.Partial{}, "--", "**"}, // no data characters at all
		// Unicode letters and digits are data; other runes are separators.
		{mask.Partial{KeepLast: 2}, "Zoë Åström", "*** ****öm"},
		{mask.Partial{KeepLast: 1, Char: '•'}, "١٢٣-٤٥٦", "•••-••٦"},
		// Invalid bytes are data and never kept.
		{mask.Partial{KeepLast: 1}, "ab\xffcd\xff", "******"},
		{mask.Partial{KeepFirst: 1}, "\xffbcdef", "******"},
	}
	for _, tt := range tests {
		if got := maskOne(tt.p, "X", tt.value); got != tt.want {
			t.Errorf("%+v on %q = %q, want %q", tt.p, tt.value, got, tt.want)
		}
	}
}

func TestPlaceholder(t *testing.T) {
	tests := []struct {
		template, id, want string
	}{
		{"", "Ssn-US", "{Ssn-US}"},
		{"", "EmployeeId_1", "{EmployeeId_1}"},
		{"{identifier}", "Name", "Name"},
		{"[REDACTED]", "Name", "[REDACTED]"},
		{"<{identifier}:{identifier}>", "IpAddress", "<IpAddress:IpAddress>"},
		{"{ident}{identifier}}", "X", "{ident}X}"},
		{"{Identifier}", "X", "{Identifier}"}, // case matters
		// "{name}", the deprecated spelling policy documents used, is
		// replaced too.
		{"<{name}>", "Ssn-US", "<Ssn-US>"},
		{"{{name}}", "Ssn-US", "{Ssn-US}"},
		{"{name}/{identifier}", "X", "X/X"},
		{"{nam{name}e}", "X", "{namXe}"},
		{"{Name} {identifier", "X", "{Name} {identifier"},
		{"{", "X", "{"},
		// Names outside CloudWatch's charset are written safely.
		{"", "bad name\n\"x\"", "{bad_name__x_}"},
		{"", "", "{_}"},
		{"", strings.Repeat("a", 200), "{" + strings.Repeat("a", 128) + "}"},
	}
	for _, tt := range tests {
		if got := maskOne(mask.Placeholder(tt.template), tt.id, "secret-value"); got != tt.want {
			t.Errorf("Placeholder(%q) for %q = %q, want %q", tt.template, tt.id, got, tt.want)
		}
	}
}

func TestSafeIdentifier(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ssn-US", "Ssn-US"},
		{"EmployeeId_1", "EmployeeId_1"},
		{"", "_"},
		{"a:b>c", "a_b_c"},
		{"日本", "__"},
		{"a\xffb", "a_b"},
		{"quote\"back\\slash\r\n", "quote_back_slash__"},
		{strings.Repeat("x", 129), strings.Repeat("x", 128)},
		{strings.Repeat("é", 129), strings.Repeat("_", 128)},
	}
	for _, tt := range tests {
		if got := mask.SafeIdentifier(tt.in); got != tt.want {
			t.Errorf("SafeIdentifier(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestMaskersAppend checks that every masker appends to dst and leaves
// what dst held.
func TestMaskersAppend(t *testing.T) {
	h, tk := testHash(t, mask.HashOptions{}), testTokenizer(t)
	for name, m := range map[string]mask.Masker{
		"Fixed": mask.Fixed('x'), "Partial": mask.Partial{KeepLast: 2},
		"Placeholder": mask.Placeholder(""), "Redact": mask.Redact,
		"Hash": h, "Tokenizer": tk,
	} {
		dst := []byte("prefix:")
		got := m.AppendMask(dst, []byte("123456789"), detector.Finding{Identifier: "Ssn-US"})
		if !strings.HasPrefix(string(got), "prefix:") {
			t.Errorf("%s: AppendMask lost dst: %q", name, got)
		}
	}
}
