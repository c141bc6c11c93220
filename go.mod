module github.com/piiguard/piiguard

go 1.26

require (
	github.com/BurntSushi/rure-go v0.0.0-20231211185014-8a0f52724b91
	github.com/cloudflare/ahocorasick v0.0.0-20240916140611-054963ec9396
	github.com/tetratelabs/wazero v1.12.0
)

require golang.org/x/sys v0.44.0 // indirect
