"""The Docker files cannot be built here (no Docker engine); keep them consistent with the settings."""

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
ENV_READ = re.compile(r'\b(?:env|env_bool|env_list|env_addresses|required)\("([A-Z][A-Z0-9_]+)"')


def variables_the_settings_read():
    names = set()
    for path in (REPO / "wego_hub" / "settings").glob("*.py"):
        names.update(ENV_READ.findall(path.read_text()))
    return names


def compose():
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())


def test_settings_read_the_variables_we_expect():
    # Guards the regular expression itself: if it found nothing, the tests below would prove nothing.
    assert {
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DATABASE_URL",
        "REDIS_URL",
        "ELASTICSEARCH_URL",
    } <= variables_the_settings_read()


def test_env_example_documents_every_variable_the_settings_read():
    documented = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", (REPO / ".env.example").read_text(), re.MULTILINE))
    assert variables_the_settings_read() - documented == set()


def test_compose_has_the_production_services():
    services = compose()["services"]
    assert set(services) >= {"db", "es", "redis", "migrate", "web", "worker"}
    assert services["worker"]["command"][:4] == ["python", "manage.py", "rqworker", "default"]
    assert services["worker"]["environment"]["TASK_BACKEND"] == "rq"
    assert services["db"]["image"] == "postgres:16"
    assert re.fullmatch(r"docker\.elastic\.co/elasticsearch/elasticsearch:8\.\d+\.\d+", services["es"]["image"])
    assert services["web"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["migrate"]["restart"] == "no"
    assert "migrate" in " ".join(services["migrate"]["command"])


def test_compose_gives_the_app_every_variable_it_needs():
    services = compose()["services"]
    for name in ("web", "migrate", "worker"):
        environment = services[name]["environment"]
        assert environment["DJANGO_SETTINGS_MODULE"] == "wego_hub.settings.production"
        assert environment["DATABASE_URL"].startswith("postgres://")
        assert environment["ELASTICSEARCH_URL"] == "http://es:9200"
        assert environment["REDIS_URL"].startswith("redis://redis:")
        unknown = set(environment) - variables_the_settings_read() - {"DJANGO_SETTINGS_MODULE"}
        assert unknown == set(), f"{name} sets variables no setting reads: {unknown}"
        assert {"SECRET_KEY", "ALLOWED_HOSTS", "MEDIA_ROOT"} <= set(environment)


def test_dockerfile_builds_a_non_root_gunicorn_image_with_static_files():
    dockerfile = (REPO / "Dockerfile").read_text()
    assert dockerfile.count("FROM ") >= 2  # multi-stage
    user = re.search(r"^USER (\S+)", dockerfile, re.MULTILINE)
    assert user and user.group(1) not in {"root", "0"}
    assert "collectstatic --no-input" in dockerfile
    assert "gunicorn wego_hub.wsgi:application" in dockerfile
    assert "requirements.lock" in dockerfile
