"""The conseiller's calendar feed (issue #18, point 3): a secret, revocable webcal address;
the feed parsed back by icalendar; a moved event keeps its UID and its SEQUENCE grows."""
from __future__ import annotations

import re
from datetime import datetime, time

from icalendar import Calendar

from cipdesk.core.dates import PARIS
from tests.factories.agenda import rdv as nouveau_rdv


def _evenements(reponse) -> dict:
    assert reponse.status_code == 200
    assert reponse.headers["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(reponse.get_data())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_flux_relu_par_icalendar_et_evenement_deplace(nav, nav_factory, fabrique, ctx):
    s = fabrique.structure()
    e = fabrique.equipe(s)
    conseiller = fabrique.utilisateur(s, equipe=e, prenom="Yannick", nom="Dubois")
    personne = fabrique.personne(s, referent=conseiller, prenom="Léa", nom="Martin")
    r = nouveau_rdv(ctx, conseiller, personne, dans_jours=3, heure=time(9, 30), lieu="Bureau 2",
                    motif="ZQXMOTIF dettes", commentaire="ZQXCOMMENTAIRE")
    ctx.commit()
    nav.connexion(conseiller.email)
    page = nav.post("/agenda/flux", depuis="/agenda/flux").get_data(as_text=True)
    adresse = re.search(r'value="(http://localhost/agenda/ics/[^"]+\.ics)"', page).group(1)
    assert 'href="webcal://localhost/agenda/ics/' in page
    chemin = adresse.removeprefix("http://localhost")
    # Read without a session, by a calendar application.
    abonne = nav_factory()
    [evenement] = _evenements(abonne.get(chemin)).values()
    assert str(evenement["UID"]) == f"{r.id}@cipdesk"
    assert int(evenement["SEQUENCE"]) == 0
    assert evenement.decoded("DTSTART") == datetime.combine(r.le, time(9, 30), tzinfo=PARIS)
    assert str(evenement["SUMMARY"]) == "Entretien individuel — Léa M."
    brut = abonne.get(chemin).get_data(as_text=True)
    assert "ZQXMOTIF" not in brut and "ZQXCOMMENTAIRE" not in brut and "Martin" not in brut
    # Moved: same UID, higher SEQUENCE, new time.
    formulaire = nav.get(f"/agenda/{r.id}/modifier").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', formulaire).group(1)
    reponse = nav.post(f"/agenda/{r.id}/modifier", {
        "nature": "entretien", "le": r.le.isoformat(), "heure": "14:00", "duree": "60", "modalite": "structure",
        "lieu": "Bureau 2", "version": version})
    assert reponse.status_code == 303
    [deplace] = _evenements(abonne.get(chemin)).values()
    assert str(deplace["UID"]) == str(evenement["UID"])
    assert int(deplace["SEQUENCE"]) > int(evenement["SEQUENCE"])
    assert deplace.decoded("DTSTART") == datetime.combine(r.le, time(14, 0), tzinfo=PARIS)
    # A stale version is a conflict, not an overwrite.
    reponse = nav.post(f"/agenda/{r.id}/modifier", {
        "nature": "entretien", "le": r.le.isoformat(), "heure": "16:00", "duree": "60", "modalite": "structure",
        "version": version})
    assert reponse.status_code == 409
    # Cancelled: still in the feed, marked so that calendars drop it, SEQUENCE up again.
    nav.post(f"/agenda/{r.id}/annulation", depuis=f"/agenda/{r.id}")
    [annule] = _evenements(abonne.get(chemin)).values()
    assert str(annule["STATUS"]) == "CANCELLED" and int(annule["SEQUENCE"]) > int(deplace["SEQUENCE"])
    # Revoked: the address no longer opens.
    nav.post("/agenda/flux/revocation", depuis="/agenda/flux")
    assert abonne.get(chemin).status_code == 404


def test_une_nouvelle_adresse_remplace_l_ancienne(nav, fabrique):
    s = fabrique.structure()
    conseiller = fabrique.utilisateur(s, equipe=fabrique.equipe(s))
    nav.connexion(conseiller.email)
    premiere = re.search(r'/agenda/ics/[^"]+\.ics', nav.post("/agenda/flux", depuis="/agenda/flux")
                         .get_data(as_text=True)).group(0)
    seconde = re.search(r'/agenda/ics/[^"]+\.ics', nav.post("/agenda/flux", depuis="/agenda/flux")
                        .get_data(as_text=True)).group(0)
    assert premiere != seconde
    assert nav.get(premiere).status_code == 404 and nav.get(seconde).status_code == 200
    assert nav.get("/agenda/ics/n-importe-quoi.ics").status_code == 404
