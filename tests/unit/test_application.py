"""What the application remembers between requests gives what Flask would have given:
the URLs it builds (cipdesk.web.application), the pooled connections it checks only after
a pause (cipdesk._verifier_les_connexions)."""
from __future__ import annotations

import uuid
from datetime import date, datetime, timezone

from flask import Flask
from sqlalchemy import create_engine, text


def test_les_adresses_retenues_sont_celles_de_flask(app):
    u = uuid.uuid4()
    appels = [
        ("personnes.accueil", {}), ("personnes.accueil", {"page": 1}), ("personnes.accueil", {"page": True}),
        ("personnes.accueil", {"q": "é à", "_anchor": "liste"}), ("personnes.accueil", {"le": date(2026, 1, 2)}),
        ("personnes.accueil", {"le": datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc)}),
        ("personnes.accueil", {"q": ["a", "b"]}), ("personnes.voir", {"personne_id": u}),
        ("personnes.voir", {"personne_id": u, "onglet": "x"}), ("personnes.voir", {"personne_id": str(u)}),
        ("static", {"filename": "css/cipdesk.css"}), ("web.information", {"page": "accessibilite"}),
        ("personnes.accueil", {"_external": True}),
    ]
    for script in ("", "/cipdesk"):  # behind a proxy under a prefix: another key
        with app.test_request_context("/", base_url=f"http://localhost{script}/"):
            for _ in range(2):  # built, then remembered
                for endpoint, valeurs in appels:
                    assert app.url_for(endpoint, **valeurs) == Flask.url_for(app, endpoint, **valeurs), \
                        (script, endpoint, valeurs)
            assert app.url_for("personnes.accueil").startswith(script + "/")


def _moteur(tmp_path, delai):
    from cipdesk import _verifier_les_connexions

    moteur = create_engine(f"sqlite:///{tmp_path / 'ping.db'}")
    pings = []
    ping_d_origine = moteur.dialect.do_ping

    def ping(connexion):
        pings.append(1)
        if getattr(moteur, "coupee", False):
            moteur.coupee = False
            raise RuntimeError("connexion perdue")
        return ping_d_origine(connexion)

    moteur.dialect.do_ping = ping
    _verifier_les_connexions(moteur, delai)
    return moteur, pings


def test_une_connexion_utilisee_a_l_instant_n_est_pas_verifiee(tmp_path):
    moteur, pings = _moteur(tmp_path, 60)
    for _ in range(3):
        with moteur.connect() as c:
            c.execute(text("SELECT 1"))
    assert pings == []


def test_une_connexion_restee_inutilisee_est_verifiee_et_remplacee_si_perdue(tmp_path):
    moteur, pings = _moteur(tmp_path, 0)
    with moteur.connect() as c:
        premiere = c.connection.dbapi_connection
    with moteur.connect() as c:
        assert c.connection.dbapi_connection is premiere
    assert len(pings) == 2  # no pause is short enough: each use is checked
    moteur.coupee = True  # the next check fails: the pool opens another connection
    with moteur.connect() as c:
        assert c.execute(text("SELECT 1")).scalar() == 1
        assert c.connection.dbapi_connection is not premiere
