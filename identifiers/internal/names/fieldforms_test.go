package names

import (
	"slices"
	"testing"
)

// TestNameFieldForms: each field name is listed with its spaced and joined
// forms, once each, in order of first appearance, names already listed
// not repeated.
func TestNameFieldForms(t *testing.T) {
	for _, tc := range []struct {
		list, want []string
	}{
		{nil, []string{}},
		{[]string{"title"}, []string{"title"}},
		{[]string{"product_name", "productname", "a_b_c", "x"},
			[]string{"product_name", "productname", "a_b_c", "x", "product name", "a b c", "abc"}},
		{[]string{"file_name", "file name", "host_name", "file_name"},
			[]string{"file_name", "file name", "host_name", "file_name", "filename", "host name", "hostname"}},
	} {
		got := nameFieldForms(tc.list)
		if !slices.Equal(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
			t.Errorf("nameFieldForms(%q) = %q, want %q", tc.list, got, tc.want)
		}
	}
}
