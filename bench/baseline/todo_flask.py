#!/usr/bin/env python3
"""step06-stack's two apps in Flask, served by waitress: a yardstick.

step05-local's and step06-stack's READMEs measure their CPU time per
request against this server's, with bench/load -proto http. It has the
same routes as step06: the TODO app at / and the admin app under /admin,
mounted with werkzeug's DispatcherMiddleware as in the original, and a
before_request hook of the admin app that sets g.permissions. waitress,
a pure-Python WSGI server, serves it with its default four threads.

Needs Debian's python3-flask and python3-waitress (apt-get install
python3-flask python3-waitress), never pip:

    python3 bench/baseline/todo_flask.py --port 5103

--port 0 takes any free port; the first line on stderr says which.
"""

import argparse
import sys
import threading

from flask import Flask, current_app, g, redirect, render_template_string
from flask import request
from waitress import create_server
from werkzeug.middleware.dispatcher import DispatcherMiddleware

todo = Flask('todo')
todo.config['MAX_CONTENT_LENGTH'] = 64 << 10  # as the steps' maxBody
tasks = {
    'task_01': 'see someone',
    'task_02': 'read book',
    'task_03': 'play basketball',
}
lock = threading.Lock()  # waitress serves each request in a thread

PAGE = '''<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>TODO</title>
<h1>TODO</h1>
<ul id="tasks">
{%- for id, value in tasks %}
  <li><a href="/tasks/{{ id|urlencode }}">{{ id }}</a>: {{ value }}</li>
{%- endfor %}
</ul>
<form method="post" action="/tasks">
  <label>id <input name="id" required></label>
  <label>value <input name="value" required></label>
  <button>Add</button>
</form>
'''


def text(body, status=200):
    return body + '\n', status, {'Content-Type': 'text/plain; charset=utf-8'}


@todo.get('/')
def index():
    with lock:
        all_tasks = sorted(tasks.items())
    return render_template_string(PAGE, tasks=all_tasks)


@todo.post('/tasks')
def add_task():
    task_id, value = request.form.get('id'), request.form.get('value')
    if not task_id:
        return text('error: expected a non-empty id', 400)
    if not value:
        return text('error: expected a non-empty value', 400)
    with lock:
        tasks[task_id] = value
    return redirect('/', 303)


@todo.get('/tasks/<task_id>')
def get_task(task_id):
    with lock:
        value = tasks.get(task_id)
    if value is None:
        return text('no key match', 404)
    return text(value)


@todo.post('/tasks/<task_id>')
def set_task(task_id):
    value = request.form.get('value')
    if not value:
        return text('error: expected a non-empty value', 400)
    with lock:
        tasks[task_id] = value
    return text('submit success')


@todo.get('/index')
def app_name():
    return text(current_app.name)


admin = Flask('admin')
admin.add_url_rule('/index', view_func=app_name)


@admin.before_request
def set_permissions():
    g.permissions = ['list', 'add']


@admin.get('/permissions')
def permissions():
    return text(', '.join(g.permissions))


app = DispatcherMiddleware(todo, {'/admin': admin})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, default=5000)
    args = parser.parse_args()
    server = create_server(app, host=args.host, port=args.port)
    # The line that the Go servers log, so that a script can read the port
    # that --port 0 got.
    print(f'listening on {server.effective_host}:{server.effective_port}',
          file=sys.stderr, flush=True)
    server.run()


if __name__ == '__main__':
    main()
