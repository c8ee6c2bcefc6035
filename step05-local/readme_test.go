package main

import (
	"io"
	"net/http"
	neturl "net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadmeTranscript replays the curl commands of README.md against a
// fresh server, in order, so that the README cannot drift from the code:
// in a fenced block, each "$ curl" line is run and the lines after it,
// up to the next "$ " line, are its output.
func TestReadmeTranscript(t *testing.T) {
	commands := readmeCommands(t)
	require.NotEmpty(t, commands, "README.md has no $ curl lines")
	addr, _ := startServer(t, defaults)
	base := "http://" + addr
	for _, cmd := range commands {
		line := strings.ReplaceAll(cmd.line, readmeBase, base)
		got := curl(t, shellWords(t, line))
		got = strings.ReplaceAll(got, base, readmeBase)
		assert.Equal(t, cmd.output, got, "$ %s", cmd.line)
	}
}

// TestReadmeSnippets checks that each Go snippet of README.md is in the
// file that the README names last before it, word for word.
func TestReadmeSnippets(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	fileName := regexp.MustCompile("`([a-z_]+\\.go)`")
	file, snippet, inSnippet, snippets := "", "", false, 0
	for line := range strings.Lines(string(readme)) {
		switch {
		case line == "```go\n":
			inSnippet, snippet = true, ""
		case inSnippet && line == "```\n":
			inSnippet = false
			snippets++
			require.NotEmpty(t, file, "no file named before\n%s", snippet)
			source, err := os.ReadFile(file)
			require.NoError(t, err)
			assert.True(t, strings.Contains(string(source), snippet),
				"this snippet is not in %s:\n%s", file, snippet)
		case inSnippet:
			snippet += line
		default:
			if m := fileName.FindStringSubmatch(line); m != nil {
				file = m[1]
			}
		}
	}
	assert.NotZero(t, snippets, "README.md has no Go snippets")
}

// readmeBase is the server's address in README.md.
const readmeBase = "http://127.0.0.1:5000"

// A command is a "$ curl" line of README.md, without its "$ ", and the
// output that the README shows for it.
type command struct {
	line, output string
}

// readmeCommands returns the curl commands of README.md's fenced blocks.
// A line that ends with " \\" goes on on the next line, as in a shell.
func readmeCommands(t *testing.T) []command {
	t.Helper()
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	var commands []command
	var cmd *command // the command whose output is being read
	inBlock, continued := false, false
	for line := range strings.Lines(string(readme)) {
		line = strings.TrimSuffix(line, "\n")
		switch {
		case strings.HasPrefix(line, "```"):
			inBlock, cmd = !inBlock, nil
		case !inBlock:
		case continued:
			cmd.line += " " + strings.TrimSpace(line)
		case strings.HasPrefix(line, "$ curl "):
			commands = append(commands, command{line: line[2:]})
			cmd = &commands[len(commands)-1]
		case strings.HasPrefix(line, "$ "):
			cmd = nil // some other command: not replayed
		case cmd != nil:
			cmd.output += line + "\n"
		}
		continued = false
		if cmd != nil {
			cmd.line, continued = strings.CutSuffix(cmd.line, " \\")
		}
	}
	return commands
}

// shellWords splits line into words as a shell does, for the little that
// the README uses: spaces, '...', "..." and \ escapes.
func shellWords(t *testing.T, line string) []string {
	t.Helper()
	var words []string
	var word strings.Builder
	inWord := false
	var quote rune // the open quote, or 0
	escaped := false
	for _, c := range line {
		switch {
		case escaped:
			word.WriteRune(c)
			escaped = false
		case quote == '\'':
			if c == '\'' {
				quote = 0
			} else {
				word.WriteRune(c)
			}
		case c == '\\':
			escaped = true
		case quote == '"':
			if c == '"' {
				quote = 0
			} else {
				word.WriteRune(c)
			}
		case c == '\'' || c == '"':
			quote, inWord = c, true
		case c == ' ':
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		default:
			word.WriteRune(c)
			inWord = true
		}
	}
	require.Zero(t, quote, "unclosed quote in %q", line)
	if inWord {
		words = append(words, word.String())
	}
	return words
}

// curl does what the curl command args does, for the flags that the
// README uses, and returns what curl would print.
func curl(t *testing.T, args []string) string {
	t.Helper()
	require.Equal(t, "curl", args[0])
	method, url, format, discard := "GET", "", "", false
	var data []string
	header := http.Header{}
	for i := 1; i < len(args); i++ {
		arg := args[i]
		next := func() string {
			i++
			require.Less(t, i, len(args), "%s needs an argument", arg)
			return args[i]
		}
		switch arg {
		case "-s":
		case "-X":
			method = next()
		case "-d":
			data = append(data, next())
		case "-H":
			name, value, _ := strings.Cut(next(), ":")
			header.Add(name, strings.TrimSpace(value))
		case "--data-urlencode":
			name, value, _ := strings.Cut(next(), "=")
			data = append(data, name+"="+neturl.QueryEscape(value))
		case "-o":
			require.Equal(t, "/dev/null", next())
			discard = true
		case "-w":
			format = next()
		default:
			require.False(t, strings.HasPrefix(arg, "-"),
				"curl flag %s is not supported here", arg)
			url = arg
		}
	}
	var body io.Reader
	if data != nil {
		body = strings.NewReader(strings.Join(data, "&"))
		if method == "GET" {
			method = "POST" // as curl does for -d
		}
	}
	req, err := http.NewRequest(method, url, body)
	require.NoError(t, err)
	if data != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for name, values := range header {
		req.Header[name] = values
	}
	if host := header.Get("Host"); host != "" {
		req.Host = host // net/http sends req.Host, not the header
	}
	client := &http.Client{
		Timeout: arrives,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse // curl follows none without -L
		},
	}
	defer client.CloseIdleConnections()
	resp, err := client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	if discard {
		out = nil
	}
	redirect := ""
	if location, err := resp.Location(); err == nil {
		redirect = location.String()
	}
	return string(out) + strings.NewReplacer(
		"%{http_code}", strconv.Itoa(resp.StatusCode),
		"%{redirect_url}", redirect,
		`\n`, "\n",
	).Replace(format)
}
