package main

import (
	"runtime/debug"
	"testing"
)

// gcPaused reports whether the collector is off (SetGCPercent(-1)),
// leaving its setting as it is.
func gcPaused() bool {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p < 0
}

// TestGCPause: a compile pauses the collector through the first small
// call after it, the next call resumes it; a large call, or a large
// allocation, resumes it at once; a compile during the pause starts it
// over; the collector's setting is restored as it was.
func TestGCPause(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	resumeGC()
	small := put(t, "mail jane@example.com")
	scanOnce := func(h int32) {
		t.Helper()
		if c := scan(h, small, 21); c != 0 {
			t.Fatalf("scan: %d", c)
		}
	}
	h := compile(0, 0)
	if h <= 0 {
		t.Fatalf("compile: %d", h)
	}
	if !gcPaused() {
		t.Fatal("the collector runs after a compile")
	}
	scanOnce(h)
	if !gcPaused() {
		t.Fatal("the collector runs during the first call after a compile")
	}
	scanOnce(h)
	if gcPaused() {
		t.Fatal("the collector is still off at the second call")
	}
	if p := debug.SetGCPercent(100); p != 100 {
		t.Fatalf("GC percent %d after the pause, want 100", p)
	}

	// A compile during the pause starts it over: the first call after the
	// second compile still runs in it.
	h = compile(0, 0)
	scanOnce(h)
	if h2 := compile(0, 0); h2 <= 0 || !gcPaused() {
		t.Fatal("no pause after the second compile")
	}
	scanOnce(h)
	if !gcPaused() {
		t.Fatal("the first call after the second compile ran without the pause")
	}
	scanOnce(h)
	if gcPaused() {
		t.Fatal("the collector is still off")
	}

	// A large allocation ends the pause before it is made.
	compile(0, 0)
	p := alloc(pausedCallLimit + 1)
	if p == 0 || gcPaused() {
		t.Fatal("the pause lasts through a large allocation")
	}
	free(p)

	// A large call ends it too.
	big := alloc(pausedCallLimit + 1)
	compile(0, 0)
	if c := scan(h, big, pausedCallLimit+1); c != 0 || gcPaused() {
		t.Fatalf("scan %d: the pause lasts through a large call", c)
	}
	free(big)
}
