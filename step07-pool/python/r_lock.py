# Ten threads each add one to a global under an RLock, and print the new
# value while they still hold it: the lines come out 1 to 10, in order.
# The lesson also sleeps for a second under the lock, to show the threads
# taking turns; that is left out, so the twin runs at once.
# Go twin: Example_rLock in rlock_example_test.go.
import threading

gl_num = 0
lock = threading.RLock()


def func():
    global gl_num
    with lock:
        gl_num += 1
        print(gl_num)


threads = [threading.Thread(target=func) for _ in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
