"""Attached documents (issue #18, point 11): type by content (a lying extension refused),
size limit, encrypted at rest, served inline with exact headers and never from static/,
every read audited, other conseiller / other structure refused, export and erasure."""
from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.documents_joints import rules, services
from cipdesk.documents_joints.models import DocumentJoint
from cipdesk.security.audit import Action, JournalAudit
from tests.conftest import jeton_csrf
from tests.factories.documents_joints import PDF_MINIMAL, PNG_MINIMAL, document

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200  # a Windows program


# -- rules (pure) ------------------------------------------------------------------------
def test_type_reconnu_par_le_contenu():
    assert rules.verifier_fichier("cv.pdf", PDF_MINIMAL, taille_max=10_000).type_mime == "application/pdf"
    assert rules.verifier_fichier("photo.PNG", PNG_MINIMAL, taille_max=10_000).type_mime == "image/png"
    assert rules.verifier_fichier("sans-extension", PDF_MINIMAL, taille_max=10_000).extension == "pdf"


@pytest.mark.parametrize("nom,donnees,message", [
    ("cv.pdf", EXE, "n'est pas un document accepté"),             # a program named .pdf
    ("cv.pdf", PNG_MINIMAL, "se termine par « .pdf »"),            # an image named .pdf
    ("contrat.png", PDF_MINIMAL, "se termine par « .png »"),       # a PDF named .png
    ("notes.pdf", b"Bonjour, ceci est du texte.", "n'est pas un document accepté"),
    ("vide.pdf", b"", "est vide"),
])
def test_extension_mensongere_ou_contenu_refuse(nom, donnees, message):
    with pytest.raises(ErreurMetier) as exc:
        rules.verifier_fichier(nom, donnees, taille_max=10_000)
    assert message in exc.value.message and exc.value.champ == "fichier"


def test_trop_gros_refuse_avec_la_limite_dite():
    with pytest.raises(ErreurMetier) as exc:
        rules.verifier_fichier("scan.pdf", PDF_MINIMAL + b"0" * 3000, taille_max=2048)
    assert "la limite est de 2 Ko" in exc.value.message


def test_nom_sur():
    assert rules.nom_sur('../../etc/"passwd";.pdf', "pdf") == "passwd.pdf"
    assert rules.nom_sur("CV Léa Martin.PDF", "pdf") == "CV Léa Martin.pdf"
    assert rules.nom_ascii("CV Léa.pdf") == "CV Lea.pdf"


# -- through the pages --------------------------------------------------------------------
def _deposer(nav, personne_id, nom, donnees, nature="cv"):
    url = f"/documents-joints/personne/{personne_id}"
    page = nav.get(url)
    return nav.client.post(url, data={"csrf_token": jeton_csrf(page.get_data(as_text=True)), "nature": nature,
                                      "fichier": (io.BytesIO(donnees), nom)}, content_type="multipart/form-data")


def test_depot_lecture_inline_et_audit(ctx, fabrique, nav, app):
    m = fabrique.monde()
    p = fabrique.personne(m.structure, referent=m.conseiller)
    nav.connexion(m.conseiller.email)
    rep = _deposer(nav, p.id, "CV Léa Martin.pdf", PDF_MINIMAL)
    assert rep.status_code == 303
    doc = ctx.scalar(select(DocumentJoint))
    # encrypted at rest: neither the content nor the name in the row
    brut = ctx.execute(select(DocumentJoint.contenu_chiffre, DocumentJoint.nom_fichier_chiffre)).one()
    assert b"%PDF" not in brut[0] and b"JVBER" not in brut[0] and "Martin".encode() not in brut[1]
    page = nav.get(f"/documents-joints/personne/{p.id}").get_data(as_text=True)
    assert "CV Léa Martin.pdf" in page
    avant = ctx.scalar(select(func.count()).select_from(JournalAudit).where(
        JournalAudit.action == Action.LECTURE, JournalAudit.objet_type == "document_joint"))
    rep = nav.get(f"/documents-joints/{doc.id}")
    assert rep.status_code == 200 and rep.data == PDF_MINIMAL
    assert rep.headers["Content-Type"] == "application/pdf"
    assert rep.headers["Content-Disposition"].startswith("inline;")
    assert "filename*=UTF-8''CV%20L%C3%A9a%20Martin.pdf" in rep.headers["Content-Disposition"]
    assert rep.headers["X-Content-Type-Options"] == "nosniff"
    assert rep.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert rep.headers["Cache-Control"] == "no-store"
    nav.get(f"/documents-joints/{doc.id}")
    apres = ctx.scalar(select(func.count()).select_from(JournalAudit).where(
        JournalAudit.action == Action.LECTURE, JournalAudit.objet_type == "document_joint",
        JournalAudit.objet_id == str(doc.id)))
    assert apres - avant == 2, "chaque lecture est journalisée"
    # never under static/
    assert nav.get(f"/static/{doc.id}").status_code == 404


def test_extension_mensongere_refusee_par_la_page_saisie_gardee(ctx, fabrique, nav):
    m = fabrique.monde()
    p = fabrique.personne(m.structure, referent=m.conseiller)
    nav.connexion(m.conseiller.email)
    rep = _deposer(nav, p.id, "justificatif.pdf", EXE, nature="justificatif")
    texte = rep.get_data(as_text=True)
    assert rep.status_code == 422 and "pas un document accepté" in texte
    assert 'value="justificatif" selected' in texte or "selected value=\"justificatif\"" in texte
    assert ctx.scalar(select(func.count()).select_from(DocumentJoint)) == 0


def test_trop_gros_refuse_par_la_page(ctx, fabrique, nav, app, monkeypatch):
    m = fabrique.monde()
    p = fabrique.personne(m.structure, referent=m.conseiller)
    nav.connexion(m.conseiller.email)
    monkeypatch.setitem(app.config, "CIPDESK_DOCUMENTS_TAILLE_MAX", 4096)
    rep = _deposer(nav, p.id, "scan.pdf", PDF_MINIMAL + b"0" * 5000)
    assert rep.status_code == 422 and "la limite est de 4 Ko" in rep.get_data(as_text=True)
    assert ctx.scalar(select(func.count()).select_from(DocumentJoint)) == 0


def test_matrice_autre_conseiller_autre_structure(ctx, fabrique, nav_factory):
    m = fabrique.monde()
    p = fabrique.personne(m.structure, referent=m.conseiller)
    doc = document(ctx, p, m.conseiller)
    attendus = {m.conseiller: 200, m.chef: 200, m.collegue: 403, m.admin: 403, m.conseiller_ailleurs: 404}
    for compte, statut in attendus.items():
        nav = nav_factory()
        nav.connexion(compte.email)
        rep = nav.get(f"/documents-joints/{doc.id}")
        assert rep.status_code == statut, compte.email
        assert (PDF_MINIMAL in rep.data) is (statut == 200)
    refus = ctx.scalar(select(func.count()).select_from(JournalAudit).where(
        JournalAudit.action == Action.REFUS, JournalAudit.objet_type == "document_joint"))
    assert refus == 2  # the colleague and the admin (another structure does not see it exist)


def test_export_et_effacement_par_le_contrat(ctx, fabrique):
    from cipdesk.core.contrat import registre

    m = fabrique.monde()
    p = fabrique.personne(m.structure, referent=m.conseiller)
    document(ctx, p, m.conseiller, nom="attestation.png", donnees=PNG_MINIMAL, nature="attestation")
    from cipdesk.security import rgpd

    contexte = rgpd.ContexteExport(personne=p, lecteur=m.conseiller)
    sections = [s for mod in registre.modules for f in mod.export_personne if not getattr(f, "tardif", False)
                for s in f(ctx, contexte)]
    docs = next(s.lignes for s in sections if s.code == "document_joint")
    assert docs[0]["nom_fichier"] == "attestation.png" and docs[0]["type_mime"] == "image/png"
    import base64
    assert base64.b64decode(docs[0]["contenu"]) == PNG_MINIMAL
    effaces = sum(f(ctx, p) for mod in registre.modules for f in mod.effacement_personne)
    assert effaces >= 1 and ctx.scalar(select(func.count()).select_from(DocumentJoint)) == 0


def test_encart_sur_la_fiche_personne(ctx, fabrique, nav):
    m = fabrique.monde()
    p = fabrique.personne(m.structure, referent=m.conseiller)
    document(ctx, p, m.conseiller, nom="CV Martin.pdf")
    nav.connexion(m.conseiller.email)
    page = nav.get(f"/accueil/personnes/{p.id}").get_data(as_text=True)
    assert "Documents joints" in page and "CV Martin.pdf" in page and "Joindre un document" in page


def test_demo_documents_et_encart_sur_le_parcours(base_demo, ctx, nav):
    """The demo: three PDF documents, the signed contract attached to a parcours and offered
    on the parcours page (encarts)."""
    from cipdesk import demo
    from cipdesk.parcours.contrat.models import Parcours

    docs = ctx.scalars(select(DocumentJoint)).all()
    assert {d.nature for d in docs} == {"cv", "justificatif", "contrat"}
    assert all(services.contenu(d).startswith(b"%PDF") for d in docs)
    contrat = next(d for d in docs if d.nature == "contrat")
    assert contrat.objet_type == "parcours"
    nav.connexion("conseiller@demo.cipdesk.fr", demo.MOT_DE_PASSE_DEMO)
    page = nav.get(f"/parcours/{contrat.objet_id}").get_data(as_text=True)
    assert "contrat-engagement-signe.pdf" in page and "Joindre un document à cet enregistrement" in page
    assert ctx.get(Parcours, contrat.objet_id).personne_id == contrat.personne_id


def test_bien_trop_gros_refuse_avant_lecture(ctx, fabrique, nav, app, monkeypatch):
    from cipdesk.documents_joints.routes import MARGE_CORPS

    m = fabrique.monde()
    p = fabrique.personne(m.structure, referent=m.conseiller)
    nav.connexion(m.conseiller.email)
    monkeypatch.setitem(app.config, "CIPDESK_DOCUMENTS_TAILLE_MAX", 4096)
    rep = _deposer(nav, p.id, "scan.pdf", PDF_MINIMAL + b"0" * (MARGE_CORPS + 8192))
    assert rep.status_code == 413 and "dépasse la limite de 4 Ko" in rep.get_data(as_text=True)
    assert ctx.scalar(select(func.count()).select_from(DocumentJoint)) == 0


def test_joint_a_un_entretien_depuis_sa_page(ctx, fabrique, nav):
    """« Joindre un document à cet enregistrement » on an entretien: the document is attached to
    it, shown on its page; another person's record is refused."""
    from tests.factories.parcours import objets_parcours

    m = fabrique.monde()
    objets = objets_parcours(ctx, m)
    autre = fabrique.personne(m.structure, referent=m.conseiller)
    nav.connexion(m.conseiller.email)
    page = nav.get(f"/parcours/entretiens/{objets['entretien']}").get_data(as_text=True)
    assert "Joindre un document à cet enregistrement" in page
    url = f"/documents-joints/personne/{objets['personne']}?objet_type=entretien&objet_id={objets['entretien']}"
    formulaire = nav.get(url).get_data(as_text=True)
    assert f'value="{objets["entretien"]}"' in formulaire

    def poster(personne_id):
        return nav.client.post(f"/documents-joints/personne/{personne_id}", data={
            "csrf_token": jeton_csrf(formulaire), "nature": "attestation", "objet_type": "entretien",
            "objet_id": str(objets["entretien"]), "fichier": (io.BytesIO(PDF_MINIMAL), "attestation.pdf")},
            content_type="multipart/form-data")

    refus = poster(autre.id)
    assert refus.status_code == 422 and "introuvable pour cette personne" in refus.get_data(as_text=True)
    assert poster(objets["personne"]).status_code == 303
    doc = ctx.scalar(select(DocumentJoint))
    assert doc.objet_type == "entretien" and doc.objet_id == objets["entretien"]
    assert "attestation.pdf" in nav.get(f"/parcours/entretiens/{objets['entretien']}").get_data(as_text=True)
