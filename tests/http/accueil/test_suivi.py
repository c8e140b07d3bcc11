"""Synthèse d'entretien (PDF for the person), répertoire des partenaires,
orientation / fiche de liaison with consent, the partner's answer."""
from __future__ import annotations

import html
import subprocess
from datetime import timedelta

from sqlalchemy import select

from cipdesk.accueil.orientation.models import Orientation, ReponsePartenaire
from cipdesk.accueil.synthese.models import Synthese
from cipdesk.competences.models import PreuveCompetence
from cipdesk.security.audit import Action, JournalAudit
from tests.factories.accueil import AUJOURDHUI, HIER, partenaire, personne


def _texte(r):
    return html.unescape(r.get_data(as_text=True))


def _pdf_texte(contenu: bytes, tmp_path) -> str:
    chemin = tmp_path / "doc.pdf"
    chemin.write_bytes(contenu)
    return subprocess.run(["pdftotext", "-layout", str(chemin), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_synthese_pdf_partage(nav, fabrique, ctx, tmp_path):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller, nom="Lemoine", prenom="Sarah")
    ctx.commit()
    nav.connexion(m.conseiller.email)
    url = f"/accueil/personnes/{p.id}/syntheses/nouvelle"
    r = nav.post(url, {"date_entretien": (AUJOURDHUI + timedelta(days=1)).isoformat(), "objet": "", "faits": ""})
    assert r.status_code == 422
    page = _texte(r)
    assert "futur" in page or "obligatoire" in page
    r = nav.post(url, {"date_entretien": HIER.isoformat(), "objet": "Entretien de diagnostic",
                       "faits": "Mme Lemoine a apporté son CV. Elle a travaillé 3 ans en EHPAD.",
                       "paroles_personne": "Je veux travailler de jour.",
                       "analyse": "Fatigue apparente, hypothèse de surmenage.", "suites": "Atelier CV le 2 décembre."})
    assert r.status_code == 303
    s = ctx.scalars(select(Synthese)).one()
    assert set(ctx.scalars(select(PreuveCompetence.competence_code).where(PreuveCompetence.objet_id == s.id))) == {"CP2", "CP5"}
    nav.post(f"/accueil/synthese/{s.id}/notes", {"contenu": "Secret 4242 ne pas imprimer"},
             depuis=f"/accueil/syntheses/{s.id}")
    r = nav.get(f"/accueil/syntheses/{s.id}/pdf")
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/pdf"
    texte = _pdf_texte(r.data, tmp_path)
    assert "Synthèse d'entretien" in texte and "Sarah Lemoine" in texte and "EHPAD" in texte
    assert "Je veux travailler de jour." in texte and m.structure.nom in texte
    assert "surmenage" not in texte  # the person did not agree to share the analysis
    assert "4242" not in texte       # never a confidential note
    assert ctx.scalars(select(JournalAudit).where(JournalAudit.action == Action.EXPORT)).first() is not None
    # The same synthèse as an editable document (issue #19, point 6): same sections, same omissions.
    import io

    from docx import Document as Docx

    r = nav.get(f"/accueil/syntheses/{s.id}/synthese.docx")
    assert r.status_code == 200 and r.mimetype.endswith("wordprocessingml.document")
    docx = "\n".join([p.text for p in Docx(io.BytesIO(r.data)).paragraphs]
                     + [c.text for t in Docx(io.BytesIO(r.data)).tables for row in t.rows for c in row.cells])
    assert "EHPAD" in docx and "Je veux travailler de jour." in docx and "Sarah Lemoine" in docx
    assert "surmenage" not in docx and "4242" not in docx
    # the person's agreement to share the analysis
    r = nav.post(url, {"date_entretien": HIER.isoformat(), "objet": "Deuxième entretien", "faits": "Faits.",
                       "analyse": "Motivation nette pour le secteur.", "analyse_partagee": "y"})
    # objet is encrypted at rest: chosen in Python, never filtered in SQL
    (s2,) = [x for x in ctx.scalars(select(Synthese)) if x.objet == "Deuxième entretien"]
    assert "Motivation nette" in _pdf_texte(nav.get(f"/accueil/syntheses/{s2.id}/pdf").data, tmp_path)
    # recording that it was handed over
    voir = f"/accueil/syntheses/{s.id}"
    r = nav.post(f"{voir}/partage", {"le": HIER.isoformat(), "mode": ""}, depuis=voir)
    assert r.status_code == 422 and "Indiquez comment" in _texte(r)
    r = nav.post(f"{voir}/partage", {"le": AUJOURDHUI.isoformat(), "mode": "main_propre"}, depuis=voir)
    assert r.status_code == 303
    assert "Remise le" in _texte(nav.get(voir))
    assert "Remise le" in _texte(nav.get(f"/accueil/personnes/{p.id}"))


def test_partenaires(nav, nav_factory, fabrique, ctx):
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    r = nav.post("/accueil/partenaires", {"nom": "", "telephone": "123", "email": "x"})
    assert r.status_code == 422
    page = _texte(r)
    assert "obligatoire" in page and "invalide" in page
    r = nav.post("/accueil/partenaires", {"nom": "Auto-école sociale Mobil'Emploi", "type_partenaire": "Association",
                                          "domaines": ["mobilite"], "telephone": "03 20 11 22 33",
                                          "contact_nom": "M. Diallo", "actif": "y"})
    assert r.status_code == 303
    page = _texte(nav.get("/accueil/partenaires"))
    assert "Auto-école sociale Mobil'Emploi" in page and "03 20 11 22 33" in page and "Mobilité" in page
    chef = nav_factory()
    chef.connexion(m.chef.email)
    assert "Mobil'Emploi" in _texte(chef.get("/accueil/partenaires"))
    ailleurs = nav_factory()
    ailleurs.connexion(m.conseiller_ailleurs.email)
    assert "Mobil'Emploi" not in _texte(ailleurs.get("/accueil/partenaires"))


def test_orientation_consentement_reponse_et_fiche(nav, fabrique, ctx, tmp_path):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller, nom="Diallo", prenom="Awa", telephone="0611223344")
    pa = partenaire(ctx, m.conseiller, nom="SIAO du Nord")
    autre = partenaire(ctx, m.conseiller_ailleurs, nom="Partenaire d'ailleurs")
    ctx.commit()
    nav.connexion(m.conseiller.email)
    url = f"/accueil/personnes/{p.id}/orientations/nouvelle"
    base = {"partenaire": str(pa.id), "date_orientation": HIER.isoformat(), "motif": "Recherche d'hébergement stable"}
    r = nav.post(url, {**base, "informations_transmises": "Hébergée chez un tiers depuis 3 mois."})
    assert r.status_code == 422 and "sans l'accord de la personne" in _texte(r)
    assert "Hébergée chez un tiers depuis 3 mois." in _texte(r)  # kept
    r = nav.post(url, {**base, "partenaire": str(autre.id)})
    assert r.status_code == 422 and "Choisissez un partenaire" in _texte(r)
    r = nav.post(url, {**base, "informations_transmises": "Hébergée chez un tiers depuis 3 mois.",
                       "consentement": "y", "consentement_le": HIER.isoformat(), "consentement_mode": ""})
    assert r.status_code == 422 and "comment le consentement" in _texte(r)
    r = nav.post(url, {**base, "informations_transmises": "Hébergée chez un tiers depuis 3 mois.",
                       "consentement": "y", "consentement_le": HIER.isoformat(),
                       "consentement_mode": "Accord oral en entretien"})
    assert r.status_code == 303
    o = ctx.scalars(select(Orientation)).one()
    assert set(ctx.scalars(select(PreuveCompetence.competence_code).where(PreuveCompetence.objet_id == o.id))) == {"CP1", "CP4", "CP5"}  # orienter : CP1 aussi (issue #16)
    texte = _pdf_texte(nav.get(f"/accueil/orientations/{o.id}/fiche-de-liaison.pdf").data, tmp_path)
    assert "Fiche de liaison" in texte and "SIAO du Nord" in texte and "Awa Diallo" in texte
    assert "Hébergée chez un tiers" in texte and "Accord oral en entretien" in texte
    voir = f"/accueil/orientations/{o.id}"
    r = nav.post(f"{voir}/reponse", {"reponse": "acceptee", "reponse_le": (HIER - timedelta(days=5)).isoformat()},
                 depuis=voir)
    assert r.status_code == 422 and "précéder" in _texte(r)
    r = nav.post(f"{voir}/reponse", {"reponse": "acceptee", "reponse_le": AUJOURDHUI.isoformat(),
                                     "reponse_commentaire": "Entretien SIAO le 5."}, depuis=voir)
    assert r.status_code == 303
    ctx.expire_all()
    assert ctx.get(Orientation, o.id).reponse == ReponsePartenaire.ACCEPTEE
    assert "Orientation vers SIAO du Nord" in _texte(nav.get(f"/accueil/personnes/{p.id}"))
    assert "Réponse : Acceptée" in _texte(nav.get(f"/accueil/personnes/{p.id}"))


def test_fiche_sans_consentement_ne_transmet_rien(nav, fabrique, ctx, tmp_path):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller, telephone="0611223344")
    pa = partenaire(ctx, m.conseiller)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    r = nav.post(f"/accueil/personnes/{p.id}/orientations/nouvelle",
                 {"partenaire": str(pa.id), "date_orientation": HIER.isoformat(), "motif": "Aide alimentaire"})
    assert r.status_code == 303
    o = ctx.scalars(select(Orientation)).one()
    texte = _pdf_texte(nav.get(f"/accueil/orientations/{o.id}/fiche-de-liaison.pdf").data, tmp_path)
    assert "06 11 22 33 44" not in texte and "+33611223344" not in texte and "n'a pas donné son accord" in texte
