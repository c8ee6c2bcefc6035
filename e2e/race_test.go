//go:build race

package e2e

// race says that these tests run with the race detector, and so build
// the steps' servers with it too.
const race = true
