package identifiers

import "sync"

// catalog holds every managed identifier piiguard implements, one table per
// category (see the catalog_*.go files). Catalog and Lookup give copies.
var catalog = func() map[string]*Identifier {
	m := map[string]*Identifier{}
	for _, table := range [][]*Identifier{credentials, financial, personal, device, national, health, namesAndAddresses, beyond} {
		for _, id := range table {
			if _, dup := m[id.Name]; dup {
				panic("identifiers: duplicate catalog entry " + id.Name)
			}
			m[id.Name] = id
		}
	}
	return m
}()

// Catalog returns the managed identifiers piiguard implements, sorted by
// name. Each is a copy the caller may change.
func Catalog() []*Identifier {
	names := catalogNames()
	out := make([]*Identifier, len(names))
	for i, n := range names {
		out[i] = catalog[n].clone()
	}
	return out
}

// catalogNames are the catalog's names, sorted, on first use. An insertion
// sort of the ~100 names: every program that compiles the managed
// identifiers runs this, and a WebAssembly engine compiles the code it runs
// first (package sort's is ten times the size).
var catalogNames = sync.OnceValue(func() []string {
	names := make([]string, 0, len(catalog))
	for n := range catalog {
		i := len(names)
		names = append(names, n)
		for ; i > 0 && names[i-1] > n; i-- {
			names[i] = names[i-1]
		}
		names[i] = n
	}
	return names
})

// Lookup returns a copy of the managed identifier with the given name.
func Lookup(name string) (*Identifier, bool) {
	id, ok := catalog[name]
	if !ok {
		return nil, false
	}
	return id.clone(), true
}

// clone copies an identifier deeply enough that changing the copy's slices
// does not change the catalog.
func (id *Identifier) clone() *Identifier {
	c := *id
	c.Patterns = append([]Pattern(nil), id.Patterns...)
	c.Keywords = append([]string(nil), id.Keywords...)
	c.NeverReported = append([]string(nil), id.NeverReported...)
	// Validators are pointers: a caller setting Check on its copy must not
	// change the catalog.
	if id.Validator != nil {
		v := *id.Validator
		c.Validator = &v
	}
	for i := range c.Patterns {
		if pv := c.Patterns[i].Validator; pv != nil {
			v := *pv
			c.Patterns[i].Validator = &v
		}
	}
	return &c
}
