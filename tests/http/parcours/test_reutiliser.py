"""Issue #11, point 4: contract engagements from the dispositif's template that the
structure edits (the conseiller adjusts them per person); an étape from a frein of the
validated diagnostic in one click."""
from __future__ import annotations

import re

from cipdesk.core import listes
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.contrat.rules import DISPOSITIFS
from tests.http.parcours.test_parcours import freins, monde, ouvrir, personne, texte  # noqa: F401 (fixtures)


def _valeur(page: str, champ: str) -> str:
    return re.search(rf'<textarea[^>]*name="{champ}"[^>]*>(?:\r?\n)?([^<]*)</textarea>', page).group(1)


def test_regles_modele_par_defaut_et_de_la_structure():
    from types import SimpleNamespace as L
    valeurs = listes.composer(DISPOSITIFS.defauts, [L(code="plie", libelle="", active=True, ordre=0,
                                                      modele={"engagements_personne": "Venir à l'atelier CV"})],
                              DISPOSITIFS)
    plie = listes.modele(valeurs, "plie")
    assert plie["engagements_personne"] == "Venir à l'atelier CV"
    assert "PLIE" in plie["engagements_structure"]  # the declaration's default where the structure wrote nothing
    assert "15 à 20 heures" in listes.modele(valeurs, "cej")["engagements_personne"]
    assert listes.modele(valeurs, "pacea")["engagements_personne"].startswith("Venir aux rendez-vous")  # "*"


def test_l_admin_edite_le_modele_et_le_conseiller_le_retrouve(nav, nav_factory, monde, personne, ctx):  # noqa: F811
    admin = nav_factory()
    admin.connexion(monde.admin.email)
    page = texte(admin.get("/admin/listes"))
    assert "Modèles par valeur" in page and "Enregistrer le modèle" in page
    r = admin.post("/admin/listes", {"liste": "dispositif", "modele": "plie",
                                     "modele-engagements_personne": "Participer à l'atelier CV du mardi",
                                     "modele-engagements_structure": "Un entretien toutes les trois semaines"})
    assert r.status_code == 303
    r = admin.post("/admin/listes", {"liste": "dispositif", "modele": "plie",
                                     "modele-engagements_personne": "x" * 3001,
                                     "modele-engagements_structure": "Texte tapé à garder"})
    assert r.status_code == 422 and "3 000 caractères au plus" in texte(r) and "Texte tapé à garder" in texte(r)
    nav.connexion(monde.conseiller.email)
    url = f"/parcours/personnes/{personne.id}/ouvrir"
    page = texte(nav.get(url))
    assert _valeur(page, "engagements_personne") == ""  # no dispositif chosen: nothing pre-filled
    page = texte(nav.get(f"{url}?dispositif_code=plie&engagements_personne=&engagements_structure="))
    assert _valeur(page, "engagements_personne") == "Participer à l'atelier CV du mardi"
    assert 'id="engagements"' in page and 'hx-trigger="change from:#dispositif_code"' in page
    # switching dispositif replaces a template, never what the conseiller wrote
    page = texte(nav.get(f"{url}?dispositif_code=cej&engagements_personne=Participer à l'atelier CV du mardi"
                         f"&engagements_structure=Ma version à moi"))
    assert "15 à 20 heures" in _valeur(page, "engagements_personne")
    assert _valeur(page, "engagements_structure") == "Ma version à moi"
    # the other structure does not see this template
    ailleurs = nav_factory()
    ailleurs.connexion(monde.conseiller_ailleurs.email)
    assert ailleurs.get(f"{url}?dispositif_code=plie").status_code == 404


def test_une_etape_depuis_un_frein_en_un_clic(nav, monde, personne, ctx, freins):  # noqa: F811
    parcours = ouvrir(ctx, personne, monde.conseiller)
    nav.connexion(monde.conseiller.email)
    page = texte(nav.get(f"/parcours/{parcours.id}"))
    lien = f"/parcours/{parcours.id}/etapes?frein=mobilite"
    assert f'href="{lien}"' in page.replace("&amp;", "&")
    formulaire = texte(nav.get(lien))
    assert 'value="Lever le frein : mobilité — Pas de permis, pas de transport en commun"' in formulaire
    assert re.search(r'<option selected value="mobilite">|<option value="mobilite" selected>', formulaire)
    assert re.search(r'<option selected value="levee_frein">|<option value="levee_frein" selected>', formulaire)
    assert isinstance(ctx.get(Parcours, parcours.id), Parcours)
