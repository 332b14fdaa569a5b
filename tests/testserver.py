"""testserver.py: what fetch's test servers share (fetch-server.py and
hostile-server.py): their command line, binding every 127.x address to
one port, the port file, and stopping on SIGTERM.  Python 3 standard
library only."""

import argparse
import errno
import ipaddress
import os
import signal
import socketserver
import sys
import threading
import time


class Quiet:
    """A server mix-in: clients going away is what the tests do."""
    daemon_threads = True
    block_on_close = False	# a stalled handler must not hold up exit
    request_queue_size = 128

    def handle_error(self, request, client_address):
        e = sys.exc_info()[1]
        if isinstance(e, (ConnectionError, TimeoutError)) or (
                isinstance(e, OSError) and e.errno in (errno.EPIPE,
                                                       errno.EBADF)):
            return
        super().handle_error(request, client_address)


def arguments(description, default_addrs, more=None):
    """Parse --port-file, --log and --addr (and what more() adds); only
    127.x addresses are taken."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log")
    ap.add_argument("--addr", action="extend", nargs="+")
    if more:
        more(ap)
    o = ap.parse_args()
    o.addr = o.addr or default_addrs
    for a in o.addr:
        if not loopback(a):
            ap.error("%s: only 127.x.x.x addresses" % a)
    return ap, o


def loopback(a):
    try:
        return ipaddress.ip_address(a) in ipaddress.ip_network("127.0.0.0/8")
    except ValueError:
        return False


def listen(server_class, handler, addrs):
    """Bind every address to one port; try another port when one is taken."""
    for _ in range(100):
        servers = []
        try:
            port = 0
            for a in addrs:
                s = server_class((a, port), handler, bind_and_activate=False)
                servers.append(s)
                s.server_bind()
                s.server_activate()
                port = s.server_address[1]
            return servers, port
        except OSError as e:
            for s in servers:
                s.server_close()
            if e.errno != errno.EADDRINUSE:
                raise
    sys.exit("%s: no port free on every address" % os.path.basename(sys.argv[0]))


def serve(server_class, handler, addrs, port_file, stopping):
    """Serve until SIGTERM or SIGINT sets stopping; the port goes to
    port_file once every socket listens."""
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    signal.signal(signal.SIGINT, lambda *_: stopping.set())
    servers, port = listen(server_class, handler, addrs)
    for s in servers:
        threading.Thread(target=s.serve_forever, args=(0.1,),
                         daemon=True).start()
    with open(port_file + ".tmp", "w") as f:
        f.write("%d\n" % port)
    os.replace(port_file + ".tmp", port_file)
    while not stopping.wait(0.1):
        pass
    # Stop all serve_forever loops at once, then close the listeners;
    # hanging handlers see `stopping` and the daemon threads die with us.
    stoppers = [threading.Thread(target=s.shutdown) for s in servers]
    for t in stoppers:
        t.start()
    for t in stoppers:
        t.join()
    for s in servers:
        s.server_close()
    time.sleep(0.1)		# handlers watching `stopping` close their sockets
