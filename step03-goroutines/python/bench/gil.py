"""The GIL: CPU-bound work on two threads takes as long as on one.

Counts the primes below 200000, as BenchmarkCPUBound in gil_test.go
does, on one thread, on two threads, and on two processes, and prints
the best of three runs of each: the time it took, and the CPU time it
used divided by that, which is how many cores were busy on average.
Threads take turns holding the global interpreter lock, so they never
keep more than one core busy; processes each have their own. Run it on
an idle machine with two cores or more:

    python3 python/bench/gil.py
"""
import multiprocessing
import os
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


def cpu_seconds():
    """The CPU time used by this process and its children that have
    ended, in seconds."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def run(worker, n):
    """Counts the primes on n workers (threading.Thread or
    multiprocessing.Process); returns the seconds it took, and the CPU
    seconds it used."""
    results = multiprocessing.Array('i', n)  # shared, so processes can fill it
    workers = [worker(target=count, args=(i, n, results)) for i in range(n)]
    begin, begin_cpu = time.perf_counter(), cpu_seconds()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed, cpu = time.perf_counter() - begin, cpu_seconds() - begin_cpu
    assert sum(results) == 17984, sum(results)
    return elapsed, cpu


if __name__ == '__main__':
    for name, worker, n in [('1 thread', threading.Thread, 1),
                            ('2 threads', threading.Thread, 2),
                            ('2 processes', multiprocessing.Process, 2)]:
        elapsed, cpu = min(run(worker, n) for _ in range(3))
        print('%-12s %5.0f ms, %.2f cores busy' % (name + ':', elapsed * 1000,
                                                   cpu / elapsed))
