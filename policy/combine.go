package policy

import (
	"slices"

	"github.com/piiguard/piiguard/identifiers"
)

// Combine returns the policy in force in a log group that has the
// log-group-level policy logGroup while the account-level policy account
// exists; either may be nil (Combine returns a copy of the other, or nil
// when both are). CloudWatch documents that both apply, cumulatively: an
// identifier named in either is audited and masked. So:
//
//   - Managed and Custom are the unions, account first, without duplicates.
//     A custom name both define gets the patterns of both (a value matching
//     either is found); see the package documentation for its keywords.
//   - Audits holds the account's Audit, then the log group's: each policy's
//     findings go to its own destinations, under its own name, for its own
//     identifiers.
//   - Deidentify is true when either policy masks.
//   - Name, Description, Partition and DeidentifySid are the log group's.
//   - Extensions merge: list settings (allow lists, keywords) are unions;
//     a single-valued setting (mask, threshold) set by the log-group policy
//     overrides the account's for the same identifier (or globally).
//
// The result shares nothing with its arguments. It is not a document and
// MarshalJSON refuses it.
func Combine(account, logGroup *Policy) *Policy {
	switch {
	case account == nil && logGroup == nil:
		return nil
	case account == nil:
		return logGroup.Clone()
	case logGroup == nil:
		return account.Clone()
	}
	out := &Policy{
		Name:          logGroup.Name,
		Description:   logGroup.Description,
		Partition:     logGroup.Partition,
		Managed:       unionStrings(account.Managed, logGroup.Managed, same),
		Deidentify:    account.Deidentify || logGroup.Deidentify,
		DeidentifySid: logGroup.DeidentifySid,
	}
	for _, src := range []*Policy{account, logGroup} {
		for _, a := range src.Audits {
			out.Audits = append(out.Audits, cloneAudit(a))
		}
		for _, c := range src.Custom {
			if prev := out.CustomIdentifier(c.Name); prev != nil {
				mergeCustom(prev, c)
			} else {
				out.Custom = append(out.Custom, cloneIdentifier(c))
			}
		}
	}
	out.Extensions = combineExtensions(account.Extensions, logGroup.Extensions)
	return out
}

// mergeCustom adds b's detection to a, which has the same name. A pattern
// keeps the keyword requirement of the identifier it came from.
func mergeCustom(a, b *identifiers.Identifier) {
	required := a.KeywordRequired && b.KeywordRequired
	var pats []identifiers.Pattern
	add := func(id *identifiers.Identifier) {
		for _, p := range id.Patterns {
			if !required {
				p.NeedsKeyword = p.NeedsKeyword || id.KeywordRequired
			}
			dup := false
			for i, q := range pats {
				if q.Expr == p.Expr {
					pats[i].NeedsKeyword = q.NeedsKeyword && p.NeedsKeyword
					dup = true
				}
			}
			if !dup {
				pats = append(pats, p)
			}
		}
	}
	add(a)
	add(b)
	a.Patterns = pats
	a.KeywordRequired = required
	a.Keywords = unionStrings(a.Keywords, b.Keywords, keywordKey)
	a.Window = maxWindow(a.Window, b.Window)
	if b.Confidence > a.Confidence {
		a.Confidence = b.Confidence
	}
}

// maxWindow returns the larger of two keyword windows, 0 standing for
// identifiers.DefaultWindow.
func maxWindow(a, b int) int {
	if a == 0 && b == 0 {
		return 0
	}
	eff := func(w int) int {
		if w == 0 {
			return identifiers.DefaultWindow
		}
		return w
	}
	return max(eff(a), eff(b))
}

func combineExtensions(a, b *Extensions) *Extensions {
	switch {
	case a == nil && b == nil:
		return nil
	case a == nil:
		return b.Clone()
	case b == nil:
		return a.Clone()
	}
	out := &Extensions{
		Mask:      cloneMask(override(a.Mask, b.Mask)),
		Threshold: cloneFloat(override(a.Threshold, b.Threshold)),
		AllowList: unionAllow(a.AllowList, b.AllowList),
	}
	for _, e := range []*Extensions{a, b} {
		for name, s := range e.Identifiers {
			if out.Identifiers == nil {
				out.Identifiers = map[string]IdentifierSettings{}
			}
			prev, ok := out.Identifiers[name]
			if !ok {
				out.Identifiers[name] = s.clone()
				continue
			}
			out.Identifiers[name] = IdentifierSettings{
				Mask:            cloneMask(override(prev.Mask, s.Mask)),
				Threshold:       cloneFloat(override(prev.Threshold, s.Threshold)),
				Keywords:        unionStrings(prev.Keywords, s.Keywords, keywordKey),
				KeywordRequired: prev.KeywordRequired && s.KeywordRequired,
				Window:          maxWindow(prev.Window, s.Window),
				AllowList:       unionAllow(prev.AllowList, s.AllowList),
			}
		}
	}
	return out
}

func override[T any](account, logGroup *T) *T {
	if logGroup != nil {
		return logGroup
	}
	return account
}

// Clone returns a deep copy of the policy.
func (p *Policy) Clone() *Policy {
	if p == nil {
		return nil
	}
	out := *p
	out.Managed = slices.Clone(p.Managed)
	out.Custom = nil
	for _, c := range p.Custom {
		out.Custom = append(out.Custom, cloneIdentifier(c))
	}
	out.Audits = nil
	for _, a := range p.Audits {
		out.Audits = append(out.Audits, cloneAudit(a))
	}
	out.Extensions = p.Extensions.Clone()
	return &out
}

// Clone returns a deep copy of the extensions.
func (e *Extensions) Clone() *Extensions {
	if e == nil {
		return nil
	}
	out := &Extensions{
		Mask:      cloneMask(e.Mask),
		Threshold: cloneFloat(e.Threshold),
		AllowList: e.AllowList.clone(),
	}
	if e.Identifiers != nil {
		out.Identifiers = make(map[string]IdentifierSettings, len(e.Identifiers))
		for n, s := range e.Identifiers {
			out.Identifiers[n] = s.clone()
		}
	}
	return out
}

func (s IdentifierSettings) clone() IdentifierSettings {
	s.Mask = cloneMask(s.Mask)
	s.Threshold = cloneFloat(s.Threshold)
	s.Keywords = slices.Clone(s.Keywords)
	s.AllowList = s.AllowList.clone()
	return s
}

func (a AllowList) clone() AllowList {
	return AllowList{Values: slices.Clone(a.Values), Patterns: slices.Clone(a.Patterns)}
}

func cloneMask(m *Mask) *Mask {
	if m == nil {
		return nil
	}
	c := *m
	return &c
}

func cloneFloat(f *float64) *float64 {
	if f == nil {
		return nil
	}
	c := *f
	return &c
}

func cloneAudit(a Audit) Audit {
	a.Identifiers = slices.Clone(a.Identifiers)
	return a
}

func cloneIdentifier(id *identifiers.Identifier) *identifiers.Identifier {
	if id == nil {
		return nil
	}
	c := *id
	c.Patterns = slices.Clone(id.Patterns)
	c.Keywords = slices.Clone(id.Keywords)
	c.NeverReported = slices.Clone(id.NeverReported)
	return &c
}
