# Pool(5).apply_async: ten calls handed to five worker processes; "end"
# prints at once, and the callback prints each result as it comes back,
# in the order the calls finish. The lesson's worker sleeps for two
# seconds first, to show that apply_async does not wait; that is left
# out, so the twin runs at once.
# Go twin: Example_applyAsync in pool_example_test.go.
import threading
from multiprocessing import Pool

# The callbacks run in a thread of the pool, while the main thread prints
# "end". print writes the text and then the line ending, and the other
# thread may print in between; printing under a lock keeps lines whole.
print_lock = threading.Lock()


def foo(i):
    return i + 100


def bar(arg):
    with print_lock:
        print(arg)


if __name__ == "__main__":  # a worker process imports this file too
    pool = Pool(5)
    for i in range(10):
        pool.apply_async(func=foo, args=(i,), callback=bar)
    with print_lock:
        print("end")
    pool.close()
    pool.join()  # wait for the workers; without it, the program ends now
