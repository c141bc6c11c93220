package slogmask_test

import (
	"log/slog"
	"os"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/slogmask"
)

func ExampleNewHandler() {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		panic(err)
	}
	text := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{} // stable output for the example
			}
			return a
		},
	})
	logger := slog.New(slogmask.NewHandler(text, s, nil))

	logger.Info("kyc retry", slog.String("ssn", "536-22-1234"), slog.Int("attempt", 2))
	logger.Info("sent receipt to maria.garcia@example.org")
	logger.WithGroup("card").Info("charge", slog.String("number", "4929 3812 6548 1006"))
	// Output:
	// level=INFO msg="kyc retry" ssn=*********** attempt=2
	// level=INFO msg="sent receipt to ************************"
	// level=INFO msg=charge card.number=*******************
}
