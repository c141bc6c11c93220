// Package policy reads Amazon CloudWatch Logs data protection policy
// documents: it validates them exactly as CloudWatch documents its rules,
// reports every broken rule with its JSON path, and gives an engine what a
// policy asks for (managed and custom identifiers, audit destinations,
// masking), plus piiguard's own extensions (mask styles, confidence
// thresholds, keywords, allow lists).
//
// # API
//
//   - Parse validates a CloudWatch document strictly; ParseExtended also
//     accepts piiguard's extensions under the top-level key "PiiGuard";
//     ParseWithSidecar reads a strict CloudWatch document plus the
//     extensions from a separate sidecar document.
//   - Policy holds the result: Name, Description, Partition, Managed (names),
//     Custom (*identifiers.Identifier), Audits (destinations), Deidentify,
//     Extensions; MaskFor, ThresholdFor, AllowListFor and KeywordsFor
//     resolve the extensions for one identifier.
//   - Combine merges an account-level and a log-group-level policy.
//   - (*Policy).MarshalJSON encodes a policy back (with its extensions);
//     CloudWatchJSON encodes the CloudWatch document to upload.
//
// Malformed input gives a *SyntaxError with the line, column and byte
// offset. A well-formed document that breaks rules gives a
// *ValidationError listing every broken rule, in document order, one per
// line, as "Path: rule", for instance
//
//	Statement[1].DataIdentifier[3]: unknown managed identifier "Ssn-UK"
//
// # Rules (documented by CloudWatch)
//
//   - The document is a JSON object of at most 30,720 characters.
//   - Name (a string) and Version ("2021-06-01") are required; Description
//     is an optional string.
//   - Statement holds exactly two statements: the first's Operation is
//     {"Audit": {"FindingsDestination": {...}}}, the second's is
//     {"Deidentify": {"MaskConfig": {}}}. Operation has exactly one key.
//     Sid is an optional string.
//   - FindingsDestination is required and may be {}; its keys are
//     CloudWatchLogs {LogGroup}, Firehose {DeliveryStream} and S3 {Bucket}.
//   - MaskConfig is required and must be {}.
//   - Each DataIdentifier is a non-empty array of strings, each a managed
//     identifier ARN arn:<partition>:dataprotection::aws:data-identifier/<Name>
//     (partition aws, aws-cn or aws-us-gov; Name one of
//     identifiers.ManagedNames) or the Name of a custom identifier declared
//     in Configuration.CustomDataIdentifier. The two lists must match.
//   - Configuration.CustomDataIdentifier holds at most 10 {Name, Regex}
//     objects with unique names; identifiers.NewCustom enforces the name
//     (1-128 characters of A-Z a-z 0-9 _ -, not a managed name) and the
//     regex (1-200 characters, valid syntax). The regex may only use the
//     characters CloudWatch lists: letters, digits, space, the symbols
//     "_#=@/;,-" and the regex characters "^$?[]{}|\*+." (so no parentheses).
//
// # Decisions where CloudWatch's documentation is silent
//
//   - Keys are case-sensitive (a key differing only in case is reported
//     with a "did you mean"). Unknown keys are rejected at every level, as
//     are duplicate keys; JSON null is a wrong type, never "absent".
//   - The two statements must come in the order Audit, Deidentify (the
//     order Terraform requires). Their DataIdentifier lists are compared as
//     sets: the order may differ. A list may not name an identifier twice.
//   - All managed ARNs of a policy use the same partition (a policy lives
//     in one partition). A managed identifier named without its ARN, or a
//     custom identifier named by an ARN, is rejected with a hint.
//   - Name must not be empty; Name, Description and Sid have no other
//     limit than the document's size.
//   - Destination names must be non-empty strings. Whether they exist, or
//     follow AWS naming rules, is not checked (CloudWatch's own example
//     uses the bucket name "EXISTING_BUCKET").
//   - Configuration may be {} and CustomDataIdentifier may be []. A custom
//     identifier that no statement uses is rejected: it would silently
//     detect nothing.
//   - The size is counted in Unicode characters of the document as given,
//     whitespace included. Input that is not UTF-8 is a *SyntaxError. Input
//     over MaxInputBytes (1 MiB) is rejected without being parsed.
//   - Combine (see its documentation): each policy's audit findings go to
//     its own destinations under its own Name; a custom identifier name
//     both policies define matches the patterns of both; extension lists
//     are unions and single settings of the log-group policy win.
//
// # Extensions
//
// piiguard's extensions live under the top-level key "PiiGuard" of an
// extended document (read with ParseExtended), or in a sidecar document
// holding the same object (ParseWithSidecar). CloudWatch does not document
// tolerating unknown keys, so a document with "PiiGuard" is a piiguard
// document, not a CloudWatch one: Parse rejects it, and CloudWatchJSON
// gives the CloudWatch document to upload. The 30,720-character limit
// applies to the document without its "PiiGuard" member.
//
//	"PiiGuard": {
//	  "Mask": <mask>,              // default mask; "asterisk" (CloudWatch's) when absent
//	  "Threshold": 0.6,            // minimum confidence in [0, 1] for every identifier
//	  "AllowList": {"Values": ["exact value"], "Patterns": ["RE2, whole value"]},
//	  "Identifiers": {
//	    "<managed or custom name>": {
//	      "Mask": <mask>, "Threshold": 0.8, "AllowList": {...},
//	      "Keywords": ["..."],     // managed: extra keywords; custom: its keywords
//	      "KeywordRequired": true, // custom identifiers only
//	      "Window": 50             // custom identifiers only, 1-1000 characters
//	    }
//	  }
//	}
//
// A <mask> is a style name, or an object with "Style" and the style's
// parameters: asterisk {Char}, fixed {Char, Length 1-256 (8)}, partial
// {Char, KeepFirst 0-64, KeepLast 0-64, at least one > 0}, placeholder
// {Text, 1-256 characters, "{identifier}" for the identifier's name
// ("{{identifier}}", giving {Ssn-US} as Lex writes {SlotName}; "{name}",
// the spelling of earlier documents, still works but is deprecated)},
// redact {}, hash {Length 8-64 hex
// digits (16): a keyed HMAC-SHA256 with the key the engine is given, never a
// bare hash}, token {}: a reversible token under the engine's key (see
// package mask). A parameter of
// another style is an error. Identifier names must be identifiers of the
// policy. Keywords are unique case-insensitively, at most 100 characters;
// allow-list values and patterns are unique, 1-1000 characters, patterns
// valid RE2. Empty lists and objects are allowed and mean nothing.
//
// Sizes are bounded so that compiling a policy costs time and memory in
// proportion to it: at most MaxKeywords (100) keywords per identifier and
// MaxKeywordChars (10,000) characters of extension keywords in all;
// MaxAllowValues (1,000) values and MaxAllowPatterns (50) patterns per
// allow list, MaxAllowPatternsTotal (200) patterns in all, each compiling
// to at most MaxAllowPatternSize (5,000) instructions. An error names the
// field and the limit, never the values.
// The extensions are plain data; the engine applies them. The keyword
// settings of custom identifiers are also copied onto Policy.Custom.
// See README.md for an example.
package policy
