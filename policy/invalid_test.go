package policy

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/piiguard/piiguard/identifiers"
)

const regexCharsetMsg = `not allowed; CloudWatch allows letters, digits, space, _ # = @ / ; , - and the regex characters ^ $ ? [ ] { } | \ * + .`

// TestParseInvalid breaks one documented rule per case and checks every
// error: its path and its message.
func TestParseInvalid(t *testing.T) {
	// A document of exactly n characters, by padding the Description.
	sized := func(n int) string {
		pad := n - utf8.RuneCountInString(base)
		return rep(t, base, description, `"Description": "d`+strings.Repeat("x", pad)+`",`)
	}
	long := strings.Repeat("A", 129)

	tests := []struct {
		name string
		doc  string
		want []string
	}{
		// Document.
		{"not an object", `[]`, []string{"document must be a JSON object, not an array"}},
		{"too long", sized(MaxDocumentChars + 1), []string{"document is 30721 characters; CloudWatch's limit is 30720"}},
		{"unknown top-level field", rep(t, base, description, `"Tags": {},`),
			[]string{"Tags: unknown field (allowed: Name, Description, Version, Statement, Configuration)"}},
		{"key in the wrong case", rep(t, base, description, `"description": "d",`),
			[]string{`description: unknown field; did you mean "Description"? (keys are case-sensitive)`}},
		{"duplicate key", rep(t, base, `"Name": "p",`, `"Name": "p", "Name": "q",`), []string{"Name: duplicate key"}},
		{"extension in a CloudWatch document", withExt(`{}`),
			[]string{"PiiGuard: unknown field: piiguard extensions are not part of CloudWatch's policy language; parse with ParseExtended, and upload CloudWatchJSON's output to CloudWatch"}},

		// Name, Description, Version.
		{"missing Name", rep(t, base, `"Name": "p",`, ""), []string{"Name: required"}},
		{"Name not a string", rep(t, base, `"Name": "p"`, `"Name": 7`), []string{"Name: must be a string, not a number"}},
		{"empty Name", rep(t, base, `"Name": "p"`, `"Name": ""`), []string{"Name: must not be empty"}},
		{"Description null", rep(t, base, `"Description": "d"`, `"Description": null`), []string{"Description: must be a string, not null"}},
		{"missing Version", rep(t, base, `"Version": "2021-06-01",`, ""), []string{"Version: required"}},
		{"wrong Version", rep(t, base, `"2021-06-01"`, `"2012-10-17"`),
			[]string{`Version: must be "2021-06-01", the only version of the policy language, not "2012-10-17"`}},

		// Statement structure.
		{"missing Statement", base[:strings.Index(base, `,
  "Statement"`)] + "}", []string{"Statement: required"}},
		{"Statement not an array", base[:strings.Index(base, `"Statement"`)] + `"Statement": {}}`,
			[]string{"Statement: must be an array, not an object"}},
		{"one statement", rep(t, base, stmt1, ""),
			[]string{"Statement: must have exactly 2 statements, the Audit statement then the Deidentify statement; has 1"}},
		{"three statements", rep(t, base, stmt1, stmt1+stmt1),
			[]string{"Statement: must have exactly 2 statements, the Audit statement then the Deidentify statement; has 3"}},
		{"statement not an object", rep(t, base, "\n    {\n      \"Sid\": \"audit\"", "\n    \"audit\", {\"x\": 1"),
			nil}, // replaced below
		{"unknown statement field", rep(t, base, `"Sid": "audit",`, `"Sid": "audit", "Effect": "Allow",`),
			[]string{"Statement[0].Effect: unknown field (allowed: Sid, DataIdentifier, Operation)"}},
		{"Sid not a string", rep(t, base, `"Sid": "audit"`, `"Sid": ["audit"]`), []string{"Statement[0].Sid: must be a string, not an array"}},

		// Operation.
		{"missing Operation", rep(t, base, `,
      "Operation": `+auditOp, ""), []string{"Statement[0].Operation: required"}},
		{"empty Operation", rep(t, base, auditOp, `{}`),
			[]string{`Statement[0].Operation: must have exactly one key, "Audit" or "Deidentify"; has none`}},
		{"Operation with both keys", rep(t, base, auditOp, `{"Audit": {"FindingsDestination": {}}, "Deidentify": {"MaskConfig": {}}}`),
			[]string{`Statement[0].Operation: must have exactly one key, "Audit" or "Deidentify"; has both`}},
		{"Deny operation", rep(t, base, deidentOp, `{"Deny": {}}`),
			[]string{"Statement[1].Operation.Deny: unknown field (allowed: Audit, Deidentify)"}},
		{"statements swapped", rep(t, rep(t, rep(t, base, auditOp, "@@"), deidentOp, auditOp), "@@", deidentOp),
			[]string{
				"Statement[0].Operation: the first statement must be the Audit statement, not Deidentify",
				"Statement[1].Operation: the second statement must be the Deidentify statement, not Audit",
			}},
		{"Audit without FindingsDestination", rep(t, base, auditOp, `{"Audit": {}}`),
			[]string{"Statement[0].Operation.Audit.FindingsDestination: required"}},
		{"FindingsDestination null", rep(t, base, findings, `null`),
			[]string{"Statement[0].Operation.Audit.FindingsDestination: must be an object, not null"}},
		{"unknown findings destination", rep(t, base, findings, `{"Kinesis": {"Stream": "s"}}`),
			[]string{"Statement[0].Operation.Audit.FindingsDestination.Kinesis: unknown field (allowed: CloudWatchLogs, Firehose, S3)"}},
		{"CloudWatchLogs without LogGroup", rep(t, base, findings, `{"CloudWatchLogs": {}}`),
			[]string{"Statement[0].Operation.Audit.FindingsDestination.CloudWatchLogs.LogGroup: required"}},
		{"empty S3 bucket", rep(t, base, findings, `{"S3": {"Bucket": ""}}`),
			[]string{"Statement[0].Operation.Audit.FindingsDestination.S3.Bucket: must not be empty"}},
		{"Firehose stream not a string", rep(t, base, findings, `{"Firehose": {"DeliveryStream": 5}}`),
			[]string{"Statement[0].Operation.Audit.FindingsDestination.Firehose.DeliveryStream: must be a string, not a number"}},
		{"Deidentify without MaskConfig", rep(t, base, deidentOp, `{"Deidentify": {}}`),
			[]string{"Statement[1].Operation.Deidentify.MaskConfig: required"}},
		{"MaskConfig with options", rep(t, base, `"MaskConfig": {}`, `"MaskConfig": {"MaskWithCharacter": "#"}`),
			[]string{"Statement[1].Operation.Deidentify.MaskConfig.MaskWithCharacter: unknown field: MaskConfig must be the empty object {}; CloudWatch has no masking options (piiguard's mask styles are extensions)"}},
		{"MaskConfig not an object", rep(t, base, `"MaskConfig": {}`, `"MaskConfig": ""`),
			[]string{"Statement[1].Operation.Deidentify.MaskConfig: must be the empty object {}, not a string"}},

		// DataIdentifier.
		{"missing DataIdentifier", rep(t, base, `"DataIdentifier": ["arn:aws:dataprotection::aws:data-identifier/EmailAddress", "arn:aws:dataprotection::aws:data-identifier/Ssn-US", "EmployeeId"],`, ""),
			[]string{"Statement[1].DataIdentifier: required"}},
		{"empty DataIdentifier", repAll(t, repAll(t, rep(t, base, list1End, `"EmployeeId", "`+arnSsn+`"],`), `"`+arnEmail+`", `, ""), "\""+arnEmail+"\",\n", ""),
			nil}, // replaced below
		{"entry not a string", rep(t, base, list0End, `"EmployeeId", 42],`),
			[]string{"Statement[0].DataIdentifier[3]: must be a string, not a number"}},
		{"unknown managed identifier", repAll(t, base, "Ssn-US", "Ssn-UK"),
			[]string{
				`Statement[0].DataIdentifier[1]: unknown managed identifier "Ssn-UK"`,
				`Statement[1].DataIdentifier[1]: unknown managed identifier "Ssn-UK"`,
			}},
		{"managed name in the wrong case", repAll(t, base, "Ssn-US", "SSN-US"),
			[]string{
				`Statement[0].DataIdentifier[1]: unknown managed identifier "SSN-US" (did you mean "Ssn-US"? names are case-sensitive)`,
				`Statement[1].DataIdentifier[1]: unknown managed identifier "SSN-US" (did you mean "Ssn-US"? names are case-sensitive)`,
			}},
		{"unknown partition", repAll(t, base, "arn:aws:dataprotection::aws:data-identifier/Ssn-US", "arn:aws-iso:dataprotection::aws:data-identifier/Ssn-US"),
			[]string{
				`Statement[0].DataIdentifier[1]: unknown partition "aws-iso" (CloudWatch's partitions are aws, aws-cn, aws-us-gov)`,
				`Statement[1].DataIdentifier[1]: unknown partition "aws-iso" (CloudWatch's partitions are aws, aws-cn, aws-us-gov)`,
			}},
		{"malformed ARN", repAll(t, base, "arn:aws:dataprotection::aws:data-identifier/Ssn-US", "arn:aws:macie2::aws:data-identifier/Ssn-US"),
			[]string{
				`Statement[0].DataIdentifier[1]: "arn:aws:macie2::aws:data-identifier/Ssn-US" is not a managed identifier ARN (arn:<partition>:dataprotection::aws:data-identifier/<Name>)`,
				`Statement[1].DataIdentifier[1]: "arn:aws:macie2::aws:data-identifier/Ssn-US" is not a managed identifier ARN (arn:<partition>:dataprotection::aws:data-identifier/<Name>)`,
			}},
		{"mixed partitions", repAll(t, base, "arn:aws:dataprotection::aws:data-identifier/Ssn-US", "arn:aws-cn:dataprotection::aws:data-identifier/Ssn-US"),
			[]string{
				`Statement[0].DataIdentifier[1]: partition "aws-cn" differs from "aws" in Statement[0].DataIdentifier[0]; a policy belongs to one partition`,
				`Statement[1].DataIdentifier[1]: partition "aws-cn" differs from "aws" in Statement[0].DataIdentifier[0]; a policy belongs to one partition`,
			}},
		{"managed identifier by bare name", repAll(t, base, `"`+arnSsn+`"`, `"Ssn-US"`),
			[]string{
				`Statement[0].DataIdentifier[1]: "Ssn-US" is a managed identifier name; statements reference managed identifiers by ARN, as "arn:aws:dataprotection::aws:data-identifier/Ssn-US"`,
				`Statement[1].DataIdentifier[1]: "Ssn-US" is a managed identifier name; statements reference managed identifiers by ARN, as "arn:aws:dataprotection::aws:data-identifier/Ssn-US"`,
			}},
		{"custom identifier by ARN", repAll(t, repAll(t, base, `"EmployeeId"]`, `"arn:aws:dataprotection::aws:data-identifier/EmployeeId"]`), "\"EmployeeId\"\n", "\"arn:aws:dataprotection::aws:data-identifier/EmployeeId\"\n"),
			[]string{
				`Statement[0].DataIdentifier[2]: unknown managed identifier "EmployeeId"; statements reference custom identifiers by their bare Name`,
				`Statement[1].DataIdentifier[2]: unknown managed identifier "EmployeeId"; statements reference custom identifiers by their bare Name`,
			}},
		{"undeclared custom identifier", repAll(t, base, `"EmployeeId"]`, `"EmployeeId", "ManagerId"]`),
			nil}, // replaced below
		{"duplicate entry", rep(t, base, list0End, `"EmployeeId", "`+arnEmail+`"],`),
			[]string{`Statement[0].DataIdentifier[3]: duplicate of Statement[0].DataIdentifier[0] ("arn:aws:dataprotection::aws:data-identifier/EmailAddress")`}},
		{"second list lacks an identifier", rep(t, base, `"`+arnSsn+`", "EmployeeId"],`, `"EmployeeId"],`),
			[]string{`Statement[1].DataIdentifier: lacks "arn:aws:dataprotection::aws:data-identifier/Ssn-US" (Statement[0].DataIdentifier[1]); both statements must list the same identifiers`}},
		{"second list has an extra identifier", rep(t, base, list1End, `"EmployeeId", "arn:aws:dataprotection::aws:data-identifier/IpAddress"],`),
			[]string{`Statement[1].DataIdentifier[3]: "arn:aws:dataprotection::aws:data-identifier/IpAddress" is not in Statement[0].DataIdentifier; both statements must list the same identifiers`}},

		// Configuration and custom identifiers.
		{"Configuration not an object", rep(t, base, `"Configuration": {
    "CustomDataIdentifier": [
      `+cdi+`
    ]
  }`, `"Configuration": [`+cdi+`]`),
			[]string{
				"Configuration: must be an object, not an array",
				`Statement[0].DataIdentifier[2]: "EmployeeId" is neither a managed identifier ARN nor the Name of a custom identifier in Configuration.CustomDataIdentifier`,
				`Statement[1].DataIdentifier[2]: "EmployeeId" is neither a managed identifier ARN nor the Name of a custom identifier in Configuration.CustomDataIdentifier`,
			}},
		{"unknown Configuration field", rep(t, base, `"Configuration": {`, `"Configuration": {"Keywords": [],`),
			[]string{"Configuration.Keywords: unknown field (allowed: CustomDataIdentifier)"}},
		{"custom identifier not an object", rep(t, base, cdi, cdi+`, "Other"`),
			[]string{"Configuration.CustomDataIdentifier[1]: must be an object, not a string"}},
		{"custom identifier without Regex", rep(t, base, cdi, `{"Name": "EmployeeId"}`),
			[]string{"Configuration.CustomDataIdentifier[0].Regex: required"}},
		{"custom identifier with unknown field", rep(t, base, cdi, `{"Name": "EmployeeId", "Regex": "E\\d", "Keywords": ["emp"]}`),
			[]string{"Configuration.CustomDataIdentifier[0].Keywords: unknown field (allowed: Name, Regex)"}},
		{"custom name with a space", repAll(t, base, `"EmployeeId"`, `"Employee Id"`),
			[]string{`Configuration.CustomDataIdentifier[0].Name: "Employee Id": custom identifier name must be 1 to 128 characters of A-Z, a-z, 0-9, '_' and '-' (character ' ' at 8)`}},
		{"custom name too long", repAll(t, base, `"EmployeeId"`, `"`+long+`"`),
			[]string{`Configuration.CustomDataIdentifier[0].Name: "` + long + `": custom identifier name must be 1 to 128 characters of A-Z, a-z, 0-9, '_' and '-'`}},
		{"custom name of a managed identifier", repAll(t, base, `"EmployeeId"`, `"Address"`),
			[]string{`Configuration.CustomDataIdentifier[0].Name: "Address": custom identifier name is the name of a managed identifier`}},
		{"empty regex", rep(t, base, `"EmployeeId-\\d{9}"`, `""`),
			[]string{"Configuration.CustomDataIdentifier[0].Regex: EmployeeId: custom identifier regex is invalid: empty"}},
		{"regex too long", rep(t, base, `"EmployeeId-\\d{9}"`, `"`+strings.Repeat("a", 201)+`"`),
			[]string{"Configuration.CustomDataIdentifier[0].Regex: EmployeeId: custom identifier regex is longer than 200 characters (201 characters)"}},
		{"regex syntax error", rep(t, base, `"EmployeeId-\\d{9}"`, `"EmployeeId-[0-9"`),
			[]string{"Configuration.CustomDataIdentifier[0].Regex: EmployeeId: custom identifier regex is invalid: error parsing regexp: missing closing ]: `[0-9`"}},
		{"regex character CloudWatch does not allow", rep(t, base, `"EmployeeId-\\d{9}"`, `"EmployeeId-(\\d{9})"`),
			[]string{"Configuration.CustomDataIdentifier[0].Regex: characters '(' ')' are " + regexCharsetMsg}},
		{"more than 10 custom identifiers", withCustoms(t, 10),
			[]string{"Configuration.CustomDataIdentifier: more than 10 custom identifiers: 11"}},
		{"duplicate custom name", rep(t, base, cdi, cdi+`, {"Name": "EmployeeId", "Regex": "E\\d"}`),
			[]string{`Configuration.CustomDataIdentifier[1].Name: "EmployeeId": duplicate custom identifier name (first declared at Configuration.CustomDataIdentifier[0])`}},
		{"unused custom identifier", rep(t, base, cdi, cdi+`, {"Name": "Unused", "Regex": "U\\d"}`),
			[]string{`Configuration.CustomDataIdentifier[1].Name: custom identifier "Unused" is declared but no statement uses it`}},
	}
	for i := range tests {
		switch tests[i].name {
		case "statement not an object":
			tests[i].doc = rep(t, base, stmt1[1:], "\n    \"redact\"")
			tests[i].want = []string{"Statement[1]: must be an object, not a string"}
		case "empty DataIdentifier":
			tests[i].doc = rep(t, base, `["arn:aws:dataprotection::aws:data-identifier/EmailAddress", "arn:aws:dataprotection::aws:data-identifier/Ssn-US", "EmployeeId"]`, `[]`)
			tests[i].want = []string{
				"Statement[1].DataIdentifier: must list at least one identifier",
				`Statement[1].DataIdentifier: lacks "arn:aws:dataprotection::aws:data-identifier/EmailAddress" (Statement[0].DataIdentifier[0]); both statements must list the same identifiers`,
				`Statement[1].DataIdentifier: lacks "arn:aws:dataprotection::aws:data-identifier/Ssn-US" (Statement[0].DataIdentifier[1]); both statements must list the same identifiers`,
				`Statement[1].DataIdentifier: lacks "EmployeeId" (Statement[0].DataIdentifier[2]); both statements must list the same identifiers`,
			}
		case "undeclared custom identifier":
			tests[i].doc = rep(t, rep(t, base, list0End, `"EmployeeId", "ManagerId"],`), list1End, `"EmployeeId", "ManagerId"],`)
			tests[i].want = []string{
				`Statement[0].DataIdentifier[3]: "ManagerId" is neither a managed identifier ARN nor the Name of a custom identifier in Configuration.CustomDataIdentifier`,
				`Statement[1].DataIdentifier[3]: "ManagerId" is neither a managed identifier ARN nor the Name of a custom identifier in Configuration.CustomDataIdentifier`,
			}
		}
	}
	if len(tests) < 30 {
		t.Fatalf("only %d cases", len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse([]byte(tt.doc))
			if err == nil {
				t.Fatalf("accepted: %+v\n%s", p, tt.doc)
			}
			if p != nil {
				t.Errorf("returned a policy with the error")
			}
			got := errorLines(t, err)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if err.Error() != strings.Join(tt.want, "\n") {
				t.Errorf("Error() = %q", err.Error())
			}
			// ParseExtended enforces the same rules (except that it takes
			// the extension member).
			if tt.name != "extension in a CloudWatch document" {
				_, err2 := ParseExtended([]byte(tt.doc))
				if err2 == nil {
					t.Fatalf("ParseExtended accepted it")
				}
				got2 := errorLines(t, err2)
				for i := range got2 {
					if i >= len(got) || strings.SplitN(got2[i], ":", 2)[0] != strings.SplitN(got[i], ":", 2)[0] {
						t.Errorf("ParseExtended: %v", err2)
						break
					}
				}
			}
		})
	}
}

func TestValidationErrorUnwrap(t *testing.T) {
	doc := rep(t, base, cdi, `{"Name": "EmployeeId", "Regex": "E\\d"}, {"Name": "Address", "Regex": "A\\d"}`)
	doc = repAll(t, doc, `"EmployeeId"`, `"Employee Id"`)
	_, err := Parse([]byte(doc))
	if !errors.Is(err, identifiers.ErrCustomName) {
		t.Errorf("errors.Is(ErrCustomName) false for %v", err)
	}
	if !errors.Is(err, identifiers.ErrCustomManaged) {
		t.Errorf("errors.Is(ErrCustomManaged) false for %v", err)
	}
	if errors.Is(err, identifiers.ErrCustomRegex) {
		t.Errorf("errors.Is(ErrCustomRegex) true for %v", err)
	}
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Errors) != 2 {
		t.Fatalf("got %v", err)
	}
	if fe := ve.Errors[0]; fe.Offset <= 0 || !strings.HasPrefix(doc[fe.Offset:], `"Employee Id"`) {
		t.Errorf("offset %d does not point at the name: %.20q", fe.Offset, doc[fe.Offset:])
	}
}

// TestParseCollectsAllErrors checks that one document breaking many rules
// reports all of them, in document order.
func TestParseCollectsAllErrors(t *testing.T) {
	doc := `{
  "Name": 1,
  "Version": "1",
  "Extra": true,
  "Configuration": {"CustomDataIdentifier": [{"Name": "bad name", "Regex": "(x"}]},
  "Statement": [
    {"DataIdentifier": ["arn:aws:dataprotection::aws:data-identifier/Ssn-UK", "bad name"], "Operation": {"Audit": {"FindingsDestination": {}}}},
    {"DataIdentifier": ["arn:aws:dataprotection::aws:data-identifier/Ssn-UK", "bad name"], "Operation": {"Deidentify": {"MaskConfig": {"x": 1}}}}
  ]
}`
	_, err := Parse([]byte(doc))
	want := []string{
		"Name: must be a string, not a number",
		`Version: must be "2021-06-01", the only version of the policy language, not "1"`,
		"Extra: unknown field (allowed: Name, Description, Version, Statement, Configuration)",
		`Configuration.CustomDataIdentifier[0].Name: "bad name": custom identifier name must be 1 to 128 characters of A-Z, a-z, 0-9, '_' and '-' (character ' ' at 3)`,
		"Configuration.CustomDataIdentifier[0].Regex: bad name: custom identifier regex is invalid: error parsing regexp: missing closing ): `(x`",
		"Configuration.CustomDataIdentifier[0].Regex: character '(' is " + regexCharsetMsg,
		`Statement[0].DataIdentifier[0]: unknown managed identifier "Ssn-UK"`,
		`Statement[1].DataIdentifier[0]: unknown managed identifier "Ssn-UK"`,
		"Statement[1].Operation.Deidentify.MaskConfig.x: unknown field: MaskConfig must be the empty object {}; CloudWatch has no masking options (piiguard's mask styles are extensions)",
	}
	got := errorLines(t, err)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSyntaxError(t *testing.T) {
	tests := []struct {
		doc       string
		line, col int
		off       int64
		msg       string
	}{
		{"{\n  \"Name\": \"p\",\n  \"Version\" \"x\"\n}", 3, 13, 29, "invalid character '\"' after object key"},
		{"", 1, 1, 0, "unexpected end of JSON input"},
		{`{"Name": "p",}`, 1, 14, 13, "invalid character '}' looking for beginning of object key string"},
		{"{} {}", 1, 4, 3, "invalid character '{' after top-level value"},
		{"{\"Name\": \"é\xff\"}", 1, 12, 12, "invalid UTF-8"},
	}
	for _, tt := range tests {
		for _, parse := range []func([]byte) (*Policy, error){Parse, ParseExtended} {
			_, err := parse([]byte(tt.doc))
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("%q: %v is not a *SyntaxError", tt.doc, err)
			}
			if se.Line != tt.line || se.Column != tt.col || se.Offset != tt.off || se.Msg != tt.msg {
				t.Errorf("%q: got line %d col %d offset %d %q, want %d %d %d %q", tt.doc, se.Line, se.Column, se.Offset, se.Msg, tt.line, tt.col, tt.off, tt.msg)
			}
		}
	}
	_, err := Parse([]byte("{\n  \"Name\": \"p\",\n  \"Version\" \"x\"\n}"))
	if want := `policy document: invalid JSON at line 3, column 13 (byte offset 29): invalid character '"' after object key`; err.Error() != want {
		t.Errorf("Error() = %q, want %q", err, want)
	}
}

func TestTooLargeInput(t *testing.T) {
	doc := make([]byte, MaxInputBytes+1)
	_, err := Parse(doc)
	if got := errorLines(t, err); len(got) != 1 || !strings.Contains(got[0], "CloudWatch's limit is 30720 characters") {
		t.Errorf("Parse: %v", got)
	}
	_, err = ParseExtended(doc)
	if got := errorLines(t, err); len(got) != 1 || !strings.Contains(got[0], "piiguard's limit is 1048576") {
		t.Errorf("ParseExtended: %v", got)
	}
}
