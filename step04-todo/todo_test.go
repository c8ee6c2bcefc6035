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
	want command
	err  error
}{
	{"a GET", "GET/task_01/status",
		command{method: "GET", id: "task_01"}, nil},
	{"a POST", "POST/task_04=go shopping/status",
		command{method: "POST", id: "task_04", value: "go shopping"}, nil},
	{"the last field is ignored", "GET/task_01/whatever",
		command{method: "GET", id: "task_01"}, nil},
	{"the last field may be empty", "GET/task_01/",
		command{method: "GET", id: "task_01"}, nil},
	{"a GET id runs to the last slash", "GET/a/b/status",
		command{method: "GET", id: "a/b"}, nil},
	{"a value may contain = and /", "POST/task_04=a=b/c/status",
		command{method: "POST", id: "task_04", value: "a=b/c"}, nil},
	{"spaces are kept", "POST/ a = b /status",
		command{method: "POST", id: " a ", value: " b "}, nil},
	{"ids and values are UTF-8", "POST/任务=读书/status",
		command{method: "POST", id: "任务", value: "读书"}, nil},

	{"an empty line", "", command{}, errFields},
	{"a method alone", "GET", command{}, errFields},
	{"no last field", "GET/task_01", command{}, errFields},
	{"a POST without last field", "POST/task_04=x", command{}, errFields},
	{"no method", "/task_01/status", command{}, errMethod},
	{"an unknown method", "PUT/task_01/status", command{}, errMethod},
	{"a method in lower case", "get/task_01/status", command{}, errMethod},
	{"an empty GET id", "GET//status", command{}, errGetID},
	{"a POST without =", "POST/task_04/status", command{}, errPostEqual},
	{"an empty POST argument", "POST//status", command{}, errPostEqual},
	{"an empty POST id", "POST/=x/status", command{}, errPostID},
	{"an empty POST value", "POST/task_04=/status", command{}, errPostValue},
	{"invalid UTF-8 in an id", "GET/\xff/status", command{}, errNotUTF8},
	{"invalid UTF-8 in a value", "POST/a=\xe4\xbb/status",
		command{}, errNotUTF8},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		got, err := parse(tt.line)
		if got != tt.want || err != tt.err {
			t.Errorf("parse(%q) = %+v, %v; want %+v, %v",
				tt.line, got, err, tt.want, tt.err)
		}
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
		cmd, err := parse(line)
		if err != nil {
			assert.Equal(t, command{}, cmd)
			return
		}
		assert.True(t, utf8.ValidString(line))
		assert.Contains(t, []string{"GET", "POST"}, cmd.method)
		assert.NotEmpty(t, cmd.id)
		if cmd.method == "POST" {
			assert.NotEmpty(t, cmd.value)
		}
		again, err := parse(format(cmd))
		require.NoError(t, err, "parsing %q", format(cmd))
		assert.Equal(t, cmd, again)
	})
}

// format writes cmd as a request line, the inverse of parse.
func format(cmd command) string {
	if cmd.method == "POST" {
		return "POST/" + cmd.id + "=" + cmd.value + "/status"
	}
	return cmd.method + "/" + cmd.id + "/status"
}

func TestReply(t *testing.T) {
	todo := newStore(10000, 64<<20)
	for _, tt := range []struct{ line, want string }{
		{"GET/task_01/status", "see someone"},
		{"GET/task_02/status", "read book"},
		{"GET/task_03/status", "play basketball"},
		{"GET/task_04/status", "no key match"},
		{"POST/task_04=go shopping/status", "submit success"},
		{"GET/task_04/status", "go shopping"},
		{"POST/task_04/status",
			"error: no =, expected POST/<id>=<value>/status"},
		{"GET/task_04/status", "go shopping"},
		{"POST/task_01=see nobody/status", "submit success"},
		{"GET/task_01/status", "see nobody"},
	} {
		got := todo.reply(tt.line)
		if got != tt.want {
			t.Errorf("reply(%q) = %q; want %q", tt.line, got, tt.want)
		}
	}
}
