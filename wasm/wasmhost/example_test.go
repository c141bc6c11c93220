package wasmhost_test

import (
	"bufio"
	"context"
	"fmt"
	"log"
	"os"

	"github.com/piiguard/piiguard/wasm/wasmhost"
)

// A log shipper masks a log line by line, a hundred lines per call into
// the module (it needs wasm/piiguard.wasm: make wasm).
func ExampleScanner_MaskBatch() {
	ctx := context.Background()
	s, err := wasmhost.Compile(ctx, wasmhost.Config{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	in := bufio.NewScanner(os.Stdin)
	var batch [][]byte
	flush := func() {
		masked, err := s.MaskBatch(ctx, batch)
		if err != nil {
			log.Fatal(err)
		}
		for _, line := range masked {
			fmt.Printf("%s\n", line)
		}
		batch = batch[:0]
	}
	for in.Scan() {
		batch = append(batch, append([]byte(nil), in.Bytes()...))
		if len(batch) == 100 {
			flush()
		}
	}
	flush()
}
