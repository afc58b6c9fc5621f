package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

// load runs closed-loop clients against a server and prints latency
// percentiles per endpoint.
func load(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	base := fs.String("url", "http://127.0.0.1:8080", "server base URL")
	clients := fs.Int("clients", 50, "concurrent clients")
	dur := fs.Duration("duration", 30*time.Second, "how long to send requests")
	warm := fs.Duration("warmup", 3*time.Second, "requests sent first and not counted")
	mix := fs.String("mix", "dyads,tracks", "endpoints to call, comma-separated: dyads, tracks, events")
	dyad := fs.String("dyad", "", "always query this dyad, as A:B (default: a random pair of the synthetic countries, weighted as the data)")
	by := fs.String("by", "year", "period of dyads and tracks")
	pid := fs.Int("pid", 0, "server process id: also report its CPU time per request (Linux /proc)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	kinds := strings.Split(*mix, ",")
	for _, k := range kinds {
		if k != "dyads" && k != "tracks" && k != "events" {
			return fmt.Errorf("run: unknown endpoint %q in --mix", k)
		}
	}
	var fixed [2]string
	if *dyad != "" {
		a, b, ok := strings.Cut(*dyad, ":")
		if !ok {
			return fmt.Errorf("run: --dyad %q: want A:B", *dyad)
		}
		fixed = [2]string{a, b}
	}
	tr := &http.Transport{MaxIdleConns: *clients, MaxIdleConnsPerHost: *clients}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}

	type sample struct {
		kind string
		d    time.Duration
		ok   bool
	}
	var mu sync.Mutex
	var samples []sample
	startAt := time.Now().Add(*warm)
	stopAt := startAt.Add(*dur)
	var cpu0 time.Duration
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // read the server's CPU time when measuring starts
		defer wg.Done()
		time.Sleep(time.Until(startAt))
		cpu0 = cpuTime(*pid)
	}()
	for c := range *clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g := newGen(uint64(c) + 1000)
			for ctx.Err() == nil && time.Now().Before(stopAt) {
				a, b := fixed[0], fixed[1]
				if a == "" {
					a, b = g.country(), g.country()
					for b == a {
						b = g.country()
					}
				}
				kind := kinds[g.r.IntN(len(kinds))]
				var path string
				switch kind {
				case "dyads":
					path = fmt.Sprintf("/api/dyads?source=%s&target=%s&by=%s", a, b, *by)
				case "tracks":
					path = fmt.Sprintf("/api/tracks?sender=%s&target=%s&by=%s", a, b, *by)
				case "events":
					path = fmt.Sprintf("/api/events?source=%s&target=%s&from=%d&limit=50", a, b, 1979+rand.IntN(40))
				}
				t0 := time.Now()
				ok := get(client, *base+path)
				d := time.Since(t0)
				if t0.After(startAt) {
					mu.Lock()
					samples = append(samples, sample{kind, d, ok})
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	cpu := cpuTime(*pid) - cpu0
	if len(samples) == 0 {
		return fmt.Errorf("run: no requests completed")
	}
	fmt.Printf("%d clients, %s (after %s warm-up), %s\n", *clients, *dur, *warm, *base)
	fmt.Printf("%-8s %8s %8s %9s %9s %9s %9s %7s\n", "endpoint", "requests", "req/s", "p50", "p90", "p99", "max", "errors")
	for _, k := range append(kinds, "all") {
		var ds []time.Duration
		errs := 0
		for _, s := range samples {
			if k == "all" || s.kind == k {
				ds = append(ds, s.d)
				if !s.ok {
					errs++
				}
			}
		}
		if len(ds) == 0 {
			continue
		}
		slices.Sort(ds)
		q := func(p float64) time.Duration { return ds[min(len(ds)-1, int(p*float64(len(ds))))] }
		fmt.Printf("%-8s %8d %8.0f %9s %9s %9s %9s %7d\n", k, len(ds), float64(len(ds))/dur.Seconds(),
			ms(q(0.50)), ms(q(0.90)), ms(q(0.99)), ms(ds[len(ds)-1]), errs)
	}
	if *pid > 0 {
		fmt.Printf("server CPU: %s in total, %s per request\n", cpu.Round(time.Millisecond), ms(cpu/time.Duration(len(samples))))
	}
	return nil
}

// cpuTime returns the user and system CPU time of process pid from
// /proc/PID/stat, or 0 when pid is 0 or it cannot be read.
func cpuTime(pid int) time.Duration {
	if pid <= 0 {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// Fields after the command name (which is in parentheses): utime is
	// the 14th field of the line and stime the 15th, in clock ticks
	// (100 a second on Linux).
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 {
		s = s[i+1:]
	}
	f := strings.Fields(s)
	if len(f) < 13 {
		return 0
	}
	var ut, st int64
	fmt.Sscan(f[11], &ut)
	fmt.Sscan(f[12], &st)
	return time.Duration(ut+st) * 10 * time.Millisecond
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d)/1e6) }

// get fetches url, reads the body and reports a 200.
func get(c *http.Client, url string) bool {
	resp, err := c.Get(url)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		return false
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err == nil && resp.StatusCode == http.StatusOK
}
