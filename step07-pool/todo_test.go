package main

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parseTests are the request lines of the protocol, as parse should read
// them: the well-formed ones first, then every malformed form.
var parseTests = []struct {
	name string
	line string
	want request
	err  error
}{
	{"a GET", "GET/task_01/status",
		request{method: "GET", id: "task_01"}, nil},
	{"a POST", "POST/task_04=go shopping/status",
		request{method: "POST", id: "task_04", value: "go shopping"}, nil},
	{"the last field is ignored", "GET/task_01/whatever",
		request{method: "GET", id: "task_01"}, nil},
	{"the last field may be empty", "GET/task_01/",
		request{method: "GET", id: "task_01"}, nil},
	{"a GET id runs to the last slash", "GET/a/b/status",
		request{method: "GET", id: "a/b"}, nil},
	{"a value may contain = and /", "POST/task_04=a=b/c/status",
		request{method: "POST", id: "task_04", value: "a=b/c"}, nil},
	{"spaces are kept", "POST/ a = b /status",
		request{method: "POST", id: " a ", value: " b "}, nil},
	{"ids and values are UTF-8", "POST/任务=读书/status",
		request{method: "POST", id: "任务", value: "读书"}, nil},

	{"an empty line", "", request{}, errFields},
	{"a method alone", "GET", request{}, errFields},
	{"no last field", "GET/task_01", request{}, errFields},
	{"a POST without last field", "POST/task_04=x", request{}, errFields},
	{"no method", "/task_01/status", request{}, errMethod},
	{"an unknown method", "PUT/task_01/status", request{}, errMethod},
	{"a method in lower case", "get/task_01/status", request{}, errMethod},
	{"an empty GET id", "GET//status", request{}, errGetID},
	{"a POST without =", "POST/task_04/status", request{}, errPostEqual},
	{"an empty POST argument", "POST//status", request{}, errPostEqual},
	{"an empty POST id", "POST/=x/status", request{}, errPostID},
	{"an empty POST value", "POST/task_04=/status", request{}, errPostValue},
	{"invalid UTF-8 in an id", "GET/\xff/status", request{}, errNotUTF8},
	{"invalid UTF-8 in a value", "POST/a=\xe4\xbb/status",
		request{}, errNotUTF8},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parse(tt.line)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.err, err)
		})
	}
}

func TestParseErrorsSayWhatWasExpected(t *testing.T) {
	for _, tt := range parseTests {
		if tt.err != nil {
			assert.Contains(t, tt.err.Error(), "expected", tt.name)
		}
	}
}

// FuzzParse checks that parse never panics, and that what it accepts
// reads back the same once formatted.
func FuzzParse(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		req, err := parse(line)
		if err != nil {
			assert.Equal(t, request{}, req)
			return
		}
		assert.True(t, utf8.ValidString(line))
		assert.Contains(t, []string{"GET", "POST"}, req.method)
		assert.NotEmpty(t, req.id)
		if req.method == "POST" {
			assert.NotEmpty(t, req.value)
		}
		again, err := parse(req.String())
		require.NoError(t, err, "parsing %q", req.String())
		assert.Equal(t, req, again)
	})
}

func TestStore(t *testing.T) {
	t.Run("starts with the original's tasks", func(t *testing.T) {
		todo := newStore()
		for id, want := range map[string]string{
			"task_01": "see someone",
			"task_02": "read book",
			"task_03": "play basketball",
		} {
			got, ok := todo.Get(id)
			assert.True(t, ok, id)
			assert.Equal(t, want, got, id)
		}
	})
	t.Run("gets what was set", func(t *testing.T) {
		todo := newStore()
		todo.Set("task_01", "see nobody")
		got, ok := todo.Get("task_01")
		assert.True(t, ok)
		assert.Equal(t, "see nobody", got)
	})
	t.Run("has no unknown task", func(t *testing.T) {
		_, ok := newStore().Get("task_99")
		assert.False(t, ok)
	})
}

func TestReply(t *testing.T) {
	todo := newStore()
	for _, tt := range []struct{ line, want string }{
		{"GET/task_01/status", "see someone"},
		{"GET/task_04/status", "no key match"},
		{"POST/task_04=go shopping/status", "submit success"},
		{"GET/task_04/status", "go shopping"},
		{"POST/task_04/status",
			"error: no =, expected POST/<id>=<value>/status"},
		{"GET/task_04/status", "go shopping"},
	} {
		assert.Equal(t, tt.want, todo.reply(tt.line), tt.line)
	}
}
