import pytest

from tests.concurrency.live_server import start_live_server


@pytest.fixture
def live(require_postgres):
    """A live server with a pool of worker threads, on PostgreSQL only: the SQLite test database lives in memory,
    where concurrent writers get "table locked" instead of waiting."""
    thread = start_live_server()
    yield f"http://{thread.host}:{thread.port}"
    thread.terminate()
