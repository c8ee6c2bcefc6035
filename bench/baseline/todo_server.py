#!/usr/bin/env python3
"""A Python 3 port of the original threaded TODO server: a yardstick.

step04-todo's README measures its CPU time per request and its memory per
idle connection against this server's, with bench/load. So this keeps the
original's design on purpose: a thread per client, each recv(1024) taken
as one whole request, split('/') and split('='), one dict shared by every
thread without a lock, and a broad except that closes the client. It
speaks the TODO protocol well enough for that measurement (a GET or POST
per recv, ending in "\\n", answered with a line ending in "\\r\\n"); it has
none of step04's framing, limits or error messages.

    python3 bench/baseline/todo_server.py --port 9100
"""

import argparse
import socket
import threading

todo_list = {
    'task_01': 'see someone',
    'task_02': 'read book',
    'task_03': 'play basketball',
}


def answer(request):
    """Carries out one request, as the original: 3 fields, or an error."""
    method, argument, _ = request.split('/')
    if method == 'GET':
        return todo_list.get(argument, 'no key match')
    if method == 'POST':
        key, value = argument.split('=', 1)
        todo_list[key] = value
        return 'submit success'
    return 'error: unknown method'


def handle_client(conn):
    conn.settimeout(60)
    try:
        while True:
            data = conn.recv(1024)
            if not data:
                break  # the client left
            reply = answer(data.decode().rstrip('\r\n'))
            conn.sendall(reply.encode() + b'\r\n')
    except Exception:  # like the original: any error closes the client
        pass
    finally:
        conn.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, default=9000)
    args = parser.parse_args()

    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((args.host, args.port))
    # The original's listen(5) would make a load test's burst of
    # connections wait for SYN retries; a long backlog keeps the
    # measurement about serving, not connecting.
    server.listen(socket.SOMAXCONN)
    print(f'listening on {args.host}:{args.port}', flush=True)
    try:
        while True:
            conn, _ = server.accept()
            threading.Thread(target=handle_client, args=(conn,),
                             daemon=True).start()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


if __name__ == '__main__':
    main()
