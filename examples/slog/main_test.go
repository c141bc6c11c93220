package main

import (
	"bytes"
	"testing"
)

func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	want := `{"level":"INFO","msg":"kyc retry","ssn":"***********","attempt":2}
{"level":"INFO","msg":"kyc retry","ssn":"*********"}
{"level":"INFO","msg":"receipt sent to ************************"}
{"level":"INFO","msg":"charge","card":{"number":"*******************","amount":42}}
{"level":"ERROR","msg":"lookup failed","err":"no account for ************************"}
{"level":"INFO","msg":"order","order":{"id":58213,"email":"************************","cardLast4":"1006"}}
{"level":"INFO","msg":"kyc retry","ssn":"***-**-1234"}
`
	if b.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", b.String(), want)
	}
}
