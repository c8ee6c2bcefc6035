package main

// Set stores value under name for the calling goroutine: local.name = value.
func (l *Local) Set(name string, value any) {
	id := goroutineID()
	l.mu.Lock()
	values := l.storage[id]
	if values == nil {
		values = map[string]any{}
		if l.storage == nil {
			l.storage = map[uint64]map[string]any{}
		}
		l.storage[id] = values
	}
	values[name] = value
	l.mu.Unlock()
}

// Get returns the calling goroutine's value of name, and whether it set one.
func (l *Local) Get(name string) (any, bool) {
	id := goroutineID()
	l.mu.Lock()
	value, ok := l.storage[id][name]
	l.mu.Unlock()
	return value, ok
}
