// Package keyed holds the test data of ABI 1.1 (keys, keyed policies,
// JSON events) shared by the Go host's differential tests and the golden
// file of the Node.js and Python tests.
package keyed

import (
	"encoding/json"
	"strings"

	"github.com/piiguard/piiguard/internal/testcorpus"
)

// TestKeyHex is the key (hex) the differential tests of ABI 1.1 compile
// keyed scanners with. A test key only: it is public.
const TestKeyHex = "8d3c1f0a9b2e47d6c5a1f3e8b7d2c4a6e9f1b3d5c7a9e2f4b6d8c1a3e5f7b9d2"

// Policy is testcorpus.ExtendedPolicy with mask styles that need a key:
// email addresses hashed, SSNs tokenized.
var Policy = strings.NewReplacer(
	`"EmailAddress": {"Mask": {"Style": "redact"}`, `"EmailAddress": {"Mask": {"Style": "hash"}`,
	`"Identifiers": {`, `"Identifiers": {
      "Ssn-US": {"Mask": {"Style": "token"}},`).Replace(testcorpus.ExtendedPolicy)

// JSONEvent wraps a text in a JSON event, as a structured log holds it:
// a message, an email member and a member whose name is a keyword.
func JSONEvent(text string) string {
	b, _ := json.Marshal(map[string]any{"msg": text, "user": map[string]any{"email": "jane.doe@example.com", "ssn": "536-22-1234", "id": 42}, "tags": []string{text}})
	return string(b)
}
