package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The READMEs' formats, read by the tests. Only fenced blocks (```)
// count: a transcript, a command or a snippet is always inside one.

// sessions returns the "> " and "< " lines of each fenced block that
// has any: a TCP session, where "> " is what the client sends and "< "
// what comes back.
func sessions(readme string) [][]string {
	var all [][]string
	var session []string
	inBlock := false
	for line := range strings.Lines(readme) {
		line = strings.TrimSuffix(line, "\n")
		switch {
		case strings.HasPrefix(line, "```"):
			if inBlock && len(session) > 0 {
				all = append(all, session)
			}
			inBlock, session = !inBlock, nil
		case inBlock && (strings.HasPrefix(line, "> ") || strings.HasPrefix(line, "< ")):
			session = append(session, line)
		}
	}
	return all
}

// A command is a "$ curl" line of a README, without its "$ ", and the
// output that the README shows for it: the lines after it, up to the
// next "$ " line or the end of the block.
type command struct {
	line, output string
}

// curlCommands returns the curl commands of a README's fenced blocks. A
// line that ends with " \" goes on on the next line, as in a shell.
func curlCommands(readme string) []command {
	var commands []command
	var cmd *command // the command whose output is being read
	inBlock, continued := false, false
	for line := range strings.Lines(readme) {
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

// A snippet is a ```go block of a README, and the file that the README
// names last before it, in backquotes: `server.go`, `handle`:
type snippet struct {
	file, code string
	line       int // where it starts in the README
}

var goFile = regexp.MustCompile("`([a-z0-9_]+\\.go)`")

// snippets returns the Go snippets of a README.
func snippets(readme string) []snippet {
	var all []snippet
	file, inSnippet, n := "", false, 0
	for line := range strings.Lines(readme) {
		n++
		switch {
		case line == "```go\n":
			inSnippet = true
			all = append(all, snippet{file: file, line: n})
		case inSnippet && line == "```\n":
			inSnippet = false
		case inSnippet:
			all[len(all)-1].code += line
		default:
			if m := goFile.FindStringSubmatch(line); m != nil {
				file = m[1]
			}
		}
	}
	return all
}

// TestReadmeSnippets checks that each Go snippet of a README is in the
// file that the README names last before it, word for word.
func TestReadmeSnippets(t *testing.T) {
	count := 0
	for _, step := range steps(t) {
		all := snippets(readme(t, step))
		count += len(all)
		if len(all) == 0 {
			continue
		}
		t.Run(step, func(t *testing.T) {
			for _, s := range all {
				where := "README.md:" + strconv.Itoa(s.line)
				if !assert.NotEmpty(t, s.file, "%s: no file named before\n%s", where, s.code) {
					continue
				}
				source, err := os.ReadFile(filepath.Join(root, step, s.file))
				if !assert.NoError(t, err, where) {
					continue
				}
				// Not assert.Contains: on failure it prints the whole source.
				assert.True(t, strings.Contains(string(source), s.code),
					"%s: this snippet is not in %s:\n%s", where, s.file, s.code)
			}
		})
	}
	assert.NotZero(t, count, "no README has a Go snippet")
}
