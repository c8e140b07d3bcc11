"""Import of employers (issue #19): SIRET checked (python-stdnum), duplicates by SIRET or close
name in the same commune, all or nothing, undo."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select

from cipdesk.employeurs.entreprises import services as entreprises
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.security.audit import Action, JournalAudit
from cipdesk.tableur.models import ImportTableur

URL = "/tableur/imports/entreprises/nouveau"


def _deposer(nav, texte: str):
    import io

    return nav.post(URL, {"fichier": (io.BytesIO(texte.encode("cp1252")), "employeurs.csv")},
                    content_type="multipart/form-data")


def _imp(ctx, url) -> ImportTableur:
    ctx.expire_all()
    return ctx.get(ImportTableur, uuid.UUID(url.rsplit("/", 1)[-1]))


def test_import_d_employeurs_siret_verifie_doublons_et_annulation(nav, fabrique, ctx):
    m = fabrique.monde()
    forum = entreprises.creer_entreprise(ctx, par=m.conseiller, le=date(2026, 11, 2), donnees={
        "raison_sociale": "Boulangerie du Forum", "siret": "73282932000074", "commune": "Arles"})
    ctx.commit()
    nav.connexion(m.conseiller.email)
    entetes = "Entreprise;N° SIRET;Ville;Tél\r\n"
    url = _deposer(nav, entetes + "Restaurant Le Cloître;443 061 841 00047;Arles;04 90 00 00 00\r\n"
                                  "Boulangerie du Forum;73282932000074;Arles;04 90 11 11 11\r\n"
                                  "Garage Dupont;44306184100048;Tarascon;\r\n").headers["Location"]
    page = nav.get(url).get_data(as_text=True)
    assert 'value="siret" selected' in page and 'value="raison_sociale" selected' in page
    r = nav.post(url, {"feuille": "CSV", "version": "1", "colonne-0": "raison_sociale", "colonne-1": "siret",
                       "colonne-2": "commune", "colonne-3": "telephone"})
    assert r.status_code == 303, r.get_data(as_text=True)
    analyse = _imp(ctx, url).donnees["analyse"]
    assert [l["etat"] for l in analyse] == ["nouveau", "conflit", "erreur"]
    assert "SIRET invalide « 44306184100048 »" in analyse[2]["message"]
    assert analyse[1]["differences"] == [["Téléphone", "", "04 90 11 11 11"]]
    r = nav.post(f"{url}/import", {"version": str(_imp(ctx, url).version), "conflits": "mettre_a_jour"}, depuis=url)
    assert r.status_code == 422
    assert ctx.scalar(select(func.count()).select_from(Entreprise)) == 1, "rien d'importé à moitié"

    url = _deposer(nav, entetes + "Restaurant Le Cloître;443 061 841 00047;Arles;04 90 00 00 00\r\n"
                                  "Boulangerie du Forum;73282932000074;Arles;04 90 11 11 11\r\n").headers["Location"]
    nav.post(url, {"feuille": "CSV", "version": "1", "colonne-0": "raison_sociale", "colonne-1": "siret",
                   "colonne-2": "commune", "colonne-3": "telephone"})
    r = nav.post(f"{url}/import", {"version": str(_imp(ctx, url).version), "conflits": "mettre_a_jour"}, depuis=url)
    assert r.status_code == 303, r.get_data(as_text=True)
    ctx.expire_all()
    assert ctx.get(Entreprise, forum.id).telephone == "04 90 11 11 11"
    assert ctx.scalar(select(Entreprise.siren).where(Entreprise.raison_sociale == "Restaurant Le Cloître")) == \
        "443061841"
    r = nav.post(f"{url}/annulation", {"version": str(_imp(ctx, url).version)}, depuis=url)
    assert r.status_code == 303
    ctx.expire_all()
    assert ctx.scalar(select(func.count()).select_from(Entreprise)) == 1
    assert ctx.get(Entreprise, forum.id).telephone == ""
    # the undo journals each employer it deletes, as for people and partners (one engine for all lists)
    assert ctx.scalar(select(func.count()).select_from(JournalAudit).where(
        JournalAudit.objet_type == "entreprise", JournalAudit.action == Action.SUPPRESSION,
        JournalAudit.motif == "Annulation d'un import de tableur")) == 1
