package checksum

// The validators of issue 11's national formats, with cases from outside
// sources where they exist (Presidio's and Datadog's tests, in
// ../shared/conformance), added to the package's tables so that TestValidators
// and FuzzValidators cover them.
func init() {
	validators = append(validators,
		struct {
			name string
			fn   func([]byte) bool
		}{"HETU", HETU},
		struct {
			name string
			fn   func([]byte) bool
		}{"Personnummer", Personnummer},
		struct {
			name string
			fn   func([]byte) bool
		}{"OntarioDriversLicence", OntarioDriversLicence},
	)
	// DataDog's tests of the same checks (TestDataDogConformance).
	datadogEquivalents["FinnishHetuChecksum"] = []string{"HETU"}
	datadogEquivalents["SwedenPINChecksum"] = []string{"Personnummer"}
	datadogEquivalents["CoordinationNumberChecksum"] = []string{"Personnummer"}
	validatorCases["HETU"] = validatorCase{HETU,
		[]string{
			"131052-308T", // DVV's example, Presidio
			"010594Y9032", // Presidio: 2023 century signs
			"020594X903P",
			"010516B903X",
			"020503F9037",
			"010101-0101", // Datadog
			"111111-111C",
			"010101y0101",
			"290200A002C", // 29 February 2000
			"131052-9993", // individual number 900-999: a temporary code (python-stdnum rejects it by default)
		},
		[]string{
			"111111-111A", // Presidio: check character
			"311190-1111", // Presidio
			"310289-211C", // Presidio: 31 February
			"290201A002M", // 29 February 2001
			"111111-111X", // Datadog
			"010101-0102",
			"111311-111C", // month 13
			"131052/308T", // Presidio: separator
			"131052-000T", // individual number 000
			"131052-308",
			"131052-308T1",
		}}
	validatorCases["Personnummer"] = validatorCase{Personnummer,
		[]string{
			"871220-2384", // Presidio
			"19910924-2397",
			"199201232387",
			"9201232387",
			"20110925-2385",
			"670919-9530", // Datadog
			"811228-9874",
			"150882+2390", // Datadog coordination numbers
			"7010632391",
			"220090+2399", // Datadog: coordination number, month unknown
			"121212+1212", // Skatteverket's example
		},
		[]string{
			"19000309-3393", // Presidio
			"19001309-2393",
			"200504422381",
			"811228-9873", // Datadog
			"670919-9539",
			"210268-2395",
			"1234567891",
			"871220--2384",
			"8712-202384",
			"18712202384",
			"19000229-0000", // 1900 was no leap year
		}}
	validatorCases["OntarioDriversLicence"] = validatorCase{OntarioDriversLicence,
		[]string{
			"A1234-56789-01231", // month 12, day 31
			"S1234-12345-15615", // month 56: June, a woman
			"A12345678901234",
			"J5520 12345 10229",
			"Z9999-99999-90630",
		},
		[]string{
			"A1234-56789-02231", // month 2x
			"A1234-56789-07301", // month 7x
			"A1234-56789-00941", // day 4x
			"11234-56789-01231",
			"A1234-56789-0123",
			"A1234-56789-012312",
			"A1234_56789_01231",
		}}
}
