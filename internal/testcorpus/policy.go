package testcorpus

// ExtendedPolicy is a CloudWatch policy with piiguard's extensions (mask
// styles, thresholds, allow lists, keywords) that need no key, for
// differential tests of the policy path (the WebAssembly build against the
// native one).
const ExtendedPolicy = `{
  "Name": "wasm-differential",
  "Version": "2021-06-01",
  "Configuration": {"CustomDataIdentifier": [{"Name": "EmployeeId", "Regex": "EmployeeId-\\d{9}"}, {"Name": "Emp", "Regex": "EMP-[0-9]{6}"}]},
  "Statement": [
    {"Sid": "audit", "DataIdentifier": [
      "arn:aws:dataprotection::aws:data-identifier/CreditCardNumber",
      "arn:aws:dataprotection::aws:data-identifier/EmailAddress",
      "arn:aws:dataprotection::aws:data-identifier/Ssn-US",
      "arn:aws:dataprotection::aws:data-identifier/IpAddress",
      "EmployeeId", "Emp"],
     "Operation": {"Audit": {"FindingsDestination": {}}}},
    {"Sid": "redact", "DataIdentifier": [
      "arn:aws:dataprotection::aws:data-identifier/CreditCardNumber",
      "arn:aws:dataprotection::aws:data-identifier/EmailAddress",
      "arn:aws:dataprotection::aws:data-identifier/Ssn-US",
      "arn:aws:dataprotection::aws:data-identifier/IpAddress",
      "EmployeeId", "Emp"],
     "Operation": {"Deidentify": {"MaskConfig": {}}}}
  ],
  "PiiGuard": {
    "Mask": "asterisk",
    "Threshold": 0.5,
    "AllowList": {"Values": ["noreply@example.com"]},
    "Identifiers": {
      "CreditCardNumber": {"Mask": {"Style": "partial", "KeepLast": 4, "Char": "#"}, "Threshold": 0.8, "Keywords": ["card on file"]},
      "EmailAddress": {"Mask": {"Style": "redact"}, "AllowList": {"Patterns": ["ops\\+alerts@.*"]}},
      "IpAddress": {"Mask": {"Style": "placeholder", "Text": "<{identifier}>"}},
      "EmployeeId": {"Mask": {"Style": "fixed", "Length": 6}, "Keywords": ["employee"], "KeywordRequired": true}
    }
  }
}`
