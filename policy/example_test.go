package policy_test

import (
	"fmt"
	"log"
	"os"

	"github.com/piiguard/piiguard/policy"
)

func ExampleParse() {
	doc, err := os.ReadFile("testdata/loggroup-custom.json")
	if err != nil {
		log.Fatal(err)
	}
	p, err := policy.Parse(doc)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("name:", p.Name)
	fmt.Println("managed:", p.Managed)
	for _, c := range p.Custom {
		fmt.Printf("custom: %s %s\n", c.Name, c.Patterns[0].Expr)
	}
	fmt.Printf("findings to S3 bucket %q, masked: %v\n", p.Audits[0].Destinations.S3, p.Deidentify)
	// Output:
	// name: example_data_protection_policy
	// managed: [Ssn-US CreditCardNumber]
	// custom: EmployeeId EmployeeId-\d{9}
	// custom: Internal_Ticket TKT-[A-Z]{3}-\d{6}
	// findings to S3 bucket "EXISTING_BUCKET", masked: true
}

func ExampleParse_errors() {
	doc := `{
  "Name": "p",
  "Version": "2021-06-01",
  "Configuration": {"CustomDataIdentifier": [{"Name": "Employee Id", "Regex": "E-\\d{9}"}]},
  "Statement": [
    {"DataIdentifier": ["arn:aws:dataprotection::aws:data-identifier/Ssn-UK", "Employee Id"],
     "Operation": {"Audit": {"FindingsDestination": {}}}},
    {"DataIdentifier": ["Employee Id"],
     "Operation": {"Deidentify": {"MaskConfig": {"MaskWithCharacter": "#"}}}}
  ]
}`
	_, err := policy.Parse([]byte(doc))
	fmt.Println(err)

	_, err = policy.Parse([]byte("{\n  \"Name\": \"p\",\n  \"Version\": \"2021-06-01\"\n  \"Statement\": []\n}"))
	fmt.Println(err)
	// Output:
	// Configuration.CustomDataIdentifier[0].Name: "Employee Id": custom identifier name must be 1 to 128 characters of A-Z, a-z, 0-9, '_' and '-' (character ' ' at 8)
	// Statement[0].DataIdentifier[0]: unknown managed identifier "Ssn-UK"
	// Statement[1].DataIdentifier: lacks "arn:aws:dataprotection::aws:data-identifier/Ssn-UK" (Statement[0].DataIdentifier[0]); both statements must list the same identifiers
	// Statement[1].Operation.Deidentify.MaskConfig.MaskWithCharacter: unknown field: MaskConfig must be the empty object {}; CloudWatch has no masking options (piiguard's mask styles are extensions)
	// policy document: invalid JSON at line 4, column 3 (byte offset 45): invalid character '"' after object key:value pair
}

func ExampleParseExtended() {
	doc, err := os.ReadFile("testdata/extended.json")
	if err != nil {
		log.Fatal(err)
	}
	p, err := policy.ParseExtended(doc)
	if err != nil {
		log.Fatal(err)
	}
	for _, name := range p.Names() {
		th, _ := p.ThresholdFor(name)
		fmt.Printf("%s: mask %+v, threshold %v, allow %v\n", name, p.MaskFor(name), th, p.AllowListFor(name))
	}
	emp := p.CustomIdentifier("EmployeeId")
	fmt.Println("EmployeeId keywords:", emp.Keywords, "required:", emp.KeywordRequired, "window:", emp.Window)
	// Output:
	// CreditCardNumber: mask {Style:partial Char:# Length:0 KeepFirst:0 KeepLast:4 Text:}, threshold 0.8, allow {[noreply@example.com] [4111-?1111-?1111-?1111]}
	// EmailAddress: mask {Style:hash Char: Length:12 KeepFirst:0 KeepLast:0 Text:}, threshold 0.5, allow {[noreply@example.com] [[a-z]+@example\.com]}
	// EmployeeId: mask {Style:placeholder Char: Length:0 KeepFirst:0 KeepLast:0 Text:<{name}>}, threshold 0.5, allow {[noreply@example.com] []}
	// EmployeeId keywords: [employee emp id] required: true window: 40
}

func ExampleCombine() {
	account, err := policy.Parse([]byte(`{"Name": "account", "Version": "2021-06-01", "Statement": [
		{"DataIdentifier": ["arn:aws:dataprotection::aws:data-identifier/AwsSecretKey", "arn:aws:dataprotection::aws:data-identifier/EmailAddress"],
		 "Operation": {"Audit": {"FindingsDestination": {}}}},
		{"DataIdentifier": ["arn:aws:dataprotection::aws:data-identifier/AwsSecretKey", "arn:aws:dataprotection::aws:data-identifier/EmailAddress"],
		 "Operation": {"Deidentify": {"MaskConfig": {}}}}]}`))
	if err != nil {
		log.Fatal(err)
	}
	group, err := policy.Parse([]byte(`{"Name": "orders", "Version": "2021-06-01", "Statement": [
		{"DataIdentifier": ["arn:aws:dataprotection::aws:data-identifier/EmailAddress", "arn:aws:dataprotection::aws:data-identifier/CreditCardNumber"],
		 "Operation": {"Audit": {"FindingsDestination": {"S3": {"Bucket": "orders-findings"}}}}},
		{"DataIdentifier": ["arn:aws:dataprotection::aws:data-identifier/EmailAddress", "arn:aws:dataprotection::aws:data-identifier/CreditCardNumber"],
		 "Operation": {"Deidentify": {"MaskConfig": {}}}}]}`))
	if err != nil {
		log.Fatal(err)
	}
	p := policy.Combine(account, group)
	fmt.Println("masked:", p.Managed)
	for _, a := range p.Audits {
		fmt.Printf("audit %s: %v -> %+v\n", a.Policy, a.Identifiers, a.Destinations)
	}
	// Output:
	// masked: [AwsSecretKey EmailAddress CreditCardNumber]
	// audit account: [AwsSecretKey EmailAddress] -> {CloudWatchLogs: Firehose: S3:}
	// audit orders: [EmailAddress CreditCardNumber] -> {CloudWatchLogs: Firehose: S3:orders-findings}
}

func ExamplePolicy_CloudWatchJSON() {
	doc, err := os.ReadFile("testdata/extended.json")
	if err != nil {
		log.Fatal(err)
	}
	p, err := policy.ParseExtended(doc)
	if err != nil {
		log.Fatal(err)
	}
	// The document to upload to CloudWatch: the extensions are left out.
	cw, err := p.CloudWatchJSON()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(cw))
	// Output:
	// {
	//   "Name": "payments-logs",
	//   "Description": "CloudWatch policy plus piiguard extensions",
	//   "Version": "2021-06-01",
	//   "Configuration": {
	//     "CustomDataIdentifier": [
	//       {
	//         "Name": "EmployeeId",
	//         "Regex": "EmployeeId-\\d{9}"
	//       }
	//     ]
	//   },
	//   "Statement": [
	//     {
	//       "Sid": "audit-policy",
	//       "DataIdentifier": [
	//         "arn:aws:dataprotection::aws:data-identifier/CreditCardNumber",
	//         "arn:aws:dataprotection::aws:data-identifier/EmailAddress",
	//         "EmployeeId"
	//       ],
	//       "Operation": {
	//         "Audit": {
	//           "FindingsDestination": {
	//             "S3": {
	//               "Bucket": "audit-bucket"
	//             }
	//           }
	//         }
	//       }
	//     },
	//     {
	//       "Sid": "redact-policy",
	//       "DataIdentifier": [
	//         "arn:aws:dataprotection::aws:data-identifier/CreditCardNumber",
	//         "arn:aws:dataprotection::aws:data-identifier/EmailAddress",
	//         "EmployeeId"
	//       ],
	//       "Operation": {
	//         "Deidentify": {
	//           "MaskConfig": {}
	//         }
	//       }
	//     }
	//   ]
	// }
}

func ExampleParseWithSidecar() {
	doc, err := os.ReadFile("testdata/loggroup-managed.json")
	if err != nil {
		log.Fatal(err)
	}
	// The CloudWatch document stays as CloudWatch takes it; piiguard's
	// extensions come from a sidecar file.
	sidecar := []byte(`{"Mask": "placeholder", "Identifiers": {"EmailAddress": {"Threshold": 0.9}}}`)
	p, err := policy.ParseWithSidecar(doc, sidecar)
	if err != nil {
		log.Fatal(err)
	}
	th, _ := p.ThresholdFor("EmailAddress")
	fmt.Println(p.Managed, p.MaskFor("DriversLicense-US").Style, th)

	// Errors in the sidecar name the path they would have in an extended
	// document.
	_, err = policy.ParseWithSidecar(doc, []byte(`{"Threshold": 2}`))
	fmt.Println(err)
	// Output:
	// [EmailAddress DriversLicense-US] placeholder 0.9
	// PiiGuard.Threshold: must be a number from 0 to 1
}

func ExampleManagedARN() {
	fmt.Println(policy.ManagedARN("aws", "EmailAddress"))
	fmt.Println(policy.ManagedARN("aws-us-gov", "Ssn-US"))
	// Output:
	// arn:aws:dataprotection::aws:data-identifier/EmailAddress
	// arn:aws-us-gov:dataprotection::aws:data-identifier/Ssn-US
}
