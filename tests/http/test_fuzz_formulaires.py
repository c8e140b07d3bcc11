"""Fuzzed forms (hypothesis): random and hostile values posted to every form.

Never a 500; markup never rendered unescaped; nothing partially saved when
validation fails. Each module adds its forms to FORMULAIRES."""
from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from cipdesk.accueil.models import Partenaire
from cipdesk.accueil.suivi_models import ReunionInformation
from cipdesk.comptes.models import Equipe, Structure, Utilisateur
from cipdesk.personnes.models import Personne
from cipdesk.notes.models import NoteConfidentielle

MARQUEUR = "<script>alert('xss')</script>"

hostiles = st.one_of(
    st.text(max_size=60),
    st.text(min_size=300, max_size=25_000).map(lambda t: t * 2),
    st.sampled_from([
        MARQUEUR, "<img src=x onerror=alert(1)>", "'; DROP TABLE utilisateur; --", "\" OR 1=1 --",
        "../../etc/passwd", "\x00\x01\x02", "𝕮𝖎𝖕𝖉𝖊𝖘𝖐 🧭", "Ünïcödé ‮RTL", "{{ 7*7 }}", "%s%s%n",
        "9999-99-99", "31/02/2024", "1800-01-01", "3000-01-01", "-1", "1e309", "NaN", "",
        "   ", "a" * 5000, str(uuid.uuid4()), "true", "null",
        # huge integers and extreme dates (issue #10, point 14)
        "9" * 20, "-" + "9" * 20, "1" * 400, "2147483648", "9223372036854775808", "0001-01-01",
        "9999-12-31", "01/01/0001", "31/12/9999", "0000-00-00", "abc",
    ]),
)


def valeurs(champs):
    return st.fixed_dictionaries({}, optional={c: hostiles for c in champs})


# (name, URL builder, fields, model counted for "nothing partially saved", role)
FORMULAIRES = [
    ("connexion", lambda m: "/connexion", ["email", "mot_de_passe"], None, None),
    ("mot de passe", lambda m: "/compte/mot-de-passe", ["actuel", "nouveau", "confirmation"], None, "conseiller"),
    ("note", lambda m: "/notes/", ["contenu", "version"], NoteConfidentielle, "conseiller"),
    ("équipe", lambda m: f"/admin/structures/{m.structure.id}", ["nom"], Equipe, "admin"),
    ("compte", lambda m: "/admin/utilisateurs/nouveau",
     ["prenom", "nom", "email", "role", "structure", "equipe", "mot_de_passe", "candidat", "voie",
      "date_session", "referentiel"], Utilisateur, "admin"),
    ("accès", lambda m: f"/admin/utilisateurs/{m.collegue.id}", ["role", "actif"], None, "admin"),
    ("journal", lambda m: "/admin/journal", ["action", "acteur", "objet_type", "objet_id", "du", "au"], None, "admin"),
    ("personne", lambda m: "/accueil/personnes/nouvelle",
     ["nom", "prenom", "nom_usage", "date_naissance", "sexe", "telephone", "email", "code_postal", "niveau_formation",
      "publics", "referent", "confirmer_doublon"], Personne, "conseiller"),
    ("partenaire", lambda m: "/accueil/partenaires", ["nom", "type_partenaire", "domaines", "telephone", "email"],
     Partenaire, "conseiller"),
    ("réunion d'information", lambda m: "/accueil/reunions", ["date_reunion", "lieu", "animateurs", "contenus"],
     ReunionInformation, "conseiller"),
]


def _compter(ctx, model):
    return ctx.scalar(select(func.count()).select_from(model)) if model is not None else 0


@pytest.mark.parametrize("nom, url, champs, model, role", FORMULAIRES, ids=[f[0] for f in FORMULAIRES])
def test_formulaire_resiste_aux_valeurs_hostiles(nom, url, champs, model, role, nav, fabrique, ctx, app):
    monde = fabrique.monde()
    app.config["CIPDESK_THROTTLE_MAX_PER_ACCOUNT"] = 10_000
    app.config["CIPDESK_THROTTLE_MAX_PER_ADDRESS"] = 10_000
    if role:
        nav.connexion(getattr(monde, role).email)
    chemin = url(monde)

    @settings(max_examples=25, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(donnees=valeurs(champs))
    def essai(donnees):
        avant = _compter(ctx, model)
        if nom == "journal":
            reponse = nav.get(chemin, query_string=donnees)
        else:
            reponse = nav.post(chemin, donnees, depuis="/connexion" if not role else "/compte")
        html = reponse.get_data(as_text=True)
        assert reponse.status_code < 500, html[-800:]
        assert MARQUEUR not in html and "<img src=x" not in html
        if reponse.status_code >= 400 and model is not None:
            ctx.expire_all()
            assert _compter(ctx, model) == avant, "enregistrement partiel malgré une erreur"

    try:
        essai()
    finally:
        app.config["CIPDESK_THROTTLE_MAX_PER_ACCOUNT"] = 5
        app.config["CIPDESK_THROTTLE_MAX_PER_ADDRESS"] = 20
