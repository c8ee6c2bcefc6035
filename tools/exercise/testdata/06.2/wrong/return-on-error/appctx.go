package main

// pop removes c from the top of the request stack, then pops its app
// context.
func (c *RequestContext) pop() error {
	if err := popTo(&requestStack, c); err != nil {
		return err
	}
	return c.appCtx.Pop()
}
