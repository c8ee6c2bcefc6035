"""Flask's hooks, in the order they run, and a context popped out of order.

step06's README shows what this prints next to what step06 does:

    python3 step06-stack/flask_hooks.py
"""

from flask import Flask, current_app

app = Flask("hooks")
ran = []


def hooks(name):
    """Registers one hook of each kind, each noting that it ran."""

    @app.before_request
    def before_request():
        ran.append(f"before_request {name}")

    @app.after_request
    def after_request(response):
        ran.append(f"after_request {name}")
        return response

    @app.teardown_request
    def teardown_request(exc):
        ran.append(f"teardown_request {name} {exc!r}")

    @app.teardown_appcontext
    def teardown_appcontext(exc):
        ran.append(f"teardown_appcontext {name} {exc!r}")


hooks("1")
hooks("2")


@app.get("/")
def index():
    ran.append("view")
    return "index"


@app.get("/fails")
def fails():
    ran.append("view")
    raise ValueError("a bug in a view")


def get(path, title):
    ran.clear()
    status = app.test_client().get(path).status_code
    print(f"{title}: {status}")
    for line in ran:
        print("  " + line)


app.logger.disabled = True  # the traceback of /fails
get("/", "a request")
get("/fails", "the view raises")
app.before_request_funcs[None].insert(
    0, lambda: ran.append("before_request 0") or ("no", 403)
)
get("/", "a before_request hook answers")

print("a context popped out of order:")
app1, app2 = Flask("app1"), Flask("app2")
ctx1, ctx2 = app1.app_context(), app2.app_context()
ctx1.push()
ctx2.push()
try:
    ctx1.pop()  # ctx2 is on top
except AssertionError as e:
    print("  AssertionError:", str(e).split(" (")[0])
print("  current app:", current_app.name if current_app else None)
