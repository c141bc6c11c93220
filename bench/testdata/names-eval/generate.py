#!/usr/bin/env python3
"""Builds the independent Name evaluation (dev.jsonl, heldout.jsonl) from
people.tsv: real people's full names, taken from the commit metadata
(author, committer, Signed-off-by and Co-authored-by names) of public
open-source repositories, placed into log-line templates, plus negative
lines holding capitalised words that are not names.

people.tsv was extracted with
  git log --format='%an%n%cn%n%(trailers:key=Signed-off-by,valueonly)%(trailers:key=Co-authored-by,valueonly)'
in each source repository (listed in README.md), e-mail addresses cut, then
filtered by plausible_full_name below. Nothing here comes from the name data
piiguard ships (identifiers/data) nor from a fake-data generator.

Deterministic: python3 generate.py (seeded). Each output line is
{"text": ..., "Name": [exact names in order], "template": ..., "kind": "pos"|"neg"}.
"""
import json, random, re, sys, unicodedata, os

HERE = os.path.dirname(os.path.abspath(__file__))
PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "dos", "das", "del", "della",
             "la", "le", "ter", "ten", "bin", "al", "el", "y", "zu", "af"}
NOT_PEOPLE = re.compile(r"(?i)\b(bot|bots|github|gitlab|action|actions|team|project|admin|root|user|"
                        r"dependabot|renovate|weblate|translat\w*|support|server|ubuntu|debian|test|"
                        r"anonymous|unknown|noreply|copilot|merge|build|release|ci|docs|oh|my|zsh|tldr|"
                        r"symfony|git|localhost|pages|community|hosted|weblate|none|null)\b")

def latin_word(t):
    # A capitalised word of Latin letters, with hyphens and apostrophes.
    if not t or not t[0].isupper():
        return False
    for ch in t:
        if ch in "-'’":
            continue
        if not ch.isalpha():
            return False
        if "LATIN" not in unicodedata.name(ch, ""):
            return False
    letters = [c for c in t if c.isalpha()]
    if len(letters) < 2:
        return False
    if all(c.isupper() for c in letters):  # PLAZANET
        return False
    # No CamelCase beyond Mc/Mac/O'/De/Di/Le/La/Van and hyphen parts.
    for part in re.split(r"[-'’]", t):
        inner = [i for i, c in enumerate(part) if c.isupper() and i > 0]
        if inner and not re.match(r"^(Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|Fitz|St)", part):
            return False
    return True

def plausible_full_name(n):
    toks = n.split()
    if not 2 <= len(toks) <= 5:
        return False
    if NOT_PEOPLE.search(n):
        return False
    words = 0
    for i, t in enumerate(toks):
        if t.lower() in PARTICLES and 0 < i < len(toks) - 1:
            continue
        if re.fullmatch(r"[A-Z]\.?", t) and 0 < i < len(toks) - 1:
            continue
        if not latin_word(t):
            return False
        words += 1
    return 2 <= words <= 4

def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if not unicodedata.combining(c))

# Templates: {n} is the name. Ids and times vary per line.
POS = [
    ('json-customer', '{{"ts":"{ts}","level":"info","msg":"order created","customer_name":"{n}","order_id":{id}}}'),
    ('json-fullName', '{{"event":"profile.updated","fullName":"{n}","userId":"u-{id}"}}'),
    ('json-display', '{{"level":"debug","display_name":"{n}","roles":["viewer"],"latency_ms":{ms}}}'),
    ('json-holder', '{{"card":{{"last4":"{l4}","holder":"{n}"}},"status":"authorized"}}'),
    ('logfmt-assignee', 'ts={ts} level=info msg="ticket assigned" assignee="{n}" ticket=OPS-{id}'),
    ('logfmt-reviewer', 'time={ts} lvl=info pr={id} reviewer="{n}" state=approved'),
    ('logfmt-fullname', 'level=warn user.full_name="{n}" user.id={id} msg="password expires soon"'),
    ('sql-set', "{ts} DEBUG sql: UPDATE customers SET full_name = '{n}' WHERE id = {id}"),
    ('git-author', 'Author: {n} <dev{id}@example.org>  Date: Mon Mar 2 14:03:11 2024 +0100'),
    ('git-author-bare', 'Author: {n} Date: Tue Apr 9 09:12:44 2024 +0200'),
    ('git-signoff', 'Signed-off-by: {n} <p{id}@example.net>'),
    ('git-coauthor', 'Co-authored-by: {n} <{id}+user@users.noreply.example.com>'),
    ('email-from', 'From: {n} <mail{id}@example.com>'),
    ('email-dear', 'Dear {n}, your subscription renews on 2025-0{m}-1{m}.'),
    ('prose-myname', '{ts} chat[{id}]: Hi, my name is {n} and I cannot log in to my account'),
    ('prose-calling', 'transcript {id}: Hello, this is {n} calling about case {id2}'),
    ('prose-here', 'support-chat: {n} here, the refund for order {id} never arrived'),
    ('prose-approved', '{ts} INFO expense report ER-{id} approved by {n}'),
    ('prose-payment', '{ts} INFO Payment of 42.{l2} EUR received from {n} for invoice INV-{id}'),
    ('prose-login', '{ts} WARN login failed for {n} (3 attempts) from 10.{m}.3.{l2}'),
    ('prose-start', '[audit] {n} changed the role of account {id} to admin'),
    ('csv', '2024-0{m}-1{m},{id},{n},ACTIVE,{l2}.10'),
    ('yaml-owner', '  owner: {n}  # service catalog entry {id}'),
    ('prose-sent', '{ts} mailer: sent invoice {id} to {n} via SMTP relay'),
    ('prose-plain', '{ts} booking {id} confirmed for {n}, 2 guests, check-in 14:00'),
    ('prose-team', '{ts} INFO on-call handover to {n} Platform Team acknowledged'),
    ('prose-month', 'Shift schedule: {n} March 3 to March 9, backup pager {id}'),
]

NEG_PHRASES = [
    # Products, services, companies, projects
    "Apache Kafka", "Spring Boot", "New Relic", "Jenkins Pipeline", "Apache Tomcat", "Google Cloud Storage",
    "Amazon Web Services", "Visual Studio Code", "Microsoft Teams", "Red Hat Enterprise Linux", "Elastic Beanstalk",
    "Cloud Foundry", "Azure Active Directory", "Oracle Database", "Docker Desktop", "Home Assistant",
    "Adobe Acrobat Reader", "Mozilla Firefox", "Google Chrome", "Windows Server", "Mac Mini", "Apple Pay",
    "Stripe Checkout", "Twilio Flex", "Salesforce Marketing Cloud", "Power BI", "Active Record", "Ruby Gems",
    "Kibana Dashboard", "Grafana Loki", "Prometheus Alertmanager", "Cassandra Driver", "Hadoop Yarn",
    "Spark Streaming", "Hive Metastore", "Zookeeper Quorum", "Redis Sentinel", "Mongo Atlas", "Rabbit Queue",
    "Blue Green Deployment", "Canary Release", "Dark Launch", "Feature Flag", "Circuit Breaker",
    # Places and things named after places or people
    "Santa Maria Novella", "St. Louis Blues", "New York", "Los Angeles", "Buenos Aires", "Rio de Janeiro",
    "San Francisco", "Hong Kong", "Costa Rica", "Puerto Rico", "Saint Petersburg", "Frankfurt am Main",
    "Palo Alto", "Mountain View", "Santa Clara", "Fort Worth", "Baton Rouge", "Las Vegas", "Salt Lake City",
    "Victoria Station", "Baker Street", "Abbey Road", "Grand Central Terminal", "Golden Gate Bridge",
    "Lake Tahoe", "Mount Everest", "Cape Town", "Costa Brava", "Monte Carlo", "Santiago de Compostela",
    # Teams, meetings, calendar
    "Monday Standup", "Platform Team", "Data Engineering", "Customer Success", "Quality Assurance",
    "Sprint Review", "Friday Retro", "Release Train", "Incident Review", "Security Council", "Board Meeting",
    "Christmas Eve", "Labor Day", "New Year", "Black Friday", "Cyber Monday", "Easter Sunday",
    # Log and UI phrases
    "Connection Refused", "Service Unavailable", "Internal Server Error", "Build Failed", "Access Denied",
    "Bad Gateway", "Gateway Timeout", "Not Found", "Too Many Requests", "Out Of Memory", "Disk Full",
    "Health Check", "Load Balancer", "Primary Key", "Foreign Key", "Dead Letter Queue", "Retry Policy",
    "Max Retries", "Will Retry", "Grace Period", "Rose Gold", "Amber Alert", "Ruby Version", "Jade Plugin",
    "Sales Order", "Purchase Order", "Credit Note", "Gift Card", "Shipping Label", "Return Merchandise",
    "Master Card", "American Express", "Diners Club", "Wells Fargo", "Bank Transfer", "Direct Debit",
    "Smart Lock", "Front Door", "Living Room", "Kitchen Light", "Garage Door", "Motion Sensor",
    "Chrome Extension", "Safari Technology Preview", "Edge Canary", "Firefox Nightly", "Opera Mini",
    "Java Virtual Machine", "Go Modules", "Rust Analyzer", "Node Package Manager", "Python Package Index",
]

NEG_TEMPLATES = [
    ('neg-deploy', '{ts} INFO deployed release {id} to {x} cluster in eu-west-1'),
    ('neg-json', '{{"level":"error","service":"{x}","msg":"request failed","status":503}}'),
    ('neg-logfmt', 'ts={ts} level=info component="{x}" msg="started" pid={id}'),
    ('neg-prose', '{ts} WARN {x} reported degraded performance for {ms} ms'),
    ('neg-calendar', 'Meeting: {x} Mon Mar 2 at 10:00, room B{id}'),
    ('neg-title', '== {x} ==  (section {id})'),
]

def main():
    rnd = random.Random(20261204)
    seen, people = set(), []
    with open(os.path.join(HERE, "people.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            repo, name = line.rstrip("\n").split("\t")
            people.append((repo, name))
    rnd.shuffle(people)
    half = len(people) // 2
    splits = {"dev": people[:half], "heldout": people[half:]}
    negs = NEG_PHRASES[:]
    rnd.shuffle(negs)
    neg_splits = {"dev": negs[: len(negs) // 2], "heldout": negs[len(negs) // 2:]}

    def vals():
        return dict(ts=f"2024-0{rnd.randint(1,9)}-{rnd.randint(10,28)}T{rnd.randint(10,23)}:{rnd.randint(10,59)}:{rnd.randint(10,59)}Z",
                    id=rnd.randint(1000, 99999), id2=rnd.randint(1000, 99999), ms=rnd.randint(1, 999),
                    l4=f"{rnd.randint(0,9999):04d}", l2=rnd.randint(10, 99), m=rnd.randint(1, 9))
    for split, ps in splits.items():
        with open(os.path.join(HERE, f"{split}.jsonl"), "w", encoding="utf-8") as out:
            for i, (repo, n) in enumerate(ps):
                tname, t = POS[i % len(POS)]
                text = t.format(n=n, **vals())
                out.write(json.dumps({"text": text, "Name": [n], "template": tname, "kind": "pos", "source": repo}, ensure_ascii=False) + "\n")
            for i in range(len(ps) // 3):
                x = neg_splits[split][i % len(neg_splits[split])]
                tname, t = NEG_TEMPLATES[(i // len(neg_splits[split]) + i) % len(NEG_TEMPLATES)]
                text = t.format(x=x, **vals())
                out.write(json.dumps({"text": text, "Name": [], "template": tname, "kind": "neg"}, ensure_ascii=False) + "\n")
        print(split, len(ps), "names", file=sys.stderr)

def extract(paths):
    """Writes people.tsv from raw 'repo<TAB>name' lines (see the docstring)."""
    seen, rows = set(), []
    for p in paths:
        with open(p, encoding="utf-8", errors="replace") as f:
            for line in f:
                if "\t" not in line:
                    continue
                repo, name = line.rstrip("\n").split("\t", 1)
                name = " ".join(name.split()).strip()
                if not plausible_full_name(name):
                    continue
                k = fold(name)
                if k in seen:
                    continue
                seen.add(k)
                rows.append((repo, name))
    rows.sort()
    with open(os.path.join(HERE, "people.tsv"), "w", encoding="utf-8") as out:
        out.write("# repo\tname (commit metadata of public repositories; see README.md)\n")
        for r in rows:
            out.write(f"{r[0]}\t{r[1]}\n")
    print(len(rows), "people", file=sys.stderr)

if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "extract":
        extract(sys.argv[2:])
    else:
        main()
