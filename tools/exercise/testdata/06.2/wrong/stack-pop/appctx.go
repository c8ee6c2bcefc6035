package main

// pop removes c from the top of the request stack, then pops its app
// context.
func (c *RequestContext) pop() error {
	err := popTo(&requestStack, c) // order.go
	appStack.Pop()
	return err
}
