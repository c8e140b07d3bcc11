"""The person's rights through HTTP (issue #18, points 6, 8, 9, 10, 13): the notice recorded and
printed, bad inputs refused in French with the input kept, the rectification history, erasure on
request, the chef's retention list, the settings, the registre, and break-glass."""
from __future__ import annotations

import html
import json
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from cipdesk.droits.models import Anonymisation, NoticeRemise, Rectification
from cipdesk.personnes import services as personnes
from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.security.acces_exceptionnel import AccesExceptionnel
from cipdesk.security.audit import Action, JournalAudit
from tests.factories.accueil import AUJOURDHUI, personne as creer_personne


def _t(reponse) -> str:
    return html.unescape(reponse.get_data(as_text=True))


@pytest.fixture
def m(fabrique, ctx):
    monde = fabrique.monde()
    monde.p = creer_personne(ctx, monde.conseiller, nom="Benali", prenom="Samira", telephone="0612345678")
    ctx.commit()
    return monde


def test_la_notice_se_remet_s_enregistre_et_s_imprime(m, nav, ctx):
    nav.connexion(m.conseiller.email)
    url = f"/droits/personnes/{m.p.id}"
    page = _t(nav.get(url))
    assert "La notice n'a pas encore été remise" in page and "2 ans après notre dernier contact" in page
    # Nothing chosen, no date: refused, in French, nothing recorded.
    vide = nav.post(f"{url}/notice", {"remise_le": "", "mode": ""}, depuis=url)
    assert vide.status_code == 422
    assert "Indiquez comment la notice a été remise." in _t(vide)
    futur = nav.post(f"{url}/notice", {"remise_le": "31/12/2099", "mode": "lue_a_voix_haute"}, depuis=url)
    assert futur.status_code == 422 and "futur" in _t(futur) and 'value="31/12/2099"' in _t(futur)
    assert ctx.scalar(select(NoticeRemise)) is None
    ok = nav.post(f"{url}/notice", {"remise_le": AUJOURDHUI.strftime("%d/%m/%Y"), "mode": "lue_a_voix_haute"},
                  depuis=url)
    assert ok.status_code == 303
    notice = ctx.scalar(select(NoticeRemise))
    assert notice.mode.value == "lue_a_voix_haute" and notice.par_id == m.conseiller.id
    assert "Lue à voix haute et expliquée" in _t(nav.get(url))
    fiche = _t(nav.get(f"/accueil/personnes/{m.p.id}"))
    assert f"Notice remise le {AUJOURDHUI:%d/%m/%Y}" in fiche
    pdf = nav.get(f"{url}/notice.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")


def test_la_notice_reprend_les_reglages_de_la_structure(m, nav, ctx):
    m.structure.parametres = {**(m.structure.parametres or {}), "conservation_mois": 36,
                              "contact_donnees_personnelles": "dpo@exemple.fr"}
    ctx.commit()
    nav.connexion(m.conseiller.email)
    page = _t(nav.get(f"/droits/personnes/{m.p.id}"))
    assert "3 ans après notre dernier contact" in page and "dpo@exemple.fr" in page


def test_une_rectification_garde_l_ancienne_valeur(m, nav, ctx):
    personnes.modifier_personne(ctx, par=m.conseiller, personne=m.p, version=m.p.version, aujourd_hui=AUJOURDHUI,
                                donnees=personnes.DonneesPersonne(nom="Benali", prenom="Samira",
                                                                  date_naissance=m.p.date_naissance,
                                                                  telephone="0698765432"))
    ctx.commit()
    rectif = ctx.scalar(select(Rectification))
    assert rectif.champs == ["telephone"] and rectif.anciennes_valeurs == {"telephone": "+33612345678"}
    nav.connexion(m.conseiller.email)
    assert "telephone : +33612345678" in _t(nav.get(f"/droits/personnes/{m.p.id}"))


def test_l_effacement_sur_demande_exige_motif_et_confirmation(m, nav, ctx):
    nav.connexion(m.conseiller.email)
    url = f"/droits/personnes/{m.p.id}"
    court = nav.post(f"{url}/effacement", {"motif": "demande", "confirmation": "Benali"}, depuis=url)
    assert court.status_code == 422 and "au moins 15 caractères" in _t(court)
    mauvais = nav.post(f"{url}/effacement", {"motif": "Demande écrite du 2 décembre, accompagnement terminé",
                                             "confirmation": "Martin"}, depuis=url)
    assert mauvais.status_code == 422 and "recopiez le nom" in _t(mauvais)
    assert "Demande écrite du 2 décembre" in _t(mauvais)  # the input is kept
    assert ctx.scalar(select(Anonymisation)) is None
    # Not while the person is accompanied (the data serve the mission: RGPD art. 17.3).
    m.p.statut = StatutPersonne.ACCOMPAGNEE
    ctx.commit()
    accompagnee = nav.post(f"{url}/effacement", {"motif": "Demande écrite du 2 décembre, accompagnement terminé",
                                                 "confirmation": "benali"}, depuis=url)
    assert accompagnee.status_code == 422 and "Enregistrez d'abord la sortie" in _t(accompagnee)
    m.p.statut = StatutPersonne.SORTIE
    ctx.commit()
    ok = nav.post(f"{url}/effacement", {"motif": "Demande écrite du 2 décembre, accompagnement terminé",
                                        "confirmation": "benali"}, depuis=url)
    assert ok.status_code == 303
    ctx.expire_all()
    p = ctx.get(Personne, m.p.id)
    assert p.nom == "Anonyme" and p.telephone == "" and p.date_naissance == date(1990, 5, 1)
    assert ctx.scalar(select(JournalAudit).where(JournalAudit.action == Action.ANONYMISATION)).motif.startswith("demande")


def test_le_chef_voit_qui_atteint_la_duree_de_conservation(m, nav, ctx, fabrique):
    proche = creer_personne(ctx, m.conseiller, nom="Lefort", prenom="Jean")
    loin = creer_personne(ctx, m.conseiller, nom="Durand", prenom="Paul")
    from cipdesk.core.dates import aujourdhui
    from cipdesk.droits.rules import plus_mois

    aujourd_hui = aujourdhui()
    proche.dernier_contact_le = plus_mois(aujourd_hui, -24) + timedelta(days=10)
    loin.dernier_contact_le = aujourd_hui - timedelta(days=30)
    m.p.dernier_contact_le = aujourd_hui - timedelta(days=30)
    ailleurs = creer_personne(ctx, m.conseiller_ailleurs, nom="Lointain", prenom="Ailleurs")
    ailleurs.dernier_contact_le = date(2000, 1, 1)
    ctx.commit()
    nav.connexion(m.chef.email)
    page = _t(nav.get("/droits/conservation"))
    assert "Jean Lefort" in page and "Paul Durand" not in page and "Lointain" not in page


def test_reglages_et_registre(m, nav, ctx):
    nav.connexion(m.admin.email)
    faux = nav.post("/droits/reglages", {"conservation": "6", "provenance": "3", "journal": "12"})
    assert faux.status_code == 422 and "de 12 à 120 mois" in _t(faux)
    trop = nav.post("/droits/reglages", {"conservation": "24", "provenance": "13", "journal": "12"})
    assert trop.status_code == 422 and "pas plus longtemps que le journal" in _t(trop)
    assert nav.post("/droits/reglages", {"conservation": "30", "provenance": "2", "journal": "9"}).status_code == 303
    ctx.refresh(m.structure)
    assert m.structure.parametres["conservation_mois"] == 30
    page = _t(nav.get("/droits/registre"))
    assert "30 mois après le dernier contact" in page and "9 mois pour le journal ; 2 mois" in page
    export = json.loads(nav.get("/droits/registre.json").get_data(as_text=True))
    assert {t["nom"] for t in export["traitements"]} >= {"Accompagnement socioprofessionnel des personnes",
                                                         "Journal des accès (sécurité)"}
    assert all(t["duree"] and t["acces"] and t["finalite"] for t in export["traitements"])


def test_bris_de_glace(m, nav, ctx, fabrique, nav_factory):
    from tests.factories.notes import note

    autre_equipe = fabrique.equipe(m.structure)
    chef2 = fabrique.utilisateur(m.structure, equipe=autre_equipe, chef=True)
    secret = note(ctx, m.conseiller, "Confidence 5d2a", objet_type="personne", objet_id=m.p.id)
    nav.connexion(chef2.email)
    refus = nav.get(f"/accueil/personnes/{m.p.id}")
    assert refus.status_code == 403 and "demandez un accès exceptionnel" in _t(refus)
    url = f"/droits/personnes/{m.p.id}/acces-exceptionnel"
    court = nav.post(url, {"motif": "urgent"})
    assert court.status_code == 422 and "au moins 15 caractères" in _t(court) and "urgent" in _t(court)
    assert nav.post(url, {"motif": "Appel du SIAO pendant l'absence de la référente"}).status_code == 303
    assert nav.get(f"/accueil/personnes/{m.p.id}").status_code == 200
    # Reading only; never the confidential notes; never writing.
    assert nav.get(f"/notes/{secret.id}").status_code == 403
    assert nav.get(f"/accueil/personnes/{m.p.id}/modifier").status_code == 403
    journal = ctx.scalar(select(JournalAudit).where(JournalAudit.action == Action.ACCES_EXCEPTIONNEL))
    assert journal.acteur_id == chef2.id and journal.motif.startswith("Appel du SIAO")
    # Shown to the référent on the person's page.
    referent = nav_factory()
    referent.connexion(m.conseiller.email)
    fiche = _t(referent.get(f"/accueil/personnes/{m.p.id}"))
    assert f"Accès exceptionnel de {chef2.nom_complet}" in fiche and "Appel du SIAO" in fiche
    # Time-limited: once over, the file is closed again.
    acces = ctx.scalar(select(AccesExceptionnel))
    acces.fin = datetime.now(timezone.utc) - timedelta(minutes=1)
    ctx.commit()
    assert nav.get(f"/accueil/personnes/{m.p.id}").status_code == 403
    # Not for a conseiller, nor another structure's chef.
    assert referent.get(url).status_code == 403
    ailleurs = nav_factory()
    ailleurs.connexion(m.chef_ailleurs.email)
    assert ailleurs.get(url).status_code == 404


def test_refus_sur_une_personne_d_une_autre_equipe(m, nav, nav_factory, fabrique):
    """The 403 of a person's page says why (the person is followed elsewhere, not « votre rôle »),
    and a chef de service finds the break-glass link on every page of the person, not only on
    the fiche (documents joints, rendez-vous, droits)."""
    autre_equipe = fabrique.equipe(m.structure)
    collegue = fabrique.utilisateur(m.structure, equipe=autre_equipe)
    chef2 = fabrique.utilisateur(m.structure, equipe=autre_equipe, chef=True)
    nav.connexion(collegue.email)
    for url in (f"/accueil/personnes/{m.p.id}", f"/documents-joints/personne/{m.p.id}"):
        refus = nav.get(url)
        assert refus.status_code == 403 and "ne vous est pas ouvert" in _t(refus), url
        assert "Votre rôle ne permet pas" not in _t(refus) and "accès exceptionnel" not in _t(refus)
    nav = nav_factory()
    nav.connexion(chef2.email)
    for url in (f"/accueil/personnes/{m.p.id}", f"/documents-joints/personne/{m.p.id}",
                f"/agenda/personnes/{m.p.id}", f"/droits/personnes/{m.p.id}"):
        refus = nav.get(url)
        assert refus.status_code == 403 and "demandez un accès exceptionnel" in _t(refus), url
