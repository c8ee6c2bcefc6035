"""step06's two apps in Flask, mounted as step06 mounts them.

step06's README compares their answers, path by path, with step06's,
under werkzeug's own server (the lesson's run_simple) and under waitress:

    python3 step06-stack/flask_apps.py --port 5001
    python3 step06-stack/flask_apps.py --port 5001 --server waitress
"""

import argparse

from flask import Flask, current_app, g
from werkzeug.middleware.dispatcher import DispatcherMiddleware

todo = Flask("todo")
admin = Flask("admin")


@admin.before_request
def set_permissions():
    g.permissions = ["list", "add"]


@todo.get("/index")
@admin.get("/index")
def app_name():
    return current_app.name + "\n", {"Content-Type": "text/plain"}


@admin.get("/permissions")
def permissions():
    return ", ".join(g.permissions) + "\n", {"Content-Type": "text/plain"}


@todo.post("/tasks/<task_id>")
def set_task(task_id):
    return "submit success\n", {"Content-Type": "text/plain"}


app = DispatcherMiddleware(todo, {"/admin": admin})

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=5001)
    parser.add_argument("--server", choices=["werkzeug", "waitress"],
                        default="werkzeug")
    args = parser.parse_args()
    if args.server == "waitress":
        from waitress import serve

        serve(app, host="127.0.0.1", port=args.port)
    else:
        from werkzeug.serving import run_simple

        run_simple("127.0.0.1", args.port, app)
