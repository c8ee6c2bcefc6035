package main

// Set stores value under name for the calling goroutine: local.name = value.
func (l *Local) Set(name string, value any) {
	// TODO: store value in the calling goroutine's own map, under name.
}

// Get returns the calling goroutine's value of name, and whether it set one.
func (l *Local) Get(name string) (any, bool) {
	// TODO: read it from the calling goroutine's own map.
	return nil, false
}
