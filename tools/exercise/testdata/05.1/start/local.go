package main

// Set stores value under name for the calling goroutine, as werkzeug's
// local.name = value.
func (l *Local) Set(name string, value any) {
	// TODO: store value in the calling goroutine's own map.
}

// Get returns the value that the calling goroutine stored under name, and
// whether it stored one. It never returns another goroutine's value: a
// goroutine that stored nothing, such as one that a request handler
// started, gets nil and false.
func (l *Local) Get(name string) (any, bool) {
	// TODO: read it from the calling goroutine's own map.
	return nil, false
}
