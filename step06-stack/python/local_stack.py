# werkzeug's LocalStack: push, top and pop on a stack of the calling
# thread. top reads without removing; pop removes; on an empty stack both
# give None. Go twin: Example_localStack in stack_example_test.go.
from werkzeug.local import LocalStack

s = LocalStack()
s.push(1)
print(s.top)
print(s.top)
print(s.pop())
print(s.top)

s.push(1)
s.push(2)
print(s.top)
print(s.top)
print(s.pop())
print(s.top)
