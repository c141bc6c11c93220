package mask

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// randomJSON writes random JSON events for the internal tests: the string
// "x", arrays and objects, whose member names are drawn from keys.
type randomJSON struct {
	r    *rand.Rand
	keys []string
	// A value is the string one time in kinds (and always past maxDepth),
	// an array one time in kinds, otherwise an object.
	kinds, maxDepth int
	// arrayLen and objectLen draw a container's number of members.
	arrayLen, objectLen func(r *rand.Rand) int
}

// event returns a random event.
func (g randomJSON) event() []byte {
	var b strings.Builder
	g.write(&b, 0)
	return []byte(b.String())
}

func (g randomJSON) write(b *strings.Builder, depth int) {
	switch k := g.r.IntN(g.kinds); {
	case depth > g.maxDepth || k == 0:
		b.WriteString(`"x"`)
	case k == 1:
		b.WriteString("[")
		for i := range g.arrayLen(g.r) {
			if i > 0 {
				b.WriteString(",")
			}
			g.write(b, depth+1)
		}
		b.WriteString("]")
	default:
		b.WriteString("{")
		for i := range g.objectLen(g.r) {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(b, "%q:", g.keys[g.r.IntN(len(g.keys))])
			g.write(b, depth+1)
		}
		b.WriteString("}")
	}
}
