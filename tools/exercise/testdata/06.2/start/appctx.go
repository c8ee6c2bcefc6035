package main

// Pop removes c from the top of the calling goroutine's request stack,
// then pops the app context that Push pushed, if it pushed one. As with
// an app context, popping out of order changes nothing and is an error.
func (c *RequestContext) Pop() error {
	top, ok := requestStack.Top()
	if !ok {
		return fmt.Errorf("pop %v: %w", c, errOutsideRequest)
	}
	if top != c {
		return fmt.Errorf("popped wrong request context: "+
			"%v is on top, not %v", top, c)
	}
	requestStack.Pop()
	// TODO: and the app context that Push pushed, if it pushed one.
	return nil
}
