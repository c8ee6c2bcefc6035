package main

// pop removes c from the top of the request stack, then pops its app
// context.
func (c *RequestContext) pop() error {
	popTo(&requestStack, c) // order.go
	return c.appCtx.Pop()
}
