package main

// pop removes c from the top of the request stack, then pops its app
// context.
func (c *RequestContext) pop() error {
	return errors.Join(c.appCtx.Pop(), popTo(&requestStack, c))
}
