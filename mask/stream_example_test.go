package mask_test

import (
	"io"
	"os"
	"strings"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/mask"
)

func ExampleNewWriter() {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		panic(err)
	}
	w := mask.NewWriter(os.Stdout, s, mask.Asterisk, mask.StreamOptions{})
	io.WriteString(w, "login ok user=maria.garcia@exa") // held: the line is not complete
	io.WriteString(w, "mple.org\nretry ssn 536-22-1234")
	w.Close() // writes the last line, which has no '\n'
	// Output:
	// login ok user=************************
	// retry ssn ***********
}

func ExampleNewReader() {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		panic(err)
	}
	in := strings.NewReader(`{"ssn":"536-22-1234"}` + "\ncard 4929 3812 6548 1006\n")
	j, _ := mask.NewJSON(s, mask.Asterisk, mask.JSONOptions{})
	r := mask.NewReader(in, s, mask.Asterisk, mask.StreamOptions{JSON: j})
	io.Copy(os.Stdout, r)
	// Output:
	// {"ssn":"***********"}
	// card *******************
}
