"""The docker-compose deployment, proven natively (no Docker engine needed): the
`app` service's command — `cipdesk init-db` then gunicorn on `cipdesk.wsgi:app` —
run with the same environment variables, on a fresh SQLite file or, when
CIPDESK_TEST_DATABASE_URL is set, on a separate PostgreSQL database
`cipdesk_deploiement`. The command and the variables are read from
docker-compose.yml, so the file and this test cannot drift apart."""
from __future__ import annotations

import contextlib
import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.bases import base_neuve

pytestmark = pytest.mark.slow

RACINE = Path(__file__).resolve().parents[2]
BASE_PG = "cipdesk_deploiement"
DELAI_DEMARRAGE = 30


# -- docker-compose.yml, read without a YAML library (the file keeps a simple shape) ----------
def bloc_du_service(nom: str) -> list[str]:
    lignes = (RACINE / "docker-compose.yml").read_text().splitlines()
    debut = lignes.index(f"  {nom}:")
    bloc = []
    for ligne in lignes[debut + 1:]:
        if ligne.strip() and not ligne.startswith("   ") and not ligne.lstrip().startswith("#"):
            break
        bloc.append(ligne)
    return bloc


def commande_compose() -> tuple[str, str]:
    """The app service's `sh -c "A && B"` command, as (A, B)."""
    ligne = next(l for l in bloc_du_service("app") if l.strip().startswith("command:"))
    sh, option, script = shlex.split(ligne.split("command:", 1)[1])
    assert (sh, option) == ("sh", "-c")
    init, serveur = (partie.strip() for partie in script.split("&&"))
    return init, serveur


def environnement_compose() -> dict[str, str]:
    bloc = bloc_du_service("app")
    i = next(n for n, l in enumerate(bloc) if l.strip() == "environment:")
    variables = {}
    for ligne in bloc[i + 1:]:
        if not ligne.startswith("      "):
            break
        if ligne.strip().startswith("#"):
            continue
        cle, valeur = ligne.strip().split(":", 1)
        variables[cle] = valeur.strip().strip('"')
    return variables


def test_docker_compose_et_dockerfile_decrivent_le_meme_demarrage():
    init, serveur = commande_compose()
    assert init == "cipdesk init-db"  # migrations before the workers start
    argv = shlex.split(serveur)
    assert argv[0] == "gunicorn" and argv[-1] == "cipdesk.wsgi:app"
    env = environnement_compose()
    assert env["CIPDESK_ENV"] == "production"
    assert env["SECRET_KEY"].startswith("${SECRET_KEY:?")  # no default secret
    assert env["DATABASE_URL"].startswith("postgresql+psycopg://cipdesk:") and "@db:5432/cipdesk" in env["DATABASE_URL"]
    assert env["CIPDESK_KEK_FILE"] == "/run/secrets/cipdesk_kek"
    assert "CIPDESK_KEK" not in env  # the master key comes from the compose secret, never the env
    assert "      - cipdesk_kek" in bloc_du_service("app")
    assert any("/sante" in l for l in bloc_du_service("app"))  # health check
    assert any("service_healthy" in l for l in bloc_du_service("app"))
    assert any("pg_isready" in l for l in bloc_du_service("db"))
    dockerfile = (RACINE / "Dockerfile").read_text()
    assert f'"sh", "-c", "{init} && {serveur}"' in dockerfile
    assert re.search(r"^USER cipdesk$", dockerfile, re.M)  # not root
    assert re.search(r"^FROM python:3\.11-slim$", dockerfile, re.M)


# -- running the command natively -------------------------------------------------------------


def fichier_kek(chemin: Path) -> Path:
    """A key file in the compose secret's format (JSON {"active", "keys"}, mode 0400)."""
    from cipdesk.security import keys

    trousseau = keys.TrousseauKek()
    trousseau.ajouter(keys.AESGCM.generate_key(bit_length=256))
    keys.ecrire_fichier_kek(chemin, trousseau)
    return chemin


def port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Deploiement:
    """The compose environment of the app service, with local values."""

    def __init__(self, tmp_path: Path, url: str):
        self.tmp_path = tmp_path
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(tmp_path),
            "LANG": "C.UTF-8",
            "PYTHONUNBUFFERED": "1",
        }
        compose = environnement_compose()
        self.env.update({
            "CIPDESK_ENV": compose["CIPDESK_ENV"],
            "SECRET_KEY": "cle-secrete-du-test-de-deploiement-" + "x" * 32,
            "DATABASE_URL": url,
            "CIPDESK_KEK_FILE": str(fichier_kek(tmp_path / "secrets" / "kek.key")),
            "CIPDESK_INSTANCE_PATH": str(tmp_path / "instance"),
            "SESSION_COOKIE_SECURE": compose["SESSION_COOKIE_SECURE"],
            "CIPDESK_PROXY_FIX": compose["CIPDESK_PROXY_FIX"],
            "CIPDESK_URL_PUBLIQUE": "https://cipdesk.exemple.fr",
        })
        assert set(compose) <= set(self.env), "une variable de docker-compose.yml n'est pas reprise ici"

    def cli(self, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        """`cipdesk …` as the compose command runs it (the venv's console script)."""
        cipdesk = Path(sys.executable).with_name("cipdesk")
        argv = [str(cipdesk)] if cipdesk.exists() else [sys.executable, "-m", "cipdesk.cli"]
        return subprocess.run(argv + list(args), env=env or self.env, cwd=self.tmp_path,
                              capture_output=True, text=True, timeout=120)

    def init(self) -> None:
        init, _ = commande_compose()
        resultat = self.cli(*shlex.split(init)[1:])
        assert resultat.returncode == 0, resultat.stderr
        assert "Base de données à jour." in resultat.stdout

    @contextlib.contextmanager
    def gunicorn(self, *, env: dict | None = None, attendre: bool = True):
        """The compose gunicorn command with 2 workers on a free local port."""
        _, commande = commande_compose()
        argv = shlex.split(commande)[1:]
        port = port_libre()
        for option, valeur in (("-w", "2"), ("-b", f"127.0.0.1:{port}")):
            argv[argv.index(option) + 1] = valeur
        sortie = (self.tmp_path / f"gunicorn-{port}.out").open("w+")
        erreurs = (self.tmp_path / f"gunicorn-{port}.err").open("w+")
        processus = subprocess.Popen([sys.executable, "-m", "gunicorn", "--graceful-timeout", "5", *argv],
                                     env=env or self.env, cwd=self.tmp_path, stdout=sortie, stderr=erreurs)
        processus.base = f"http://127.0.0.1:{port}"
        processus.journal = lambda: Path(erreurs.name).read_text()
        try:
            if attendre:
                attendre_sante(processus)
            yield processus
        finally:
            if processus.poll() is None:
                processus.terminate()
                try:
                    processus.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    processus.kill()
                    processus.wait()
            sortie.close()
            erreurs.close()


def attendre_sante(processus) -> None:
    limite = time.monotonic() + DELAI_DEMARRAGE
    while time.monotonic() < limite:
        if processus.poll() is not None:
            pytest.fail(f"gunicorn s'est arrêté (code {processus.returncode}) :\n{processus.journal()}")
        try:
            with urllib.request.urlopen(f"{processus.base}/sante", timeout=2) as reponse:
                if reponse.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    pytest.fail(f"/sante n'a pas répondu 200 en {DELAI_DEMARRAGE} s :\n{processus.journal()}")


@pytest.fixture
def deploiement(tmp_path):
    with base_neuve(tmp_path, BASE_PG) as url:
        yield Deploiement(tmp_path, url)


def test_init_db_puis_gunicorn_comme_docker_compose(deploiement):
    import json

    deploiement.init()
    deploiement.init()  # every container start runs it again: must be idempotent
    with deploiement.gunicorn() as serveur:
        with urllib.request.urlopen(f"{serveur.base}/sante", timeout=5) as reponse:
            assert json.load(reponse) == {"statut": "ok"}
        with urllib.request.urlopen(f"{serveur.base}/connexion", timeout=5) as reponse:
            assert reponse.status == 200
            entetes = reponse.headers
            page = reponse.read().decode()
        csp = entetes["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert entetes["X-Content-Type-Options"] == "nosniff"
        assert entetes["Cache-Control"] == "no-store"
        assert entetes["Strict-Transport-Security"].startswith("max-age=")  # production
        cookie = entetes["Set-Cookie"]
        assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
        assert "Connexion" in page and 'name="csrf_token"' in page
        # Static files are served by the app too (no separate web server in the compose file).
        with urllib.request.urlopen(f"{serveur.base}/static/css/cipdesk.css", timeout=5) as reponse:
            assert reponse.status == 200
        # Every page but the allow-list needs a login, under gunicorn as under the test client.
        with urllib.request.urlopen(f"{serveur.base}/notes/", timeout=5) as reponse:
            assert "/connexion" in reponse.url  # redirected to the login page
        serveur.terminate()  # what `docker compose stop` sends
        serveur.wait(timeout=15)
    # gunicorn stopped on its own, cleanly (not killed), and nothing listens on its port any more.
    assert serveur.returncode == 0, serveur.journal()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{serveur.base}/sante", timeout=2)


def test_une_mauvaise_cle_maitresse_empeche_le_demarrage(deploiement, tmp_path):
    # Data keys exist once the demo has written its confidential notes (under the right KEK).
    # (`cipdesk demo` refuses a production instance: run it as a trial instance on this database.)
    resultat = deploiement.cli("demo", env=dict(deploiement.env, CIPDESK_ENV="development"))
    assert resultat.returncode == 0, resultat.stderr
    assert "admin@demo.cipdesk.fr" in resultat.stdout
    with deploiement.gunicorn() as serveur:  # the right key: the canary opens every data key
        pass
    assert "Clé maîtresse vérifiée" in serveur.journal()

    mauvaise = dict(deploiement.env, CIPDESK_KEK_FILE=str(fichier_kek(tmp_path / "autre" / "kek.key")))
    assert deploiement.cli("keys", "verify", env=mauvaise).returncode != 0
    with deploiement.gunicorn(env=mauvaise, attendre=False) as serveur:
        try:
            serveur.wait(timeout=DELAI_DEMARRAGE)
        except subprocess.TimeoutExpired:
            pytest.fail(f"gunicorn a démarré avec une mauvaise clé maîtresse :\n{serveur.journal()}")
        journal = serveur.journal()
    assert serveur.returncode != 0
    assert "cipdesk refuse de démarrer" in journal and "clé" in journal, journal
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{serveur.base}/sante", timeout=2)
