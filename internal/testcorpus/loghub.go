package testcorpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// modulePath is the module whose root Root looks for.
const modulePath = "github.com/piiguard/piiguard"

// Root returns the repository root: the nearest directory at or above the
// working directory whose go.mod declares the piiguard module, or "." when
// there is none (the callers' paths then name what is missing).
func Root() string {
	dir, err := os.Getwd()
	if err != nil {
		return "."
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && declares(b, modulePath) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "."
		}
		dir = parent
	}
}

// declares reports whether the go.mod text gomod declares module path.
func declares(gomod []byte, path string) bool {
	for line := range strings.SplitSeq(string(gomod), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "module" && strings.Trim(f[1], `"`) == path {
			return true
		}
	}
	return false
}

// LoghubDir returns the directory of the loghub corpus: $PIIGUARD_LOGHUB
// when set, else ../shared/corpus/loghub beside root, the repository root
// (Root() when root is empty).
func LoghubDir(root string) string {
	if dir := os.Getenv("PIIGUARD_LOGHUB"); dir != "" {
		return dir
	}
	if root == "" {
		root = Root()
	}
	return filepath.Join(root, "..", "shared", "corpus", "loghub")
}

// File is one file of the loghub corpus.
type File struct {
	Name string // base name, such as "Apache_2k.log"
	Path string // as found, under the directory given to LoghubFiles
	Data []byte
}

// LoghubFiles reads every *.log file in dir (LoghubDir("") when empty), in
// name order. It returns an error wrapping fs.ErrNotExist when the
// directory is absent or holds no log file, so that callers can skip.
func LoghubFiles(dir string) ([]File, error) {
	if dir == "" {
		dir = LoghubDir("")
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.log"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("testcorpus: no loghub *.log files in %s: %w", dir, os.ErrNotExist)
	}
	sort.Strings(paths)
	files := make([]File, 0, len(paths))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: filepath.Base(p), Path: p, Data: data})
	}
	return files, nil
}

// Loghub returns the non-empty lines, without line terminators, of every
// *.log file in dir (LoghubDir("") when empty), file after file in name
// order. Its errors are LoghubFiles'.
func Loghub(dir string) (*Corpus, error) {
	files, err := LoghubFiles(dir)
	if err != nil {
		return nil, err
	}
	c := &Corpus{Name: "loghub"}
	for _, f := range files {
		for line := range bytes.SplitSeq(f.Data, []byte("\n")) {
			line = bytes.TrimSuffix(line, []byte("\r"))
			if len(line) > 0 {
				c.Lines = append(c.Lines, line)
			}
		}
	}
	return c, nil
}
