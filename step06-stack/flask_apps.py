"""step06's two apps in Flask, mounted as step06 mounts them.

step06's README compares their answers, path by path, with step06's:

    python3 step06-stack/flask_apps.py --port 5001
"""

import argparse

from flask import Flask, current_app, g
from waitress import serve
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


app = DispatcherMiddleware(todo, {"/admin": admin})

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=5001)
    serve(app, host="127.0.0.1", port=parser.parse_args().port)
