package main

// pop removes c from the top of the request stack, then pops its app
// context.
func (c *RequestContext) pop() error {
	// TODO: and pop c's app context, c.appCtx, which push pushed below c.
	return popTo(&requestStack, c) // order.go
}
