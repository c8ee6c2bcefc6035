# Two apps, the app context of one inside the other's: current_app is the
# app of the innermost context, and is the outer one's again once the
# inner one ends. The lesson also printed _app_ctx_stack._local.__storage__
# in each context; today's Flask has no _app_ctx_stack (deprecated in 2.2,
# removed in 3.0) and werkzeug's Local no __storage__ (it keeps its values in
# a ContextVar), so those two prints are left out.
# Go twin: Example_appContexts in appctx_example_test.go.
from flask import Flask, current_app

app1 = Flask("app01")
app1.debug = False

app2 = Flask("app02")
app2.debug = True

with app1.app_context():
    print(current_app.config["DEBUG"])
    with app2.app_context():
        print(current_app.config["DEBUG"])
    print(current_app.config["DEBUG"])
