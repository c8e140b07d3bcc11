"""Login, logout, throttling, sessions, password change, CSRF."""
from __future__ import annotations

from sqlalchemy import func, select

from cipdesk.security.audit import Action, JournalAudit
from tests.conftest import MOT_DE_PASSE


def test_page_de_connexion_en_francais(client, app):
    page = client.get("/connexion")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert '<html lang="fr">' in html and "Se connecter" in html


def test_anonyme_redirige_vers_la_connexion(client, app):
    reponse = client.get("/")
    assert reponse.status_code == 302
    assert "/connexion" in reponse.headers["Location"]


def test_connexion_puis_accueil_organise_par_le_metier(nav, fabrique):
    monde = fabrique.monde()
    reponse = nav.connexion(monde.conseiller.email, follow_redirects=True)
    html = reponse.get_data(as_text=True)
    assert reponse.status_code == 200
    for section in ("Accueil &amp; diagnostic", "Parcours", "Ateliers", "Employeurs", "Intégration",
                    "Mes compétences"):
        assert section in html
    assert "Tableau de bord" not in html  # chefs de service and admins only


def test_chef_de_service_voit_le_tableau_de_bord(nav, fabrique):
    monde = fabrique.monde()
    html = nav.connexion(monde.chef.email, follow_redirects=True).get_data(as_text=True)
    assert "Tableau de bord" in html and "Notes confidentielles" not in html


def test_sections_non_construites_le_disent(nav, fabrique):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    for code in ("accueil", "parcours", "ateliers", "employeurs", "integration", "competences"):
        page = nav.get(f"/module/{code}")
        assert page.status_code == 200
        assert "pas encore disponible" in page.get_data(as_text=True)
    assert nav.get("/module/tableau_de_bord").status_code == 403
    assert nav.get("/module/inexistant").status_code == 404


def test_mauvais_mot_de_passe_message_clair_et_journalise(nav, fabrique, ctx):
    monde = fabrique.monde()
    reponse = nav.connexion(monde.conseiller.email, "mauvais mot de passe")
    assert reponse.status_code == 422
    assert "Adresse électronique ou mot de passe incorrect." in reponse.get_data(as_text=True)
    assert ctx.scalar(select(func.count()).select_from(JournalAudit)
                      .where(JournalAudit.action == Action.ECHEC_CONNEXION)) == 1


def test_compte_inconnu_meme_message(nav, app):
    reponse = nav.connexion("personne@exemple.fr", "peu importe")
    assert "Adresse électronique ou mot de passe incorrect." in reponse.get_data(as_text=True)


def test_tentatives_repetees_bloquees(nav, fabrique):
    monde = fabrique.monde()
    for _ in range(5):
        assert nav.connexion(monde.conseiller.email, "faux").status_code == 422
    reponse = nav.connexion(monde.conseiller.email, MOT_DE_PASSE)  # even the right password
    assert reponse.status_code == 422
    assert "Trop de tentatives" in reponse.get_data(as_text=True)
    # another account from the same address is not blocked by this account's failures
    assert nav.connexion(monde.collegue.email).status_code == 303


def test_blocage_par_adresse(nav, fabrique, app):
    monde = fabrique.monde()
    app.config["CIPDESK_THROTTLE_MAX_PER_ADDRESS"] = 3
    try:
        for i in range(3):
            nav.connexion(f"inconnu{i}@exemple.fr", "faux")
        assert "Trop de tentatives" in nav.connexion(monde.conseiller.email).get_data(as_text=True)
    finally:
        app.config["CIPDESK_THROTTLE_MAX_PER_ADDRESS"] = 20


def test_compte_desactive_refuse(nav, fabrique, ctx):
    monde = fabrique.monde()
    monde.conseiller.actif = False
    ctx.commit()
    assert nav.connexion(monde.conseiller.email).status_code == 422


def test_post_sans_jeton_csrf_refuse(client, fabrique):
    monde = fabrique.monde()
    reponse = client.post("/connexion", data={"email": monde.conseiller.email, "mot_de_passe": MOT_DE_PASSE})
    assert reponse.status_code == 400
    assert "jeton de sécurité" in reponse.get_data(as_text=True)


def test_requete_htmx_sans_entete_csrf_refusee(nav, fabrique):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    reponse = nav.client.post("/notes/", data={"contenu": "x"}, headers={"HX-Request": "true"})
    assert reponse.status_code == 400


def test_requete_htmx_avec_entete_csrf_acceptee(nav, fabrique):
    import re

    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    html = nav.get("/notes/").get_data(as_text=True)
    jeton = re.search(r'"X-CSRFToken": "([^"]+)"', html).group(1)
    reponse = nav.client.post("/notes/", data={"contenu": "Note via htmx"},
                              headers={"HX-Request": "true", "X-CSRFToken": jeton})
    assert reponse.status_code == 303, reponse.get_data(as_text=True)[-1500:]


def test_redirection_apres_connexion_reste_sur_le_site(nav, fabrique):
    monde = fabrique.monde()
    page = nav.client.get("/connexion")
    from tests.conftest import jeton_csrf

    reponse = nav.client.post("/connexion?next=https://exemple.com/piege", data={
        "email": monde.conseiller.email, "mot_de_passe": MOT_DE_PASSE,
        "csrf_token": jeton_csrf(page.get_data(as_text=True))})
    assert reponse.headers["Location"] == "/"


def test_deconnexion(nav, fabrique):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    reponse = nav.post("/deconnexion", depuis="/")
    assert reponse.status_code == 303
    assert "Clear-Site-Data" in reponse.headers
    assert nav.get("/").status_code == 302


def test_cookie_de_session_durci(nav, fabrique):
    monde = fabrique.monde()
    reponse = nav.connexion(monde.conseiller.email)
    cookie = next(c for c in reponse.headers.getlist("Set-Cookie") if c.startswith("cipdesk_session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_changement_de_mot_de_passe(nav, nav_factory, fabrique):
    monde = fabrique.monde()
    autre_session = nav_factory()
    autre_session.connexion(monde.conseiller.email)
    nav.connexion(monde.conseiller.email)
    faible = nav.post("/compte/mot-de-passe", {"actuel": MOT_DE_PASSE, "nouveau": "azerty123456",
                                               "confirmation": "azerty123456"})
    assert faible.status_code == 422 and "trop facile à deviner" in faible.get_data(as_text=True)
    faux = nav.post("/compte/mot-de-passe", {"actuel": "faux", "nouveau": "girafe tambour cerise hiver",
                                             "confirmation": "girafe tambour cerise hiver"})
    assert "Le mot de passe actuel est incorrect." in faux.get_data(as_text=True)
    differents = nav.post("/compte/mot-de-passe", {"actuel": MOT_DE_PASSE, "nouveau": "girafe tambour cerise hiver",
                                                   "confirmation": "autre"})
    assert "ne sont pas identiques" in differents.get_data(as_text=True)
    ok = nav.post("/compte/mot-de-passe", {"actuel": MOT_DE_PASSE, "nouveau": "girafe tambour cerise hiver",
                                           "confirmation": "girafe tambour cerise hiver"})
    assert ok.status_code == 303
    assert nav.get("/").status_code == 200            # this session continues
    assert autre_session.get("/").status_code == 302  # the other one is closed
    nouvelle = nav_factory()
    assert nouvelle.connexion(monde.conseiller.email, "girafe tambour cerise hiver").status_code == 303


def test_expiration_absolue_de_session(nav, fabrique, app, ctx):
    """Checked on the server (issue #10, point 2): see also tests/http/test_sessions.py."""
    from datetime import timedelta

    from cipdesk.comptes.models import SessionConnexion

    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    ligne = ctx.scalar(select(SessionConnexion))
    ligne.debut -= timedelta(hours=app.config["CIPDESK_ABSOLUTE_SESSION_HOURS"], seconds=1)
    ctx.commit()
    assert nav.get("/").status_code == 302


# -- issue #10, point 4: open redirect after login --------------------------------
DESTINATIONS_HOSTILES = [
    "//evil.example/x", "///evil.example/x", "/\\evil.example/x", "\\\\evil.example/x",
    "/\t/evil.example/x", "/%09/evil.example/x", "/\n/evil.example/x", "/\r/evil.example/x",
    "/x\r\nSet-Cookie: piege=1", "/x\nLocation: https://evil.example", "/%0d%0aSet-Cookie:%20piege=1",
    "https://evil.example/x", "http:/evil.example", "https:evil.example", "HTTPS://evil.example",
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,x",
    "evil.example", " //evil.example", "\t//evil.example", "/ /evil.example", "/\\/evil.example",
    "/" + "a" * 5000, "//", "@evil.example", "/\x00/evil.example", "/%2F/evil.example", "/%5Cevil.example",
    "/%2f%2fevil.example", "/%0a/evil.example",
]


def _connexion_avec_suivant(client, email, suivant):
    from urllib.parse import quote

    from tests.conftest import jeton_csrf

    page = client.get("/connexion")
    return client.post("/connexion?next=" + quote(suivant, safe=""), data={
        "email": email, "mot_de_passe": MOT_DE_PASSE, "csrf_token": jeton_csrf(page.get_data(as_text=True))})


def test_redirection_apres_connexion_refuse_les_destinations_hostiles(nav_factory, fabrique):
    monde = fabrique.monde()
    for suivant in DESTINATIONS_HOSTILES:  # each one is a real login (argon2): the long list is in tests/unit
        nav = nav_factory()
        reponse = _connexion_avec_suivant(nav.client, monde.conseiller.email, suivant)
        if "\x00" in suivant:  # removed, and the form refuses it: 422 with the form (web/saisie.py)
            assert reponse.status_code == 422 and "Location" not in reponse.headers
            assert "caractère invisible" in reponse.get_data(as_text=True)
            continue
        assert reponse.status_code == 303, (suivant, reponse.status_code)
        assert reponse.headers["Location"] == "/", (suivant, reponse.headers["Location"])


def test_redirection_apres_connexion_garde_un_chemin_du_site(nav_factory, fabrique):
    monde = fabrique.monde()
    for suivant in ("/notes/", "/accueil/?q=Martin&page=2", "/referentiel/competences/CP6#activite"):
        reponse = _connexion_avec_suivant(nav_factory().client, monde.conseiller.email, suivant)
        assert reponse.headers["Location"] == suivant


# -- issue #10, point 9: a password typed as the e-mail never reaches the logs ---------
def test_mot_de_passe_tape_dans_le_champ_adresse_jamais_journalise(nav, nav_factory, fabrique, ctx):
    from cipdesk.comptes.models import TentativeConnexion

    monde = fabrique.monde()
    secret = "Girafe-Tambour-2026!"
    assert nav.connexion(secret, "peu importe").status_code == 422
    assert nav.connexion("inconnu@exemple.fr", "peu importe").status_code == 422
    identifiants = ctx.scalars(select(TentativeConnexion.identifiant).order_by(TentativeConnexion.id)).all()
    assert identifiants == ["(identifiant invalide)", "inconnu@exemple.fr"]
    objets = ctx.scalars(select(JournalAudit.objet_id).where(JournalAudit.action == Action.ECHEC_CONNEXION)
                         .order_by(JournalAudit.id)).all()
    assert objets == ["(identifiant invalide)", "inconnu@exemple.fr"]
    admin = nav_factory()
    admin.connexion(monde.admin.email)
    journal = admin.get("/admin/journal?action=echec_connexion").get_data(as_text=True)
    assert secret not in journal and "Girafe" not in journal
