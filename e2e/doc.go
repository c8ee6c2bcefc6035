// Package e2e checks, from outside, what the steps' READMEs promise. It
// builds each step's server, runs it as a learner would, and replays
// against it the READMEs' transcripts; it checks their Go snippets
// against the source and runs the Python twins of the examples, the
// flood under a file limit and the attacks of a real browser. Its code
// is all in tests: go test runs them (see README.md).
package e2e
