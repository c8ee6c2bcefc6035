package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// An answer is kept beside an exercise's solution to prove its check: a
// known-wrong answer, which a learner plausibly writes and the check must
// reject, for the reason it names; or another correct answer, in a form
// other than the reference's, which the check must accept. It is a folder
// testdata/NN.K/wrong/NAME or correct/NAME of Go fragments, put over the
// starting code as a solution's are, and answer.txt:
//
//	mistake: what the wrong answer does      (a wrong answer)
//	form: how this correct answer differs    (a correct answer)
//	fails: the tests that must fail          (a wrong answer, optional)
//	says: what the check must tell the learner (a wrong answer)
//
// says may be given more than once: the check's message must contain
// each, word for word (runs of spaces and line breaks count as one
// space). A wrong answer needs says, the symptom as the learner reads
// it; verify also proves that it builds, so that the check, not the
// compiler, rejects it.
type answer struct {
	Name  string
	Wrong bool
	About string   // the mistake, or the form
	Fails []string // the tests that must fail
	Says  []string // what the check's message must contain

	sub string // the folder, relative to the exercise's: wrong/NAME
}

// readAnswers reads the answers in dir, wrong ones or correct ones; a
// missing folder has none.
func readAnswers(dir string, wrong bool) ([]*answer, error) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var answers []*answer
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		a, err := readAnswer(filepath.Join(dir, e.Name()), wrong)
		if err != nil {
			return nil, err
		}
		answers = append(answers, a)
	}
	return answers, nil
}

func readAnswer(dir string, wrong bool) (*answer, error) {
	name := filepath.Join(dir, "answer.txt")
	fields, err := readFields(name)
	if err != nil {
		return nil, err
	}
	a := &answer{
		Name:  filepath.Base(dir),
		Wrong: wrong,
		sub:   filepath.Base(filepath.Dir(dir)) + "/" + filepath.Base(dir),
	}
	about := "form"
	if wrong {
		about = "mistake"
	}
	for _, f := range fields {
		switch {
		case f.key == about:
			a.About = f.value
		case f.key == "fails" && wrong:
			a.Fails = strings.Fields(f.value)
		case f.key == "says" && wrong:
			a.Says = append(a.Says, f.value)
		default:
			return nil, fmt.Errorf("%s:%d: unknown key %q", name, f.line, f.key)
		}
	}
	switch {
	case a.About == "":
		return nil, fmt.Errorf("%s: needs a %s line", name, about)
	case wrong && len(a.Says) == 0:
		return nil, fmt.Errorf("%s: needs says: what the check tells the learner", name)
	}
	return a, nil
}

// answerTree is the code of answer a: the starting code with its
// fragments.
func (ex *exercise) answerTree(root string, a *answer) (tree, error) {
	start, err := ex.startTree(root)
	if err != nil {
		return nil, err
	}
	frags, err := ex.fragments(a.sub)
	if err != nil {
		return nil, err
	}
	if len(frags) == 0 {
		return nil, fmt.Errorf("%s/%s: no .go fragments", ex.ID, a.sub)
	}
	return start.apply(frags)
}
