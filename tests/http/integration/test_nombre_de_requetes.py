"""The intégration pages cost a fixed number of SQL queries (bench/tableau.py, issue #14):
the follow-up's page reads the follow-up, its person, its points and its mediations in one
query, whatever their number; the exit of the parcours only when an M+3 / M+6 point may show it."""
from __future__ import annotations

from datetime import date, timedelta

from cipdesk.integration.mediations.services import enregistrer_mediation
from cipdesk.integration.points.services import enregistrer_point
from cipdesk.integration.suivis.services import ouvrir_suivi
from cipdesk.personnes.models import StatutPersonne
from tests.http.requetes import compter_requetes

# The follow-up's page: user and session (1), the follow-up with its person, points and
# mediations (1), the perimeter (1), the audit of the read (lock and read of the chain's head,
# the row, the head: 3), the other modules' links (analyses de pratique, documents: 2).
REQUETES_SUIVI = 8
# The overview: user and session (1), the perimeter (1), the week's points and the follow-ups (1).
REQUETES_APERCU = 3


def _suivi(ctx, monde, personne, debut):
    s = ouvrir_suivi(ctx, personne, par=monde.conseiller, dans_le_perimetre=True, donnees={
        "employeur": "Boulangerie du Forum", "intitule_poste": "Vendeur", "type_contrat": "cdi", "debut": debut})
    ctx.commit()
    return s


def test_page_d_un_suivi_nombre_de_requetes_fixe(app, nav, fabrique, ctx):
    m = fabrique.monde()
    aujourd_hui = date.today()
    debut = aujourd_hui - timedelta(days=200)
    nu = _suivi(ctx, m, fabrique.personne(m.structure, referent=m.conseiller, statut=StatutPersonne.ACCOMPAGNEE),
                debut)
    plein = _suivi(ctx, m, fabrique.personne(m.structure, referent=m.conseiller, statut=StatutPersonne.ACCOMPAGNEE),
                   debut)
    faits = [p for p in plein.points if p.jalon.value not in ("m3", "m6")]
    assert len(faits) >= 2   # J+15, M+1…: none of them gives the situation after the exit
    for point in faits:
        enregistrer_point(ctx, point, par=m.conseiller, aujourd_hui=aujourd_hui, donnees={
            "fait_le": point.prevu_le, "avis_personne": "Ça va", "avis_employeur": "Bien", "difficultes": "",
            "toujours_en_poste": True, "risque_rupture": False})
    for jours in (10, 5):
        enregistrer_mediation(ctx, plein, par=m.conseiller, aujourd_hui=aujourd_hui, donnees={
            "le": aujourd_hui - timedelta(days=jours), "participants": "La personne, la gérante",
            "enjeu": "Retards", "actions": "Horaires décalés", "issue": "Accord"})
    ctx.commit()
    nav.connexion(m.conseiller.email)
    nav.get(f"/integration/suivis/{nu.id}")   # warm-up (session, user)
    peu = compter_requetes(app, nav, f"/integration/suivis/{nu.id}")
    page = nav.get(f"/integration/suivis/{plein.id}").get_data(as_text=True)
    assert page.count("Horaires décalés") == 2 and "Fait le" in page
    beaucoup = compter_requetes(app, nav, f"/integration/suivis/{plein.id}")
    assert peu == beaucoup <= REQUETES_SUIVI, (peu, beaucoup)


def test_apercu_nombre_de_requetes_fixe(app, nav, fabrique, ctx):
    m = fabrique.monde()
    aujourd_hui = date.today()
    _suivi(ctx, m, fabrique.personne(m.structure, referent=m.conseiller, statut=StatutPersonne.ACCOMPAGNEE),
           aujourd_hui - timedelta(days=20))
    nav.connexion(m.conseiller.email)
    nav.get("/integration/")
    peu = compter_requetes(app, nav, "/integration/")
    for i in range(6):
        _suivi(ctx, m, fabrique.personne(m.structure, referent=m.conseiller, statut=StatutPersonne.ACCOMPAGNEE),
               aujourd_hui - timedelta(days=10 + i))
    beaucoup = compter_requetes(app, nav, "/integration/")
    assert peu == beaucoup <= REQUETES_APERCU, (peu, beaucoup)
