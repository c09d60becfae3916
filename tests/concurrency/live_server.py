"""A live server for race tests: real HTTP, a bounded pool of worker threads like gunicorn's, and a
listen backlog deep enough for a burst of hundreds of simultaneous connections."""

import threading
from concurrent.futures import ThreadPoolExecutor

import requests
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test import Client
from django.test.testcases import LiveServerThread

WORKERS = 40  # each holds a database connection while it serves; PostgreSQL allows 100
CSRF_SECRET = "r" * 32


class PooledWSGIServer(ThreadedWSGIServer):
    request_queue_size = 512

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pool = ThreadPoolExecutor(max_workers=WORKERS)

    def process_request(self, request, client_address):
        self.pool.submit(self.process_request_thread, request, client_address)

    def server_close(self):
        super().server_close()
        self.pool.shutdown(wait=True)


class PooledLiveServerThread(LiveServerThread):
    server_class = PooledWSGIServer


def start_live_server():
    thread = PooledLiveServerThread("127.0.0.1", StaticFilesHandler)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    return thread


def signed_in_session(user):
    """A requests session carrying the user's login and a CSRF cookie, as a browser would."""
    client = Client()
    client.force_login(user)
    session = requests.Session()
    session.cookies.set("sessionid", client.cookies["sessionid"].value)
    session.cookies.set("csrftoken", CSRF_SECRET)
    session.headers["X-CSRFToken"] = CSRF_SECRET
    # One request per connection: a kept-alive connection would hold a pool worker while idle.
    session.headers["Connection"] = "close"
    return session


def post_all_at_once(base_url, jobs, timeout=120):
    """POST every (session, path, data) job at the same instant; returns the HTTP status codes."""
    return [response.status_code for response in send_all_at_once("post", base_url, jobs, timeout)]


def get_all_at_once(base_url, jobs, timeout=120):
    """GET every (session, path) job at the same instant; returns the responses."""
    return send_all_at_once("get", base_url, [(session, path, None) for session, path in jobs], timeout)


def send_all_at_once(method, base_url, jobs, timeout):
    barrier = threading.Barrier(len(jobs))
    responses = [None] * len(jobs)

    def send(index, session, path, data):
        barrier.wait(timeout=60)
        send = getattr(session, method)
        responses[index] = send(base_url + path, data=data, allow_redirects=False, timeout=timeout)

    threads = [threading.Thread(target=send, args=(index, *job)) for index, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout + 60)
    return responses
