"""gevent: three fetches spawned at once, and joined.

The original fetched three web sites; this twin starts three local
servers on 127.0.0.1 that stand in for them, so it needs no network.
Each server answers only once all three requests have arrived: fetches
made one after another would never get their first answer. The ports
change from run to run, so the lines name the site, not the address.
The Go twin is Example_spawn in spawn_example_test.go.
"""
from gevent import monkey

monkey.patch_all()  # now socket, threading and time yield to other greenlets

import threading  # noqa: E402 (after patch_all, as gevent asks)
import urllib.request  # noqa: E402
from http.server import BaseHTTPRequestHandler, HTTPServer  # noqa: E402

import gevent  # noqa: E402

SITES = ['www.python.org', 'www.yahoo.com', 'github.com']
all_arrived = threading.Barrier(len(SITES), timeout=10)


class Page(BaseHTTPRequestHandler):
    def do_GET(self):
        all_arrived.wait()
        body = ('<html>the page of %s</html>\n' % self.server.site).encode()
        self.send_response(200)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass  # no access log on stderr


def serve(site):
    server = HTTPServer(('127.0.0.1', 0), Page)
    server.site = site
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return 'http://127.0.0.1:%d/' % server.server_port


def f(site, url):
    print('GET: %s' % site)
    data = urllib.request.urlopen(url, timeout=10).read()
    print('%d bytes received from %s.' % (len(data), site))


urls = {site: serve(site) for site in SITES}
gevent.joinall([gevent.spawn(f, site, urls[site]) for site in SITES],
               raise_error=True)
