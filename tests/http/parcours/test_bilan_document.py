"""The bilan of a parcours as a PDF and as an editable DOCX (issue #19, point 6): one content
(`sortie.pdf.contenu`) for both formats, intermediate while the parcours is open, final
after the exit; journalled; refused to a colleague, unknown to another structure."""
from __future__ import annotations

import io
import subprocess
from datetime import date, timedelta

import pytest
from docx import Document as Docx
from sqlalchemy import select

from cipdesk.core.dates import aujourdhui
from cipdesk.parcours.etapes import services as etapes
from cipdesk.parcours.etapes.rules import Responsable, StatutEtape
from cipdesk.parcours.sortie import services as sortie
from cipdesk.parcours.sortie.pdf import contenu
from cipdesk.security.audit import JournalAudit
from tests.http.parcours.test_parcours import ouvrir


def _docx_texte(data: bytes) -> tuple[list[str], str]:
    doc = Docx(io.BytesIO(data))
    titres = [p.text for p in doc.paragraphs if p.style.name.startswith(("Title", "Heading"))]
    texte = "\n".join(p.text for p in doc.paragraphs) + "\n" + "\n".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells)
    return titres, texte


def _pdf_texte(data: bytes) -> str:
    sortie = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout
    return " ".join(sortie.decode().split())


@pytest.fixture
def monde(fabrique):
    return fabrique.monde()


def test_bilan_intermediaire_puis_final_meme_contenu_en_pdf_et_docx(nav, fabrique, monde, ctx):
    personne = fabrique.personne(monde.structure, referent=monde.conseiller, nom="Durand", prenom="Léa")
    parcours = ouvrir(ctx, personne, monde.conseiller, debut=date.today() - timedelta(days=90))
    jour = aujourdhui()
    etape = etapes.ajouter_etape(ctx, parcours, par=monde.conseiller, type_code="formation", intitule="CACES R489",
                                 responsable=Responsable.PERSONNE, echeance=jour + timedelta(days=10),
                                 objectif="Emploi", le=jour - timedelta(days=15))
    ctx.commit()
    nav.connexion(monde.conseiller.email)
    assert "Imprimer un bilan intermédiaire (PDF)" in nav.get(f"/parcours/{parcours.id}").get_data(as_text=True)
    titres, texte = _docx_texte(nav.get(f"/parcours/{parcours.id}/bilan.docx").data)
    assert titres[0] == "Bilan intermédiaire du parcours"
    assert titres[1:] == ["Objectifs du parcours", "Étapes du parcours", "Bilan du parcours"]
    assert "– CACES R489 : prévue, échéance" in texte and "À rédiger avec la personne" in texte

    etapes.changer_statut(ctx, etape, par=monde.conseiller, statut=StatutEtape.REALISEE,
                          le=jour - timedelta(days=5), version=etape.version, aujourd_hui=jour)
    sortie.clore_parcours(ctx, parcours, par=monde.conseiller, version=parcours.version, sortie_le=jour,
                          motif="cdi", bilan="Embauche en CDI de cariste chez Logisud.", relais_vers="Cap emploi",
                          relais_contenu="Aménagement du poste", relais_consentement=True, aujourd_hui=jour)
    ctx.commit()
    reponse = nav.get(f"/parcours/{parcours.id}/bilan.docx")
    assert reponse.status_code == 200 and reponse.mimetype.endswith("wordprocessingml.document")
    assert reponse.headers["Cache-Control"] == "no-store"
    titres, texte = _docx_texte(reponse.data)
    assert titres == ["Bilan du parcours", "Objectifs du parcours", "Étapes du parcours", "Bilan du parcours",
                      "Passage de relais", "Suivis après la sortie"]
    assert "Embauche en CDI de cariste chez Logisud." in texte and "– CACES R489 : réalisée, le" in texte
    assert "À Cap emploi, avec votre accord : Aménagement du poste" in texte and "– À 3 mois (" in texte
    assert "Léa Durand" in texte or "Durand Léa" in texte

    pdf = nav.get(f"/parcours/{parcours.id}/bilan.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    lu = _pdf_texte(pdf.data)
    # The same content in both formats: every heading and value of `contenu` in the PDF's text.
    ctx.expire_all()
    c = contenu(ctx.get(type(parcours), parcours.id))
    for libelle, valeur in c.champs:
        assert libelle in lu and " ".join(valeur.split()) in lu, libelle
    for titre, _texte in c.sections:
        assert titre in lu
    assert "Embauche en CDI de cariste chez Logisud." in lu
    formats = set(ctx.scalars(select(JournalAudit.details["format"].as_string()).where(
        JournalAudit.objet_id == str(parcours.id), JournalAudit.details["document"].as_string() == "bilan")))
    assert formats == {"pdf", "docx"}


def test_bilan_refuse_au_collegue_inconnu_ailleurs(nav_factory, fabrique, monde, ctx):
    personne = fabrique.personne(monde.structure, referent=monde.conseiller, nom="Durand", prenom="Léa")
    parcours = ouvrir(ctx, personne, monde.conseiller)
    for email, attendu in ((monde.conseiller_ailleurs.email, 404), (monde.collegue.email, 403)):
        nav = nav_factory()
        nav.connexion(email)
        for fmt in ("pdf", "docx"):
            assert nav.get(f"/parcours/{parcours.id}/bilan.{fmt}").status_code == attendu, (email, fmt)
