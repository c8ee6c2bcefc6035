// Site renders the workshop as static pages that need no network: each
// step's README with its Go files, the Python twins beside the Go
// examples that print the same lines, each step's diff against the one
// it builds on, and a presenter view for the projector.
//
//	go run ./tools/site -o _site
//
// then open _site/index.html in a browser (File > Open). Two builds of
// the same tree are byte-identical.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	out := flag.String("o", "_site", "the folder to write the site to")
	root := flag.String("root", ".", "the root of the repository")
	flag.Parse()

	n, err := build(*root, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "site:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d pages to %s; open %s/index.html\n", n, *out, *out)
}
