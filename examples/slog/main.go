// Command slog shows piiguard masking structured logs written with
// log/slog: a slogmask.Handler masks each record before a JSON handler
// writes it.
//
//	go run ./examples/slog
package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/mask"
	"github.com/piiguard/piiguard/slogmask"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "slog example:", err)
		os.Exit(1)
	}
}

// order is a value logged whole: the handler masks it in its JSON form.
type order struct {
	ID       int    `json:"id"`
	Email    string `json:"email"`
	CardLast string `json:"cardLast4"`
}

func run(w io.Writer) error {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		return err
	}
	jsonHandler := slog.NewJSONHandler(w, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{} // stable output
			}
			return a
		},
	})
	logger := slog.New(slogmask.NewHandler(jsonHandler, s, nil))

	// The key "ssn" is the keyword the number needs.
	logger.Info("kyc retry", slog.String("ssn", "536-22-1234"), slog.Int("attempt", 2))
	// A number with a finding becomes a masked string.
	logger.Info("kyc retry", slog.Int("ssn", 536221234))
	// Messages, groups, errors and whole values are masked too.
	logger.Info("receipt sent to maria.garcia@example.org")
	logger.WithGroup("card").Info("charge", slog.String("number", "4929 3812 6548 1006"), slog.Float64("amount", 42))
	logger.Error("lookup failed", slog.Any("err", errors.New("no account for maria.garcia@example.org")))
	logger.Info("order", slog.Any("order", order{ID: 58213, Email: "maria.garcia@example.org", CardLast: "1006"}))

	// Any masker: the last four characters kept.
	partial := slog.New(slogmask.NewHandler(jsonHandler, s, mask.Partial{KeepLast: 4}))
	partial.Info("kyc retry", slog.String("ssn", "536-22-1234"))
	return nil
}
