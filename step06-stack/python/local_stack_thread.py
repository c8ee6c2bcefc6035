# A LocalStack is per thread: a new thread starts with an empty stack,
# and what it pushes does not change the main thread's top.
# Go twin: Example_localStackThread in stack_example_test.go.
import threading

from werkzeug.local import LocalStack

my_stack = LocalStack()
my_stack.push(1)
print("in main thread after push, value is: " + str(my_stack.top))


def worker():
    print("in new thread before push, value is: " + str(my_stack.top))
    my_stack.push(2)
    print("in new thread after push, value is: " + str(my_stack.top))


new_t = threading.Thread(target=worker, name="new thread")
new_t.start()
new_t.join()  # the lesson sleeps for a second; join waits just enough
print("finally, in main thread value is: " + str(my_stack.top))
