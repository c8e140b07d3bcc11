"""Values recorded without being chosen (issue #10, point 13), for « Mes compétences » and the
notes: the self-assessment used to default to « Acquis » (and so inflated the coverage figures)
and a note's « Partager avec » to the first colleague. Both now start on « — choisir — »;
the self-assessment is required; a refused input answers 422 with a French message beside the
field and what was typed kept."""
from __future__ import annotations

import re
import uuid

from sqlalchemy import func, select

from cipdesk.competences.models import AutoEvaluation
from cipdesk.notes.models import NoteLecteur
from tests.http.test_mes_competences import candidat_actif  # noqa: F401  (fixture)
from tests.http.test_notes import _ecrire


def select_html(html: str, nom: str) -> str:
    trouve = re.search(rf'<select[^>]*name="{nom}"[^>]*>.*?</select>', html, re.S)
    assert trouve, f"pas de liste {nom}"
    return trouve.group(0)


def test_auto_evaluation_sans_niveau_preselectionne(nav, candidat_actif):  # noqa: F811
    nav.connexion(candidat_actif.candidat.email)
    liste = select_html(nav.get("/competences/CP6").get_data(as_text=True), "niveau")
    assert re.search(r'<option[^>]*value="">— choisir —</option>', liste)
    assert 'value="acquis"' in liste
    assert "selected" not in liste
    assert "required" in liste


def test_auto_evaluation_sans_niveau_refusee_et_saisie_gardee(nav, candidat_actif, ctx):  # noqa: F811
    nav.connexion(candidat_actif.candidat.email)
    url = "/competences/CP6/auto-evaluation"
    reponse = nav.post(url, {"niveau": "", "commentaire": "Trois parcours suivis en autonomie",
                             "evalue_le": "2026-06-10"}, depuis="/competences/CP6")
    html = reponse.get_data(as_text=True)
    assert reponse.status_code == 422
    assert "Choisissez où vous en êtes pour cette compétence." in html
    assert "Trois parcours suivis en autonomie" in html and 'value="2026-06-10"' in html
    inconnu = nav.post(url, {"niveau": "expert", "evalue_le": "2026-06-10"}, depuis="/competences/CP6")
    assert inconnu.status_code == 422
    assert "Choisissez un niveau dans la liste." in inconnu.get_data(as_text=True)
    assert ctx.scalar(select(func.count()).select_from(AutoEvaluation)) == 0


def test_partage_de_note_sans_collegue_preselectionne(nav, fabrique, ctx):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    note_id = _ecrire(nav, f"Note de test {uuid.uuid4()}")
    liste = select_html(nav.get(f"/notes/{note_id}").get_data(as_text=True), "collegue")
    assert re.search(r'<option[^>]*value="">— choisir un·e collègue —</option>', liste)
    assert str(monde.collegue.id) in liste
    assert "selected" not in liste
    reponse = nav.post(f"/notes/{note_id}/partages", {"collegue": ""}, depuis=f"/notes/{note_id}")
    assert reponse.status_code == 422
    html = reponse.get_data(as_text=True)
    assert "Choisissez le ou la collègue avec qui partager la note." in html
    assert 'id="collegue-erreur"' in html
    assert ctx.scalar(select(func.count()).select_from(NoteLecteur)) == 0
    # A refused colleague (another structure) is shown beside the field too, with 422.
    refuse = nav.post(f"/notes/{note_id}/partages", {"collegue": str(monde.conseiller_ailleurs.id)},
                      depuis=f"/notes/{note_id}")
    assert refuse.status_code == 422
    assert "Choisissez un·e conseiller·ère de votre structure." in refuse.get_data(as_text=True)
