package main

import (
	"fmt"
	"math"
	"path/filepath"
	"runtime"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
)

// writePlots draws the scaling curves as PNG files in dir and returns
// their names.
func writePlots(res *results, dir string) ([]string, error) {
	var names []string
	draw := func(name, title, xlabel string, cs []*series, logX bool, speedup bool) error {
		if len(cs) == 0 {
			return nil
		}
		p := plot.New()
		p.Title.Text = title
		p.X.Label.Text = xlabel
		p.Y.Label.Text = "MB/s"
		if speedup {
			p.Y.Label.Text = "speed-up over one goroutine"
		}
		p.Y.Min = 0
		if logX {
			p.X.Scale = plot.LogScale{}
			p.X.Tick.Marker = sizeTicks{}
		}
		var args []any
		for _, c := range cs {
			pts := make(plotter.XYs, len(c.xs))
			for i := range c.xs {
				pts[i].X, pts[i].Y = c.xs[i], c.ys[i]
				if speedup {
					pts[i].Y /= c.ys[0]
				}
			}
			args = append(args, c.label, pts)
		}
		if err := plotutil.AddLinePoints(p, args...); err != nil {
			return err
		}
		if speedup {
			// Linear scaling up to the machine's cores, for reference.
			c := cs[0]
			pts := make(plotter.XYs, len(c.xs))
			for i := range c.xs {
				pts[i].X, pts[i].Y = c.xs[i], math.Min(c.xs[i], float64(runtime.NumCPU()))
			}
			l, err := plotter.NewLine(pts)
			if err != nil {
				return err
			}
			l.Dashes = []vg.Length{vg.Points(4), vg.Points(4)}
			p.Add(l)
			p.Legend.Add("linear up to the cores", l)
		}
		p.Legend.Top, p.Legend.Left = false, true // the curves run high
		if err := p.Save(7*vg.Inch, 4.5*vg.Inch, filepath.Join(dir, name)); err != nil {
			return err
		}
		names = append(names, name)
		return nil
	}
	if err := draw("identifiers.png", "Throughput vs. custom identifiers added to the catalog", "custom identifiers", identifierCurves(res), false, false); err != nil {
		return nil, err
	}
	if err := draw("inputsize.png", "Throughput vs. input size (one call)", "input size", sizeCurves(res), true, false); err != nil {
		return nil, err
	}
	if err := draw("goroutines.png", "Speed-up vs. goroutines sharing one Detector", "goroutines", goroutineCurves(res), false, true); err != nil {
		return nil, err
	}
	return names, nil
}

// sizeTicks marks powers of ten of kilobytes and megabytes.
type sizeTicks struct{}

func (sizeTicks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for e := 0; e <= 9; e++ {
		for _, base := range []float64{1 << 10, 1 << 20} {
			v := base * math.Pow(10, float64(e%3))
			if e >= 3 {
				continue
			}
			if v >= min && v <= max {
				ts = append(ts, plot.Tick{Value: v, Label: sizeLabel(v)})
			}
		}
	}
	if len(ts) == 0 {
		ts = append(ts, plot.Tick{Value: min, Label: fmt.Sprint(sizeLabel(min))})
	}
	return ts
}
