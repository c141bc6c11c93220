package piiguardprocessor

import (
	"context"
	"sync"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// piiguardProcessor scans and masks logs and traces. It is safe for
// concurrent use: each call takes a worker from a pool.
type piiguardProcessor struct {
	e       *engine
	tel     *telemetry
	workers sync.Pool
}

func newProcessor(e *engine, tel *telemetry) *piiguardProcessor {
	p := &piiguardProcessor{e: e, tel: tel}
	p.workers.New = func() any { return newWorker(e) }
	return p
}

func (p *piiguardProcessor) processLogs(ctx context.Context, ld plog.Logs) (plog.Logs, error) {
	w := p.workers.Get().(*worker)
	defer p.workers.Put(w)
	w.reset()
	rls := ld.ResourceLogs()
	for i := range rls.Len() {
		rl := rls.At(i)
		w.record(nil, rl.Resource().Attributes())
		sls := rl.ScopeLogs()
		for j := range sls.Len() {
			lrs := sls.At(j).LogRecords()
			for k := range lrs.Len() {
				lr := lrs.At(k)
				body := lr.Body()
				if w.record(&body, lr.Attributes()) {
					w.stats.records++
				}
			}
		}
	}
	p.flush(ctx, w, signalLogs)
	return ld, nil
}

func (p *piiguardProcessor) processTraces(ctx context.Context, td ptrace.Traces) (ptrace.Traces, error) {
	w := p.workers.Get().(*worker)
	defer p.workers.Put(w)
	w.reset()
	var events []pcommon.Map
	rss := td.ResourceSpans()
	for i := range rss.Len() {
		rs := rss.At(i)
		w.record(nil, rs.Resource().Attributes())
		sss := rs.ScopeSpans()
		for j := range sss.Len() {
			spans := sss.At(j).Spans()
			for k := range spans.Len() {
				span := spans.At(k)
				evs := span.Events()
				events = events[:0]
				for e := range evs.Len() {
					events = append(events, evs.At(e).Attributes())
				}
				if w.record(nil, span.Attributes(), events...) {
					w.stats.records++
				}
			}
		}
	}
	p.flush(ctx, w, signalTraces)
	return td, nil
}

func (p *piiguardProcessor) flush(ctx context.Context, w *worker, signal string) {
	if p.tel != nil {
		p.tel.record(ctx, &w.stats, signal)
	}
}
