"""Second factor (issue #18, point 12): TOTP enrolment, the code after the password,
single-use recovery codes, remembered browsers (signed cookie, revocable), the throttling
of the code, and the structure's rule (required by default for admins and chefs)."""
from __future__ import annotations

import re
from datetime import timedelta

import pyotp
import pytest
from sqlalchemy import select

from cipdesk.comptes import rules
from cipdesk.comptes.models import CodeDeSecours, Role, SecondFacteur
from cipdesk.core.roles import Role as R
from cipdesk.core.db import utcnow
from tests.conftest import jeton_csrf


def _secret(ctx, utilisateur) -> str:
    """The key waiting for its first code, else the enrolled one."""
    ctx.expire_all()
    facteur = ctx.scalar(select(SecondFacteur).where(SecondFacteur.utilisateur_id == utilisateur.id))
    return facteur.nouveau_secret or facteur.secret


def _commencer(nav, url):
    """« Créer la clé » (a POST: showing the page writes nothing)."""
    rep = _poster(nav, url, {"commencer": "1"})
    assert rep.status_code == 303
    return rep


def _code(secret: str, decalage: int = 0) -> str:
    totp = pyotp.TOTP(secret)
    return totp.at(utcnow() + timedelta(seconds=30 * decalage))


def _poster(nav, url, data):
    page = nav.get(url)
    return nav.client.post(url, data={**data, "csrf_token": jeton_csrf(page.get_data(as_text=True))})


def _enroler(nav, ctx, utilisateur) -> list[str]:
    """Through the pages of « Mon compte »: returns the recovery codes shown once."""
    assert nav.get("/compte/second-facteur/activation").status_code == 200
    _commencer(nav, "/compte/second-facteur/activation")
    rep = _poster(nav, "/compte/second-facteur/activation", {"code": _code(_secret(ctx, utilisateur))})
    assert rep.status_code == 200, rep.get_data(as_text=True)
    return re.findall(r"<code>([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})</code>", rep.get_data(as_text=True))


@pytest.mark.parametrize("role,exigence,attendu", [
    (R.ADMIN, "admin_chef", True), (R.CHEF_DE_SERVICE, "admin_chef", True), (R.CONSEILLER, "admin_chef", False),
    (R.CONSEILLER, "tous", True), (R.ADMIN, "facultatif", False), (R.ADMIN, "", True), (R.ADMIN, "n'importe", True),
])
def test_regle_d_exigence(role, exigence, attendu):
    assert rules.second_facteur_exige(role, exigence) is attendu


def test_par_defaut_une_structure_exige_le_second_facteur_des_admins_et_chefs(ctx, fabrique):
    from cipdesk.comptes import services

    s = services.creer_structure(ctx, par=None, nom="Mission locale de Lens")
    assert s.second_facteur == "admin_chef"


def test_admin_sans_second_facteur_doit_l_activer_avant_toute_page(ctx, fabrique, nav):
    s = fabrique.structure(second_facteur="admin_chef")
    admin = fabrique.utilisateur(s, role=Role.ADMIN)
    rep = nav.connexion(admin.email)
    assert rep.status_code == 303 and rep.headers["Location"].endswith("/connexion/second-facteur/activation")
    # the password alone opens nothing
    assert nav.get("/admin/structures").status_code == 302
    page = nav.get("/connexion/second-facteur/activation").get_data(as_text=True)
    assert "<svg" not in page and "exige un second facteur" in page
    _commencer(nav, "/connexion/second-facteur/activation")
    assert "<svg" in nav.get("/connexion/second-facteur/activation").get_data(as_text=True)
    faux = _poster(nav, "/connexion/second-facteur/activation", {"code": "123"})
    assert faux.status_code == 422 and "6 chiffres" in faux.get_data(as_text=True)
    rep = _poster(nav, "/connexion/second-facteur/activation", {"code": _code(_secret(ctx, admin))})
    assert rep.status_code == 200 and len(re.findall(r"<code>[A-Z0-9-]{19}</code>", rep.get_data(as_text=True))) == 10
    assert nav.get("/admin/structures").status_code == 200


def test_connexion_avec_code_puis_code_de_secours_a_usage_unique(ctx, fabrique, nav, nav_factory):
    s = fabrique.structure()
    conseiller = fabrique.utilisateur(s)
    nav.connexion(conseiller.email)
    codes = _enroler(nav, ctx, conseiller)
    assert len(codes) == 10
    stocke = ctx.scalars(select(CodeDeSecours.empreinte)).all()
    assert codes[0] not in " ".join(stocke) and codes[0].replace("-", "") not in " ".join(stocke)
    # the secret is encrypted at rest
    brut = ctx.scalar(select(SecondFacteur.secret_chiffre))
    assert _secret(ctx, conseiller).encode() not in brut

    autre = nav_factory()
    rep = autre.connexion(conseiller.email)
    assert rep.headers["Location"].endswith("/connexion/second-facteur")
    assert autre.get("/compte").status_code == 302
    mauvais = _poster(autre, "/connexion/second-facteur", {"code": "000000" if _code(_secret(ctx, conseiller)) != "000000" else "111111"})
    assert mauvais.status_code == 422 and "pas valable" in mauvais.get_data(as_text=True)
    rep = _poster(autre, "/connexion/second-facteur", {"code": codes[0].lower().replace("-", " ")})
    assert rep.status_code == 303
    assert autre.get("/compte").status_code == 200

    troisieme = nav_factory()
    troisieme.connexion(conseiller.email)
    rep = _poster(troisieme, "/connexion/second-facteur", {"code": codes[0]})
    assert rep.status_code == 422, "un code de secours ne sert qu'une fois"
    # the code of the enrolment's time step was used: the next one (clock drift allowed: ±1 step)
    suivant = _code(_secret(ctx, conseiller), 1)
    rep = _poster(troisieme, "/connexion/second-facteur", {"code": suivant})
    assert rep.status_code == 303
    # the same TOTP is never accepted twice (replay)
    quatrieme = nav_factory()
    quatrieme.connexion(conseiller.email)
    assert _poster(quatrieme, "/connexion/second-facteur", {"code": suivant}).status_code == 422


def test_navigateur_memorise_puis_oublie(ctx, fabrique, nav, nav_factory):
    s = fabrique.structure()
    conseiller = fabrique.utilisateur(s)
    nav.connexion(conseiller.email)
    _enroler(nav, ctx, conseiller)
    poste = nav_factory()
    poste.connexion(conseiller.email)
    rep = _poster(poste, "/connexion/second-facteur", {"code": _code(_secret(ctx, conseiller), 1), "se_souvenir": "y"})
    assert rep.status_code == 303 and any(c.startswith("cipdesk_confiance=") for c in rep.headers.getlist("Set-Cookie"))
    poste.post("/deconnexion", data={"csrf_token": jeton_csrf(poste.get("/compte").get_data(as_text=True))})
    rep = poste.connexion(conseiller.email)
    assert rep.status_code == 303 and not rep.headers["Location"].endswith("/second-facteur"), "navigateur mémorisé"
    # revoked from « Mon compte » (another browser): the code is asked again
    page = nav.get("/compte/second-facteur").get_data(as_text=True)
    assert "Oublier tous les navigateurs" in page
    assert _poster(nav, "/compte/second-facteur/navigateurs/oubli", {}).status_code == 303
    poste.post("/deconnexion", data={"csrf_token": jeton_csrf(poste.get("/compte").get_data(as_text=True))})
    assert poste.connexion(conseiller.email).headers["Location"].endswith("/connexion/second-facteur")


def test_saisie_du_code_limitee(ctx, fabrique, nav, app):
    s = fabrique.structure()
    conseiller = fabrique.utilisateur(s)
    nav.connexion(conseiller.email)
    _enroler(nav, ctx, conseiller)
    autre = type(nav)(app.test_client())
    autre.connexion(conseiller.email)
    for _ in range(app.config["CIPDESK_THROTTLE_MAX_PER_ACCOUNT"]):
        assert _poster(autre, "/connexion/second-facteur", {"code": "000001"}).status_code == 422
    rep = _poster(autre, "/connexion/second-facteur", {"code": _code(_secret(ctx, conseiller), 1)})
    assert rep.status_code == 422 and "Trop de tentatives de code" in rep.get_data(as_text=True)


def test_pas_de_page_de_code_sans_mot_de_passe(client):
    rep = client.get("/connexion/second-facteur")
    assert rep.status_code == 303 and rep.headers["Location"].endswith("/connexion")


def test_retrait_refuse_quand_exige(ctx, fabrique, nav):
    s = fabrique.structure(second_facteur="admin_chef")
    chef = fabrique.utilisateur(s, role=Role.CHEF_DE_SERVICE)
    nav.connexion(chef.email)
    _commencer(nav, "/connexion/second-facteur/activation")
    _poster(nav, "/connexion/second-facteur/activation", {"code": _code(_secret(ctx, chef))})
    rep = _poster(nav, "/compte/second-facteur/retrait", {})
    assert rep.status_code == 303
    assert "ne peut pas être retiré" in nav.get("/compte/second-facteur").get_data(as_text=True)
    assert ctx.scalar(select(SecondFacteur).where(SecondFacteur.utilisateur_id == chef.id)) is not None


def test_l_administrateur_regle_l_exigence_et_retire_un_second_facteur(ctx, fabrique, nav, nav_factory):
    from cipdesk.comptes.models import Structure

    s = fabrique.structure(second_facteur="facultatif")
    admin = fabrique.utilisateur(s, role=Role.ADMIN)
    conseiller = fabrique.utilisateur(s)
    nav.connexion(admin.email)
    rep = _poster(nav, "/admin/second-facteur", {"exigence": "tous"})
    assert rep.status_code == 303
    ctx.expire_all()
    assert ctx.get(Structure, s.id).second_facteur == "tous"
    assert _poster(nav, "/admin/second-facteur", {"exigence": "jamais"}).status_code == 422
    # the conseiller must now enrol at login
    autre = nav_factory()
    assert autre.connexion(conseiller.email).headers["Location"].endswith("/connexion/second-facteur/activation")
    _commencer(autre, "/connexion/second-facteur/activation")
    _poster(autre, "/connexion/second-facteur/activation", {"code": _code(_secret(ctx, conseiller))})
    # lost phone: the admin removes it, the next login enrols again
    rep = nav.client.post(f"/admin/utilisateurs/{conseiller.id}/second-facteur/retrait", data={
            "csrf_token": jeton_csrf(nav.get(f"/admin/utilisateurs/{conseiller.id}").get_data(as_text=True))})
    assert rep.status_code == 303
    assert ctx.scalar(select(SecondFacteur).where(SecondFacteur.utilisateur_id == conseiller.id)) is None


def test_nouvelle_cle_l_ancienne_vaut_jusqu_a_confirmation(ctx, fabrique, nav, nav_factory):
    s = fabrique.structure()
    conseiller = fabrique.utilisateur(s)
    nav.connexion(conseiller.email)
    _enroler(nav, ctx, conseiller)
    ancien = _secret(ctx, conseiller)
    _commencer(nav, "/compte/second-facteur/activation")
    nouveau = _secret(ctx, conseiller)
    assert nouveau != ancien
    # not confirmed: the old key still opens the account, the new one does not
    autre = nav_factory()
    autre.connexion(conseiller.email)
    assert _poster(autre, "/connexion/second-facteur", {"code": _code(nouveau, 1)}).status_code == 422
    assert _poster(autre, "/connexion/second-facteur", {"code": _code(ancien, 1)}).status_code == 303


def test_rotation_des_cles_garde_le_secret_et_les_documents(ctx, fabrique, nav, nav_factory):
    """`cipdesk keys rotate` re-encrypts the TOTP secret and the attached documents (registered
    like every confidential field); `keys retire` then finds no key still in use by them."""
    from cipdesk.documents_joints import services as documents
    from cipdesk.security import keys, rotation
    from tests.factories.documents_joints import PDF_MINIMAL, document

    s = fabrique.structure()
    conseiller = fabrique.utilisateur(s)
    personne = fabrique.personne(s, referent=conseiller)
    nav.connexion(conseiller.email)
    _enroler(nav, ctx, conseiller)
    secret = _secret(ctx, conseiller)
    doc = document(ctx, personne, conseiller)
    avant = keys.Coffre.dek_id_de(ctx.scalar(select(SecondFacteur.secret_chiffre)))
    rotation.rotation(ctx, commit=ctx.commit)
    rotation.retirer(ctx)
    ctx.commit()
    ctx.expire_all()
    assert keys.Coffre.dek_id_de(ctx.scalar(select(SecondFacteur.secret_chiffre))) != avant
    assert _secret(ctx, conseiller) == secret
    assert documents.contenu(ctx.get(type(doc), doc.id)) == PDF_MINIMAL
    autre = nav_factory()
    autre.connexion(conseiller.email)
    assert _poster(autre, "/connexion/second-facteur", {"code": _code(secret, 1)}).status_code == 303
