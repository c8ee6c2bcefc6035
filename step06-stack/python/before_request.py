# A before_request hook stores a value in g; the view of the same request
# reads it. The lesson ran the app and waited for a browser; here Flask's
# test client sends the one request, without a socket.
# Go twin: Example_beforeRequest in appctx_example_test.go.
from flask import Flask, g

app = Flask(__name__)


@app.before_request
def before():
    g.permission_code_list = ["list", "add"]


@app.route("/", methods=["GET", "POST"])
def index():
    print(g.permission_code_list)
    return "index"


app.test_client().get("/")
