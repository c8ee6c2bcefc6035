package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTheExercisesKeepTheirAnswers(t *testing.T) {
	all, err := loadExercises("testdata")
	require.NoError(t, err)
	for _, ex := range all {
		wrong := 0
		for _, a := range ex.Answers {
			if a.Wrong {
				wrong++
			}
			_, err := ex.answerTree(root, a)
			assert.NoError(t, err, "%s/%s", ex.ID, a.sub)
		}
		if slices.Contains(wrongRequired, ex.ID[:2]) || slices.Contains(wrongRequired, "all") {
			assert.GreaterOrEqual(t, wrong, minWrong, "%s keeps too few wrong answers", ex.ID)
		}
	}
}

func TestReadAnswer(t *testing.T) {
	tests := []struct {
		name, text string
		wrong      bool
		err        string // "" when it reads
	}{
		{"a wrong answer", "mistake: forgets\n  to wait\nfails: TestA TestB\nsays: one\nsays: two\n",
			true, ""},
		{"a correct answer", "form: another form\n", false, ""},
		{"a wrong answer must say what the check says", "mistake: forgets\nfails: TestA\n",
			true, "needs says"},
		{"a correct answer has no reason to fail", "form: another\nsays: one\n",
			false, `unknown key "says"`},
		{"a wrong answer names its mistake", "says: one\n", true, "needs a mistake line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "wrong", "forgets")
			require.NoError(t, os.MkdirAll(dir, 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "answer.txt"), []byte(tt.text), 0o644))
			a, err := readAnswer(dir, tt.wrong)
			if tt.err != "" {
				assert.ErrorContains(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, "wrong/forgets", a.sub)
			if tt.wrong {
				assert.Equal(t, "forgets to wait", a.About)
				assert.Equal(t, []string{"TestA", "TestB"}, a.Fails)
				assert.Equal(t, []string{"one", "two"}, a.Says)
			}
		})
	}
}

// TestJudge: a wrong answer must fail, and for its own reason: the tests
// it names fail, and the check says what it names.
func TestJudge(t *testing.T) {
	ex := &exercise{Tests: []string{"TestA", "TestB"}}
	wrong := &answer{About: "forgets to wait", Fails: []string{"TestB"},
		Says: []string{"Serve returned   before every\nhandler had"}}
	failsB := result{passed: []string{"TestA"}, failed: []string{"TestB"},
		output: map[string][]string{"TestB": {"    server_test.go:9: Serve returned before every handler had"}}}
	passes := result{passed: []string{"TestA", "TestB"}}
	tests := []struct {
		name  string
		trial trial
		r     result
		err   string // "" when it came out as it must
	}{
		{"a wrong answer that fails for its reason", trial{wrong: wrong}, failsB, ""},
		{"a wrong answer that passes", trial{wrong: wrong}, passes, "passes its check"},
		{"a wrong answer that fails another test", trial{wrong: wrong},
			result{passed: []string{"TestB"}, failed: []string{"TestA"}},
			"not for its reason: TestB does not fail; the check does not say"},
		{"a wrong answer that does not build", trial{wrong: wrong},
			result{build: []string{"server.go:1:1: syntax error"}}, "must build"},
		{"the start, which fails", trial{}, failsB, ""},
		{"the start, which passes", trial{}, passes, "passes its check"},
		{"a correct answer that passes", trial{pass: true}, passes, ""},
		{"a correct answer that fails", trial{pass: true}, failsB, "fails its check"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.trial.ex, tt.trial.name = ex, "the answer"
			err := tt.trial.judge(&tt.r)
			if tt.err == "" {
				assert.NoError(t, err)
			} else {
				assert.ErrorContains(t, err, tt.err)
			}
		})
	}
}
