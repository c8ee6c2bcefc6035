"""Flask's hooks, in the order they run, and contexts popped out of order.

step06's README shows what this prints next to what step06 does:

    python3 step06-stack/flask_hooks.py
"""

from flask import Flask, current_app, request

app = Flask("hooks")
ran = []


def hooks(name):
    """Registers one hook of each kind, each noting that it ran."""

    @app.before_request
    def before_request():
        ran.append(f"before_request {name}")
        if request.path == f"/before{name}":
            raise ValueError(f"a bug in before_request {name}")

    @app.after_request
    def after_request(response):
        ran.append(f"after_request {name}")
        if request.path == f"/after{name}":
            raise ValueError(f"a bug in after_request {name}")
        return response

    @app.teardown_request
    def teardown_request(exc):
        ran.append(f"teardown_request {name} {exc!r}")

    @app.teardown_appcontext
    def teardown_appcontext(exc):
        ran.append(f"teardown_appcontext {name} {exc!r}")


hooks("1")
hooks("2")


@app.route("/", defaults={"path": ""})
@app.route("/<path:path>")
def index(path):
    ran.append("view")
    if path == "fails":
        raise ValueError("a bug in a view")
    return "index"


def get(path, title):
    ran.clear()
    status = app.test_client().get(path).status_code
    print(f"{title}: {status}")
    for line in ran:
        print("  " + line)


app.logger.disabled = True  # the tracebacks
get("/", "a request")
get("/fails", "the view raises")
get("/before1", "before_request 1 raises")
get("/after2", "after_request 2 raises")
app.before_request_funcs[None].insert(
    0, lambda: ran.append("before_request 0") or ("no", 403)
)
get("/", "a before_request hook answers")


def pop_out_of_order(title, ctx1, ctx2):
    """Pushes ctx1, then ctx2, and pops ctx1: not the one on top."""
    print(title)
    ctx1.push()
    ctx2.push()
    try:
        ctx1.pop()
    except AssertionError as e:
        print("  AssertionError:", str(e).split(" (")[0])
    print("  current app:", current_app.name if current_app else None)
    print("  request:", request.path if request else None)


app1, app2 = Flask("app1"), Flask("app2")
app1.teardown_request(lambda exc: print("  app1's teardown_request"))
app1.teardown_appcontext(lambda exc: print("  app1's teardown_appcontext"))
pop_out_of_order("app contexts popped out of order:",
                 app1.app_context(), app2.app_context())
pop_out_of_order("request contexts popped out of order:",
                 app1.test_request_context("/1"),
                 app2.test_request_context("/2"))
