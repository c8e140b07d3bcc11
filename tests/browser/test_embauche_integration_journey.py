"""From the offer to a lasting job, in a real browser with axe-core on every page (issues
#13 and #14): matching with its reasons → a measure mobilised → the offers for the person
→ the immersion's bilan says hire → one action opens the intégration follow-up → the
framework agreement PDF → a follow-up with a risk flag → a mediation (also on the
entreprise's timeline) → M+3 proposes the exit category → bilan: confirmed → written in the
parcours's exit. Screenshots at 1280 and 390 px: no table wider than the screen."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTEFACTS, capture, connecter, verifier_accessibilite

pytestmark = pytest.mark.browser


@pytest.fixture
def monde(fabrique, ctx):
    from cipdesk.employeurs.entreprises.services import ajouter_contact, creer_entreprise
    from cipdesk.employeurs.immersions import services as immersions
    from cipdesk.employeurs.immersions.rules import StatutImmersion
    from cipdesk.employeurs.offres import services as offres
    from cipdesk.parcours.contrat.services import ouvrir_parcours
    from cipdesk.parcours.projet import services as projet
    from cipdesk.personnes.models import StatutPersonne

    j = date.today()
    structure = fabrique.structure()
    conseiller = fabrique.utilisateur(structure, equipe=fabrique.equipe(structure))
    personne = fabrique.personne(structure, referent=conseiller, statut=StatutPersonne.ACCOMPAGNEE, nom="Benali",
                                 prenom="Samir", code_postal="13200", commune="Arles")
    parcours = ouvrir_parcours(ctx, personne, par=conseiller, dispositif_code="plie", debut=j - timedelta(days=300),
                               fin_prevue=None, objectifs="Un emploi durable dans la logistique",
                               engagements_personne="Venir aux rendez-vous", engagements_structure="Un entretien par mois")
    pr = projet.demarrer_projet(ctx, parcours, par=conseiller, le=j - timedelta(days=250))
    projet.ajouter_metier(ctx, pr, par=conseiller, rome_code="N1103", libelle="")
    e = creer_entreprise(ctx, par=conseiller, le=j - timedelta(days=200), donnees={
        "raison_sociale": "Logistique du Delta", "siret": "73282932000074", "code_postal": "13200",
        "commune": "Arles"})
    tuteur = ajouter_contact(ctx, e, par=conseiller, donnees={"nom": "Roux", "role": "tuteur",
                                                               "mode_prefere": "telephone", "telephone": "0490000000"})
    fiche = offres.rediger_fiche(ctx, e, par=conseiller, aujourd_hui=j, donnees={
        "entretien_le": j - timedelta(days=150), "besoin": "Renfort de l'équipe de préparation",
        "intitule": "Préparateur de commandes (H/F)", "rome_code": "N1103", "missions": "Préparation de commandes",
        "type_contrat": "cdd", "horaires_atypiques": ["tot"], "permis_requis": ["caces"]})
    offre = offres.creer_offre(ctx, fiche, par=conseiller, donnees={
        "intitule": "Préparateur de commandes (H/F)", "texte": "Débutant accepté, formation au poste assurée.",
        "nombre_postes": 1, "ouverte_le": j - timedelta(days=140), "cloture_le": None})
    im = immersions.creer_convention(ctx, e, personne, par=conseiller, dans_le_perimetre=True, donnees={
        "tuteur": tuteur, "prescripteur": "France Travail", "objectif": "recrutement",
        "debut": j - timedelta(days=130), "fin": j - timedelta(days=120), "horaires": "8 h – 12 h, 13 h – 16 h",
        "lieu": "Entrepôt du Delta, Arles", "taches": "Préparation de commandes",
        "modalites_evaluation": "Grille avec le tuteur"})
    for statut in (StatutImmersion.A_SIGNER, StatutImmersion.SIGNEE):
        immersions.changer_statut(ctx, im, par=conseiller, vers=statut, le=j - timedelta(days=135), aujourd_hui=j)
    ctx.commit()
    return {"conseiller": conseiller, "personne": personne, "entreprise": e, "offre": offre, "immersion": im,
            "parcours": parcours, "j": j}


def _debordements(page) -> list[str]:
    """At 390 px, the tables wider than the screen outside a scrolling box (and the page itself)."""
    trop_large = page.evaluate("""() => [...document.querySelectorAll('table')]
        .filter(t => !t.closest('.tableau-defilant') && t.getBoundingClientRect().right > window.innerWidth + 1)
        .map(t => t.caption ? t.caption.textContent.trim() : t.outerHTML.slice(0, 60))""")
    if not page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"):
        trop_large.append("la page elle-même")
    return trop_large


def test_de_l_offre_a_l_emploi_durable(serveur, monde, page, nouveau_contexte, ctx):
    m, j = monde, monde["j"]
    connecter(page, serveur, m["conseiller"].email)

    # matching: the person, with the reasons and what to check; a measure mobilised on the offer
    page.goto(f"{serveur}/employeurs/offres/{m['offre'].id}")
    rapprochement = page.locator("#rapprochement")
    expect(rapprochement).to_contain_text("Benali Samir")
    expect(rapprochement).to_contain_text("Le projet vise ce métier")
    expect(rapprochement).to_contain_text("CACES (chariots, engins) demandé : permis de la personne non renseignés.")
    page.locator("#mesure-code").select_option("afpr")
    page.get_by_role("button", name="Mobiliser").click()
    expect(page.locator("#mesures")).to_contain_text("AFPR (action de formation préalable au recrutement)")
    verifier_accessibilite(page, "offre : rapprochement et mesures")
    capture(page, "offre-rapprochement-1280")

    # the offers for the person, and their availability for employment
    page.get_by_role("link", name="Benali Samir").click()
    expect(page.locator("#offres-pour")).to_contain_text("Préparateur de commandes (H/F)")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator(".resume-erreurs")).to_contain_text("Indiquez la date de disponibilité.")
    verifier_accessibilite(page, "offres pour une personne : erreurs")
    page.get_by_label("Disponible à partir du").fill(j.isoformat())
    page.get_by_label("CACES (chariots, engins)").check()
    page.locator("#vehicule-1").check()
    page.locator("#zone_mobilite-1").check()
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator("#offres-pour")).to_contain_text("CACES (chariots, engins) demandé : la personne l'a.")
    verifier_accessibilite(page, "offres pour une personne")
    capture(page, "offres-pour-personne-1280")

    # the immersion's bilan says hire → one action opens the intégration follow-up
    page.goto(f"{serveur}/employeurs/immersions/{m['immersion'].id}")
    page.locator("#bilan_le").fill((j - timedelta(days=119)).isoformat())
    page.locator("#appreciation_tuteur").fill("Rigoureux, ponctuel, bonne entente avec l'équipe.")
    page.locator("#bilan").fill("Le métier correspond au projet ; l'entreprise propose un CDD de 6 mois.")
    page.locator("#objectif_atteint-0").check()
    page.locator("#embauche_envisagee-0").check()
    page.get_by_role("button", name=re.compile("bilan", re.I)).click()
    page.get_by_role("link", name="Déclarer l'embauche et ouvrir le suivi de l'intégration").click()
    verifier_accessibilite(page, "ouvrir le suivi depuis l'immersion")
    expect(page.locator("#lieu_travail")).to_have_value("Entrepôt du Delta, Arles")
    expect(page.locator("#type_contrat")).to_have_value("")          # never pre-selected
    page.get_by_label("Intitulé du poste").fill("Préparateur de commandes")
    page.locator("#type_contrat").select_option("cdd_long")
    debut = j - timedelta(days=100)
    page.get_by_label("Début du contrat").fill(debut.isoformat())
    page.get_by_label("Fin de la période d'essai").fill((debut + timedelta(days=90)).isoformat())
    page.get_by_role("button", name="Ouvrir le suivi").click()
    expect(page.locator(".resume-erreurs")).to_contain_text("plus longue que la loi ne le permet")
    expect(page.get_by_label("Intitulé du poste")).to_have_value("Préparateur de commandes")
    verifier_accessibilite(page, "période d'essai trop longue")
    page.get_by_label("Fin de la période d'essai").fill((debut + timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Ouvrir le suivi").click()
    expect(page.get_by_text("Suivi de l'intégration ouvert")).to_be_visible()
    suivi_url = page.url
    expect(page.get_by_text("Immersion (PMSMP)")).to_be_visible()

    # the framework agreed with the employer, with the non-discrimination information (CP15), and its PDF
    page.locator("#cadre_le").fill(debut.isoformat())
    page.locator("#interlocuteurs").fill("M. Roux, chef d'équipe (tuteur) ; Mme Vidal, RH")
    page.locator("#engagements").fill("Le tuteur forme au poste ; le conseiller suit Samir, sans intervenir sur "
                                      "l'organisation du travail")
    page.locator("#modalites").fill("Appel à chaque point ; le tuteur alerte le conseiller en cas de difficulté")
    page.locator("#non_discrimination").fill("Rappel à l'employeur : évaluation de la période d'essai sur les "
                                             "seules compétences du poste")
    page.get_by_role("button", name="Enregistrer le cadre").click()
    expect(page.get_by_text("Cadre de collaboration enregistré.")).to_be_visible()
    reponse = page.request.get(suivi_url + "/accord.pdf")
    assert reponse.ok and reponse.headers["content-type"] == "application/pdf"
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    (ARTEFACTS / "accord-integration.pdf").write_bytes(reponse.body())

    # J+15 with a risk of rupture → an alert; then a mediation
    page.locator("#fait_le").fill((debut + timedelta(days=15)).isoformat())
    page.locator("#avis_personne").fill("Les débuts à 5 h sont durs")
    page.locator("#avis_employeur").fill("Retards répétés")
    page.locator("#toujours_en_poste-0").check()
    page.locator("#risque_rupture-0").check()
    page.get_by_role("button", name=re.compile("Enregistrer le point")).click()
    expect(page.get_by_text("Risque de rupture signalé : une alerte est levée.")).to_be_visible()
    page.locator("#le").fill((debut + timedelta(days=17)).isoformat())
    page.locator("#participants").fill("Samir, M. Roux")
    page.locator("#enjeu").fill("Retards le matin")
    page.locator("#actions").fill("Prise de poste à 6 h pendant un mois")
    page.locator("#issue").fill("Accord trouvé")
    page.get_by_role("button", name="Enregistrer la médiation").click()
    expect(page.get_by_text("Médiation enregistrée.")).to_be_visible()
    verifier_accessibilite(page, "suivi d'intégration avec médiation")
    page.goto(f"{serveur}/employeurs/entreprises/{m['entreprise'].id}")
    expect(page.locator("#echanges")).to_contain_text("Médiation — intégration de Samir Benali")
    verifier_accessibilite(page, "entreprise : médiation sur la chronologie")

    # end of the trial period, M+1, M+3: still in the job → the exit category is proposed; the bilan confirms it
    for _ in range(3):
        page.goto(suivi_url)
        formulaire = page.locator("form[action*='/integration/points/']").first
        prevu = formulaire.locator("xpath=ancestor::article//h3").inner_text()
        le = re.search(r"(\d\d)/(\d\d)/(\d{4})", prevu).groups()
        formulaire.locator("#fait_le").fill(f"{le[2]}-{le[1]}-{le[0]}")
        formulaire.locator("#avis_personne").fill("Ça va mieux depuis le changement d'horaire")
        formulaire.locator("#toujours_en_poste-0").check()
        formulaire.locator("#risque_rupture-1").check()
        formulaire.get_by_role("button").click()
        expect(page.get_by_text("Point de suivi enregistré.")).to_be_visible()
    expect(page.get_by_text("Catégorie de sortie proposée par les points M+3 / M+6")).to_be_visible()
    expect(page.locator("#categorie_sortie")).to_have_value("")     # shown, never pre-selected
    page.locator("#bilan_le").fill(j.isoformat())
    page.locator("#issue-0").check()
    page.locator("#bilan_prevu").fill("Prise de poste accompagnée, points J+15 à M+6")
    page.locator("#bilan_realise").fill("Une médiation sur les horaires, puis stabilisation")
    page.locator("#situation_fin").fill("En poste, autonome")
    page.get_by_role("button", name="Enregistrer le bilan").click()
    expect(page.locator(".resume-erreurs")).to_contain_text("Confirmez la catégorie de sortie.")
    expect(page.locator("#situation_fin")).to_have_value("En poste, autonome")
    page.locator("#categorie_sortie").select_option("durable")
    page.get_by_role("button", name="Enregistrer le bilan").click()
    expect(page.get_by_text("Bilan de l'intégration enregistré, catégorie de sortie confirmée.")).to_be_visible()
    verifier_accessibilite(page, "bilan de l'intégration")
    capture(page, "suivi-integration-1280")

    # written in the parcours's exit
    from cipdesk.parcours.sortie.models import Sortie
    from sqlalchemy import select

    ctx.expire_all()
    sortie = ctx.scalar(select(Sortie).where(Sortie.parcours_id == m["parcours"].id))
    assert sortie is not None and sortie.categorie.value == "emploi_durable" and sortie.motif == "cdd_6_mois_plus"

    # the same pages on a phone: nothing wider than the screen
    telephone = nouveau_contexte()
    telephone.set_default_timeout(10_000)
    petit = telephone.new_page()
    petit.set_viewport_size({"width": 390, "height": 844})
    connecter(petit, serveur, m["conseiller"].email)
    debordements = {}
    for nom, url in (("offre-rapprochement-390", f"/employeurs/offres/{m['offre'].id}"),
                     ("offres-pour-personne-390", f"/employeurs/personnes/{m['personne'].id}"),
                     ("suivi-integration-390", suivi_url.replace(serveur, "")),
                     ("entreprise-390", f"/employeurs/entreprises/{m['entreprise'].id}"),
                     ("employeurs-390", "/employeurs/"), ("offres-390", "/employeurs/offres/"),
                     ("candidatures-390", "/employeurs/candidatures/"), ("immersions-390", "/employeurs/immersions/"),
                     ("entreprises-390", "/employeurs/entreprises/"), ("prospection-390", "/employeurs/prospection/"),
                     ("mesures-390", "/employeurs/mesures/"), ("integration-390", "/integration/")):
        petit.goto(serveur + url)
        capture(petit, nom)
        if trop := _debordements(petit):
            debordements[nom] = trop
    assert debordements == {}, f"à 390 px, sortent de l'écran : {debordements}"
