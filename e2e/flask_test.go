package e2e

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pythonTranscripts are the Python scripts whose output a README shows
// whole, in a console block, right after "$ python3 STEP/SCRIPT": Flask
// itself printing what step06 is compared with.
var pythonTranscripts = []struct{ step, script string }{
	{"step06-stack", "flask_hooks.py"},
}

// TestTheReadmeShowsWhatFlaskPrints runs each script, where Python has
// what it imports (Debian's python3-flask), from the root as the README
// says, and checks that the README shows what it prints.
func TestTheReadmeShowsWhatFlaskPrints(t *testing.T) {
	for _, tt := range pythonTranscripts {
		path := tt.step + "/" + tt.script
		t.Run(path, func(t *testing.T) {
			t.Parallel()
			python := findPython(t, filepath.Join(root, path))
			ctx, cancel := context.WithTimeout(t.Context(), 6*arrives)
			defer cancel()
			cmd := exec.CommandContext(ctx, python, path)
			cmd.Dir = root
			var stderr strings.Builder
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			require.NoError(t, err, "%s %s\n%s", python, path, stderr.String())

			want := "$ python3 " + path + "\n" + string(out) + "```\n"
			assert.True(t, strings.Contains(readme(t, tt.step), want),
				"%s/README.md does not show, in a block of its own:\n%s", tt.step, want)
		})
	}
}
