// Stress is a program for TestRewriteGoProgram: it exercises what makes
// Go's WebAssembly code leave and re-enter functions through their
// dispatch (goroutine switches, stack growth, panics and recovery,
// deferred calls, closures and interface calls) and prints what it
// computed, which must not change when its module is rewritten.
package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// deep recurses n levels with a frame big enough to grow the stack many
// times, branching forward and back at every level.
func deep(n int) int {
	var pad [64]int
	for i := range pad {
		if i%3 == 0 {
			pad[i] = n + i
		} else if i%3 == 1 {
			pad[i] = n - i
		} else {
			pad[i] = n ^ i
		}
	}
	if n == 0 {
		return pad[5]
	}
	s := 0
	for _, v := range pad[:8] {
		if v&1 == 1 {
			s += v
		} else {
			s -= v
		}
	}
	return s + deep(n-1)
}

// pingPong passes a counter between two goroutines n times.
func pingPong(n int) int {
	a, b := make(chan int), make(chan int)
	go func() {
		for v := range a {
			if v%7 == 0 {
				runtime.Gosched()
			}
			b <- v + 1
		}
		close(b)
	}()
	v := 0
	for i := 0; i < n; i++ {
		a <- v
		v = <-b
		if v%5 == 0 {
			v += 2
		}
	}
	close(a)
	<-b
	return v
}

// workers sums squares across goroutines that block on a mutex and a
// WaitGroup and grow their stacks.
func workers(n int) int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			x := deep(50 + w%20)
			for i := 0; i < 200; i++ {
				if i%17 == 0 {
					runtime.Gosched()
				}
				mu.Lock()
				total += w*i + x%3
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	return total
}

var errOdd = errors.New("odd")

// mayPanic panics on odd n, after deferring calls that record the order.
func mayPanic(n int, log *[]string) (r int, err error) {
	defer func() {
		if p := recover(); p != nil {
			*log = append(*log, fmt.Sprint("recovered ", n))
			err = fmt.Errorf("%v: %w", p, errOdd)
			r = -n
		}
	}()
	for i := 0; i < 3; i++ {
		defer func(i int) { *log = append(*log, fmt.Sprint("defer ", n, i)) }(i)
	}
	if n%2 == 1 {
		var m map[string]int
		if n%4 == 1 {
			m["x"] = n // nil map: a runtime panic
		}
		panic(fmt.Sprint("odd ", n))
	}
	if n%3 == 0 {
		var s []int
		_ = s[n] // index out of range: a runtime panic through sigpanic-like paths
	}
	return n * n, nil
}

// inLoops leaves and re-enters its loops mid-body: each iteration
// recurses deep enough to grow the stack (the loop's frame is resumed
// after the unwinding), blocks in a select on goroutines that answer in
// turn, and recovers a panic raised in a deferred call's loop; the loops
// nest, and the inner one breaks out and continues the outer one.
func inLoops(n int) int {
	req, odd, even := make(chan int), make(chan int), make(chan int)
	done := make(chan struct{})
	go func() {
		for v := range req {
			if v%2 == 1 {
				odd <- v * 3
			} else {
				even <- v + 7
			}
		}
		close(done)
	}()
	s := 0
outer:
	for i := 0; i < n; i++ {
		if i%5 == 4 {
			continue
		}
		for j := 0; j < 4; j++ {
			s += deep(40+(i*j)%90) % 1000
			req <- i + j
			select {
			case v := <-odd:
				s += v
				if v%9 == 0 {
					continue outer
				}
			case v := <-even:
				s -= v
			}
			func() {
				defer func() {
					if p := recover(); p != nil {
						s += len(fmt.Sprint(p))
					}
				}()
				for k := 0; k < 3; k++ {
					if (i+j+k)%11 == 0 {
						panic(fmt.Sprint("loop ", i, j, k))
					}
					s ^= k << j
				}
			}()
			if s%13 == 0 {
				break
			}
		}
		if i%7 == 6 {
			runtime.Gosched()
		}
	}
	close(req)
	<-done
	return s
}

type shape interface{ area() int }
type sq struct{ s int }
type rect struct{ w, h int }

func (q sq) area() int   { return q.s * q.s }
func (r rect) area() int { return r.w * r.h }

func main() {
	var out strings.Builder
	fmt.Fprintln(&out, "deep", deep(20000))
	fmt.Fprintln(&out, "pingpong", pingPong(3000))
	fmt.Fprintln(&out, "workers", workers(64))
	fmt.Fprintln(&out, "inloops", inLoops(300))
	var log []string
	for n := 0; n < 12; n++ {
		r, err := mayPanic(n, &log)
		fmt.Fprintln(&out, "panic", n, r, err)
	}
	fmt.Fprintln(&out, strings.Join(log, ","))
	var shapes []shape
	for i := 0; i < 100; i++ {
		if i%2 == 0 {
			shapes = append(shapes, sq{i})
		} else {
			shapes = append(shapes, rect{i, i + 1})
		}
	}
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].area()%97 < shapes[j].area()%97 })
	sum := 0
	for i, s := range shapes {
		sum += i * s.area()
	}
	fmt.Fprintln(&out, "shapes", sum)
	m := map[string]int{}
	for i := 0; i < 5000; i++ {
		m[fmt.Sprint(i%313)] += i
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	h := 0
	for _, k := range keys {
		h = h*31 + m[k]
	}
	fmt.Fprintln(&out, "map", len(keys), h)
	os.Stdout.WriteString(out.String())
}
