package main

// Set stores value under name for the calling goroutine: local.name = value.
func (l *Local) Set(name string, value any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.storage == nil {
		l.storage = make(map[uint64]map[string]any)
	}
	if l.storage[goroutineID()] == nil {
		l.storage[goroutineID()] = make(map[string]any)
	}
	l.storage[goroutineID()][name] = value
}

// Get returns the calling goroutine's value of name, and whether it set one.
func (l *Local) Get(name string) (any, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	value, ok := l.storage[goroutineID()][name]
	return value, ok
}
