package main

// pop removes c from the top of the request stack, then pops its app
// context.
func (c *RequestContext) pop() error {
	err := errors.Join(popTo(&requestStack, c), popTo(&appStack, c.appCtx))
	for _, f := range slices.Backward(c.appCtx.App.teardown) {
		f()
	}
	return err
}
