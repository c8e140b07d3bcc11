"""Accueil individuel: urgency screening, immediate action, alerts until handled,
confidential notes on an accueil, competences, réunion d'information collective."""
from __future__ import annotations

import html
from datetime import timedelta

from sqlalchemy import func, select

from cipdesk.accueil.accueils.models import Accueil, Urgence
from cipdesk.competences.models import PreuveCompetence
from cipdesk.notes.models import NoteConfidentielle
from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.security.audit import JournalAudit
from tests.factories.accueil import AUJOURDHUI, HIER, accueil, personne


def _texte(r):
    return html.unescape(r.get_data(as_text=True))


BASE = {"date_accueil": HIER.isoformat(), "mode": "telephone", "demande_exprimee": "Trouver un emploi de cariste.",
        "concordance": "sans_commande", "suite": "entree_accompagnement", "informations": ["offre_services", "rgpd"]}


def test_accueil_sans_urgence(nav, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    url = f"/accueil/personnes/{p.id}/accueils/nouveau"
    assert "Repérage des urgences" in _texte(nav.get(url))
    r = nav.post(url, {**BASE, "prochain_rdv_le": (AUJOURDHUI + timedelta(days=7)).isoformat()})
    assert r.status_code == 303
    ctx.expire_all()
    p = ctx.get(Personne, p.id)
    assert p.statut == StatutPersonne.ACCOMPAGNEE and p.dernier_contact_le == HIER
    assert p.prochain_rdv_le == AUJOURDHUI + timedelta(days=7)
    a = ctx.scalars(select(Accueil)).one()
    codes = set(ctx.scalars(select(PreuveCompetence.competence_code).where(PreuveCompetence.objet_id == a.id)))
    assert codes == {"CP1", "CP2"}
    page = _texte(nav.get(r.headers["Location"]))
    assert "Trouver un emploi de cariste." in page and "Aucune urgence repérée" in page


def test_urgence_sans_action_refusee_et_saisie_conservee(nav, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    url = f"/accueil/personnes/{p.id}/accueils/nouveau"
    r = nav.post(url, {**BASE, "urgence_hebergement": "y", "urgence_hebergement_contact": "SIAO"})
    assert r.status_code == 422
    page = _texte(r)
    assert "appelle une action immédiate" in page and "Trouver un emploi de cariste." in page and 'value="SIAO"' in page
    assert ctx.scalar(select(func.count()).select_from(Accueil)) == 0


def test_urgence_traitee_sur_le_moment(nav, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    r = nav.post(f"/accueil/personnes/{p.id}/accueils/nouveau",
                 {**BASE, "urgence_hebergement": "y", "urgence_hebergement_contact": "115",
                  "urgence_hebergement_action": "Appel au 115 : mise à l'abri ce soir."})
    assert r.status_code == 303
    u = ctx.scalars(select(Urgence)).one()
    assert not u.ouverte and u.traitee_le == HIER
    assert "Urgence non traitée :" not in _texte(nav.get("/accueil/"))


def test_urgence_differee_reste_en_alerte_jusqu_au_traitement(nav, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    r = nav.post(f"/accueil/personnes/{p.id}/accueils/nouveau",
                 {**BASE, "urgence_droits": "y", "urgence_droits_differee": "y"})
    assert r.status_code == 303
    accueil_url = r.headers["Location"]
    assert "Urgence non traitée : droits coupés" in _texte(nav.get("/accueil/"))
    assert "Urgence non traitée : droits coupés" in _texte(nav.get(f"/accueil/personnes/{p.id}"))
    assert "1 personne" in _texte(nav.get("/accueil/?urgence=1"))
    u = ctx.scalars(select(Urgence)).one()
    url = f"/accueil/urgences/{u.id}/traitement"
    r = nav.post(url, {"le": (AUJOURDHUI + timedelta(days=2)).isoformat(), "action": "x"}, depuis=accueil_url)
    assert r.status_code == 422 and "futur" in _texte(r)
    r = nav.post(url, {"le": AUJOURDHUI.isoformat(), "action": ""}, depuis=accueil_url)
    assert r.status_code == 422
    r = nav.post(url, {"le": AUJOURDHUI.isoformat(), "contact": "CAF", "action": "Dossier CAF débloqué."},
                 depuis=accueil_url)
    assert r.status_code == 303
    assert "Urgence non traitée :" not in _texte(nav.get("/accueil/"))
    assert "0 personne" in _texte(nav.get("/accueil/?urgence=1"))


def test_accueil_saisies_invalides(nav, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    url = f"/accueil/personnes/{p.id}/accueils/nouveau"
    r = nav.post(url, {**BASE, "date_accueil": (AUJOURDHUI + timedelta(days=1)).isoformat(), "suite": "sans_suite",
                       "concordance": "divergente", "demande_exprimee": "",
                       "prochain_rdv_le": (AUJOURDHUI - timedelta(days=3)).isoformat()})
    assert r.status_code == 422
    page = _texte(r)
    for attendu in ("futur", "Indiquez pourquoi", "Décrivez la commande", "passé"):
        assert attendu in page, attendu


def test_note_confidentielle_sur_un_accueil(nav, nav_factory, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    a = accueil(ctx, m.conseiller, p, urgence_ouverte=False)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    url = f"/accueil/accueils/{a.id}"
    assert nav.post(f"/accueil/accueil/{a.id}/notes", {"contenu": ""}, depuis=url).status_code == 422
    r = nav.post(f"/accueil/accueil/{a.id}/notes", {"contenu": "Dette de loyer évoquée 9x7."}, depuis=url)
    assert r.status_code == 303
    note = ctx.scalars(select(NoteConfidentielle)).one()
    assert note.objet_type == "accueil" and note.objet_id == a.id and b"9x7" not in note.contenu_chiffre
    page = _texte(nav.get(url))
    assert "Lire la note du" in page and "9x7" not in page
    chef = nav_factory()
    chef.connexion(m.chef.email)
    page_chef = _texte(chef.get(url))
    assert chef.get(url).status_code == 200 and "Lire la note" not in page_chef and "Notes confidentielles" not in page_chef
    assert "Note confidentielle" not in _texte(chef.get(f"/accueil/personnes/{p.id}"))
    assert "Note confidentielle" in _texte(nav.get(f"/accueil/personnes/{p.id}"))


def test_lecture_de_la_fiche_journalisee(nav, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    nav.get(f"/accueil/personnes/{p.id}")
    lignes = ctx.scalars(select(JournalAudit).where(JournalAudit.objet_id == str(p.id))).all()
    assert {l.action.value for l in lignes} >= {"creation", "lecture"}


def test_reunion_information_collective(nav, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller, nom="Connue", prenom="Anne")
    ctx.commit()
    nav.connexion(m.conseiller.email)
    r = nav.post("/accueil/reunions", {"date_reunion": (AUJOURDHUI + timedelta(days=3)).isoformat(), "lieu": "Ici"})
    assert r.status_code == 422 and "futur" in _texte(r)
    r = nav.post("/accueil/reunions", {"date_reunion": HIER.isoformat(), "lieu": "Salle Jean Moulin",
                                       "animateurs": "C. Lefebvre", "contenus": ["structure", "dispositifs"]})
    assert r.status_code == 303
    url = r.headers["Location"]
    assert nav.post(url, {"personne": str(p.id), "resultat": "rdv_individuel"}).status_code == 303
    # A person not yet known: the réunion page links to the personnes form (which owns the
    # creation and its duplicate check), which comes back to the réunion.
    assert f"/accueil/personnes/nouvelle?retour=" in _texte(nav.get(url))
    creation = f"/accueil/personnes/nouvelle?retour={url}"
    r = nav.post(creation, {"nom": "Nouvelle", "prenom": "Zoé", "sexe": "femme", "niveau_formation": "inconnu",
                            "referent": str(m.conseiller.id)}, depuis=creation)
    assert r.status_code == 303 and r.headers["Location"].endswith(url)
    zoe = ctx.scalars(select(Personne).where(Personne.nom == "Nouvelle")).one()
    assert nav.post(url, {"personne": str(zoe.id), "resultat": "entree_accompagnement"}).status_code == 303
    r = nav.post(url, {"personne": "", "resultat": "present"})
    assert r.status_code == 422 and "créez d'abord sa fiche" in _texte(r)
    page = _texte(nav.get(url))
    assert "Connue" in page and "Nouvelle" in page and "Rendez-vous individuel proposé" in page
    ctx.expire_all()
    assert zoe.statut == StatutPersonne.ACCOMPAGNEE and zoe.referent_id == m.conseiller.id
    assert "Réunion d'information collective" in _texte(nav.get(f"/accueil/personnes/{p.id}"))
