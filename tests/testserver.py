"""testserver.py: what fetch's test servers share (fetch-server.py and
hostile-server.py): their command line, listening on 127.0.0.1 (and
nowhere else), the host a request is for (its Host header), the port
file, and stopping on SIGTERM.  Python 3 standard library only."""

import argparse
import errno
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


def arguments(description, more=None):
    """Parse --port-file and --log (and what more() adds)."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log")
    if more:
        more(ap)
    return ap, ap.parse_args()


def host_name(value):
    """The host a request is for, from its Host header: lower case,
    without the port; 127.0.0.1 when there is none.  The tests reach
    this one server under many names (fetch --resolve), and each name
    plays a host of its own."""
    h = (value or "").strip().lower()
    if h.startswith("["):
        return h.partition("]")[0] + "]"
    return h.rpartition(":")[0] if ":" in h else (h or "127.0.0.1")


def listen(server_class, handler):
    """Listen on 127.0.0.1, on a free port."""
    s = server_class(("127.0.0.1", 0), handler)
    return [s], s.server_address[1]


def serve(server_class, handler, port_file, stopping):
    """Serve until SIGTERM or SIGINT sets stopping; the port goes to
    port_file once every socket listens."""
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    signal.signal(signal.SIGINT, lambda *_: stopping.set())
    servers, port = listen(server_class, handler)
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
