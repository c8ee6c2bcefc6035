"""Daemon threads: what a program prints when its main thread ends first.

The original starts ten threads that sleep for a moment, then print;
its main thread prints 'main thread stop' at once, and ends. At exit,
Python waits for every thread that is not a daemon, and stops the
daemon threads where they are. This twin runs that program twice, as a
child process, to show both. The Go twin is Example_daemon in
daemon_example_test.go.
"""
import subprocess
import sys
import threading
import time


print_lock = threading.Lock()  # print writes a line and its end apart


def show(arg):
    time.sleep(1)  # the work, still going on when main ends
    with print_lock:
        print('thread' + str(arg))


def program(daemon):
    for i in range(10):
        threading.Thread(target=show, args=(i,), daemon=daemon).start()
    print('main thread stop')
    # main ends here: Python joins the threads that are not daemons


if len(sys.argv) == 2:
    program(daemon=sys.argv[1] == 'True')
else:
    for daemon in (False, True):
        print('daemon=%s:' % daemon, flush=True)
        subprocess.run([sys.executable, __file__, str(daemon)], check=True)
