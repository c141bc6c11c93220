module github.com/piiguard/piiguard

go 1.26

require (
	github.com/BurntSushi/rure-go v0.0.0-20231211185014-8a0f52724b91
	github.com/cloudflare/ahocorasick v0.0.0-20240916140611-054963ec9396
)
