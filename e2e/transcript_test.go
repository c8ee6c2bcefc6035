package e2e

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// crlf names the steps whose replies end with "\r\n": the TODO line
// protocol says so. The echo steps send back the "\n" they are sent.
var crlf = map[string]bool{"step04-todo": true, "step07-pool": true}

// readmeBase is where the HTTP steps listen in their READMEs.
const readmeBase = "http://127.0.0.1:5000"

// TestEveryStepHasATranscript checks that the tests below find a
// transcript in every README: one they no longer recognize would go
// unchecked.
func TestEveryStepHasATranscript(t *testing.T) {
	for _, step := range steps(t) {
		text := readme(t, step)
		assert.True(t, len(sessions(text)) > 0 || len(curlCommands(text)) > 0,
			"%s/README.md has no > and < lines and no $ curl lines", step)
	}
}

// TestTCPTranscripts replays each README's TCP sessions against the
// step's server, a fresh one for each session, so that a README cannot
// drift from the code: each "> " line is sent, with its "\n", and each
// "< " line must come back, whole.
func TestTCPTranscripts(t *testing.T) {
	for _, step := range steps(t) {
		all := sessions(readme(t, step))
		if len(all) == 0 {
			continue
		}
		end := "\n"
		if crlf[step] {
			end = "\r\n"
		}
		t.Run(step, func(t *testing.T) {
			t.Parallel()
			for _, session := range all {
				srv := start(t, step)
				conn := dial(t, srv.addr)
				r := bufio.NewReader(conn)
				for _, line := range session {
					text := line[2:]
					if strings.HasPrefix(line, "> ") {
						conn.Write([]byte(text + "\n")) // the server may have hung up
						continue
					}
					conn.SetReadDeadline(time.Now().Add(arrives))
					got, err := r.ReadString('\n')
					require.NoError(t, err, "waiting for %q", text)
					assert.Equal(t, text+end, got)
				}
				srv.stop(t)
			}
		})
	}
}

// TestCurlTranscripts runs each README's curl commands with the real
// curl, in order, against one fresh server of the step; each must print
// what the README shows. The README's address, 127.0.0.1:5000, stands
// for the server's, in the command and in what it prints.
func TestCurlTranscripts(t *testing.T) {
	for _, step := range steps(t) {
		commands := curlCommands(readme(t, step))
		if len(commands) == 0 {
			continue
		}
		t.Run(step, func(t *testing.T) {
			t.Parallel()
			if _, err := exec.LookPath("curl"); err != nil {
				need(t, "curl is not installed (Debian: apt-get install curl)")
			}
			base := "http://" + start(t, step).addr
			for _, cmd := range commands {
				line := strings.ReplaceAll(cmd.line, readmeBase, base)
				got := strings.ReplaceAll(shell(t, line), base, readmeBase)
				assert.Equal(t, cmd.output, got, "$ %s", cmd.line)
			}
		})
	}
}

// shell runs line in bash, from the root of the repository, and returns
// what it prints. A proxy in the environment is not asked: the server is
// on loopback.
func shell(t *testing.T, line string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), arrives)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-c", line)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "no_proxy=*", "NO_PROXY=*")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "$ %s\n%s", line, stderr.String())
	return string(out)
}
