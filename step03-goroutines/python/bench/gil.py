"""The GIL: CPU-bound work on two threads takes as long as on one.

Counts the primes below 200000, as BenchmarkCPUBound in gil_test.go
does, on one thread, on two threads, and on two processes, and prints
the best of three runs of each. Threads take turns holding the global
interpreter lock; processes each have their own. Run it on an idle
machine with two cores or more:

    python3 python/bench/gil.py
"""
import multiprocessing
import threading
import time

PRIMES_BELOW = 200_000
BLOCK = 1000


def is_prime(k):
    if k < 2:
        return False
    d = 2
    while d * d <= k:
        if k % d == 0:
            return False
        d += 1
    return True


def count(i, n, results):
    """Counts the primes of blocks i, i+n, i+2n, ... into results[i]."""
    total = 0
    for start in range(i * BLOCK, PRIMES_BELOW, n * BLOCK):
        for k in range(start, min(start + BLOCK, PRIMES_BELOW)):
            if is_prime(k):
                total += 1
    results[i] = total


def run(worker, n):
    """Counts the primes on n workers (threading.Thread or
    multiprocessing.Process), and returns the seconds it took."""
    results = multiprocessing.Array('i', n)  # shared, so processes can fill it
    workers = [worker(target=count, args=(i, n, results)) for i in range(n)]
    begin = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - begin
    assert sum(results) == 17984, sum(results)
    return elapsed


if __name__ == '__main__':
    for name, worker, n in [('1 thread', threading.Thread, 1),
                            ('2 threads', threading.Thread, 2),
                            ('2 processes', multiprocessing.Process, 2)]:
        best = min(run(worker, n) for _ in range(3))
        print('%-12s %6.0f ms' % (name + ':', best * 1000))
