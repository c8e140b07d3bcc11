"""« Mot de passe oublié » (issue #18, point 5), the e-mail sent through a real local SMTP
server: a single-use link that expires, stored hashed; the same answer whether the account
exists or not; the other sessions closed; a rate limit."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from cipdesk.comptes.models import JetonReinitialisation, SessionConnexion
from cipdesk.comptes.services import _empreinte
from cipdesk.core.db import utcnow
from cipdesk.courriel.envoi import envoyer_en_attente
from cipdesk.courriel.models import MessageSortant, StatutMessage
from tests.conftest import MOT_DE_PASSE, jeton_csrf
from tests.smtp_local import smtp_local  # noqa: F401 (fixture)

NOUVEAU = "Cheval-agrafe-batterie-correcte-42"


def _demander(nav, email):
    return nav.post("/mot-de-passe-oublie", {"email": email})


def _sans_jetons(html: str) -> str:
    return re.sub(r'"X-CSRFToken": "[^"]*"', "", re.sub(r'value="[^"]*"', 'value=""', html))


def _envoyer(ctx, config):
    return envoyer_en_attente(ctx, config=config, maintenant=utcnow(), verifications={}, valider=ctx.commit)


def test_reinitialisation_par_e_mail(nav, nav_factory, fabrique, ctx, smtp_local, app):  # noqa: F811
    boite, config, _env = smtp_local
    app.config["CIPDESK_URL_PUBLIQUE"] = "https://cipdesk.tremplin.test"
    try:
        s = fabrique.structure()
        utilisateur = fabrique.utilisateur(s, email="yannick@tremplin.test")
        ailleurs = nav_factory()
        assert ailleurs.connexion(utilisateur.email).status_code == 303  # a session on another browser
        assert ailleurs.get("/compte").status_code == 200
        reponse = _demander(nav, "  Yannick@Tremplin.test ")
        assert reponse.status_code == 200
        assert "Si un compte actif correspond à cette adresse" in reponse.get_data(as_text=True)
        assert boite.messages == []  # sent out of the request
        assert _envoyer(ctx, config).envoyes == 1
        [message] = boite.messages
        assert message["To"] == "yannick@tremplin.test"
        lien = re.search(r"https://cipdesk\.tremplin\.test(/mot-de-passe-oublie/\S+)", message.get_content()).group(1)
        jeton = lien.rsplit("/", 1)[1]
        # Stored hashed only; the e-mail's text is not kept once sent.
        ligne = ctx.scalars(select(JetonReinitialisation)).one()
        assert ligne.empreinte == _empreinte(jeton) and jeton not in str(ligne.__dict__)
        assert ctx.scalars(select(MessageSortant)).one().contenu == {}
        # Too weak a password: refused, nothing changed.
        reponse = nav.post(lien, {"nouveau": "azerty", "confirmation": "azerty"})
        assert reponse.status_code == 422
        reponse = nav.post(lien, {"nouveau": NOUVEAU, "confirmation": NOUVEAU})
        assert reponse.status_code == 303 and reponse.headers["Location"].endswith("/connexion")
        # Every session closed; the new password works, the old one not; the link is single-use.
        assert ailleurs.get("/compte").status_code == 302
        assert all(l.fin is not None for l in ctx.scalars(select(SessionConnexion)))
        assert nav.connexion(utilisateur.email, NOUVEAU).status_code == 303
        assert nav_factory().connexion(utilisateur.email, MOT_DE_PASSE).status_code == 422
        assert nav_factory().get(lien).status_code == 404
    finally:
        app.config.pop("CIPDESK_URL_PUBLIQUE", None)


def test_aucune_enumeration_des_comptes(nav, nav_factory, fabrique, ctx, smtp_local):  # noqa: F811
    boite, config, _env = smtp_local
    s = fabrique.structure()
    fabrique.utilisateur(s, email="existe@tremplin.test")
    existe = _demander(nav, "existe@tremplin.test")
    inconnu = _demander(nav_factory(), "inconnu@tremplin.test")
    assert existe.status_code == inconnu.status_code == 200
    assert _sans_jetons(existe.get_data(as_text=True)) == _sans_jetons(inconnu.get_data(as_text=True))
    # The same rows written (a request and an outbox row); only the known account gets an e-mail.
    assert len(ctx.scalars(select(JetonReinitialisation)).all()) == 2
    statuts = sorted(m.statut for m in ctx.scalars(select(MessageSortant)))
    assert statuts == sorted([StatutMessage.A_ENVOYER, StatutMessage.SANS_OBJET])
    assert _envoyer(ctx, config).envoyes == 1
    assert [m["To"] for m in boite.messages] == ["existe@tremplin.test"]


def test_lien_expire_ou_inconnu(nav, fabrique, ctx, smtp_local):  # noqa: F811
    boite, config, _env = smtp_local
    s = fabrique.structure()
    fabrique.utilisateur(s, email="expire@tremplin.test")
    _demander(nav, "expire@tremplin.test")
    _envoyer(ctx, config)
    lien = re.search(r"(/mot-de-passe-oublie/\S+)", boite.messages[0].get_content()).group(1)
    ligne = ctx.scalars(select(JetonReinitialisation)).one()
    ligne.expire_le = utcnow() - timedelta(seconds=1)
    ctx.commit()
    reponse = nav.get(lien)
    assert reponse.status_code == 404 and "n&#39;est plus valable" in reponse.get_data(as_text=True)
    page = nav.get("/mot-de-passe-oublie").get_data(as_text=True)
    reponse = nav.client.post(lien, data={"nouveau": NOUVEAU, "confirmation": NOUVEAU,
                                          "csrf_token": jeton_csrf(page)})
    assert reponse.status_code == 404


def test_limitation_du_debit(nav, fabrique, ctx):
    s = fabrique.structure()
    fabrique.utilisateur(s, email="cible@tremplin.test")
    for _ in range(3):
        assert _demander(nav, "cible@tremplin.test").status_code == 200
    reponse = _demander(nav, "cible@tremplin.test")
    assert reponse.status_code == 429
    assert "Trop de demandes" in reponse.get_data(as_text=True)
    assert len(ctx.scalars(select(JetonReinitialisation)).all()) == 3
    # Same answer for an unknown address at the same pace (the counters know no account).
    for i in range(3):
        _demander(nav, "personne@tremplin.test")
    assert _demander(nav, "personne@tremplin.test").status_code == 429


def test_saisie_vide(nav):
    reponse = nav.post("/mot-de-passe-oublie", {"email": ""})
    assert reponse.status_code == 422 and "Ce champ est obligatoire." in reponse.get_data(as_text=True)
