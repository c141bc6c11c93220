package policy

import (
	"fmt"
	"strings"
	"testing"
)

// jsonList writes n JSON strings made by f.
func jsonList(n int, f func(i int) string) string {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf("%q", f(i))
	}
	return "[" + strings.Join(items, ",") + "]"
}

// TestIssue12_PolicyLimits: every size a PiiGuard member can carry has a
// limit, enforced with an error that names the field and the limit and
// never repeats a value.
func TestIssue12_PolicyLimits(t *testing.T) {
	secret := "sekrit-4929381265481006"
	tests := []struct{ name, ext, want string }{
		{"keywords of an identifier",
			`{"Identifiers": {"Ssn-US": {"Keywords": ` + jsonList(MaxKeywords+1, func(i int) string { return fmt.Sprintf("%s%d", secret, i) }) + `}}}`,
			"PiiGuard.Identifiers.Ssn-US.Keywords: has 101 keywords; the limit is 100"},
		{"keyword characters of the policy",
			`{"Identifiers": {"Ssn-US": {"Keywords": ` + jsonList(MaxKeywords, func(i int) string { return fmt.Sprintf("%s%03d%s", secret, i, strings.Repeat("k", 70)) }) + `},
			  "EmailAddress": {"Keywords": ` + jsonList(MaxKeywords, func(i int) string { return fmt.Sprintf("%s%03d%s", secret, i, strings.Repeat("m", 70)) }) + `}}}`,
			"PiiGuard.Identifiers.EmailAddress.Keywords[4]: brings the keywords of the policy to 10080 characters; the limit is 10000"},
		{"values of an allow list",
			`{"AllowList": {"Values": ` + jsonList(MaxAllowValues+1, func(i int) string { return fmt.Sprintf("%s%d", secret, i) }) + `}}`,
			"PiiGuard.AllowList.Values: has 1001 entries; the limit is 1000"},
		{"patterns of an allow list",
			`{"AllowList": {"Patterns": ` + jsonList(MaxAllowPatterns+1, func(i int) string { return fmt.Sprintf("%s%d", secret, i) }) + `}}`,
			"PiiGuard.AllowList.Patterns: has 51 entries; the limit is 50"},
		{"patterns of the policy",
			`{"AllowList": {"Patterns": ` + jsonList(50, func(i int) string { return fmt.Sprintf("a%d", i) }) + `},
			  "Identifiers": {"Ssn-US": {"AllowList": {"Patterns": ` + jsonList(50, func(i int) string { return fmt.Sprintf("b%d", i) }) + `}},
			  "EmailAddress": {"AllowList": {"Patterns": ` + jsonList(50, func(i int) string { return fmt.Sprintf("c%d", i) }) + `}},
			  "EmployeeId": {"AllowList": {"Patterns": ` + jsonList(50, func(i int) string { return fmt.Sprintf("d%d", i) }) + `}},
			  "Ticket": {"AllowList": {"Patterns": ["e"]}}}}`,
			"PiiGuard.Identifiers.Ticket.AllowList.Patterns: brings the allow-list patterns of the policy to 201 in all; the limit is 200"},
		{"size of an allow-list pattern",
			`{"AllowList": {"Patterns": ["` + secret + `[a-z]{1000}[0-9]{1000}[a-f]{1000}[0-7]{1000}[A-Z]{1000}[A-F]{1000}"]}}`,
			"PiiGuard.AllowList.Patterns[0]: compiles to 6"},
		{"invalid allow-list pattern",
			`{"AllowList": {"Patterns": ["` + secret + `("]}}`,
			"PiiGuard.AllowList.Patterns[0]: invalid regular expression: missing closing )"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseExtended([]byte(withExt(tt.ext)))
			if err == nil {
				t.Fatal("accepted")
			}
			got := strings.Join(errorLines(t, err), "\n")
			if !strings.Contains(got, tt.want) {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if strings.Contains(err.Error(), "sekrit") {
				t.Errorf("the error repeats a value: %s", err)
			}
		})
	}
}
