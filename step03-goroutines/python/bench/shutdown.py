"""How long socketserver's shutdown() takes to stop serve_forever().

serve_forever() waits for a client with a timeout, poll_interval (half
a second), and checks for a shutdown only when that wait ends; a
blocking accept() could not notice one. This script starts a server,
lets it wait for a random moment, calls shutdown(), and times how long
that takes, ten times. BenchmarkStop in stop_test.go times the same for
Serve, whose Accept is woken by closing the listener.

    python3 python/bench/shutdown.py
"""
import random
import socketserver
import threading
import time


class Nothing(socketserver.BaseRequestHandler):
    def handle(self):
        pass


if __name__ == '__main__':
    took = []
    for _ in range(10):
        server = socketserver.ThreadingTCPServer(('127.0.0.1', 0), Nothing)
        loop = threading.Thread(target=server.serve_forever)
        loop.start()
        time.sleep(random.uniform(0.1, 0.6))  # somewhere in a poll
        begin = time.perf_counter()
        server.shutdown()  # returns once serve_forever has
        took.append(time.perf_counter() - begin)
        loop.join()
        server.server_close()
    print('shutdown() took %.0f ms on average, %.0f ms at most, over %d runs'
          % (1000 * sum(took) / len(took), 1000 * max(took), len(took)))
