package policy

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/piiguard/piiguard/identifiers"
)

var topFields = []string{"Name", "Description", "Version", "Statement", "Configuration"}

func parse(data []byte, ext bool) (*Policy, error) {
	if len(data) > MaxInputBytes {
		msg := fmt.Sprintf("document is more than %d bytes; CloudWatch's limit is %d characters", MaxInputBytes, MaxDocumentChars)
		if ext {
			msg = fmt.Sprintf("document is %d bytes; piiguard's limit is %d", len(data), MaxInputBytes)
		}
		return nil, &ValidationError{Errors: []FieldError{{Msg: msg}}}
	}
	root, err := decode("", data)
	if err != nil {
		return nil, err
	}
	c := &checker{}
	p := c.document(data, root, ext)
	if err := c.err(); err != nil {
		return nil, err
	}
	return p, nil
}

func sizeMsg(what string, n, limit int, unit string) string {
	return fmt.Sprintf("%s %d %s; the limit is %d", what, n, unit, limit)
}

// config is the parsed Configuration.
type config struct {
	cdis   []*cdiEntry          // first declarations of string names, in order
	byName map[string]*cdiEntry // by name
}

type cdiEntry struct {
	name    string
	nameOff int64
	path    string
	id      *identifiers.Identifier // nil when invalid
	used    bool
}

// stmt is a parsed statement.
type stmt struct {
	path  string
	sid   string
	op    string // "Audit" or "Deidentify" when exactly one is given
	opOff int64
	dest  Destinations
	list  *node // DataIdentifier, when it is an array
	refs  []ref // its string entries, without duplicates
}

// ref is one DataIdentifier entry.
type ref struct {
	raw     string
	off     int64
	idx     int
	managed string // the managed name, for an ARN
	custom  bool
}

func (c *checker) document(data []byte, root *node, ext bool) *Policy {
	if root.kind != kindObject {
		c.addf(root.off, "", "document must be a JSON object, not %s", root.kind)
		return nil
	}
	allowed := topFields
	if ext {
		allowed = append(append([]string(nil), topFields...), ExtensionKey)
	}
	f, _ := c.object("", root, allowed...)

	size, what := utf8.RuneCount(data), "document is"
	if ext {
		for _, mb := range root.members {
			if mb.key == ExtensionKey {
				size -= utf8.RuneCount(data[mb.spanStart:mb.spanEnd])
				what = "document without its PiiGuard member is"
				break
			}
		}
	}
	if size > MaxDocumentChars {
		c.addf(0, "", "%s %d characters; CloudWatch's limit is %d", what, size, MaxDocumentChars)
	}

	p := &Policy{}
	if n := c.required(root, "", f, "Name"); n != nil {
		p.Name, _ = c.nonEmpty("Name", n)
	}
	if n, ok := f["Description"]; ok {
		p.Description, _ = c.str("Description", n)
	}
	if n := c.required(root, "", f, "Version"); n != nil {
		if v, ok := c.str("Version", n); ok && v != Version {
			c.addf(n.off, "Version", "must be %q, the only version of the policy language, not %q", Version, v)
		}
	}
	cfg := &config{byName: map[string]*cdiEntry{}}
	if n, ok := f["Configuration"]; ok {
		c.configuration(cfg, n)
	}

	var stmts []*stmt
	if n := c.required(root, "", f, "Statement"); n != nil {
		if elems, ok := c.array("Statement", n); ok {
			if len(elems) != 2 {
				c.addf(n.off, "Statement", "must have exactly 2 statements, the Audit statement then the Deidentify statement; has %d", len(elems))
			}
			for i, e := range elems {
				stmts = append(stmts, c.statement(index("Statement", i), e))
			}
		}
	}
	for i, s := range stmts {
		if i > 1 || s.op == "" {
			continue
		}
		want, ord := "Audit", "first"
		if i == 1 {
			want, ord = "Deidentify", "second"
		}
		if s.op != want {
			c.addf(s.opOff, field(s.path, "Operation"), "the %s statement must be the %s statement, not %s", ord, want, s.op)
		}
	}

	// DataIdentifier entries.
	var partition, partitionPath string
	for _, s := range stmts {
		if s.list == nil {
			continue
		}
		lp := field(s.path, "DataIdentifier")
		seen := map[string]int{}
		for j, e := range s.list.elems {
			ep := index(lp, j)
			v, ok := c.str(ep, e)
			if !ok {
				continue
			}
			if k, dup := seen[v]; dup {
				c.addf(e.off, ep, "duplicate of %s (%q)", index(lp, k), v)
				continue
			}
			seen[v] = j
			r := ref{raw: v, off: e.off, idx: j}
			if strings.HasPrefix(v, "arn:") {
				part, name, ok := c.managedARN(ep, e.off, v, cfg)
				if ok {
					r.managed = name
					if partition == "" {
						partition, partitionPath = part, ep
					} else if part != partition {
						c.addf(e.off, ep, "partition %q differs from %q in %s; a policy belongs to one partition", part, partition, partitionPath)
					}
				}
			} else if d, ok := cfg.byName[v]; ok {
				r.custom = true
				d.used = true
			} else if identifiers.IsManagedName(v) {
				part := partition
				if part == "" {
					part = "aws"
				}
				c.addf(e.off, ep, "%q is a managed identifier name; statements reference managed identifiers by ARN, as %q", v, ManagedARN(part, v))
			} else {
				c.addf(e.off, ep, "%q is neither a managed identifier ARN nor the Name of a custom identifier in Configuration.CustomDataIdentifier", v)
			}
			s.refs = append(s.refs, r)
		}
	}

	// The two lists must match.
	if len(stmts) >= 2 && stmts[0].list != nil && stmts[1].list != nil {
		in0, in1 := map[string]bool{}, map[string]bool{}
		for _, r := range stmts[0].refs {
			in0[r.raw] = true
		}
		for _, r := range stmts[1].refs {
			in1[r.raw] = true
		}
		lp1 := "Statement[1].DataIdentifier"
		for _, r := range stmts[1].refs {
			if !in0[r.raw] {
				c.addf(r.off, index(lp1, r.idx), "%q is not in Statement[0].DataIdentifier; both statements must list the same identifiers", r.raw)
			}
		}
		for _, r := range stmts[0].refs {
			if !in1[r.raw] {
				c.addf(stmts[1].list.off, lp1, "lacks %q (Statement[0].DataIdentifier[%d]); both statements must list the same identifiers", r.raw, r.idx)
			}
		}
	}
	if len(stmts) > 0 {
		for _, d := range cfg.cdis {
			if !d.used {
				c.addf(d.nameOff, field(d.path, "Name"), "custom identifier %q is declared but no statement uses it", d.name)
			}
		}
	}

	// Extensions.
	var extNode *node
	if ext {
		extNode = f[ExtensionKey]
	}
	if extNode != nil {
		names := map[string]bool{}
		for _, s := range stmts {
			for _, r := range s.refs {
				if r.managed != "" {
					names[r.managed] = false
				} else if r.custom {
					names[r.raw] = true
				}
			}
		}
		p.Extensions = c.extensions(ExtensionKey, extNode, names)
	}

	if len(c.errs) > 0 || len(stmts) < 2 {
		return nil
	}
	p.Partition = partition
	if p.Partition == "" {
		p.Partition = "aws"
	}
	for _, r := range stmts[0].refs {
		if r.managed != "" {
			p.Managed = append(p.Managed, r.managed)
		} else {
			p.Custom = append(p.Custom, cfg.byName[r.raw].id)
		}
	}
	p.Audits = []Audit{{Policy: p.Name, Sid: stmts[0].sid, Identifiers: p.Names(), Destinations: stmts[0].dest}}
	p.Deidentify = true
	p.DeidentifySid = stmts[1].sid
	p.applyCustomSettings()
	return p
}

// managedARN checks a managed identifier ARN and returns its partition and name.
func (c *checker) managedARN(path string, off int64, v string, cfg *config) (partition, name string, ok bool) {
	parts := strings.SplitN(v, ":", 6)
	if len(parts) != 6 || parts[2] != "dataprotection" || parts[3] != "" || parts[4] != "aws" || !strings.HasPrefix(parts[5], "data-identifier/") {
		c.addf(off, path, "%q is not a managed identifier ARN (arn:<partition>:dataprotection::aws:data-identifier/<Name>)", v)
		return "", "", false
	}
	partition, name = parts[1], strings.TrimPrefix(parts[5], "data-identifier/")
	ok = true
	if !contains(partitions, partition) {
		c.addf(off, path, "unknown partition %q (CloudWatch's partitions are %s)", partition, strings.Join(partitions, ", "))
		ok = false
	}
	if !identifiers.IsManagedName(name) {
		msg := fmt.Sprintf("unknown managed identifier %q", name)
		if d, custom := cfg.byName[name]; custom {
			d.used = true // reported here rather than as unused
			msg += "; statements reference custom identifiers by their bare Name"
		} else {
			for _, m := range identifiers.ManagedNames() {
				if strings.EqualFold(m, name) {
					msg += fmt.Sprintf(" (did you mean %q? names are case-sensitive)", m)
					break
				}
			}
		}
		c.add(off, path, msg)
		ok = false
	}
	return partition, name, ok
}

func (c *checker) statement(path string, n *node) *stmt {
	s := &stmt{path: path}
	f, ok := c.object(path, n, "Sid", "DataIdentifier", "Operation")
	if !ok {
		return s
	}
	if sn, ok := f["Sid"]; ok {
		s.sid, _ = c.str(field(path, "Sid"), sn)
	}
	if ln := c.required(n, path, f, "DataIdentifier"); ln != nil {
		lp := field(path, "DataIdentifier")
		if elems, ok := c.array(lp, ln); ok {
			if len(elems) == 0 {
				c.add(ln.off, lp, "must list at least one identifier")
			}
			s.list = ln
		}
	}
	if on := c.required(n, path, f, "Operation"); on != nil {
		c.operation(s, field(path, "Operation"), on)
	}
	return s
}

func (c *checker) operation(s *stmt, path string, n *node) {
	f, ok := c.object(path, n, "Audit", "Deidentify")
	if !ok {
		return
	}
	a, hasA := f["Audit"]
	d, hasD := f["Deidentify"]
	switch {
	case hasA && hasD:
		c.add(n.off, path, `must have exactly one key, "Audit" or "Deidentify"; has both`)
	case !hasA && !hasD && len(n.members) == 0:
		c.add(n.off, path, `must have exactly one key, "Audit" or "Deidentify"; has none`)
	case hasA:
		s.op, s.opOff = "Audit", n.off
	case hasD:
		s.op, s.opOff = "Deidentify", n.off
	}
	if hasA {
		s.dest = c.audit(field(path, "Audit"), a)
	}
	if hasD {
		c.deidentify(field(path, "Deidentify"), d)
	}
}

func (c *checker) audit(path string, n *node) Destinations {
	var d Destinations
	f, ok := c.object(path, n, "FindingsDestination")
	if !ok {
		return d
	}
	fd := c.required(n, path, f, "FindingsDestination")
	if fd == nil {
		return d
	}
	fp := field(path, "FindingsDestination")
	ff, ok := c.object(fp, fd, "CloudWatchLogs", "Firehose", "S3")
	if !ok {
		return d
	}
	dest := func(key, sub string) string {
		n, ok := ff[key]
		if !ok {
			return ""
		}
		p := field(fp, key)
		sf, ok := c.object(p, n, sub)
		if !ok {
			return ""
		}
		v := c.required(n, p, sf, sub)
		if v == nil {
			return ""
		}
		s, _ := c.nonEmpty(field(p, sub), v)
		return s
	}
	d.CloudWatchLogs = dest("CloudWatchLogs", "LogGroup")
	d.Firehose = dest("Firehose", "DeliveryStream")
	d.S3 = dest("S3", "Bucket")
	return d
}

func (c *checker) deidentify(path string, n *node) {
	f, ok := c.object(path, n, "MaskConfig")
	if !ok {
		return
	}
	mc := c.required(n, path, f, "MaskConfig")
	if mc == nil {
		return
	}
	mp := field(path, "MaskConfig")
	if mc.kind != kindObject {
		c.addf(mc.off, mp, "must be the empty object {}, not %s", mc.kind)
		return
	}
	c.object(mp, mc, []string{}...)
}

// placeholderName is a valid custom identifier name used to check a regex
// on its own.
const placeholderName = "x"

func isRegexErr(err error) bool {
	return errors.Is(err, identifiers.ErrCustomRegex) || errors.Is(err, identifiers.ErrCustomRegexLong)
}

func (c *checker) configuration(cfg *config, n *node) {
	f, ok := c.object("Configuration", n, "CustomDataIdentifier")
	if !ok {
		return
	}
	ln, ok := f["CustomDataIdentifier"]
	if !ok {
		return
	}
	const path = "Configuration.CustomDataIdentifier"
	elems, ok := c.array(path, ln)
	if !ok {
		return
	}
	if len(elems) > identifiers.MaxCustomIdentifiers {
		c.addErr(ln.off, path, fmt.Sprintf("%v: %d", identifiers.ErrCustomCount, len(elems)), identifiers.ErrCustomCount)
	}
	var valid []*identifiers.Identifier
	for i, e := range elems {
		ep := index(path, i)
		ef, ok := c.object(ep, e, "Name", "Regex")
		if !ok {
			continue
		}
		np, rp := field(ep, "Name"), field(ep, "Regex")
		var name, regex string
		var nn, rn *node
		nameOK, regexOK := false, false
		if nn = c.required(e, ep, ef, "Name"); nn != nil {
			name, nameOK = c.str(np, nn)
		}
		if rn = c.required(e, ep, ef, "Regex"); rn != nil {
			regex, regexOK = c.str(rp, rn)
		}
		var id *identifiers.Identifier
		if nameOK {
			r := regex
			if !regexOK {
				r = "x"
			}
			var err error
			id, err = identifiers.NewCustom(name, r)
			switch {
			case err == nil:
			case isRegexErr(err):
				c.addErr(rn.off, rp, err.Error(), err)
			default:
				c.addErr(nn.off, np, err.Error(), err)
				nameOK = false
				if regexOK {
					c.regexAlone(name, rp, rn, regex)
				}
			}
			if !regexOK {
				id = nil
			}
		} else if regexOK {
			c.regexAlone("", rp, rn, regex)
		}
		if regexOK && !c.regexCharset(rp, rn, regex) {
			id = nil
		}
		if nn != nil && nn.kind == kindString {
			if first, dup := cfg.byName[name]; dup {
				c.addErr(nn.off, np, fmt.Sprintf("%q: %v (first declared at %s)", name, identifiers.ErrCustomDuplicate, first.path), identifiers.ErrCustomDuplicate)
				continue
			}
			d := &cdiEntry{name: name, nameOff: nn.off, path: ep, id: id}
			cfg.byName[name] = d
			if nameOK {
				cfg.cdis = append(cfg.cdis, d)
			}
		}
		if id != nil {
			valid = append(valid, id)
		}
	}
	// Count and duplicates are reported above with their paths; anything
	// else CheckCustomSet may enforce is reported on the list.
	if err := identifiers.CheckCustomSet(valid); err != nil &&
		!errors.Is(err, identifiers.ErrCustomCount) && !errors.Is(err, identifiers.ErrCustomDuplicate) {
		c.addErr(ln.off, path, err.Error(), err)
	}
}

// regexAlone checks a regex whose identifier's name is invalid or missing.
func (c *checker) regexAlone(name, path string, n *node, regex string) {
	_, err := identifiers.NewCustom(placeholderName, regex)
	if err == nil {
		return
	}
	msg := strings.TrimPrefix(err.Error(), placeholderName+": ")
	if name != "" {
		msg = name + ": " + msg
	}
	c.addErr(n.off, path, msg, err)
}

// regexChars are the characters CloudWatch allows in a custom identifier
// regex besides ASCII letters and digits.
const regexChars = "_#=@/;,- ^$?[]{}|\\*+."

// regexCharset reports characters CloudWatch does not allow in a custom
// identifier regex.
func (c *checker) regexCharset(path string, n *node, regex string) bool {
	var bad []string
	for _, r := range regex {
		if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(regexChars, r)) {
			continue
		}
		q := fmt.Sprintf("%q", r)
		if !contains(bad, q) {
			bad = append(bad, q)
		}
	}
	if len(bad) == 0 {
		return true
	}
	what := "character " + bad[0] + " is"
	if len(bad) > 1 {
		what = "characters " + strings.Join(bad, " ") + " are"
	}
	c.addf(n.off, path, `%s not allowed; CloudWatch allows letters, digits, space, _ # = @ / ; , - and the regex characters ^ $ ? [ ] { } | \ * + .`, what)
	return false
}
