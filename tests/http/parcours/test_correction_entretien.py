"""Issue #11, point 1: a saved entretien can be corrected; its previous versions are kept
and visible (« modifié le … par … »); a stale form is refused with the input kept."""
from __future__ import annotations

import re
from datetime import date, timedelta

from cipdesk.parcours.entretiens import services as entretiens
from cipdesk.parcours.entretiens.models import Entretien, EntretienVersion
from cipdesk.parcours.entretiens.rules import ModeEntretien, TypeEntretien
from cipdesk.security.audit import JournalAudit
from tests.http.parcours.test_parcours import monde, ouvrir, personne, texte  # noqa: F401 (fixtures)

HIER = date.today() - timedelta(days=1)


def _entretien(ctx, parcours, conseiller) -> Entretien:
    e = entretiens.ajouter_entretien(ctx, parcours, par=conseiller, le=HIER, duree_minutes=45,
                                     mode=ModeEntretien.PRESENTIEL, type_entretien=TypeEntretien.SUIVI,
                                     objectif="Point sur la recherche de formation", synthese="Inscrite au CACES 1",
                                     aujourd_hui=date.today())
    ctx.commit()
    return e


def _champs(e: Entretien, **kw) -> dict:
    return {"le": e.le.isoformat(), "duree_minutes": str(e.duree_minutes or ""), "mode": e.mode.value,
            "type_entretien": e.type_entretien.value, "objectif": e.objectif, "synthese": e.synthese,
            "progres": "", "decisions": "", "prochaines_actions": "", "prochain_rdv_le": "",
            "version": str(e.version), **kw}


def test_corriger_garde_la_version_precedente_visible(nav, nav_factory, monde, personne, ctx):  # noqa: F811
    parcours = ouvrir(ctx, personne, monde.conseiller)
    e = _entretien(ctx, parcours, monde.conseiller)
    collegue = nav_factory()
    nav.connexion(monde.conseiller.email)
    page = texte(nav.get(f"/parcours/entretiens/{e.id}"))
    assert "Corriger l'entretien" in page and "Versions précédentes" not in page
    url = f"/parcours/entretiens/{e.id}/corriger"
    formulaire = texte(nav.get(url))
    assert "Point sur la recherche de formation" in formulaire and "Note confidentielle" not in formulaire
    r = nav.post(url, _champs(e, synthese="Inscrite au CACES 1 et 3, session de mars"))
    assert r.status_code == 303
    ctx.expire_all()
    e = ctx.get(Entretien, e.id)
    assert e.synthese == "Inscrite au CACES 1 et 3, session de mars" and e.version == 2
    assert e.modifie_par_id == monde.conseiller.id
    (v,) = ctx.query(EntretienVersion).all()
    assert v.numero == 1 and v.synthese == "Inscrite au CACES 1" and v.saisi_par_id == monde.conseiller.id
    page = texte(nav.get(f"/parcours/entretiens/{e.id}"))
    assert re.search(r"modifié le \d\d/\d\d/\d{4} à \d{1,2} h( \d\d)? par " + re.escape(monde.conseiller.nom_complet), page)
    assert "Versions précédentes" in page and "Inscrite au CACES 1<" in page.replace("\n", "")
    assert ctx.query(JournalAudit).filter_by(objet_type="entretien", action="modification").count() == 1
    # the chef reads the versions but may not correct
    collegue.connexion(monde.chef.email)
    vue = texte(collegue.get(f"/parcours/entretiens/{e.id}"))
    assert "Versions précédentes" in vue and "Corriger l'entretien" not in vue
    assert collegue.get(url).status_code == 403


def test_correction_perimee_ou_vide_refusee_saisie_gardee(nav, monde, personne, ctx):  # noqa: F811
    parcours = ouvrir(ctx, personne, monde.conseiller)
    e = _entretien(ctx, parcours, monde.conseiller)
    nav.connexion(monde.conseiller.email)
    url = f"/parcours/entretiens/{e.id}/corriger"
    r = nav.post(url, _champs(e))
    assert r.status_code == 422 and "Rien n'a changé" in texte(r)
    r = nav.post(url, _champs(e, objectif=""))
    assert r.status_code == 422 and "objectif" in texte(r).lower()
    r = nav.post(url, _champs(e, le=(date.today() + timedelta(days=2)).isoformat(), synthese="Texte tapé à garder"))
    assert r.status_code == 422 and "future" in texte(r) and "Texte tapé à garder" in texte(r)
    assert nav.post(url, _champs(e, decisions="Relancer l'organisme")).status_code == 303
    perime = nav.post(url, _champs(e, version="1", decisions="Autre décision tapée"))
    assert perime.status_code == 409 and "Autre décision tapée" in texte(perime)
    assert ctx.query(EntretienVersion).count() == 1


def test_corriger_un_entretien_d_un_parcours_clos_est_refuse(nav, monde, personne, ctx):  # noqa: F811
    parcours = ouvrir(ctx, personne, monde.conseiller)
    e = _entretien(ctx, parcours, monde.conseiller)
    from cipdesk.parcours.contrat.rules import StatutParcours
    parcours.statut = StatutParcours.CLOS
    ctx.commit()
    nav.connexion(monde.conseiller.email)
    assert "Corriger l'entretien" not in texte(nav.get(f"/parcours/entretiens/{e.id}"))
    r = nav.post(f"/parcours/entretiens/{e.id}/corriger", _champs(e, decisions="x"))
    assert r.status_code == 422 and "clos" in texte(r)
