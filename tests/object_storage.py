"""A real S3-compatible server for the object-storage tests: moto's server mode, over HTTP on loopback.

`.ci/run` starts one and sets S3_TEST_ENDPOINT_URL; without it, each pytest worker starts its own. Each test gets
a bucket of its own, so tests never see each other's files."""

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests

from tests.core.smtp_sink import free_port

ACCESS_KEY = "wego-test-key"
SECRET_KEY = "wego-test-secret"  # the local server accepts any key
REGION = "eu-west-1"


def wait_until_up(endpoint, process=None, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"moto_server exited with {process.returncode}")
        try:
            requests.get(endpoint, timeout=5)
            return
        except requests.RequestException:  # not listening yet, or still loading on a busy machine
            time.sleep(0.2)
    raise RuntimeError(f"no S3 server answered at {endpoint}")


@pytest.fixture(scope="session")
def s3_endpoint():
    endpoint = os.environ.get("S3_TEST_ENDPOINT_URL")
    if endpoint:
        wait_until_up(endpoint)
        yield endpoint
        return
    executable = Path(sys.executable).with_name("moto_server")
    if not executable.exists() and not shutil.which("moto_server"):
        from tests.conftest import skip_or_fail

        skip_or_fail("needs moto's S3 server (pip install 'moto[server]') or S3_TEST_ENDPOINT_URL", "REQUIRE_S3")
    port = free_port()
    process = subprocess.Popen(
        [str(executable), "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(endpoint, process)
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


def client(endpoint):
    import boto3

    return boto3.client(
        "s3", endpoint_url=endpoint, aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY, region_name=REGION
    )


def new_bucket(endpoint):
    name = f"wego-{uuid.uuid4().hex[:20]}"
    client(endpoint).create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    return name


def environment(endpoint, bucket):
    """The variables an operator sets (docs/operations.md, "Object storage")."""
    return {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_S3_ADDRESSING_STYLE": "path",
    }


@pytest.fixture
def object_storage(s3_endpoint, settings):
    """The default storage is a fresh bucket on the S3 server, configured as production configures it."""
    bucket = new_bucket(s3_endpoint)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "core.files.ObjectStorage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": s3_endpoint,
                "region_name": REGION,
                "access_key": ACCESS_KEY,
                "secret_key": SECRET_KEY,
                "addressing_style": "path",
            },
        },
    }
    return Bucket(s3_endpoint, bucket)


class Bucket:
    def __init__(self, endpoint, name):
        self.endpoint = endpoint
        self.name = name
        self.client = client(endpoint)

    def stored_keys(self):
        listing = self.client.list_objects_v2(Bucket=self.name)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def unsigned_url(self, key):
        """The object's address without a signature: what someone guessing would try."""
        return f"{self.endpoint}/{self.name}/{key}"

    def grants_to_everyone(self, key):
        grants = self.client.get_object_acl(Bucket=self.name, Key=key)["Grants"]
        return [grant for grant in grants if "AllUsers" in grant["Grantee"].get("URI", "")]
