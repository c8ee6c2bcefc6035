# DispatcherMiddleware mounts one app under a path of another: /admin/...
# goes to app2, which sees the path without /admin; anything else goes to
# app1. The lesson ran both on a server and left the requests to a
# browser; here werkzeug's test client sends them, without a socket, and
# prints what each returns. The lesson imported DispatcherMiddleware from
# werkzeug.wsgi; werkzeug 0.15 moved it to werkzeug.middleware.dispatcher,
# and the old name is gone.
# Go twin: Example_dispatcher in appctx_example_test.go.
from flask import Flask
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.test import Client

app1 = Flask("app01")
app2 = Flask("app02")


@app1.route("/index")
def index():
    return "app01"


@app2.route("/index2")
def index2():
    return "app2"


app = DispatcherMiddleware(app1, {"/admin": app2})

client = Client(app)
for path in ["/index", "/admin/index2"]:
    print(path, "->", client.get(path).get_data(as_text=True))
