package mask_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/detector"
	"github.com/piiguard/piiguard/mask"
)

// exampleText holds an SSN at [4:15] and a card number at [21:40].
const exampleText = "ssn=123-45-6789 card=4111 1111 1111 1234 ok"

var exampleFindings = []detector.Finding{
	{Identifier: "Ssn-US", Start: 4, End: 15},
	{Identifier: "CreditCardNumber", Start: 21, End: 40},
}

// exampleKey stands for a key read with LoadKey; never put a real key in
// source code.
var exampleKey = []byte("example key: 32+ bytes, not real")

func ExampleFixed() {
	fmt.Println(mask.String(exampleText, exampleFindings, mask.Fixed('#')))
	// Output: ssn=########### card=################### ok
}

func ExamplePartial() {
	last4 := mask.Partial{KeepLast: 4, Char: 'X'}
	fmt.Println(mask.String(exampleText, exampleFindings, last4))
	// Too short to keep 4 characters safely: masked whole.
	fmt.Println(mask.String("pin=1234", []detector.Finding{{Start: 4, End: 8}}, last4))
	// Output:
	// ssn=XXX-XX-6789 card=XXXX XXXX XXXX 1234 ok
	// pin=XXXX
}

func ExamplePlaceholder() {
	fmt.Println(mask.String(exampleText, exampleFindings, mask.Placeholder("")))
	fmt.Println(mask.String(exampleText, exampleFindings, mask.Placeholder("[{identifier} removed]")))
	// Output:
	// ssn={Ssn-US} card={CreditCardNumber} ok
	// ssn=[Ssn-US removed] card=[CreditCardNumber removed] ok
}

func ExampleRedact() {
	fmt.Println(mask.String(exampleText, exampleFindings, mask.Redact))
	// Output: ssn= card= ok
}

func ExampleByIdentifier() {
	m := mask.ByIdentifier{
		Default: mask.Redact,
		Maskers: map[string]mask.Masker{
			"CreditCardNumber": mask.Partial{KeepLast: 4},
		},
	}
	fmt.Println(mask.String(exampleText, exampleFindings, m))
	// Output: ssn= card=**** **** **** 1234 ok
}

func ExampleNewHash() {
	h, err := mask.NewHash(exampleKey, mask.HashOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(mask.String(exampleText, exampleFindings, h))
	// Equal values, equal hashes.
	fmt.Println(h.HashString("Ssn-US", "123-45-6789"))

	_, err = mask.NewHash([]byte("short"), mask.HashOptions{})
	fmt.Println(err)
	// Output:
	// ssn=<hash:Ssn-US:bidybedxhceybewe> card=<hash:CreditCardNumber:wgkzgcfddjjkhaei> ok
	// <hash:Ssn-US:bidybedxhceybewe>
	// mask: hash key is 5 bytes, need at least 16: key is too short
}

func ExampleNewTokenizer() {
	tk, err := mask.NewTokenizer(exampleKey)
	if err != nil {
		fmt.Println(err)
		return
	}
	masked := mask.String(exampleText, exampleFindings, tk)
	fmt.Println(masked)

	// Whoever holds the key can unmask (CloudWatch's logs:Unmask).
	orig, err := tk.UnmaskString(masked)
	fmt.Println(orig, err)
	// Output:
	// ssn=<pii:v2:Ssn-US:fOOwObGgwybFOadeKJgcZxJWjxyxwidYGoixJywCawIA> card=<pii:v2:CreditCardNumber:IzdBzFAbkaaFoIFOexDidaAEFOijYObZwICCaOkHdhykFbxjfkFyZjDF> ok
	// ssn=123-45-6789 card=4111 1111 1111 1234 ok <nil>
}

func ExampleTokenizer_Unmask() {
	tk, _ := mask.NewTokenizer(exampleKey)
	other, _ := mask.NewTokenizer([]byte("another key, 32 bytes or longer!"))
	masked := []byte("user " + tk.Token("EmailAddress", "jane@example.com") + " logged in")

	out, err := other.Unmask(masked)
	fmt.Printf("%s\n", out) // the token is left as it was
	fmt.Println(err)
	fmt.Println(errors.Is(err, mask.ErrTokenAuth))

	var te *mask.TokenError
	if errors.As(err, &te) {
		fmt.Println("bad token at byte", te.Offset)
	}
	// Output:
	// user <pii:v2:EmailAddress:eiaeJegWbAGefJehxwHBcOZbieGboxJOBbigcEAcBABwFDhWIGya> logged in
	// mask: token at byte 5: token failed authentication (wrong key or altered token); left as it was
	// true
	// bad token at byte 5
}

func ExampleLoadKey() {
	dir, _ := os.MkdirTemp("", "key")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "pii.key")
	// As written by `openssl rand -hex 32`.
	os.WriteFile(path, []byte("6f1ed002ab5595859014ebf0951522d9c0f4e2b1a5c8d7e3f9a0b1c2d3e4f5a6\n"), 0o600)

	key, err := mask.LoadKey(path)
	fmt.Println(len(key), err)
	_, err = mask.NewTokenizer(key)
	fmt.Println(err)
	// Output:
	// 32 <nil>
	// <nil>
}

func ExampleAppendMasked() {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		panic(err)
	}
	text := []byte("user a@example.com, passport number 123456789")
	fmt.Println(string(mask.AppendMasked(nil, text, s, nil)))
	fmt.Println(string(mask.AppendMasked(nil, text, s, mask.Placeholder(""))))
	// Output:
	// user *************, passport number *********
	// user {EmailAddress}, passport number {PassportNumber-GB}
}

func ExampleSafeIdentifier() {
	fmt.Println(mask.SafeIdentifier("Ssn-US"))
	fmt.Println(mask.SafeIdentifier("my id: <x>"))
	fmt.Println(mask.SafeIdentifier(""))
	// Output:
	// Ssn-US
	// my_id___x_
	// _
}
