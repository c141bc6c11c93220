package checksum

// DataDog's tests of checks that moved here from the catalog's tables
// (TestDatadogConformance).
func init() {
	datadogEquivalents["FranceNifChecksum"] = []string{"SPI"}
	datadogEquivalents["GithubTokenChecksum"] = []string{"GitHubToken"}
	datadogExceptions = append(datadogExceptions,
		// DataDog finds the token after any prefix; GitHubToken receives
		// the token alone, as the catalog's patterns match it (they find
		// "ghp_..." inside the longer word themselves).
		datadogException{"GithubTokenChecksum", "GitHubToken", "nawak_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", false,
			"prefix longer than 4 bytes; the pattern matches the token inside it"},
	)
}
