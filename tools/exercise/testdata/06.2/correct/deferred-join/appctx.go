package main

// pop removes c from the top of the request stack, then pops its app
// context.
func (c *RequestContext) pop() (err error) {
	defer func() { err = errors.Join(err, c.appCtx.Pop()) }()
	return popTo(&requestStack, c) // order.go
}
