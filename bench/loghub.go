package bench

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// LoghubDir is where the loghub corpus lives relative to this package's
// directory (the working directory of its tests): ../shared beside the
// checkout. The PIIGUARD_LOGHUB environment variable overrides it.
const LoghubDir = "../../shared/corpus/loghub"

// LoadLoghub reads every *.log file in dir (LoghubDir, or
// $PIIGUARD_LOGHUB, when dir is empty), in name order, and returns their
// non-empty lines without line terminators. It returns an error wrapping
// fs.ErrNotExist when the directory is absent or holds no log file.
func LoadLoghub(dir string) (*Corpus, error) {
	if dir == "" {
		dir = os.Getenv("PIIGUARD_LOGHUB")
	}
	if dir == "" {
		dir = LoghubDir
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.log"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("bench: no loghub *.log files in %s: %w", dir, os.ErrNotExist)
	}
	sort.Strings(files)
	c := &Corpus{Name: "loghub"}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for line := range bytes.SplitSeq(data, []byte("\n")) {
			line = bytes.TrimSuffix(line, []byte("\r"))
			if len(line) > 0 {
				c.Lines = append(c.Lines, line)
			}
		}
	}
	return c, nil
}
