package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
)

// minWrong is how many known-wrong answers every exercise of the steps in
// wrongRequired must keep; other steps' exercises may keep none yet.
// "all" stands for every step.
const minWrong = 2

var wrongRequired = []string{"all"}

// A trial is one check that verify makes, of the starting code, the
// solution or one of the answers, and what must come of it.
type trial struct {
	ex    *exercise
	name  string  // what is checked: "the starting code", "wrong answer x"
	code  tree    // the copy
	wrong *answer // a wrong answer, or nil
	pass  bool    // whether it must pass, or must fail

	took time.Duration
	said []string // what the check said, for -v
	err  error    // nil when it came out as it must
}

// verify proves, for each exercise (or those named), what CI relies on:
// its starting code builds and fails its check; its solution and its
// other correct answers pass it, and are gofmt-clean; each of its wrong
// answers builds and fails it, for the reason the answer names. Flags:
// -p N runs N checks at once (default 2, or 1 on one CPU); -repeat N
// makes every check N times, to show that none passes or fails by luck;
// -v prints what each check says.
func (w *workshop) verify(args []string) int {
	flags := flag.NewFlagSet("verify", flag.ContinueOnError)
	flags.SetOutput(w.out)
	parallel := flags.Int("p", min(2, runtime.NumCPU()), "checks to run at once")
	repeat := flags.Int("repeat", 1, "times to make each check")
	verbose := flags.Bool("v", false, "print what each check says")
	if err := flags.Parse(args); err != nil || *parallel < 1 || *repeat < 1 {
		return 2
	}
	exercises := w.exercises
	if flags.NArg() > 0 {
		exercises = nil
		for _, id := range flags.Args() {
			ex := w.find(id)
			if ex == nil {
				fmt.Fprintf(w.out, "no exercise %q\n", id)
				return 2
			}
			exercises = append(exercises, ex)
		}
	}
	noRace := raceProblem()

	// Every copy is made in one folder, removed at the end, or on Ctrl-C.
	tmp, err := os.MkdirTemp("", "exercise-verify-")
	if err != nil {
		fmt.Fprintln(w.out, "exercise:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	interrupted := make(chan os.Signal, 1)
	signal.Notify(interrupted, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(interrupted)
	go func() {
		if _, ok := <-interrupted; ok {
			os.RemoveAll(tmp)
			os.Exit(130)
		}
	}()

	// Each exercise's trials, run by a few workers, and reported in the
	// order of the exercises as each one's last trial ends.
	trials := make([][]*trial, len(exercises))
	setup := make([]error, len(exercises))
	ended := make([]chan struct{}, len(exercises))
	for i := range ended {
		ended[i] = make(chan struct{})
	}
	queue := make(chan func())
	go func() {
		for i, ex := range exercises {
			trials[i], setup[i] = w.trials(ex, *repeat)
			if setup[i] == nil && ex.Race && noRace != "" {
				trials[i], setup[i] = nil, fmt.Errorf("it needs -race, and %s", noRace)
			}
			var left sync.WaitGroup
			for _, t := range trials[i] {
				left.Add(1)
				queue <- func() { defer left.Done(); w.try(t, tmp) }
			}
			go func() { left.Wait(); close(ended[i]) }()
		}
		close(queue)
	}()
	var workers sync.WaitGroup
	for range *parallel {
		workers.Go(func() {
			for job := range queue {
				job()
			}
		})
	}
	defer workers.Wait()

	failed := 0
	for i, ex := range exercises {
		<-ended[i]
		if !w.reportExercise(ex, trials[i], setup[i]) {
			failed++
		}
		if *verbose {
			for _, t := range trials[i] {
				fmt.Fprintf(w.out, "    %s (%v):\n%s\n", t.name,
					t.took.Round(100*time.Millisecond), indent(indent(strings.Join(t.said, "\n"))))
			}
		}
	}
	if failed > 0 {
		fmt.Fprintf(w.out, "%d of %d exercises fail\n", failed, len(exercises))
		return 1
	}
	return 0
}

// trials lists the checks that prove ex, each made repeat times.
func (w *workshop) trials(ex *exercise, repeat int) ([]*trial, error) {
	var wrong int
	for _, a := range ex.Answers {
		if a.Wrong {
			wrong++
		}
	}
	required := slices.Contains(wrongRequired, "all") ||
		slices.Contains(wrongRequired, ex.ID[:2])
	if required && wrong < minWrong {
		return nil, fmt.Errorf("it keeps %d wrong answers, and needs at least %d", wrong, minWrong)
	}
	start, err := ex.startTree(w.root)
	if err != nil {
		return nil, fmt.Errorf("the starting code: %w", err)
	}
	solution, err := ex.solutionTree(w.root)
	if err != nil {
		return nil, fmt.Errorf("the solution: %w", err)
	}
	if err := gofmtClean(solution); err != nil {
		return nil, fmt.Errorf("the solution: %w", err)
	}
	once := []*trial{
		{ex: ex, name: "the starting code", code: start},
		{ex: ex, name: "the solution", code: solution, pass: true},
	}
	for _, sub := range []string{"start", "solution"} {
		if err := ex.gofmtClean(sub); err != nil {
			return nil, err
		}
	}
	for _, a := range ex.Answers {
		if err := ex.gofmtClean(a.sub); err != nil {
			return nil, err
		}
		code, err := ex.answerTree(w.root, a)
		if err != nil {
			return nil, err
		}
		t := &trial{ex: ex, name: "correct answer " + a.Name, code: code, pass: true}
		if a.Wrong {
			t = &trial{ex: ex, name: "wrong answer " + a.Name, code: code, wrong: a}
		}
		once = append(once, t)
	}
	var all []*trial
	for range repeat {
		for _, t := range once {
			copied := *t
			all = append(all, &copied)
		}
	}
	return all, nil
}

// gofmtClean checks that every .go file of t is as gofmt writes it.
func gofmtClean(t tree) error {
	for name, data := range t {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		if formatted, err := format.Source(data); err != nil || !bytes.Equal(formatted, data) {
			return fmt.Errorf("%s is not gofmt-clean", name)
		}
	}
	return nil
}

// gofmtClean checks the fragments in the folder sub of ex, which gofmt -l
// sees too.
func (ex *exercise) gofmtClean(sub string) error {
	frags, err := ex.fragments(sub)
	if err == nil {
		err = gofmtClean(frags)
	}
	if err != nil {
		return fmt.Errorf("%s/%s: %w", ex.ID, sub, err)
	}
	return nil
}

// try makes trial t in a copy of its own, in a new folder under tmp,
// and records how it came out.
func (w *workshop) try(t *trial, tmp string) {
	began := time.Now()
	defer func() { t.took = time.Since(began) }()
	tmp, err := os.MkdirTemp(tmp, t.ex.ID+"-")
	if err != nil {
		t.err = err
		return
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, t.ex.ID)
	if err := t.code.write(dir); err != nil {
		t.err = err
		return
	}
	r, err := runCheck(t.ex, dir, t.ex.Race)
	if err != nil {
		t.err = err
		return
	}
	t.said = []string{r.verdict(t.ex)}
	if t.said[0] != done {
		t.said = append(t.said, r.summary(t.ex)...)
	}
	t.err = t.judge(r)
}

// judge says what is wrong with result r of trial t, or nil.
func (t *trial) judge(r *result) error {
	verdict := r.verdict(t.ex)
	message := strings.Join(r.summary(t.ex), "\n")
	switch {
	case t.pass && verdict != done:
		return fmt.Errorf("%s fails its check:\n%s", t.name, message)
	case t.pass:
		return nil
	case verdict == done:
		return fmt.Errorf("%s passes its check", t.name)
	case len(r.build) > 0:
		return fmt.Errorf("%s must build, so that its check can fail:\n%s", t.name, message)
	case t.wrong == nil:
		return nil // the starting code: it fails, and builds
	}
	var missing []string
	for _, test := range t.wrong.Fails {
		if !slices.Contains(r.failed, test) {
			missing = append(missing, test+" does not fail")
		}
	}
	said := strings.Join(strings.Fields(message), " ")
	for _, says := range t.wrong.Says {
		if !strings.Contains(said, strings.Join(strings.Fields(says), " ")) {
			missing = append(missing, fmt.Sprintf("the check does not say %q", says))
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%s (%s) fails its check, but not for its reason: %s. The check says:\n%s",
			t.name, t.wrong.About, strings.Join(missing, "; "), message)
	}
	return nil
}

// reportExercise prints how the trials of ex came out, and reports
// whether they all came out as they must.
func (w *workshop) reportExercise(ex *exercise, trials []*trial, setup error) bool {
	if setup != nil {
		fmt.Fprintf(w.out, "FAIL %s %s\n%s\n", ex.ID, ex.Title, indent(setup.Error()))
		return false
	}
	var took time.Duration
	var errs []string
	for _, t := range trials {
		took += t.took
		if t.err != nil {
			errs = append(errs, t.err.Error())
		}
	}
	wrong := 0
	for _, a := range ex.Answers {
		if a.Wrong {
			wrong++
		}
	}
	correct := len(ex.Answers) - wrong
	if len(errs) > 0 {
		fmt.Fprintf(w.out, "FAIL %s %s (%d checks, %v)\n", ex.ID, ex.Title,
			len(trials), took.Round(100*time.Millisecond))
		for _, e := range errs {
			fmt.Fprintln(w.out, indent(e))
		}
		return false
	}
	answers := "no answers kept yet"
	if len(ex.Answers) > 0 {
		answers = fmt.Sprintf("%d wrong answers fail, %d other correct pass", wrong, correct)
	}
	fmt.Fprintf(w.out, "ok   %s %s: the start fails, the solution passes, %s "+
		"(%d checks, %v in all)\n", ex.ID, ex.Title, answers,
		len(trials), took.Round(100*time.Millisecond))
	return true
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}
