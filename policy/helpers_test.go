package policy

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

// base is a valid document with managed and custom identifiers. Its first
// DataIdentifier list spans lines; its second is on one line, so that text
// replacements can target either.
const base = `{
  "Name": "p",
  "Description": "d",
  "Version": "2021-06-01",
  "Configuration": {
    "CustomDataIdentifier": [
      {"Name": "EmployeeId", "Regex": "EmployeeId-\\d{9}"}
    ]
  },
  "Statement": [
    {
      "Sid": "audit",
      "DataIdentifier": [
        "arn:aws:dataprotection::aws:data-identifier/EmailAddress",
        "arn:aws:dataprotection::aws:data-identifier/Ssn-US",
        "EmployeeId"
      ],
      "Operation": {"Audit": {"FindingsDestination": {"S3": {"Bucket": "b"}}}}
    },
    {
      "Sid": "redact",
      "DataIdentifier": ["arn:aws:dataprotection::aws:data-identifier/EmailAddress", "arn:aws:dataprotection::aws:data-identifier/Ssn-US", "EmployeeId"],
      "Operation": {"Deidentify": {"MaskConfig": {}}}
    }
  ]
}`

// Markers in base.
const (
	list0End = `"EmployeeId"
      ],`
	list1End = `"EmployeeId"],`
	stmt1    = `,
    {
      "Sid": "redact",
      "DataIdentifier": ["arn:aws:dataprotection::aws:data-identifier/EmailAddress", "arn:aws:dataprotection::aws:data-identifier/Ssn-US", "EmployeeId"],
      "Operation": {"Deidentify": {"MaskConfig": {}}}
    }`
	cdi         = `{"Name": "EmployeeId", "Regex": "EmployeeId-\\d{9}"}`
	auditOp     = `{"Audit": {"FindingsDestination": {"S3": {"Bucket": "b"}}}}`
	deidentOp   = `{"Deidentify": {"MaskConfig": {}}}`
	findings    = `{"S3": {"Bucket": "b"}}`
	arnSsn      = `arn:aws:dataprotection::aws:data-identifier/Ssn-US`
	arnEmail    = `arn:aws:dataprotection::aws:data-identifier/EmailAddress`
	description = `"Description": "d",`
)

// rep returns doc with the first occurrence of old replaced by new.
func rep(t testing.TB, doc, old, new string) string {
	t.Helper()
	if !strings.Contains(doc, old) {
		t.Fatalf("rep: %q not in document", old)
	}
	return strings.Replace(doc, old, new, 1)
}

// repAll returns doc with every occurrence of old replaced by new.
func repAll(t testing.TB, doc, old, new string) string {
	t.Helper()
	if !strings.Contains(doc, old) {
		t.Fatalf("repAll: %q not in document", old)
	}
	return strings.ReplaceAll(doc, old, new)
}

// withCustoms returns base with n more custom identifiers C0..., declared
// and used.
func withCustoms(t testing.TB, n int) string {
	t.Helper()
	var decl, use []string
	for i := range n {
		decl = append(decl, fmt.Sprintf(`{"Name": "C%d", "Regex": "C%d-\\d+"}`, i, i))
		use = append(use, fmt.Sprintf(`"C%d"`, i))
	}
	doc := rep(t, base, cdi, cdi+", "+strings.Join(decl, ", "))
	doc = rep(t, doc, list0End, `"EmployeeId", `+strings.Join(use, ", ")+"],")
	return rep(t, doc, list1End, `"EmployeeId", `+strings.Join(use, ", ")+"],")
}

// withExt returns base with a PiiGuard member.
func withExt(ext string) string {
	return strings.TrimSuffix(base, "}") + `,
  "PiiGuard": ` + ext + "\n}"
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// errorLines returns err's messages, one per error, or fails.
func errorLines(t testing.TB, err error) []string {
	t.Helper()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T) is not a *ValidationError", err, err)
	}
	var out []string
	for _, fe := range ve.Errors {
		out = append(out, fe.Error())
	}
	return out
}
