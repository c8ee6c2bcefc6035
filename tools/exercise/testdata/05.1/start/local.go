package main

// set is Set for the goroutine id, which the caller has looked up. Get,
// Set and Release look the goroutine up once each; code that needs more
// than one of them, such as a stack kept in a Local, looks it up once and
// calls get, set and release with the id.
func (l *Local) set(id uint64, name string, value any) {
	// TODO: store value in goroutine id's own map.
}

// get is Get for the goroutine id, which the caller has looked up.
func (l *Local) get(id uint64, name string) (any, bool) {
	// TODO: read it from goroutine id's own map.
	return nil, false
}
