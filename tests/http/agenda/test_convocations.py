"""« Convoquer » in one action (issue #18, point 4), sent through a real local SMTP server
(aiosmtpd, tests/smtp_local.py): the convocation with its invitation, the reminder, no
reminder after a cancellation or for a past rendez-vous, no e-mail without consent, a
no-show that sends nothing; every message on the person's timeline."""
from __future__ import annotations

from datetime import datetime, time, timedelta

from icalendar import Calendar
from sqlalchemy import select

from cipdesk.agenda import rules, services
from cipdesk.agenda.models import RendezVousPlanifie
from cipdesk.agenda.services import verifier_message
from cipdesk.core.dates import PARIS, aujourdhui, horloge_fixee, maintenant
from cipdesk.courriel.envoi import envoyer_en_attente
from cipdesk.courriel.models import MessageSortant, StatutMessage
from tests.factories.agenda import rdv as nouveau_rdv
from tests.smtp_local import partie, smtp_local  # noqa: F401 (fixture)

VERIFS = {"convocation": verifier_message, "rappel": verifier_message, "annulation": verifier_message}


def _monde(fabrique, ctx, *, consentement=True, email="lea.martin@exemple.fr"):
    s = fabrique.structure(nom="Tremplin Emploi Lille")
    e = fabrique.equipe(s)
    conseiller = fabrique.utilisateur(s, equipe=e, prenom="Yannick", nom="Dubois", email="yannick@tremplin.test")
    personne = fabrique.personne(s, referent=conseiller, prenom="Léa", nom="Martin", email=email,
                                 adresse="3 rue des Tilleuls, 59000 Lille")
    if consentement is not None:
        services.enregistrer_consentement(ctx, personne, par=conseiller, accorde=consentement, mode="oral",
                                          le=aujourdhui(), maintenant=maintenant())
    r = nouveau_rdv(ctx, conseiller, personne, dans_jours=3, heure=time(10, 0), lieu="Bureau 2",
                    a_apporter="CV à jour, pièce d'identité", motif="Situation de logement ZQXMOTIF")
    ctx.commit()
    return conseiller, personne, r


def _envoyer(ctx, config, quand):
    bilan = envoyer_en_attente(ctx, config=config, maintenant=quand, verifications=VERIFS, valider=ctx.commit)
    return bilan


def test_convoquer_envoie_l_invitation_puis_le_rappel(nav, fabrique, ctx, smtp_local):  # noqa: F811
    boite, config, _env = smtp_local
    conseiller, personne, r = _monde(fabrique, ctx)
    nav.connexion(conseiller.email)
    reponse = nav.post(f"/agenda/{r.id}/convocation", depuis=f"/agenda/{r.id}", follow_redirects=True)
    page = reponse.get_data(as_text=True)
    assert "E-mail de convocation avec l&#39;invitation à envoyer à lea.martin@exemple.fr" in page
    assert "Rappel par e-mail prévu le" in page
    # Nothing left during the request: the outbox holds it, the command sends it.
    assert boite.messages == []
    bilan = _envoyer(ctx, config, maintenant())
    assert (bilan.envoyes, bilan.abandonnes) == (1, 0)
    [message] = boite.messages
    assert message["To"] == "lea.martin@exemple.fr"
    assert message["Subject"].startswith("Convocation : entretien individuel le ")
    texte = partie(message, "text/plain").get_content()
    assert "CV à jour, pièce d'identité" in texte and "Bureau 2" in texte
    assert "ZQXMOTIF" not in message.as_string()  # the reason of the rendez-vous stays in the file
    calendrier = partie(message, "text/calendar")
    assert calendrier.get_param("method") == "REQUEST"
    cal = Calendar.from_ical(calendrier.get_content())
    assert str(cal["METHOD"]) == "REQUEST"
    [evenement] = cal.walk("VEVENT")
    assert str(evenement["UID"]) == f"{r.id}@cipdesk"
    assert int(evenement["SEQUENCE"]) == 0
    assert evenement.decoded("DTSTART") == datetime.combine(r.le, time(10, 0), tzinfo=PARIS)
    assert str(evenement["ATTENDEE"]) == "mailto:lea.martin@exemple.fr"
    assert str(evenement["ORGANIZER"]) == "mailto:yannick@tremplin.test"
    # The reminder waits for its time: 24 h before (the structure's default delay).
    assert _envoyer(ctx, config, maintenant()).envoyes == 0
    debut = rules.debut(r.le, r.heure)
    assert _envoyer(ctx, config, debut - timedelta(hours=24, minutes=1)).envoyes == 0
    assert _envoyer(ctx, config, debut - timedelta(hours=23)).envoyes == 1
    rappel = boite.messages[1]
    assert rappel["Subject"].startswith("Rappel : rendez-vous le ")
    assert partie(rappel, "text/calendar") is None
    # Sent messages keep no text nor address.
    for m in ctx.scalars(select(MessageSortant)):
        assert m.statut == StatutMessage.ENVOYE and m.contenu == {}
    # Every message on the person's timeline.
    fiche = nav.get(f"/accueil/personnes/{personne.id}").get_data(as_text=True)
    assert "Convocation envoyé·e par e-mail" in fiche and "Rappel envoyé·e par e-mail" in fiche


def test_pas_de_rappel_apres_annulation(nav, fabrique, ctx, smtp_local):  # noqa: F811
    boite, config, _env = smtp_local
    conseiller, personne, r = _monde(fabrique, ctx)
    nav.connexion(conseiller.email)
    nav.post(f"/agenda/{r.id}/convocation", depuis=f"/agenda/{r.id}")
    assert _envoyer(ctx, config, maintenant()).envoyes == 1
    reponse = nav.post(f"/agenda/{r.id}/annulation", depuis=f"/agenda/{r.id}", follow_redirects=True)
    assert "Aucun rappel ne partira" in reponse.get_data(as_text=True)
    # The invitation is withdrawn from the person's calendar: METHOD:CANCEL, same UID, higher SEQUENCE.
    assert _envoyer(ctx, config, maintenant()).envoyes == 1
    annulation = boite.messages[1]
    assert annulation["Subject"].startswith("Annulation : rendez-vous du ")
    cal = Calendar.from_ical(partie(annulation, "text/calendar").get_content())
    assert str(cal["METHOD"]) == "CANCEL"
    [evenement] = cal.walk("VEVENT")
    assert str(evenement["UID"]) == f"{r.id}@cipdesk" and int(evenement["SEQUENCE"]) == 1
    assert str(evenement["STATUS"]) == "CANCELLED"
    debut = rules.debut(r.le, r.heure)
    assert _envoyer(ctx, config, debut - timedelta(hours=2)).envoyes == 0
    assert [m["Subject"].split(" :")[0] for m in boite.messages] == ["Convocation", "Annulation"]  # no reminder
    rappel = ctx.scalars(select(MessageSortant).where(MessageSortant.nature == "rappel")).one()
    ctx.refresh(rappel)
    assert rappel.statut == StatutMessage.ABANDONNE and "annulé" in rappel.motif
    fiche = nav.get(f"/accueil/personnes/{personne.id}").get_data(as_text=True)
    assert "Rappel par e-mail non envoyé·e" in fiche


def test_l_envoi_verifie_lui_meme_annulation_et_date(fabrique, ctx, smtp_local):  # noqa: F811
    """Even when a row is still « à envoyer » (a cancellation written by another process, a
    sender that did not run for days), the sender gives it up."""
    boite, config, _env = smtp_local
    conseiller, personne, r = _monde(fabrique, ctx)
    services.convoquer(ctx, r, par=conseiller, maintenant=maintenant())
    ctx.commit()
    debut = rules.debut(r.le, r.heure)
    # The sender did not run before the rendez-vous: neither the convocation nor the reminder go.
    bilan = _envoyer(ctx, config, debut + timedelta(minutes=5))
    assert (bilan.envoyes, bilan.abandonnes) == (0, 2) and boite.messages == []
    motifs = {m.motif for m in ctx.scalars(select(MessageSortant))}
    assert motifs == {"Rendez-vous passé : message non envoyé."}
    # A cancellation the outbox was not told about.
    r2 = nouveau_rdv(ctx, conseiller, personne, dans_jours=5)
    services.convoquer(ctx, r2, par=conseiller, maintenant=maintenant())
    ctx.execute(RendezVousPlanifie.__table__.update().where(RendezVousPlanifie.id == r2.id)
                .values(annule_le=maintenant()))
    ctx.commit()
    bilan = _envoyer(ctx, config, rules.debut(r2.le, r2.heure) - timedelta(hours=1))
    assert (bilan.envoyes, bilan.abandonnes) == (0, 2) and boite.messages == []


def test_sans_consentement_pas_d_e_mail_et_un_message_clair(nav, fabrique, ctx, smtp_local):  # noqa: F811
    boite, config, _env = smtp_local
    conseiller, personne, r = _monde(fabrique, ctx, consentement=None)
    nav.connexion(conseiller.email)
    page = nav.post(f"/agenda/{r.id}/convocation", depuis=f"/agenda/{r.id}",
                    follow_redirects=True).get_data(as_text=True)
    assert "Pas d&#39;e-mail : la personne n&#39;a pas encore donné son accord pour recevoir des e-mails" in page
    assert "Lettre de convocation (PDF à imprimer)" in page
    assert ctx.scalars(select(MessageSortant)).all() == []
    # Refused: same, with its own words.
    services.enregistrer_consentement(ctx, personne, par=conseiller, accorde=False, mode="ecrit", le=aujourdhui(),
                                      maintenant=maintenant())
    ctx.commit()
    page = nav.post(f"/agenda/{r.id}/convocation", depuis=f"/agenda/{r.id}",
                    follow_redirects=True).get_data(as_text=True)
    assert "la personne a refusé de recevoir des e-mails" in page
    # Consent given but no address on the file.
    services.enregistrer_consentement(ctx, personne, par=conseiller, accorde=True, mode="oral", le=aujourdhui(),
                                      maintenant=maintenant())
    personne.email = ""
    ctx.commit()
    page = nav.post(f"/agenda/{r.id}/convocation", depuis=f"/agenda/{r.id}",
                    follow_redirects=True).get_data(as_text=True)
    assert "aucune adresse e-mail n&#39;est connue pour la personne" in page
    assert _envoyer(ctx, config, maintenant()).envoyes == 0 and boite.messages == []


def test_retrait_du_consentement_arrete_les_envois(fabrique, ctx, smtp_local):  # noqa: F811
    boite, config, _env = smtp_local
    conseiller, personne, r = _monde(fabrique, ctx)
    services.convoquer(ctx, r, par=conseiller, maintenant=maintenant())
    services.enregistrer_consentement(ctx, personne, par=conseiller, accorde=False, mode="courriel",
                                      le=aujourdhui(), maintenant=maintenant())
    ctx.commit()
    assert _envoyer(ctx, config, maintenant()).envoyes == 0 and boite.messages == []


def test_une_absence_n_envoie_rien_et_deux_levent_une_alerte(nav, fabrique, ctx, smtp_local):  # noqa: F811
    boite, config, _env = smtp_local
    conseiller, personne, r = _monde(fabrique, ctx)
    services.convoquer(ctx, r, par=conseiller, maintenant=maintenant())
    ctx.commit()
    assert _envoyer(ctx, config, maintenant()).envoyes == 1
    boite.vider()
    nav.connexion(conseiller.email)
    # Attendance is noted from the day of the rendez-vous on.
    reponse = nav.post(f"/agenda/{r.id}/presence", {"presence": "non_honore"}, depuis=f"/agenda/{r.id}")
    assert reponse.status_code == 422
    assert "La présence se note le jour du rendez-vous ou après." in reponse.get_data(as_text=True)
    le_jour = datetime.combine(r.le, time(11, 30), tzinfo=PARIS)
    with horloge_fixee(le_jour):
        assert nav.post(f"/agenda/{r.id}/presence", {"presence": "non_honore"},
                        depuis=f"/agenda/{r.id}").status_code == 303
        bilan = _envoyer(ctx, config, le_jour)
    assert boite.messages == [] and bilan.envoyes == 0  # never a « rendez-vous annulé »
    assert not any(m.nature not in ("convocation", "rappel") for m in ctx.scalars(select(MessageSortant)))
    from cipdesk.agenda.queries import alertes_absences

    assert alertes_absences(ctx, [personne.id], r.le) == []  # one no-show: no alert yet
    r2 = nouveau_rdv(ctx, conseiller, personne, dans_jours=4)
    ctx.commit()
    with horloge_fixee(datetime.combine(r2.le, time(18, 0), tzinfo=PARIS)):
        assert nav.post(f"/agenda/{r2.id}/presence", {"presence": "non_honore"},
                        depuis=f"/agenda/{r2.id}").status_code == 303
        [alerte] = alertes_absences(ctx, [personne.id], r2.le)
        assert alerte.code == "absences_repetees" and "2 sur les 2 derniers" in alerte.libelle
        accueil = nav.get("/").get_data(as_text=True)
        assert "Rendez-vous non honorés à répétition" in accueil
    assert boite.messages == []


def test_un_rendez_vous_honore_met_a_jour_le_dernier_contact(nav, fabrique, ctx):
    conseiller, personne, r = _monde(fabrique, ctx)
    suivant = nouveau_rdv(ctx, conseiller, personne, dans_jours=10)
    ctx.commit()
    nav.connexion(conseiller.email)
    with horloge_fixee(datetime.combine(r.le, time(12, 0), tzinfo=PARIS)):
        # No choice preselected; a choice outside the list is refused with the input kept.
        page = nav.get(f"/agenda/{r.id}").get_data(as_text=True)
        assert 'value="honore" checked' not in page
        reponse = nav.post(f"/agenda/{r.id}/presence", {"presence": "peut-etre"}, depuis=f"/agenda/{r.id}")
        assert reponse.status_code == 422 and "Choisissez : honoré, excusé ou non honoré." in reponse.get_data(as_text=True)
        assert nav.post(f"/agenda/{r.id}/presence", {"presence": "honore"}, depuis=f"/agenda/{r.id}").status_code == 303
    ctx.refresh(personne)
    assert personne.dernier_contact_le == r.le
    assert personne.prochain_rdv_le == suivant.le


def test_la_commande_envoyer_messages(app, fabrique, ctx, smtp_local, monkeypatch):  # noqa: F811
    boite, _config, env = smtp_local
    conseiller, personne, r = _monde(fabrique, ctx)
    services.convoquer(ctx, r, par=conseiller, maintenant=maintenant())
    ctx.commit()
    runner = app.test_cli_runner()
    monkeypatch.delenv("CIPDESK_SMTP_HOST", raising=False)
    resultat = runner.invoke(args=["envoyer-messages"])
    assert resultat.exit_code != 0 and "CIPDESK_SMTP_HOST" in resultat.output
    for cle, valeur in env.items():
        monkeypatch.setenv(cle, valeur)
    resultat = runner.invoke(args=["envoyer-messages"])
    assert resultat.exit_code == 0, resultat.output
    assert "1 envoyé(s)" in resultat.output and len(boite.messages) == 1
