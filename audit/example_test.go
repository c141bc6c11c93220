package audit_test

import (
	"fmt"
	"os"
	"time"

	"github.com/piiguard/piiguard"
	"github.com/piiguard/piiguard/audit"
)

func ExampleNewReport() {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		panic(err)
	}
	event := []byte("é user a@example.com, passport number 123456789")
	r := audit.NewReport(event, s.Scan(event), "arn:aws:logs:us-east-1:111122223333:log-group:app:*",
		time.Date(2026, 12, 5, 1, 2, 3, 0, time.UTC))
	// Offsets are characters ("é" counts one); a value two identifiers
	// match counts under each.
	w := audit.NewWriter(os.Stdout)
	w.Write(r)
	w.Flush()
	// Output:
	// {"auditTimestamp":"2026-12-05T01:02:03Z","resourceArn":"arn:aws:logs:us-east-1:111122223333:log-group:app:*","dataIdentifiers":[{"name":"EmailAddress","count":1,"detections":[{"start":7,"end":20}]},{"name":"PassportNumber-GB","count":1,"detections":[{"start":38,"end":47}]},{"name":"PassportNumber-US","count":1,"detections":[{"start":38,"end":47}]}]}
}

func ExampleMetrics() {
	s, err := piiguard.NewScanner(piiguard.Config{})
	if err != nil {
		panic(err)
	}
	var m audit.Metrics
	for _, event := range []string{"mail a@example.com and b@example.org", "nothing here", "ssn 536-22-1234 a@example.com"} {
		m.Add(audit.NewReport([]byte(event), s.Scan([]byte(event)), "", time.Now()))
	}
	snap := m.Snapshot()
	fmt.Println(snap.LogEvents, snap.LogEventsWithFindings)
	for _, name := range snap.Names() {
		fmt.Println(name, snap.ByIdentifier[name])
	}
	// Output:
	// 3 2
	// EmailAddress 2
	// Ssn-US 1
}
