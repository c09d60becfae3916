"""`python -m bench`: seed a database of its own, time pages in-process, then load them under gunicorn."""

import argparse
import json
import os
import platform
import secrets
import shutil
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def parse_args(argv=None):
    from bench.seed import SCALES

    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--scale", choices=sorted(SCALES), default="medium", help="how much data to seed")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page in-process")
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk load per page")
    parser.add_argument("--no-load", action="store_true", help="skip the gunicorn + wrk part")
    parser.add_argument("--reuse", action="store_true", help="keep the database of the previous run")
    parser.add_argument("--only", action="append", default=[], metavar="NAME", help="measure only these pages")
    parser.add_argument(
        "--workdir",
        default=os.environ.get("BENCH_WORKDIR", str(REPO / "var" / "bench")),
        help="where the bench database, media and static files go",
    )
    parser.add_argument("--output", default=str(REPO / "bench" / "results.json"), help="the JSON results file")
    return parser.parse_args(argv)


def settings_environment(workdir):
    """Production settings on loopback, with a database and files of the bench's own."""
    database_url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{workdir / 'bench.sqlite3'}"
    return {
        "DJANGO_SETTINGS_MODULE": "wego_hub.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "OPEN_BADGES_SIGNING_KEYS": "bench:" + secrets.token_urlsafe(32)[:43],
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "WEGO_VAR_DIR": str(workdir),
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "LOG_LEVEL": "WARNING",
        # Emails are still written to the outbox (no worker runs: they wait there), and would be dropped if sent.
        "EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        # Every request comes from one address: the API's limit per client would answer most of them 429 and measure
        # the limiter, not the pages. The limiter's own cost (two cache reads and a write) stays in.
        "API_RATE_LIMIT_CLIENT": "100000000/m",
        "API_RATE_LIMIT_TOKEN": "100000000/m",
    }


def prepare_database(args, workdir):
    from django.core.management import call_command

    if not args.reuse and not os.environ.get("BENCH_DATABASE_URL"):
        for suffix in ("", "-wal", "-shm"):
            (workdir / f"bench.sqlite3{suffix}").unlink(missing_ok=True)
    elif not args.reuse:
        call_command("flush", "--no-input", verbosity=0)
    print("Preparing the database (migrate, cache table, static files)…", flush=True)
    call_command("migrate", "--no-input", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", "--no-input", verbosity=0)


def resolve(page, seeded):
    return page.path(seeded) if callable(page.path) else page.path


def user_email(page, seeded):
    people = {
        "member": seeded.member_email,
        "focal_point": seeded.focal_point_email,
        "secretariat": seeded.secretary_email,
    }
    return people.get(page.as_user)


def main(argv=None):
    args = parse_args(argv)
    workdir = Path(args.workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    env = settings_environment(workdir)
    os.environ.update(env)
    sys.path.insert(0, str(REPO))

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from bench import measure, seed
    from bench.pages import PAGES, STATIC_PAGE

    started = time.monotonic()
    prepare_database(args, workdir)
    seeded = seed.seeded_from_database() if args.reuse else seed.seed(args.scale)
    # Saving pages enqueued their search-index updates (Wagtail indexes in a background task): run them as the
    # embedded worker would, so searches measure a complete index.
    from django.core.management import call_command

    call_command("db_worker", "--batch", "--interval", "0", "--no-startup-delay", "--queue-name", "*", verbosity=0)
    if connection.vendor == "postgresql" and not args.reuse:
        # Fresh statistics after the bulk load: without them PostgreSQL plans the listings badly (344 ms for 70).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    pages = [page for page in PAGES if not args.only or page.name in args.only]

    print(f"\nIn-process: {args.requests} requests per page (Django test client)", flush=True)
    results = []
    for page in pages:
        path = resolve(page, seeded)
        client = measure.signed_in_client(user_email(page, seeded))
        figures = measure.time_page(client, path, args.requests)
        cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
        results.append(
            {
                "name": page.name,
                "path": path,
                **figures,
                "_cookie": cookie and cookie.value,
                "_interleaved": page.interleaved,
            }
        )
        print(f"  {page.name:28} {figures['status']} {figures['median_ms']:8.2f} ms", flush=True)

    if not args.no_load:
        measure_throughput(args, results, env, settings.SESSION_COOKIE_NAME)

    static_rps = next((r.get("rps") for r in results if r["name"] == STATIC_PAGE), None)
    for result in results:
        result.pop("_cookie", None)
        result.pop("_interleaved", None)
        # An interleaved page is compared with the static file measured beside it, otherwise with the first one.
        static = result.get("static_rps_beside") or static_rps
        if static and result.get("rps"):
            result["ratio_to_static"] = round(result["rps"] / static, 3)
    print_table(results)
    write_results(args, results, seeded, connection.vendor, time.monotonic() - started)


def measure_throughput(args, results, env, cookie_name):
    from bench import load

    if not load.wrk_available():
        print("\nwrk is not installed: skipping the load test (apt-get install wrk).", flush=True)
        return
    print(f"\nUnder load: gunicorn with {load.WORKERS} workers, wrk -t2 -c8 for {args.duration} s per page", flush=True)
    from bench.pages import STATIC_PAGE

    static_path = next((r["path"] for r in results if r["name"] == STATIC_PAGE), None)
    with load.gunicorn(load.environment_for(env)) as base:
        for result in results:
            cookie = f"{cookie_name}={result['_cookie']}" if result["_cookie"] else None
            if result["_interleaved"] and static_path:
                load.interleaved(result, base + static_path, base + result["path"], args.duration)
                print(
                    f"  {result['name']:28} {result['rps'] or 0:9.1f} req/s"
                    f" (static file beside it: {result['static_rps_beside'] or 0:.1f} req/s)",
                    flush=True,
                )
                continue
            rps, non_2xx = load.requests_per_second(base + result["path"], args.duration, cookie)
            result["rps"] = rps
            result["non_2xx"] = non_2xx
            print(f"  {result['name']:28} {rps or 0:9.1f} req/s", flush=True)
        if not args.only or "registration" in args.only:
            from bench import registration_load

            results.append(registration_load.run(base, cookie_name))
        if not args.only or "quiz submission" in args.only:
            from bench import quiz_load

            quiz_result = quiz_load.run(base, cookie_name)
            if quiz_result:
                results.append(quiz_result)


def print_table(results):
    from bench.pages import STATIC_PAGE

    static_rps = next((r.get("rps") for r in results if r["name"] == STATIC_PAGE), None)
    header = (
        f"{'page':28} {'status':>6} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'queries':>7} {'req/s':>9} "
        f"{'static req/s':>12} {'vs static':>9}"
    )
    print("\n" + header + "\n" + "-" * len(header))
    for r in results:
        rps = f"{r['rps']:.0f}" if r.get("rps") else "-"
        ratio = f"{r['ratio_to_static']:.3f}×" if r.get("ratio_to_static") else "-"
        # The static file this row is compared with: measured beside it (interleaved), or the first row's.
        static = r.get("static_rps_beside") or (static_rps if r.get("ratio_to_static") else None)
        static = f"{static:.0f}{'*' if r.get('static_rps_beside') else ''}" if static else "-"
        print(
            f"{r['name']:28} {r['status']:>6} {r['median_ms']:>10.2f} {r['p95_ms']:>8.2f} {r['max_ms']:>8.2f} "
            f"{r['queries']:>7} {rps:>9} {static:>12} {ratio:>9}"
        )
    print("* measured interleaved with the page (static, page, static, page)")


def write_results(args, results, seeded, vendor, elapsed):
    import django
    import wagtail

    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(
        json.dumps(
            {
                "timestamp": datetime.now(UTC).isoformat(),
                "scale": args.scale,
                "seeded": seeded.counts,
                "database": vendor,
                "requests_per_page": args.requests,
                "load_seconds_per_page": None if args.no_load else args.duration,
                "python": platform.python_version(),
                "django": django.get_version(),
                "wagtail": wagtail.__version__,
                "wrk": shutil.which("wrk") is not None,
                "elapsed_seconds": round(elapsed, 1),
                "pages": results,
            },
            indent=2,
        )
    )
    print(f"\nWrote {output} ({elapsed:.0f} s in all).")
