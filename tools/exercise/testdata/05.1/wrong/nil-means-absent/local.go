package main

// Set stores value under name for the calling goroutine: local.name = value.
func (l *Local) Set(name string, value any) {
	id := goroutineID()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.storage == nil {
		l.storage = make(map[uint64]map[string]any)
	}
	if l.storage[id] == nil {
		l.storage[id] = make(map[string]any)
	}
	l.storage[id][name] = value
}

// Get returns the calling goroutine's value of name, and whether it set one.
func (l *Local) Get(name string) (any, bool) {
	id := goroutineID()
	l.mu.Lock()
	defer l.mu.Unlock()
	value := l.storage[id][name]
	return value, value != nil
}
