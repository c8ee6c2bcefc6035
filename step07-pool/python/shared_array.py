"""multiprocessing.Array: memory that processes share, because they ask.

Processes share nothing by default: each has its own copy of every
variable. Array puts four C ints in shared memory, which every process
started afterwards reaches; Value does the same for one int, with a
lock of its own. The lock makes each process's write to temp[0] and the
prints that follow one step, so each process prints its own value. The
original starts 20 processes; three show the same. The Go twin is
Example_sharedArray in array_example_test.go.
"""
from multiprocessing import Array, Process, RLock, Value


def foo(lock, temp, writes, i):
    with lock:
        temp[0] = 100 + i
        for item in temp:
            print(i, '----->', item, flush=True)
    with writes.get_lock():
        writes.value += 1


if __name__ == '__main__':
    lock = RLock()
    temp = Array('i', [11, 22, 33, 44])
    writes = Value('i', 0)
    processes = [Process(target=foo, args=(lock, temp, writes, i))
                 for i in range(3)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    print('writes:', writes.value)
