// Command treerss runs a command and reports its wall time, CPU time and
// the peak resident memory of its whole process tree: the largest sum,
// over one sample, of the RSS of the command and all its descendants.
// /usr/bin/time's %M is the largest single process instead, which
// under-reports a driver (go vet) that runs tool processes in parallel.
//
//	treerss -o FILE command args...
//
// FILE gets one line in /usr/bin/time -f '%e\t%U\t%S\t%M\t%x' form:
// wall seconds, user seconds, system seconds (of the tree), peak tree
// RSS in KiB, exit code. Linux only (/proc); samples every 20 ms, so
// a process that lives less than that may be missed.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

func main() {
	out := flag.String("o", "", "write the result line to this file")
	interval := flag.Duration("interval", 20*time.Millisecond, "sampling interval")
	flag.Parse()
	log.SetFlags(0)
	if flag.NArg() == 0 || *out == "" {
		log.Fatal("usage: treerss -o FILE command args...")
	}
	cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		log.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	page := int64(os.Getpagesize())
	var peak int64
	tick := time.NewTicker(*interval)
	defer tick.Stop()
	var err error
loop:
	for {
		if rss := treeRSS(cmd.Process.Pid) * page; rss > peak {
			peak = rss
		}
		select {
		case err = <-done:
			break loop
		case <-tick.C:
		}
	}
	wall := time.Since(start)
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		log.Fatal(err)
	}
	st := cmd.ProcessState // rusage of the child includes its waited-for descendants
	line := fmt.Sprintf("%.2f\t%.2f\t%.2f\t%d\t%d\n", wall.Seconds(), st.UserTime().Seconds(), st.SystemTime().Seconds(), peak/1024, code)
	if err := os.WriteFile(*out, []byte(line), 0o666); err != nil {
		log.Fatal(err)
	}
	os.Exit(code)
}

// treeRSS returns the resident pages of root and its descendants.
func treeRSS(root int) int64 {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	parent := make(map[int]int)
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...; comm may hold spaces and parentheses.
		i := bytes.LastIndexByte(stat, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(string(stat[i+1:]))
		if len(f) < 2 {
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		parent[pid] = ppid
	}
	var total int64
	for pid := range parent {
		for p := pid; p > 1; p = parent[p] {
			if p == root {
				total += residentPages(pid)
				break
			}
		}
	}
	return total
}

func residentPages(pid int) int64 {
	statm, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(statm))
	if len(f) < 2 {
		return 0
	}
	n, _ := strconv.ParseInt(f[1], 10, 64)
	return n
}
