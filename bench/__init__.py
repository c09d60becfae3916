"""The benchmark: seeds its own database at scale, times pages in-process and under gunicorn."""
