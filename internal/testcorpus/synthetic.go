package testcorpus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// Span is one value in a corpus: the identifier that should report it and
// its byte offsets [Start, End) in line Line.
type Span struct {
	Identifier string
	Line       int
	Start, End int
}

func (s Span) String() string {
	return fmt.Sprintf("%s line %d [%d:%d]", s.Identifier, s.Line, s.Start, s.End)
}

// Corpus is a list of log lines with, for a synthetic corpus, the ground
// truth: where the generator put sensitive values.
type Corpus struct {
	Name  string
	Lines [][]byte
	// Planted are the sensitive values the generator planted at the
	// requested density, each in its usual context (a card number after
	// "card=", an SSN after "ssn=", ...).
	Planted []Span
	// Background are the IP and e-mail addresses that realistic log lines
	// carry anyway (client addresses, mail recipients): the detector reports
	// them too, but they do not count towards the density.
	Background []Span
}

// Bytes returns the total length of the lines.
func (c *Corpus) Bytes() int64 {
	var n int64
	for _, l := range c.Lines {
		n += int64(len(l))
	}
	return n
}

// Synthetic returns a deterministic corpus of realistic log lines, a
// fraction density of which (rounded to a whole number of lines) carry one
// planted sensitive value (a few kinds, such as a payment record, carry
// several). The same arguments always give the same corpus.
func Synthetic(lines int, density float64, seed uint64) *Corpus {
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	c := &Corpus{Name: fmt.Sprintf("synthetic-%gpct", math.Round(density*1000)/10), Lines: make([][]byte, lines)}
	// Choose exactly round(lines*density) lines to carry a value.
	n := int(float64(lines)*density + 0.5)
	n = min(max(n, 0), lines)
	order := r.Perm(lines)
	planted := make([]bool, lines)
	for _, i := range order[:n] {
		planted[i] = true
	}
	g := &gen{r: r, clock: 1710692018000 + int64(seed%1000)*86400000}
	for i := range lines {
		lb := &lineBuilder{line: i, planted: &c.Planted, background: &c.Background}
		g.clock += int64(r.IntN(250))
		if planted[i] {
			g.plantLine(lb)
		} else {
			g.backgroundLine(lb)
		}
		c.Lines[i] = lb.b
	}
	return c
}

// lineBuilder assembles one line and records the spans of values in it.
type lineBuilder struct {
	b                   []byte
	line                int
	planted, background *[]Span
}

func (lb *lineBuilder) add(parts ...string) {
	for _, p := range parts {
		lb.b = append(lb.b, p...)
	}
}

func (lb *lineBuilder) addf(format string, args ...any) { lb.b = fmt.Appendf(lb.b, format, args...) }

func (lb *lineBuilder) value(to *[]Span, identifier, v string) {
	start := len(lb.b)
	lb.b = append(lb.b, v...)
	*to = append(*to, Span{Identifier: identifier, Line: lb.line, Start: start, End: len(lb.b)})
}

// plant writes a sensitive value.
func (lb *lineBuilder) plant(identifier, v string) { lb.value(lb.planted, identifier, v) }

// bg writes an IP or e-mail address that is part of the background.
func (lb *lineBuilder) bg(identifier, v string) { lb.value(lb.background, identifier, v) }

// gen holds the state of one corpus: its random source and clock.
type gen struct {
	r     *rand.Rand
	clock int64 // milliseconds since the epoch
}

var (
	services = []string{"checkout", "payments", "accounts", "inventory", "gateway", "search", "auth",
		"notifications", "orders", "billing", "shipping", "profile"}
	levels = []string{"INFO", "INFO", "INFO", "INFO", "DEBUG", "DEBUG", "WARN", "ERROR"}
	verbs  = []string{"GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH"}
	paths  = []string{"/api/v1/orders/%d", "/api/v2/users/%d/sessions", "/healthz", "/static/js/app.%x.js",
		"/v2/%x/servers/detail", "/api/v1/carts/%d/items", "/metrics", "/api/v1/search?q=shoes&page=%d",
		"/internal/jobs/%d/status", "/api/v1/products/%d/reviews"}
	statuses = []int{200, 200, 200, 200, 201, 204, 301, 304, 400, 401, 403, 404, 409, 429, 500, 502, 503}
	months   = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	users    = []string{"root", "admin", "deploy", "ubuntu", "git", "postgres", "oracle", "test", "guest", "jenkins"}
	tenants  = []string{"acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka"}
	hosts    = []string{"LabSZ", "combo", "node-17", "web-03", "db-primary", "ip-10-0-3-7", "worker-2a"}
	k8sPods  = []string{"web", "api", "worker", "cron", "ingress-nginx-controller", "redis-master"}
	// Messages of application log lines. None holds a catalog keyword.
	appMessages = []string{
		"request completed", "cache miss, fetching from origin", "retrying upstream call",
		"connection pool exhausted, waiting", "scheduled job finished", "rate limit exceeded for tenant",
		"feature flag evaluated", "session refreshed", "upstream returned an error", "message published to topic",
		"reconciling desired state", "slow query detected", "health check passed", "config reloaded from disk",
		"circuit breaker opened", "batch flushed to storage",
	}
)

// timestamp formats the clock as ISO 8601 with milliseconds.
func (g *gen) timestamp() string {
	ms := g.clock
	sec := ms / 1000
	// A fixed civil calendar conversion: days since 1970-01-01.
	days, rem := sec/86400, sec%86400
	y, m, d := civil(days)
	return fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y, m, d, rem/3600, rem/60%60, rem%60, ms%1000)
}

// civil converts days since the epoch to a date (Howard Hinnant's algorithm).
func civil(z int64) (y, m, d int64) {
	z += 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return
}

func (g *gen) uuid() string {
	h := randString(g.r, lowerHex, 32)
	return h[0:8] + "-" + h[8:12] + "-4" + h[13:16] + "-" + h[16:20] + "-" + h[20:32]
}

// hexID returns n lower-case hex digits, the first a letter (so that an id
// is never a long run of digits).
func (g *gen) hexID(n int) string {
	return string(rune('a'+g.r.IntN(6))) + randString(g.r, lowerHex, n-1)
}

func (g *gen) path() string {
	p := pick(g.r, paths)
	if strings.Contains(p, "%") {
		if strings.Contains(p, "%x") {
			return fmt.Sprintf(p, g.r.Uint32())
		}
		return fmt.Sprintf(p, g.r.IntN(100000))
	}
	return p
}

func (g *gen) syslogTime() string {
	_, m, d := civil(g.clock / 86400000)
	sec := g.clock / 1000 % 86400
	return fmt.Sprintf("%s %2d %02d:%02d:%02d", months[m-1], d, sec/3600, sec/60%60, sec%60)
}

// backgroundLine writes a line without planted values, in the style of one
// of the systems in loghub or of a modern service.
func (g *gen) backgroundLine(lb *lineBuilder) {
	r := g.r
	switch r.IntN(12) {
	case 0, 1: // key=value application log
		lb.add(g.timestamp(), " ", pick(r, levels), " [", pick(r, services), "-svc] req=", g.hexID(16), " ")
		lb.add(pick(r, verbs), " ", g.path())
		lb.addf(" status=%d dur=%d.%dms bytes=%d", pick(r, statuses), r.IntN(900), r.IntN(10), r.IntN(60000))
		if r.IntN(3) == 0 {
			lb.add(" client=")
			lb.bg("IpAddress", ipv4(r))
		}
	case 2, 3: // JSON application log
		lb.add(`{"ts":"`, g.timestamp(), `","level":"`, strings.ToLower(pick(r, levels)), `","service":"`, pick(r, services),
			`","trace_id":"`, g.uuid(), `","msg":"`, pick(r, appMessages), `"`)
		lb.addf(`,"attempt":%d,"latency_ms":%d.%02d,"pool_size":%d}`, r.IntN(5), r.IntN(2000), r.IntN(100), 8<<r.IntN(4))
	case 4: // HDFS
		lb.addf("081109 %06d %d INFO dfs.", r.IntN(240000), r.IntN(1000))
		switch r.IntN(3) {
		case 0:
			lb.addf("DataNode$PacketResponder: PacketResponder %d for block blk_%d terminating", r.IntN(3), r.Int64()-(1<<62))
		case 1:
			lb.add("FSNamesystem: BLOCK* NameSystem.addStoredBlock: blockMap updated: ")
			lb.bg("IpAddress", ipv4(r))
			lb.addf(":50010 is added to blk_%d size %d", r.Int64(), 67108864-r.IntN(1<<20))
		default:
			lb.add("DataNode$DataXceiver: Receiving block blk_", fmt.Sprint(r.Int64()), " src: /")
			lb.bg("IpAddress", ipv4(r))
			lb.add(":", fmt.Sprint(between(r, 30000, 60000)), " dest: /")
			lb.bg("IpAddress", ipv4(r))
			lb.add(":50010")
		}
	case 5: // sshd
		lb.add(g.syslogTime(), " ", pick(r, hosts), " sshd[", fmt.Sprint(between(r, 1000, 32000)), "]: ")
		switch r.IntN(3) {
		case 0:
			lb.add("Failed password for invalid user ", pick(r, users), " from ")
		case 1:
			lb.add("Accepted publickey for ", pick(r, users), " from ")
		default:
			lb.add("Received disconnect from ")
		}
		lb.bg("IpAddress", ipv4(r))
		lb.addf(" port %d ssh2", between(r, 1024, 65535))
	case 6: // OpenStack nova
		lb.add("nova-api.log.1.2017-05-16_13:53:08 ", g.timestamp()[:10], " ", g.timestamp()[11:23])
		lb.addf(" %d INFO nova.osapi_compute.wsgi.server [req-%s %s %s - - -] ", between(r, 2000, 30000), g.uuid(),
			randString(r, lowerHex, 32), randString(r, lowerHex, 32))
		lb.bg("IpAddress", ipv4(r))
		lb.addf(` "%s %s HTTP/1.1" status: %d len: %d time: 0.%07d`, pick(r, verbs), g.path(), pick(r, statuses),
			between(r, 200, 4000), r.IntN(10000000))
	case 7: // Zookeeper
		ip := ipv4(r)
		lb.add(g.timestamp()[:10], " ", g.timestamp()[11:19], ",", fmt.Sprintf("%03d", r.IntN(1000)), " - INFO  [/")
		lb.bg("IpAddress", ip)
		lb.add(":3888:QuorumCnxManager$Listener@493] - Received connection request /")
		lb.bg("IpAddress", ip)
		lb.addf(":%d", between(r, 30000, 60000))
	case 8: // Spark
		lb.addf("17/06/%02d %02d:%02d:%02d INFO ", between(r, 1, 30), r.IntN(24), r.IntN(60), r.IntN(60))
		switch r.IntN(3) {
		case 0:
			lb.addf("storage.BlockManager: Found block rdd_%d_%d locally", r.IntN(50), r.IntN(20))
		case 1:
			lb.addf("executor.Executor: Finished task %d.0 in stage %d.0 (TID %d). %d bytes result sent to driver",
				r.IntN(40), r.IntN(20), r.IntN(5000), between(r, 900, 3000))
		default:
			lb.addf("storage.MemoryStore: Block broadcast_%d stored as values in memory (estimated size %d.%d KB, free %d.%d MB)",
				r.IntN(100), r.IntN(1000), r.IntN(10), r.IntN(1000), r.IntN(10))
		}
	case 9: // Kubernetes klog
		lb.addf("I%02d%02d %s.%06d %7d %s.go:%d] ", between(r, 1, 12), between(r, 1, 28), g.timestamp()[11:19], r.IntN(1000000),
			1, pick(r, []string{"controller", "reconciler", "kubelet", "scheduler"}), between(r, 50, 900))
		lb.addf(`"Reconciling" pod="default/%s-%s-%s" generation=%d`, pick(r, k8sPods), randString(r, lowerHex, 9),
			randString(r, "bcdfghjklmnpqrstvwxz2456789", 5), r.IntN(100))
	case 10: // Postfix: mail recipient and relay address
		lb.add(g.syslogTime(), " mx1 postfix/smtp[", fmt.Sprint(between(r, 1000, 32000)), "]: ", randString(r, "0123456789ABCDEF", 10), ": to=<")
		lb.bg("EmailAddress", email(r))
		lb.add(">, relay=mx.example.org[")
		lb.bg("IpAddress", ipv4(r))
		lb.addf("]:25, delay=%d.%d, delays=0.%02d/0/0.%02d/0.%d, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)",
			r.IntN(5), r.IntN(100), r.IntN(100), r.IntN(100), r.IntN(10))
	default: // Android
		lb.add(g.timestamp()[5:10], " ", g.timestamp()[11:23])
		lb.addf("  %d  %d %s ", between(r, 500, 3000), between(r, 500, 9000), pick(r, []string{"D", "I", "V", "W", "E"}))
		lb.addf("PowerManagerService: acquire lock=%d, flags=0x%x, tag=\"View Lock\", name=com.android.systemui, ws=null, uid=%d, pid=%d",
			r.Int32(), r.IntN(16), between(r, 1000, 11000), between(r, 500, 9000))
	}
}

// field is one key and value of a planted record; identifier is empty for
// values that are not sensitive.
type field struct {
	key, value, identifier string
}

// plantKind is a kind of record that carries sensitive values.
type plantKind struct {
	weight int
	msg    []string
	fields func(r *rand.Rand) []field
}

func sensitive(keys []string, identifier string, gen func(*rand.Rand) string) func(*rand.Rand) []field {
	return func(r *rand.Rand) []field {
		return []field{{pick(r, keys), gen(r), identifier}}
	}
}

var plantKinds = []plantKind{
	{4, []string{"password reset requested", "receipt sent", "user signed up", "invitation accepted"},
		sensitive([]string{"email", "user_email", "recipient", "userEmail"}, "EmailAddress", email)},
	{3, []string{"payment authorized", "charge captured", "card tokenized"},
		sensitive([]string{"card", "card_number", "cardNumber", "pan", "ccn"}, "CreditCardNumber", cardNumber)},
	{1, []string{"checkout submitted", "payment method added"}, func(r *rand.Rand) []field {
		return []field{
			{pick(r, []string{"card", "card_number"}), cardNumber(r), "CreditCardNumber"},
			{pick(r, []string{"expiry", "expiration"}), cardExpiry(r), "CreditCardExpiration"},
			{pick(r, []string{"cvv", "cvc", "cvv2"}), fmt.Sprintf("%03d", r.IntN(1000)), "CreditCardSecurityCode"},
		}
	}},
	{2, []string{"identity verified", "background check queued", "tax form received"},
		sensitive([]string{"ssn", "SSN", "social_security_number"}, "Ssn-US", ssn)},
	{2, []string{"verification code sent", "callback scheduled", "two-factor enrolled"},
		sensitive([]string{"phone", "mobile", "to", "msisdn"}, "PhoneNumber-US", phoneUS)},
	{1, []string{"verification code sent", "callback scheduled"},
		sensitive([]string{"phone", "mobile", "to", "msisdn"}, "PhoneNumber-GB", phoneGB)},
	{1, []string{"sepa transfer initiated", "payout destination changed"},
		sensitive([]string{"iban", "IBAN", "debtor_iban"}, "BankAccountNumber-DE", ibanDE)},
	{1, []string{"sepa transfer initiated", "payout destination changed"},
		sensitive([]string{"iban", "IBAN", "creditor_iban"}, "BankAccountNumber-GB", ibanGB)},
	{1, []string{"loaded credentials from environment", "assuming role"},
		sensitive([]string{"aws_secret_access_key", "AWS_SECRET_ACCESS_KEY", "SecretAccessKey"}, "AwsSecretKey", awsSecretKey)},
	{2, []string{"customer profile updated", "age verification"},
		sensitive([]string{"dob", "date_of_birth", "birthDate", "DOB"}, "DateOfBirth", dateOfBirth)},
	{1, []string{"vehicle registered", "insurance quote requested"},
		sensitive([]string{"vin", "VIN"}, "VehicleIdentificationNumber", vin)},
	{1, []string{"address validated", "shipping estimate computed"},
		sensitive([]string{"zip_code", "zipCode"}, "ZipCode-US", zipCode)},
	{1, []string{"address validated", "shipping estimate computed"},
		sensitive([]string{"postal_code", "postcode"}, "PostalCode-CA", postalCodeCA)},
	{1, []string{"device checked in", "geofence evaluated"},
		sensitive([]string{"location", "position", "coordinates"}, "LatLong", latLong)},
	{1, []string{"travel document checked", "booking confirmed"},
		sensitive([]string{"passport", "passport_no", "passport_number"}, "PassportNumber-US", passportUS)},
	{1, []string{"rental agreement signed", "identity verified"},
		sensitive([]string{"driver_license", "drivers_license", "driversLicense"}, "DriversLicense-US", driversLicenseUS)},
	{1, []string{"direct deposit enrolled", "ach transfer queued"},
		sensitive([]string{"bank_account", "checking_account", "savings_acct"}, "BankAccountNumber-US", bankAccountUS)},
	{1, []string{"tls material loaded", "deploy key rotated"}, func(r *rand.Rand) []field {
		k := pemKey(r)
		return []field{{pick(r, []string{"private_key", "key", "ssh_key"}), k, pemIdentifier(k)}}
	}},
	{1, []string{"client connected", "login succeeded"},
		sensitive([]string{"client_ip", "remote_addr"}, "IpAddress", ipv6)},
}

var plantWeightSum = func() int {
	n := 0
	for _, k := range plantKinds {
		n += k.weight
	}
	return n
}()

// plantLine writes an application log line (key=value or JSON) carrying a
// record of sensitive values.
func (g *gen) plantLine(lb *lineBuilder) {
	r := g.r
	w := r.IntN(plantWeightSum)
	kind := &plantKinds[0]
	for i := range plantKinds {
		if w < plantKinds[i].weight {
			kind = &plantKinds[i]
			break
		}
		w -= plantKinds[i].weight
	}
	msg := pick(r, kind.msg)
	fields := kind.fields(r)
	tenant := pick(r, tenants)
	if r.IntN(2) == 0 {
		lb.add(g.timestamp(), " ", pick(r, levels[:4]), " [", pick(r, services), "-svc] req=", g.hexID(16))
		if r.IntN(2) == 0 {
			lb.add(" client=")
			lb.bg("IpAddress", ipv4(r))
		}
		lb.add(" ", msg, " tenant=", tenant)
		for _, f := range fields {
			lb.add(" ", f.key, "=")
			quote := strings.Contains(f.value, " ")
			if quote {
				lb.add(`"`)
			}
			if f.identifier != "" {
				lb.plant(f.identifier, f.value)
			} else {
				lb.add(f.value)
			}
			if quote {
				lb.add(`"`)
			}
		}
		lb.add(" outcome=", pick(r, []string{"ok", "accepted", "pending"}))
		return
	}
	lb.add(`{"ts":"`, g.timestamp(), `","level":"info","service":"`, pick(r, services), `","trace_id":"`, g.uuid(),
		`","msg":"`, msg, `","tenant":"`, tenant, `"`)
	for _, f := range fields {
		lb.add(`,"`, f.key, `":"`)
		if f.identifier != "" {
			lb.plant(f.identifier, f.value)
		} else {
			lb.add(f.value)
		}
		lb.add(`"`)
	}
	lb.add(`,"outcome":"`, pick(r, []string{"ok", "accepted", "pending"}), `"}`)
}
