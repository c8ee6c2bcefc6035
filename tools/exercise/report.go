package main

import (
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
)

// summary returns a few lines on what is not yet right, in the order a
// learner should read them: the code does not build; a test fails (its
// own messages, a data race or a panic, not the whole output); a
// goroutine is left behind after the tests; go vet finds a mistake.
func (r *result) summary(ex *exercise) []string {
	const maxLines = 8
	if len(r.build) > 0 {
		lines := []string{"It does not build:"}
		for _, l := range r.build {
			if strings.HasPrefix(l, "#") {
				continue // "# gosteps/step04-todo": the package name
			}
			lines = append(lines, "    "+strings.TrimSpace(l))
		}
		return clip(lines, maxLines+1)
	}
	var lines []string
	if len(r.failed) > 0 {
		failed := slices.Clone(r.failed)
		// A panic ends every test running at the time, and go test puts
		// its report in the output of any one of them; the race detector
		// reports a race once, and then only that some test had one:
		// name the test whose output shows it.
		for i, name := range failed {
			out := r.output[name]
			if panicReport(out, r.dir) != nil || raceReport(out, r.dir) != nil {
				failed = slices.Concat(failed[i:i+1], failed[:i], failed[i+1:])
				break
			}
		}
		name := failed[0]
		lines = append(lines, name+" fails:")
		lines = append(lines, clip(describe(r.raceOutput(name), r.dir), maxLines)...)
		if rest := failed[1:]; len(rest) > 0 {
			lines = append(lines, "Also failing: "+strings.Join(rest, ", "))
		}
	}
	if leaks := r.leaks(); len(leaks) > 0 {
		lines = append(lines, "It leaves goroutines running after the tests end (goleak):")
		lines = append(lines, clip(leaks, 3)...)
	}
	if len(r.vet) > 0 {
		var vet []string
		for _, l := range r.vet {
			vet = append(vet, "    "+l)
		}
		lines = append(lines, "go vet finds a mistake:")
		lines = append(lines, clip(vet, 3)...)
	}
	if len(lines) == 0 {
		var missing []string
		for _, name := range ex.Tests {
			if !slices.Contains(r.passed, name) {
				missing = append(missing, name)
			}
		}
		lines = append(lines, "No test failed, but these did not run: "+strings.Join(missing, ", "))
	}
	return lines
}

// raceOutput is the output of test name; but if it says that a data race
// was detected and holds no report of it, the output of another test that
// does: go test -json gives what the race detector prints to whichever of
// the parallel tests printed last.
func (r *result) raceOutput(name string) []string {
	out := r.output[name]
	detected := slices.ContainsFunc(out, func(l string) bool {
		return strings.Contains(l, "race detected during execution of test")
	})
	if !detected || raceReport(out, r.dir) != nil {
		return out
	}
	others := slices.Sorted(maps.Keys(r.output))
	for _, other := range append(slices.Clone(r.failed), others...) {
		if raceReport(r.output[other], r.dir) != nil {
			return r.output[other]
		}
	}
	return out
}

// describe returns what a failing test's output says went wrong: a data
// race or a panic in a few lines, goroutines a test found left behind, or
// else the test's own messages without testify's where and how.
func describe(output []string, dir string) []string {
	if lines := raceReport(output, dir); lines != nil {
		return lines
	}
	if lines := panicReport(output, dir); lines != nil {
		return lines
	}
	var body []string
	label := "" // testify's: the part of its report a line continues
	for i, l := range output {
		t := strings.TrimSpace(l)
		if strings.HasSuffix(t, "found unexpected goroutines:") {
			body = append(body, "    goroutines are left running:")
			return append(body, goroutineReport(output[i+1:], dir)...)
		}
		name, rest, labelled := strings.Cut(t, ":")
		switch {
		case labelled && testifyLabels[name]:
			label, t = name, strings.TrimSpace(rest)
		case !strings.HasPrefix(l, "        \t"):
			label = "" // a line of the test's own, or of go test
		}
		if t == "" || label == "Error Trace" || label == "Test" || label == "Diff" ||
			strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- ") {
			continue
		}
		// "server_test.go:38: " says where in the test: the learner can do
		// without it; and without the addresses of a network error.
		t = testLine.ReplaceAllString(t, "")
		t = netError.ReplaceAllString(t, "")
		if t != "" {
			body = append(body, "    "+t)
		}
	}
	return body
}

var (
	testLine = regexp.MustCompile(`^\w+_test\.go:\d+: ?`)
	netError = regexp.MustCompile(`(read|write|dial) tcp [\d.:]+(->[\d.:]+)?: `)
)

// testifyLabels are the parts of a testify report: Error and Messages
// say what went wrong, the others where, which the learner can do without.
var testifyLabels = map[string]bool{
	"Error Trace": true, "Error": true, "Test": true, "Messages": true,
	"Diff": true,
}

// leaks describes the goroutines that goleak found running once every
// test had ended, if it did.
func (r *result) leaks() []string {
	for i, l := range r.outside {
		if strings.Contains(l, "found unexpected goroutines:") {
			return goroutineReport(r.outside[i+1:], r.dir)
		}
	}
	return nil
}

// A frame is a function in a goroutine's stack, and where it stands.
type frame struct {
	fn, at string // handle.func1, server.go:37
	ours   bool   // whether it is the copy's code, not Go's or a module's
}

// stack reads the frames of a goroutine's stack from lines that begin
// with them: a function, then its file and line, indented, then the
// next. It stops at anything else, or at "created by", whose frame it
// returns as the creator. Files in dir are ours.
func stack(lines []string, dir string) (frames []frame, creator frame) {
	for i := 0; i+1 < len(lines); i += 2 {
		fn := strings.TrimSpace(lines[i])
		file := strings.TrimSpace(lines[i+1])
		file, _, _ = strings.Cut(file, " +0x")
		if !location.MatchString(file) {
			break
		}
		f := frame{at: path.Base(file), ours: strings.HasPrefix(file, dir+"/")}
		if by, ok := strings.CutPrefix(fn, "created by "); ok {
			by, _, _ = strings.Cut(by, " in goroutine ")
			f.fn = shortName(by, f.ours)
			return frames, f
		}
		paren := strings.LastIndex(fn, "(") // handle(...), (*T).M(0x1)
		if paren <= 0 {
			break
		}
		f.fn = shortName(fn[:paren], f.ours)
		frames = append(frames, f)
	}
	return frames, frame{}
}

// shortName is a function's name without its package, if it is ours:
// handle.func1 for gosteps/step01-blocking.handle.func1.
func shortName(fn string, ours bool) string {
	if !ours {
		return fn
	}
	_, fn, _ = strings.Cut(fn[strings.LastIndex(fn, "/")+1:], ".")
	return wrapper.ReplaceAllString(fn, "")
}

// wrapper is the part of a name the compiler gives the function that a
// defer or go statement calls: Serve.func3.deferwrap1 is Serve.func3.
var wrapper = regexp.MustCompile(`\.(deferwrap|gowrap)\d+$`)

// first returns the first of frames that is ours, or else the first.
func first(frames []frame) frame {
	for _, f := range frames {
		if f.ours {
			return f
		}
	}
	if len(frames) > 0 {
		return frames[0]
	}
	return frame{fn: "the runtime", at: "?"}
}

// location is where a frame stands: /src/net/net.go:187, or a method
// wrapper's <autogenerated>:1.
var location = regexp.MustCompile(`^\S+:\d+$`)

var goroutineHeader = regexp.MustCompile(`Goroutine \d+ in state ([^,]+), with`)

// goroutineReport describes, in a line each, the goroutines of goleak's
// report: "[Goroutine 7 in state chan receive, with ... on top of the
// stack:", its stack, "created by" whom. Goroutines alike are counted
// together.
func goroutineReport(lines []string, dir string) []string {
	var out []string
	seen := make(map[string]int)
	for i, l := range lines {
		m := goroutineHeader.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		frames, creator := stack(lines[i+1:], dir)
		where := first(frames)
		line := fmt.Sprintf("%s at %s (%s)", where.fn, where.at, m[1])
		if creator.fn != "" {
			line += fmt.Sprintf(", started by %s at %s", creator.fn, creator.at)
		}
		if seen[line] == 0 {
			out = append(out, line)
		}
		seen[line]++
	}
	for i, line := range out {
		if n := seen[line]; n > 1 {
			line = fmt.Sprintf("%d goroutines: %s", n, line)
		}
		out[i] = "    " + line
	}
	return out
}

// raceReport describes the first data race that go test -race reported
// in output, in two lines: who wrote or read what, and who did before.
func raceReport(output []string, dir string) []string {
	var accesses []string
	for i, l := range output {
		if len(accesses) == 2 {
			break
		}
		t := strings.TrimSpace(l)
		kind, _, ok := strings.Cut(t, " at 0x")
		if !ok || !strings.Contains(t, " by ") || !strings.HasSuffix(t, ":") {
			continue
		}
		frames, _ := stack(output[i+1:], dir)
		where := first(frames)
		accesses = append(accesses, fmt.Sprintf("%s by %s at %s",
			strings.ToLower(kind), where.fn, where.at))
	}
	if len(accesses) < 2 {
		return nil
	}
	return []string{
		"    DATA RACE: a " + accesses[0] + ",",
		"    and a " + accesses[1] + " in another goroutine, with nothing to order the two",
	}
}

// panicReport describes a panic, or a fatal error of the runtime, in
// output: its message, and where in our code it happened.
func panicReport(output []string, dir string) []string {
	for i, l := range output {
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "panic: ") && !strings.HasPrefix(t, "fatal error: ") {
			continue
		}
		lines := []string{"    " + t}
		for j := i + 1; j < len(output); j++ {
			if strings.HasPrefix(strings.TrimSpace(output[j]), "goroutine ") {
				frames, _ := stack(output[j+1:], dir)
				f := first(frames)
				lines = append(lines, fmt.Sprintf("    in %s at %s", f.fn, f.at))
				break
			}
		}
		return lines
	}
	return nil
}

// clip keeps the first n lines, and says how many it left out.
func clip(lines []string, n int) []string {
	if len(lines) <= n {
		return lines
	}
	return append(lines[:n:n], "    ...")
}
