module github.com/piiguard/piiguard

go 1.26

require (
	github.com/BurntSushi/rure-go v0.0.0-20231211185014-8a0f52724b91
	github.com/cloudflare/ahocorasick v0.0.0-20240916140611-054963ec9396
	github.com/tetratelabs/wazero v1.12.0
	github.com/tink-crypto/tink-go/v2 v2.9.0
)

require golang.org/x/sys v0.46.0 // indirect
