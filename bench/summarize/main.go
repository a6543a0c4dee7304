// Command summarize turns the raw measurements of bench/run.sh and
// bench/crashcheck.sh into the README table.
//
//	summarize -out DIR -triage bench/triage.tsv -modcache $(go env GOMODCACHE)
//
// It reads DIR/timings.tsv (one line per timed go vet run),
// DIR/standalone.tsv (one line per standalone poollint run) and
// DIR/findings/ENTRY.json (poollint -json with every analyzer enabled),
// writes DIR/findings.tsv (every finding, deduplicated across test
// variants, with its verdict from the triage file or "untriaged") and
// prints the markdown table on standard output.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

type timing struct {
	round, entry, tool string
	wall, cpu          float64 // seconds
	rssKB              float64
	exit               int
}

type finding struct {
	entry, analyzer, posn, message string
	verdict, reason                string
}

func main() {
	out := flag.String("out", "", "directory with timings.tsv, standalone.tsv and findings/")
	triage := flag.String("triage", "", "triage file: entry, analyzer, posn, verdict, reason, message")
	modcache := flag.String("modcache", "", "GOMODCACHE, stripped from positions")
	goroot := flag.String("goroot", "", "GOROOT, stripped from positions")
	canon := flag.String("canon", "", "print the findings of one poollint -json file, one sorted line each, and exit")
	entriesFile := flag.String("entries", "corpus/entries.tsv", "the corpus's entries.tsv")
	flag.Parse()
	log.SetFlags(0)
	if *canon != "" {
		for _, f := range readFindings(*canon, "-", *modcache, *goroot) {
			fmt.Printf("%s\t%s\t%s\n", f.analyzer, f.posn, f.message)
		}
		for _, e := range readErrors(*canon) {
			fmt.Printf("ERROR\t%s\n", e)
		}
		return
	}

	entries := readEntries(*entriesFile)
	timings := readTimings(filepath.Join(*out, "timings.tsv"))
	standalone := readTimings(filepath.Join(*out, "standalone.tsv"))
	verdicts := readTriage(*triage)

	var all []finding
	for _, e := range entries {
		fs := readFindings(filepath.Join(*out, "findings", e+".json"), e, *modcache, *goroot)
		for i := range fs {
			if v, ok := verdicts[key(fs[i])]; ok {
				fs[i].verdict, fs[i].reason = v.verdict, v.reason
			} else {
				fs[i].verdict = "untriaged"
			}
		}
		all = append(all, fs...)
	}
	writeFindings(filepath.Join(*out, "findings.tsv"), all)

	med := func(entry, tool string, f func(timing) float64) (float64, int) {
		var xs []float64
		for _, t := range timings {
			if t.entry == entry && t.tool == tool {
				xs = append(xs, f(t))
			}
		}
		return median(xs), len(xs)
	}
	wall := func(t timing) float64 { return t.wall }
	cpu := func(t timing) float64 { return t.cpu }
	rss := func(t timing) float64 { return t.rssKB }

	fmt.Println("| entry | wall vs go vet | wall vs floor | CPU vs go vet | CPU vs floor | poollint wall / CPU (s) | peak RSS via go vet (poollint / go vet / floor, MiB) | standalone peak (MiB) | standalone wall (s) | findings | precision |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|---|---|")
	for _, e := range entries {
		pw, n := med(e, "poollint", wall)
		if n == 0 {
			continue
		}
		vw, _ := med(e, "govet", wall)
		fw, _ := med(e, "floor", wall)
		pc, _ := med(e, "poollint", cpu)
		vc, _ := med(e, "govet", cpu)
		fc, _ := med(e, "floor", cpu)
		pr, _ := med(e, "poollint", rss)
		vr, _ := med(e, "govet", rss)
		fr, _ := med(e, "floor", rss)
		var sPeak, sWall []float64
		for _, t := range standalone {
			if t.entry == e && (t.tool == "standalone" || t.tool == "") {
				sPeak = append(sPeak, t.rssKB)
				sWall = append(sWall, t.wall)
			}
		}
		var fs []finding
		for _, f := range all {
			if f.entry == e {
				fs = append(fs, f)
			}
		}
		fmt.Printf("| %s | %.2f× | %.2f× | %.2f× | %.2f× | %.1f / %.1f | %.0f / %.0f / %.0f | %s | %s | %s | %s |\n",
			e, pw/vw, pw/fw, pc/vc, pc/fc, pw, pc, pr/1024, vr/1024, fr/1024,
			maxMiB(sPeak), medS(sWall), countBy(fs), precision(fs))
	}

	fmt.Println()
	fmt.Println("| analyzer | findings | true | false | untriaged | precision |")
	fmt.Println("|---|---|---|---|---|---|")
	byAnalyzer := map[string][]finding{}
	for _, f := range all {
		byAnalyzer[f.analyzer] = append(byAnalyzer[f.analyzer], f)
	}
	for _, a := range sortedKeys(byAnalyzer) {
		fs := byAnalyzer[a]
		t, f, u := tally(fs)
		fmt.Printf("| %s | %d | %d | %d | %d | %s |\n", a, len(fs), t, f, u, precision(fs))
	}
	t, f, u := tally(all)
	fmt.Printf("| all | %d | %d | %d | %d | %s |\n", len(all), t, f, u, precision(all))

	standaloneTable(*out, entries, standalone)
	bodyclose(*out, *modcache, *goroot, entries, all, standalone)
}

// standaloneTable prints standalone poollint (through go vet) against
// the old in-process engine (-debug.checker) and bodyclose, per entry:
// peak RSS of the process tree, wall time, and the re-run on unchanged
// code, served from go's cache. Medians over the rounds.
func standaloneTable(out string, entries []string, standalone []timing) {
	pick := func(entry, tool string, f func(timing) float64) float64 {
		var xs []float64
		for _, t := range standalone {
			if t.entry == entry && t.tool == tool {
				xs = append(xs, f(t))
			}
		}
		return median(xs)
	}
	wall := func(t timing) float64 { return t.wall }
	cpu := func(t timing) float64 { return t.cpu }
	rss := func(t timing) float64 { return t.rssKB / 1024 }
	fmt.Println()
	fmt.Println("| entry | standalone peak, whole tree (MiB): poollint / old engine / bodyclose | poollint / bodyclose | wall (s): poollint / old engine | CPU (s): poollint / old engine | re-run, unchanged code (s) |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, e := range entries {
		p := pick(e, "standalone", rss)
		if p == 0 {
			continue
		}
		bc := "–"
		ratio := "–"
		if data, err := os.ReadFile(filepath.Join(out, "bodyclose", e+".time")); err == nil {
			if c := strings.Split(strings.TrimSpace(string(data)), "\t"); len(c) >= 4 {
				kb, _ := strconv.ParseFloat(c[3], 64)
				bc = fmt.Sprintf("%.0f", kb/1024)
				ratio = fmt.Sprintf("%.2f", p/(kb/1024))
			}
		}
		fmt.Printf("| %s | %.0f / %.0f / %s | %s | %.1f / %.1f | %.1f / %.1f | %.2f |\n", e,
			p, pick(e, "checker", rss), bc, ratio,
			pick(e, "standalone", wall), pick(e, "checker", wall),
			pick(e, "standalone", cpu), pick(e, "checker", cpu),
			pick(e, "rerun", wall))
	}
}

// bodyclose prints the body-check comparison with bodyclose, from
// DIR/bodyclose/ENTRY.json and bench/triage-bodyclose.tsv.
func bodyclose(out, modcache, goroot string, entries []string, all []finding, standalone []timing) {
	verdicts := map[string]string{}
	if data, err := os.ReadFile("triage-bodyclose.tsv"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			c := strings.Split(line, "\t")
			if len(c) >= 3 && !strings.HasPrefix(line, "#") && c[0] != "entry" {
				verdicts[c[0]+"\t"+c[1]] = c[2]
			}
		}
	}
	if _, err := os.Stat(filepath.Join(out, "bodyclose")); err != nil {
		return
	}
	fmt.Println()
	fmt.Println("| entry | poollint unclosedbody (true/false) | poollint undrainedbody (true/false) | bodyclose, non-test files (true/false/untriaged) | bodyclose, _test.go files (not triaged) | peak MiB standalone: poollint / bodyclose |")
	fmt.Println("|---|---|---|---|---|---|")
	var sum [9]int
	for _, e := range entries {
		fs := readFindings(filepath.Join(out, "bodyclose", e+".json"), e, modcache, goroot)
		var bt, bf, bu, btest int
		for _, f := range fs {
			if strings.Contains(f.posn, "_test.go:") {
				btest++
				continue
			}
			switch verdicts[e+"\t"+f.posn] {
			case "true":
				bt++
			case "false":
				bf++
			default:
				bu++
			}
		}
		var ut, uf, dt, df int
		for _, f := range all {
			if f.entry != e {
				continue
			}
			switch {
			case f.analyzer == "unclosedbody" && f.verdict == "true":
				ut++
			case f.analyzer == "unclosedbody" && f.verdict == "false":
				uf++
			case f.analyzer == "undrainedbody" && f.verdict == "true":
				dt++
			case f.analyzer == "undrainedbody" && f.verdict == "false":
				df++
			}
		}
		var pPeak []float64
		for _, t := range standalone {
			if t.entry == e && t.tool == "standalone" {
				pPeak = append(pPeak, t.rssKB)
			}
		}
		var bk []float64
		if data, err := os.ReadFile(filepath.Join(out, "bodyclose", e+".time")); err == nil {
			// GNU time -f '%e\t%U\t%S\t%M\t%x': the peak is the 4th field.
			if c := strings.Split(strings.TrimSpace(string(data)), "\t"); len(c) >= 4 {
				kb, _ := strconv.ParseFloat(c[3], 64)
				bk = append(bk, kb)
			}
		}
		for i, v := range []int{ut, uf, dt, df, bt, bf, bu, btest} {
			sum[i] += v
		}
		fmt.Printf("| %s | %d / %d | %d / %d | %d / %d / %d | %d | %s / %s |\n", e, ut, uf, dt, df, bt, bf, bu, btest, maxMiB(pPeak), maxMiB(bk))
	}
	fmt.Printf("| all | %d / %d | %d / %d | %d / %d / %d | %d | |\n", sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], sum[7])
}

func readEntries(file string) []string {
	data, err := os.ReadFile(file)
	if err != nil {
		log.Fatal(err)
	}
	var es []string
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		es = append(es, strings.Split(line, "\t")[0])
	}
	return es
}

// readTimings reads lines: round entry tool wall_s user_s sys_s maxrss_kb exit.
func readTimings(file string) []timing {
	f, err := os.Open(file)
	if err != nil {
		return nil
	}
	defer f.Close()
	var ts []timing
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 8 || c[0] == "round" {
			continue
		}
		num := func(s string) float64 { x, _ := strconv.ParseFloat(s, 64); return x }
		exit, _ := strconv.Atoi(c[7])
		ts = append(ts, timing{c[0], c[1], c[2], num(c[3]), num(c[4]) + num(c[5]), num(c[6]), exit})
	}
	return ts
}

func key(f finding) string { return f.entry + "\t" + f.analyzer + "\t" + f.posn }

func readTriage(file string) map[string]finding {
	m := map[string]finding{}
	if file == "" {
		return m
	}
	data, err := os.ReadFile(file)
	if err != nil {
		log.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		c := strings.Split(line, "\t")
		if len(c) < 5 || strings.HasPrefix(line, "#") || c[0] == "entry" {
			continue
		}
		f := finding{entry: c[0], analyzer: c[1], posn: c[2], verdict: c[3], reason: c[4]}
		m[key(f)] = f
	}
	return m
}

// readFindings reads a multichecker -json document and returns its
// findings, deduplicated across a package and its test variants.
func readFindings(file, entry, modcache, goroot string) []finding {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	// The file may hold several JSON documents (one per pattern run).
	dec := json.NewDecoder(strings.NewReader(string(data)))
	seen := map[string]bool{}
	var fs []finding
	for {
		var doc map[string]map[string]json.RawMessage
		if err := dec.Decode(&doc); err != nil {
			break
		}
		for _, byAnalyzer := range doc {
			for a, raw := range byAnalyzer {
				var diags []struct {
					Posn    string `json:"posn"`
					Message string `json:"message"`
				}
				if json.Unmarshal(raw, &diags) != nil {
					continue // {"error": ...}
				}
				for _, d := range diags {
					p := trim(d.Posn, modcache, goroot)
					f := finding{entry: entry, analyzer: a, posn: p, message: d.Message}
					if !seen[key(f)+d.Message] {
						seen[key(f)+d.Message] = true
						fs = append(fs, f)
					}
				}
			}
		}
	}
	sort.Slice(fs, func(i, j int) bool { return key(fs[i])+fs[i].message < key(fs[j])+fs[j].message })
	return fs
}

// readErrors returns the analysis errors ({"error": ...}) in a -json file.
func readErrors(file string) []string {
	data, err := os.ReadFile(file)
	if err != nil {
		return []string{err.Error()}
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	var errs []string
	for {
		var doc map[string]map[string]json.RawMessage
		if err := dec.Decode(&doc); err != nil {
			break
		}
		for pkg, byAnalyzer := range doc {
			for a, raw := range byAnalyzer {
				var e struct{ Error string }
				if json.Unmarshal(raw, &e) == nil && e.Error != "" {
					errs = append(errs, pkg+"\t"+a+"\t"+e.Error)
				}
			}
		}
	}
	sort.Strings(errs)
	return errs
}

func trim(p, modcache, goroot string) string {
	for _, pre := range []string{modcache, goroot} {
		if pre != "" && strings.HasPrefix(p, pre+"/") {
			return strings.TrimPrefix(p, pre+"/")
		}
	}
	return p
}

func writeFindings(file string, fs []finding) {
	var b strings.Builder
	b.WriteString("entry\tanalyzer\tposn\tverdict\treason\tmessage\n")
	for _, f := range fs {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\n", f.entry, f.analyzer, f.posn, f.verdict, f.reason, f.message)
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}

func tally(fs []finding) (t, f, u int) {
	for _, x := range fs {
		switch x.verdict {
		case "true", "nit": // a nit is real, only minor (issue 11)
			t++
		case "false":
			f++
		default:
			u++
		}
	}
	return
}

func precision(fs []finding) string {
	t, f, u := tally(fs)
	if t+f == 0 {
		if u > 0 {
			return fmt.Sprintf("%d untriaged", u)
		}
		return "–"
	}
	s := fmt.Sprintf("%d/%d = %.0f%%", t, t+f, 100*float64(t)/float64(t+f))
	if u > 0 {
		s += fmt.Sprintf(" (%d untriaged)", u)
	}
	return s
}

func countBy(fs []finding) string {
	if len(fs) == 0 {
		return "0"
	}
	m := map[string]int{}
	for _, f := range fs {
		m[f.analyzer]++
	}
	var parts []string
	for _, a := range sortedKeys(m) {
		parts = append(parts, fmt.Sprintf("%s %d", a, m[a]))
	}
	return fmt.Sprintf("%d (%s)", len(fs), strings.Join(parts, ", "))
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	xs = slices.Clone(xs)
	slices.Sort(xs)
	if len(xs)%2 == 1 {
		return xs[len(xs)/2]
	}
	return (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
}

func maxMiB(kb []float64) string {
	if len(kb) == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f", slices.Max(kb)/1024)
}

func medS(s []float64) string {
	if len(s) == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f", median(s))
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
