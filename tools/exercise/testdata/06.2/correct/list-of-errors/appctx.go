package main

// pop removes c from the top of the request stack, then pops its app
// context.
func (c *RequestContext) pop() error {
	var errs []error
	if err := popTo(&requestStack, c); err != nil {
		errs = append(errs, err)
	}
	if err := c.appCtx.Pop(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...) // nil if there are none
}
