package keyblock

import "testing"

func TestOpens(t *testing.T) {
	for _, tc := range []struct {
		line      string
		jsonLines bool
		want      string
	}{
		{"-----BEGIN RSA PRIVATE KEY-----", false, "-----END RSA PRIVATE KEY-----"},
		{"key: -----BEGIN OPENSSH PRIVATE KEY-----", false, "-----END OPENSSH PRIVATE KEY-----"},
		{"-----BEGIN PGP PRIVATE KEY BLOCK-----", false, "-----END PGP PRIVATE KEY BLOCK-----"},
		{"-----BEGIN RSA PRIVATE KEY----- MIIE -----END RSA PRIVATE KEY-----", false, ""},
		// Another label's END does not close the key.
		{"-----BEGIN RSA PRIVATE KEY----- MIIE -----END CERTIFICATE-----", false, "-----END RSA PRIVATE KEY-----"},
		// An armour line cut before its dashes: any END closes it.
		{"-----BEGIN RSA PRIVATE KEY", false, "-----END "},
		{"-----BEGIN EC PRIVATE KEY MIIE -----END EC", false, ""},
		// Closes one key and opens another.
		{"-----END RSA PRIVATE KEY----------BEGIN EC PRIVATE KEY-----", false, "-----END EC PRIVATE KEY-----"},
		{"-----BEGIN CERTIFICATE-----", false, ""},
		{"PuTTY-User-Key-File-3: ssh-ed25519", false, "Private-MAC: "},
		{"PuTTY-User-Key-File-3: ssh-ed25519 Private-MAC: ab12", false, ""},
		{`{"key":"-----BEGIN RSA PRIVATE KEY-----\nMIIE"}`, true, ""},
		{`{"key":"-----BEGIN RSA PRIVATE KEY-----`, true, "-----END RSA PRIVATE KEY-----"}, // not valid JSON
		{`{"key":"-----BEGIN RSA PRIVATE KEY-----\nMIIE"}`, false, "-----END RSA PRIVATE KEY-----"},
		{"plain text", false, ""},
	} {
		if got := string(Opens([]byte(tc.line), tc.jsonLines)); got != tc.want {
			t.Errorf("Opens(%q, %v) = %q, want %q", tc.line, tc.jsonLines, got, tc.want)
		}
	}
}

func TestMayOpen(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"a\n-----BEGIN RSA PRIVATE KEY-----\n", true},
		{"PuTTY-User-Key-File-2: ssh-rsa", true},
		{"nothing here\n", false},
		// The armour's dashes are checked before "BEGIN ", wherever it is.
		{"BEGIN RSA PRIVATE KEY", false},
		{"----BEGIN RSA PRIVATE KEY-----", false},
		{"x BEGIN y ----- BEGIN z -----BEGIN RSA PRIVATE KEY-----", true},
		{"2015-10-18 -----BEGIN EC PRIVATE KEY-----", true},
		{"-----BEGIN", false},
	} {
		if got := MayOpen([]byte(tc.text)); got != tc.want {
			t.Errorf("MayOpen(%q) = %v", tc.text, got)
		}
	}
}

func TestLooksLikeJSON(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{`{"a":1}`, true}, {" \t[1]", true}, {"x {", false}, {"", false}, {"\r\n{", false},
	} {
		if got := LooksLikeJSON([]byte(tc.line)); got != tc.want {
			t.Errorf("LooksLikeJSON(%q) = %v", tc.line, got)
		}
	}
}

// TestOpenIn checks what keeps a held block open past its first closer:
// a key opened on a line inside it, or two keys opened on one line.
func TestOpenIn(t *testing.T) {
	for _, tc := range []struct {
		text      string
		jsonLines bool
		want      string
	}{
		{"-----BEGIN PRIVATE KEY-----\nMIIE\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END PRIVATE KEY-----\n", false, "-----END OPENSSH PRIVATE KEY-----"},
		{"-----BEGIN PRIVATE KEY-----\n-----BEGIN OPENSSH PRIVATE KEY-----\n-----END PRIVATE KEY-----\n-----END OPENSSH PRIVATE KEY-----\n", false, ""},
		{"-----BEGIN OPENSSH PRIVATE KEY----- -----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n", false, "-----END OPENSSH PRIVATE KEY-----"},
		// An END before the BEGIN closes nothing.
		{"-----BEGIN RSA PRIVATE KEY-----\n-----END EC PRIVATE KEY-----\n-----BEGIN EC PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----\n", false, "-----END EC PRIVATE KEY-----"},
		{"PuTTY-User-Key-File-3: ssh-ed25519\n-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----\n", false, "Private-MAC: "},
		{"-----BEGIN RSA PRIVATE KEY-----\n{\"k\":\"-----BEGIN EC PRIVATE KEY-----\"}\n-----END RSA PRIVATE KEY-----\n", true, ""},
		{"-----BEGIN RSA PRIVATE KEY-----\n{\"k\":\"-----BEGIN EC PRIVATE KEY-----\"}\n-----END RSA PRIVATE KEY-----\n", false, "-----END EC PRIVATE KEY-----"},
		{"plain\ntext\n", false, ""},
	} {
		if got := string(OpenIn([]byte(tc.text), tc.jsonLines)); got != tc.want {
			t.Errorf("OpenIn(%q, %v) = %q, want %q", tc.text, tc.jsonLines, got, tc.want)
		}
	}
}
