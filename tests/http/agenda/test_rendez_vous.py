"""Planning a rendez-vous (issue #18, point 1): the form's French errors with the input kept,
the week view, « mes rendez-vous du jour et de la semaine » on the home page, the letter,
the consent form, the structure's settings."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from cipdesk.agenda.models import ConsentementCourriel, RendezVousPlanifie
from cipdesk.core.dates import PARIS, aujourdhui, horloge_fixee
from tests.factories.agenda import rdv as nouveau_rdv

LUNDI = date(2026, 12, 7)


def _monde(fabrique):
    s = fabrique.structure(nom="Tremplin Emploi Lille")
    e = fabrique.equipe(s)
    conseiller = fabrique.utilisateur(s, equipe=e)
    personne = fabrique.personne(s, referent=conseiller, prenom="Léa", nom="Martin")
    return s, conseiller, personne


def _saisie(personne, **kw):
    return {"personne": str(personne.id) if personne else "", "nature": "entretien", "le": "2026-12-08",
            "heure": "10:00", "duree": "60", "modalite": "structure", "lieu": "Bureau 2",
            "a_apporter": "CV", "motif": "Point d'étape", "commentaire": "", **kw}


def test_planifier_puis_voir_la_semaine_et_l_accueil(nav, fabrique, ctx):
    _s, conseiller, personne = _monde(fabrique)
    nav.connexion(conseiller.email)
    with horloge_fixee(datetime.combine(LUNDI, time(8, 0), tzinfo=PARIS)):
        page = nav.get(f"/agenda/nouveau?personne={personne.id}").get_data(as_text=True)
        assert f'<option selected value="{personne.id}">' in page
        assert '<option selected value="entretien">' not in page  # nothing preselected
        reponse = nav.post("/agenda/nouveau", _saisie(personne, le=LUNDI.isoformat()))
        assert reponse.status_code == 303, reponse.get_data(as_text=True)
        rdv = ctx.scalars(select(RendezVousPlanifie)).one()
        assert rdv.motif == "Point d'étape" and rdv.motif_chiffre is not None
        semaine = nav.get("/agenda/").get_data(as_text=True)
        assert "Semaine du lundi 7 décembre 2026" in semaine
        assert "Entretien individuel — Martin Léa" in semaine
        accueil = nav.get("/").get_data(as_text=True)
        assert "Mes rendez-vous du jour et de la semaine" in accueil
        assert "<strong>10 h</strong>" in accueil
        # Another week.
        suivante = nav.get("/agenda/?du=2026-12-14").get_data(as_text=True)
        assert "Martin Léa" not in suivante and "Semaine du lundi 14 décembre 2026" in suivante
        assert nav.get("/agenda/?du=n-importe-quoi").status_code == 200


def test_erreurs_de_saisie_en_francais_et_saisie_gardee(nav, fabrique, ctx):
    _s, conseiller, personne = _monde(fabrique)
    nav.connexion(conseiller.email)
    with horloge_fixee(datetime.combine(LUNDI, time(8, 0), tzinfo=PARIS)):
        cas = [
            (_saisie(personne, le="2026-12-01"), "La date est passée"),
            (_saisie(None), "Choisissez la personne reçue"),
            (_saisie(personne, modalite="entreprise", lieu=""), "Indiquez l&#39;entreprise et son adresse"),
            (_saisie(personne, duree="2"), "Entre 5 et 480 minutes."),
            (_saisie(personne, le="31/02/2026"), "Date invalide ou impossible"),
            (_saisie(personne, heure="25:99"), "Heure invalide"),
            (_saisie(personne, nature="rdv-bidon"), "Choisissez un type de rendez-vous de la liste."),
            (_saisie(personne, nature=""), "Ce champ est obligatoire."),
            (_saisie(None, nature="visite_employeur", modalite="domicile"),
             "Un rendez-vous à domicile se fait avec une personne accompagnée."),
        ]
        for donnees, message in cas:
            reponse = nav.post("/agenda/nouveau", donnees, depuis="/agenda/nouveau")
            texte = reponse.get_data(as_text=True)
            assert reponse.status_code == 422, message
            assert message in texte, message
            assert "Point d&#39;étape" in texte  # the input is kept
        assert ctx.scalars(select(RendezVousPlanifie)).all() == []
        # A person outside the caseload is refused.
        autre = fabrique.personne(_s, referent=fabrique.utilisateur(_s))
        reponse = nav.post("/agenda/nouveau", _saisie(autre), depuis="/agenda/nouveau")
        assert reponse.status_code == 422 and "Choisissez une personne de votre file active." in reponse.get_data(as_text=True)
        # A visit to an employer needs no person.
        reponse = nav.post("/agenda/nouveau", _saisie(None, nature="visite_employeur", modalite="entreprise",
                                                       lieu="Transports Delaunay, ZI des Prés"))
        assert reponse.status_code == 303


def test_lettre_de_convocation_pdf(nav, fabrique, ctx):
    _s, conseiller, personne = _monde(fabrique)
    r = nouveau_rdv(ctx, conseiller, personne, a_apporter="CV à jour", motif="ZQX confidentiel")
    ctx.commit()
    nav.connexion(conseiller.email)
    reponse = nav.get(f"/agenda/{r.id}/convocation.pdf")
    assert reponse.status_code == 200 and reponse.headers["Content-Type"] == "application/pdf"
    assert reponse.get_data().startswith(b"%PDF")


def test_consentement_aucun_choix_preselectionne_et_erreurs(nav, fabrique, ctx):
    _s, conseiller, personne = _monde(fabrique)
    nav.connexion(conseiller.email)
    url = f"/agenda/personnes/{personne.id}"
    page = nav.get(url).get_data(as_text=True)
    assert "checked" not in page
    reponse = nav.post(f"{url}/consentement", {}, depuis=url)
    assert reponse.status_code == 422 and "Ce champ est obligatoire." in reponse.get_data(as_text=True)
    reponse = nav.post(f"{url}/consentement", {"accorde": "oui", "mode": "telepathie"}, depuis=url)
    assert reponse.status_code == 422
    assert "Indiquez comment la réponse a été recueillie." in reponse.get_data(as_text=True)
    assert nav.post(f"{url}/consentement", {"accorde": "oui", "mode": "oral"}, depuis=url).status_code == 303
    ligne = ctx.scalars(select(ConsentementCourriel)).one()
    assert ligne.accorde and ligne.mode == "oral" and ligne.le == aujourdhui()


def test_reglages_du_rappel(nav, fabrique, ctx):
    s, _conseiller, _personne = _monde(fabrique)
    admin = fabrique.utilisateur(s, role="admin")
    nav.connexion(admin.email)
    reponse = nav.post("/agenda/reglages", {"heures": "500", "adresse": "12 rue X", "telephone": "03 20"})
    assert reponse.status_code == 422 and "Entre 1 et 168 heures." in reponse.get_data(as_text=True)
    assert "12 rue X" in reponse.get_data(as_text=True)
    assert nav.post("/agenda/reglages", {"heures": "48", "adresse": "12 rue X", "telephone": "03 20 45 67 89"}
                    ).status_code == 303
    ctx.refresh(s)
    assert s.parametre("agenda_rappel_heures") == 48


def test_rendez_vous_passe_ne_se_convoque_plus(nav, fabrique, ctx):
    _s, conseiller, personne = _monde(fabrique)
    r = nouveau_rdv(ctx, conseiller, personne, dans_jours=1)
    ctx.commit()
    nav.connexion(conseiller.email)
    with horloge_fixee(datetime.combine(r.le + timedelta(days=1), time(9, 0), tzinfo=PARIS)):
        page = nav.post(f"/agenda/{r.id}/convocation", depuis=f"/agenda/{r.id}",
                        follow_redirects=True).get_data(as_text=True)
    assert "Le rendez-vous est passé : on ne convoque plus." in page


def test_semaine_aux_dates_extremes(nav, fabrique):
    _s, conseiller, _personne = _monde(fabrique)
    nav.connexion(conseiller.email)
    for du in ("0001-01-01", "9999-12-31", "2026-02-30"):
        assert nav.get(f"/agenda/?du={du}").status_code == 200
