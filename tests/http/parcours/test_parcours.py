"""Issue 4: the parcours pages and forms, with bad input, conflicts and access."""
from __future__ import annotations

from cipdesk.core.dates import aujourdhui

import html
import re
from datetime import date, timedelta

import pytest

from cipdesk.accueil.queries import FreinResume
from cipdesk.parcours.contrat import services
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.entretiens import services as entretiens
from cipdesk.parcours.entretiens.models import Entretien
from cipdesk.parcours.entretiens.rules import ModeEntretien, TypeEntretien
from cipdesk.parcours.etapes import services as etapes
from cipdesk.parcours.etapes.models import Etape
from cipdesk.parcours.etapes.rules import Responsable, StatutEtape
from cipdesk.personnes.models import Personne, StatutPersonne

FREINS = [FreinResume("mobilite", "Mobilité", 3, "Pas de permis, pas de transport en commun", True),
          FreinResume("logement", "Logement", 2, "Hébergé chez un tiers", True)]


@pytest.fixture
def freins(monkeypatch):
    """The diagnostic's freins (the accueil module's contract), fixed for the test."""
    for module in ("cipdesk.parcours.etapes.services", "cipdesk.parcours.etapes.routes",
                   "cipdesk.parcours.contrat.routes"):
        monkeypatch.setattr(f"{module}.freins_du_dernier_diagnostic", lambda s, pid: list(FREINS))
    return FREINS


@pytest.fixture
def monde(fabrique):
    return fabrique.monde()


@pytest.fixture
def personne(fabrique, monde):
    return fabrique.personne(monde.structure, referent=monde.conseiller, nom="Durand", prenom="Léa")


def ouvrir(ctx, personne, conseiller, **kw) -> Parcours:
    parcours = services.ouvrir_parcours(
        ctx, personne, par=conseiller, dispositif_code=kw.get("dispositif_code", "plie"),
        debut=kw.get("debut", date.today() - timedelta(days=60)), fin_prevue=kw.get("fin_prevue"),
        objectifs="Retrouver un emploi dans la logistique", engagements_personne="Venir aux rendez-vous",
        engagements_structure="Un entretien par mois")
    ctx.commit()
    return parcours


def texte(reponse) -> str:
    return html.unescape(reponse.get_data(as_text=True))


def test_ouvrir_un_parcours_met_a_jour_la_personne(nav, monde, personne, ctx, freins):
    nav.connexion(monde.conseiller.email)
    url = f"/parcours/personnes/{personne.id}/ouvrir"
    page = nav.get(url)
    assert page.status_code == 200 and "Pas de permis" in texte(page)
    mauvais = nav.post(url, {"dispositif_code": "plie", "debut": "2026-05-01", "fin_prevue": "2026-04-01",
                             "referent_id": str(monde.conseiller.id), "objectifs": "x",
                             "engagements_personne": "y", "engagements_structure": "z"})
    assert mauvais.status_code == 422
    assert "postérieure au début" in texte(mauvais) and 'value="z"' not in texte(mauvais)
    assert "x</textarea>" in texte(mauvais)  # the input is kept
    vide = nav.post(url, {"debut": "pas une date"})
    assert vide.status_code == 422 and "Date invalide" in texte(vide)
    bon = nav.post(url, {"dispositif_code": "plie", "debut": "2026-05-01", "fin_prevue": "2027-05-01",
                         "referent_id": str(monde.conseiller.id), "objectifs": "Emploi durable",
                         "engagements_personne": "Venir", "engagements_structure": "Accompagner"})
    assert bon.status_code == 303
    ctx.expire_all()
    p = ctx.get(Personne, personne.id)
    assert p.statut == StatutPersonne.ACCOMPAGNEE and p.dispositif_libelle == "PLIE"
    page = nav.get(bon.headers["Location"])
    assert page.status_code == 200
    assert "2 frein(s) du diagnostic sans étape" in texte(page)
    assert "Les étapes du parcours sont en cohérence avec le diagnostic partagé et son évolution" in texte(page)
    deuxieme = nav.post(url, {"dispositif_code": "plie", "debut": "2026-05-01", "referent_id": str(monde.conseiller.id),
                              "objectifs": "a", "engagements_personne": "b", "engagements_structure": "c"})
    assert deuxieme.status_code == 422 and "déjà un parcours en cours" in texte(deuxieme)


def test_etapes_coherence_statut_et_reajustement(nav, monde, personne, ctx, freins):
    parcours = ouvrir(ctx, personne, monde.conseiller)
    nav.connexion(monde.conseiller.email)
    url = f"/parcours/{parcours.id}/etapes"
    assert nav.get(url).status_code == 200
    sans_lien = nav.post(url, {"type_code": "formation", "intitule": "Code de la route", "responsable": "personne",
                               "echeance": str(date.today() + timedelta(days=30))})
    assert sans_lien.status_code == 422 and "à quel frein du diagnostic" in texte(sans_lien)
    avant_debut = nav.post(url, {"type_code": "formation", "intitule": "Code", "responsable": "personne",
                                 "echeance": "2000-01-01", "frein_dimension_code": "mobilite"})
    assert avant_debut.status_code == 422 and "postérieure au début" in texte(avant_debut)
    ok = nav.post(url, {"type_code": "levee_frein", "intitule": "Code de la route", "responsable": "personne",
                        "echeance": str(date.today() + timedelta(days=30)), "frein_dimension_code": "mobilite"})
    assert ok.status_code == 303
    etape = ctx.query(Etape).one()
    assert etape.frein_libelle.startswith("Mobilité")
    page = texte(nav.get(f"/parcours/{parcours.id}"))
    assert "1 frein(s) du diagnostic sans étape" in page and "Hébergé chez un tiers" in page

    # realised in the future: refused
    url_statut = f"/parcours/etapes/{etape.id}/statut"
    futur = nav.post(url_statut, {"version": str(etape.version), "statut": "realisee",
                                  "le": str(date.today() + timedelta(days=2))})
    assert futur.status_code == 422 and "réalisée à une date future" in texte(futur)
    assert nav.post(url_statut, {"version": str(etape.version), "statut": "en_cours",
                                 "le": str(date.today())}).status_code == 303

    # réajustement: why and what changed, kept in the log
    ctx.expire_all()
    etape = ctx.get(Etape, etape.id)
    url_r = f"/parcours/etapes/{etape.id}/reajuster"
    assert nav.get(url_r).status_code == 200
    donnees = {"version": str(etape.version), "le": str(date.today()), "type_code": "levee_frein",
               "intitule": "Code de la route (auto-école sociale)", "responsable": "partenaire",
               "partenaire": "Auto-école sociale", "echeance": str(date.today() + timedelta(days=60)),
               "frein_dimension_code": "mobilite", "objectif": ""}
    sans_motif = nav.post(url_r, donnees)
    assert sans_motif.status_code == 422 and "Pourquoi réajuster : Ce champ est obligatoire" in texte(sans_motif)
    assert nav.post(url_r, {**donnees, "motif": "Place trouvée en auto-école sociale"}).status_code == 303
    ctx.expire_all()
    etape = ctx.get(Etape, etape.id)
    dernier = etape.evenements[-1]
    assert dernier.motif == "Place trouvée en auto-école sociale"
    assert set(dernier.changements) == {"intitule", "responsable", "partenaire", "echeance"}
    page = texte(nav.get(f"/parcours/{parcours.id}"))
    assert "Place trouvée en auto-école sociale" in page and "Auto-école sociale" in page


def test_deux_enregistrements_concurrents_le_second_est_refuse_saisie_gardee(nav_factory, monde, personne, ctx,
                                                                            freins):
    parcours = ouvrir(ctx, personne, monde.conseiller)
    etape = etapes.ajouter_etape(ctx, parcours, par=monde.conseiller, type_code="formation", intitule="CACES",
                                 responsable=Responsable.PERSONNE, echeance=date.today() + timedelta(days=9),
                                 objectif="Emploi en logistique", le=aujourdhui())
    ctx.commit()
    a, b = nav_factory(), nav_factory()
    a.connexion(monde.conseiller.email)
    b.connexion(monde.conseiller.email)
    url = f"/parcours/etapes/{etape.id}/reajuster"
    version = re.search(r'name="version" type="hidden" value="(\d+)"', texte(a.get(url))).group(1)
    commun = {"version": version, "le": str(date.today()), "type_code": "formation", "responsable": "personne",
              "echeance": str(date.today() + timedelta(days=20)), "objectif": "Emploi en logistique"}
    assert a.post(url, {**commun, "intitule": "CACES R489", "motif": "Précision"}).status_code == 303
    second = b.post(url, {**commun, "intitule": "CACES 1-3-5 saisi par B", "motif": "Autre"})
    assert second.status_code == 409
    assert "modifié entre-temps" in texte(second) and "CACES 1-3-5 saisi par B" in texte(second)
    ctx.expire_all()
    assert ctx.get(Etape, etape.id).intitule == "CACES R489"
    # same for the contract
    url_c = f"/parcours/{parcours.id}/contrat"
    contrat = {"version": "0", "nature": "avenant", "le": str(date.today()), "motif": "Ajout d'un objectif",
               "dispositif_code": "plie", "objectifs": "Nouveaux objectifs", "engagements_personne": "a",
               "engagements_structure": "b"}
    conflit = a.post(url_c, contrat)
    assert conflit.status_code == 409 and "Nouveaux objectifs" in texte(conflit)
    assert a.post(url_c, {**contrat, "version": str(ctx.get(Parcours, parcours.id).version)}).status_code == 303
    ctx.expire_all()
    p = ctx.get(Parcours, parcours.id)
    assert [v.nature.value for v in p.versions_contrat] == ["initial", "avenant"]
    assert p.versions_contrat[0].termes["objectifs"] == "Retrouver un emploi dans la logistique"


def test_entretien_avec_note_confidentielle(nav, nav_factory, monde, personne, ctx, freins):
    parcours = ouvrir(ctx, personne, monde.conseiller)
    nav.connexion(monde.conseiller.email)
    url = f"/parcours/{parcours.id}/entretiens"
    futur = nav.post(url, {"le": str(date.today() + timedelta(days=1)), "mode": "presentiel",
                           "type_entretien": "suivi", "objectif": "Point d'étape"})
    assert futur.status_code == 422 and "future" in texte(futur)
    rdv = date.today() + timedelta(days=14)
    ok = nav.post(url, {"le": str(date.today()), "duree_minutes": "45", "mode": "presentiel",
                        "type_entretien": "suivi", "objectif": "Point d'étape", "synthese": "Avancées sur le code",
                        "prochain_rdv_le": str(rdv), "note": "Secret 9f2c : dettes de loyer"})
    assert ok.status_code == 303
    entretien = ctx.query(Entretien).one()
    assert entretien.note_id is not None
    ctx.expire_all()
    p = ctx.get(Personne, personne.id)
    assert p.dernier_contact_le == date.today() and p.prochain_rdv_le == rdv
    page = texte(nav.get(f"/parcours/{parcours.id}"))
    assert "Entretiens de suivi (1)" in page and "Secret 9f2c" not in page
    assert "Secret 9f2c" in texte(nav.get(f"/parcours/entretiens/{entretien.id}"))
    chef = nav_factory()
    chef.connexion(monde.chef.email)
    vue_chef = chef.get(f"/parcours/entretiens/{entretien.id}")
    assert vue_chef.status_code == 200 and "Avancées sur le code" in texte(vue_chef)
    assert "Secret 9f2c" not in texte(vue_chef)
    assert chef.get(f"/parcours/{parcours.id}").status_code == 200
    assert chef.post(url, {"le": str(date.today()), "mode": "presentiel", "type_entretien": "suivi",
                           "objectif": "x"}, depuis=f"/parcours/{parcours.id}").status_code == 403


def test_projet_plan_et_sortie(nav, monde, personne, ctx, freins):
    parcours = ouvrir(ctx, personne, monde.conseiller)
    etapes.ajouter_etape(ctx, parcours, par=monde.conseiller, type_code="formation", intitule="CACES",
                         responsable=Responsable.PERSONNE, echeance=date.today() + timedelta(days=9),
                         objectif="Emploi", le=aujourdhui())
    ctx.commit()
    nav.connexion(monde.conseiller.email)
    base = f"/parcours/{parcours.id}"
    assert nav.get(f"{base}/projet").status_code == 200
    assert nav.post(f"{base}/projet", {}).status_code == 303  # démarrer
    assert nav.post(f"{base}/projet/metiers", {"rome_code": "Z9999"}, depuis=f"{base}/projet").status_code == 422
    assert nav.post(f"{base}/projet/metiers", {"rome_code": "N1103"}, depuis=f"{base}/projet").status_code == 303
    assert nav.post(f"{base}/projet/metiers", {"libelle": "Cariste en entrepôt frigorifique"},
                    depuis=f"{base}/projet").status_code == 303
    parcours = ctx.get(Parcours, parcours.id)
    ctx.refresh(parcours)
    metier = parcours.projet.metiers[0]
    sans_employeur = nav.post(f"{base}/projet/confrontations", {"type_confrontation": "immersion",
                                                                 "le": str(date.today())}, depuis=f"{base}/projet")
    assert sans_employeur.status_code == 422 and "employeur" in texte(sans_employeur)
    assert nav.post(f"{base}/projet/confrontations", {
        "type_confrontation": "immersion", "le": str(date.today() - timedelta(days=5)), "fin_le": str(date.today()),
        "employeur": "Entrepôts du Nord", "metier_id": str(metier.id), "resultat": "Concluante"},
        depuis=f"{base}/projet").status_code == 303
    trop_tot = nav.post(f"{base}/projet/validation", {"version": "1", "projet_valide": "Préparateur de commandes",
                                                      "valide_le": str(date.today())}, depuis=f"{base}/projet")
    assert trop_tot.status_code == 422 and "faisabilité" in texte(trop_tot)
    prefixe = f"m{metier.id.hex[:8]}"
    assert nav.post(f"/parcours/metiers/{metier.id}/faisabilite", {
        f"{prefixe}-faisabilite": "realiste", f"{prefixe}-analyse_faisabilite": "Immersion concluante"},
        depuis=f"{base}/projet").status_code == 303
    ctx.expire_all()
    version = str(ctx.get(Parcours, parcours.id).projet.version)
    assert nav.post(f"{base}/projet/validation", {"version": version, "projet_valide": "Préparateur de commandes",
                                                  "valide_le": str(date.today())},
                    depuis=f"{base}/projet").status_code == 303
    page = texte(nav.get(f"{base}/projet"))
    assert "N1103" in page and "Entrepôts du Nord" in page and "Préparateur de commandes" in page
    # plan d'action
    assert nav.post(f"{base}/plan", {"nature": "formation", "intitule": "CACES R489"}).status_code == 422
    assert nav.post(f"{base}/plan", {"nature": "formation", "intitule": "CACES R489", "organisme": "AFPA",
                                     "financement_code": "cpf", "statut_dossier": "depose",
                                     "echeance": str(date.today() + timedelta(days=20))}).status_code == 303
    assert nav.post(f"{base}/plan", {"nature": "candidature", "intitule": "Préparateur", "organisme": "Log'Nord",
                                     "offre": "Offre 123"}).status_code == 303
    assert "CPF" in texte(nav.get(f"{base}/plan"))
    # exit: open étapes must be dealt with; dates make sense
    url_s = f"{base}/sortie"
    version = str(ctx.get(Parcours, parcours.id).version)
    donnees = {"version": version, "sortie_le": str(date.today()), "motif": "cdi", "bilan": "Parcours réussi"}
    demande = nav.post(url_s, donnees)
    assert demande.status_code == 422 and "dites ce qu'elles deviennent" in texte(demande)
    avant = nav.post(url_s, {**donnees, "sortie_le": "2000-01-01", "devenir_etapes": "annuler"})
    assert avant.status_code == 422 and "postérieure à l'entrée" in texte(avant)
    relais = nav.post(url_s, {**donnees, "devenir_etapes": "annuler", "relais_vers": "Cap emploi"})
    assert relais.status_code == 422 and "consentement" in texte(relais)
    assert nav.post(url_s, {**donnees, "devenir_etapes": "annuler"}).status_code == 303
    ctx.expire_all()
    p = ctx.get(Parcours, parcours.id)
    assert p.sortie.categorie.value == "emploi_durable"
    assert p.personne.statut == StatutPersonne.SORTIE and p.personne.dispositif_libelle == ""
    assert all(e.statut.value == "annulee" for e in p.etapes)
    page = texte(nav.get(base))
    assert "Emploi durable" in page and "À 3 mois" in page
    assert nav.post(f"{base}/suivis", {"mois": "3", "fait_le": str(date.today()), "situation": "emploi"},
                    depuis=base).status_code == 303
    assert "En emploi" in texte(nav.get(base))


def test_pdf_du_contrat(nav, monde, personne, ctx):
    parcours = ouvrir(ctx, personne, monde.conseiller)
    nav.connexion(monde.conseiller.email)
    reponse = nav.get(f"/parcours/{parcours.id}/contrat.pdf")
    assert reponse.status_code == 200 and reponse.mimetype == "application/pdf"
    assert reponse.data.startswith(b"%PDF")
    assert nav.post(f"/parcours/{parcours.id}/signature", {"signe_le": str(date.today())},
                    depuis=f"/parcours/{parcours.id}").status_code == 303
    ctx.expire_all()
    assert ctx.get(Parcours, parcours.id).signe_le == date.today()


def test_docx_du_contrat_memes_sections_que_le_pdf(nav, monde, personne, ctx):
    """Issue #19, point 6: the contract as an editable document, journalled like its PDF."""
    import io

    from docx import Document as Docx
    from sqlalchemy import select

    from cipdesk.security.audit import JournalAudit

    parcours = ouvrir(ctx, personne, monde.conseiller)
    nav.connexion(monde.conseiller.email)
    reponse = nav.get(f"/parcours/{parcours.id}/contrat.docx")
    assert reponse.status_code == 200 and reponse.mimetype.endswith("wordprocessingml.document")
    doc = Docx(io.BytesIO(reponse.data))
    titres = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert titres[:3] == ["Objectifs du parcours", "Engagements de la personne",
                          f"Engagements de {monde.structure.nom}"] and "Confidentialité" in titres
    assert doc.tables[0].rows[0].cells[1].text == personne.nom_complet
    assert ctx.scalar(select(JournalAudit).where(JournalAudit.objet_id == str(parcours.id),
                                                 JournalAudit.details["format"].as_string() == "docx")) is not None


def test_autre_structure_404_collegue_403(nav_factory, monde, personne, ctx):
    parcours = ouvrir(ctx, personne, monde.conseiller)
    for email, attendu in ((monde.conseiller_ailleurs.email, 404), (monde.chef_ailleurs.email, 404),
                           (monde.collegue.email, 403), (monde.admin.email, 403)):
        nav = nav_factory()
        nav.connexion(email)
        assert nav.get(f"/parcours/{parcours.id}").status_code == attendu, email
        assert nav.get(f"/parcours/{parcours.id}/contrat.pdf").status_code == attendu, email


def test_nombre_de_requetes_constant(app, nav, monde, personne, ctx, freins):
    from sqlalchemy import event

    from cipdesk.core.db import db

    parcours = ouvrir(ctx, personne, monde.conseiller)
    nav.connexion(monde.conseiller.email)

    def ajouter(n):
        for i in range(n):
            e = etapes.ajouter_etape(ctx, parcours, par=monde.conseiller, type_code="atelier",
                                     intitule=f"Atelier {i}", responsable=Responsable.PERSONNE,
                                     echeance=date.today() + timedelta(days=i + 1), objectif="Confiance", le=aujourdhui())
            etapes.changer_statut(ctx, e, par=monde.conseiller, statut=StatutEtape.EN_COURS,
                                  le=date.today(), version=e.version, aujourd_hui=aujourdhui())
            entretiens.ajouter_entretien(ctx, parcours, par=monde.conseiller, le=date.today() - timedelta(days=i),
                                       duree_minutes=30, mode=ModeEntretien.PRESENTIEL,
                                       type_entretien=TypeEntretien.SUIVI, objectif=f"Suivi {i}",
                                       synthese="", note="note" if i % 2 else "", aujourd_hui=aujourdhui())
        ctx.commit()

    def compter():
        with app.app_context():
            moteur = db.engine
        requetes = []
        ecouteur = lambda *a, **k: requetes.append(1)  # noqa: E731
        event.listen(moteur, "before_cursor_execute", ecouteur)
        try:
            assert nav.get(f"/parcours/{parcours.id}").status_code == 200
        finally:
            event.remove(moteur, "before_cursor_execute", ecouteur)
        return len(requetes)

    ajouter(3)
    avec_3 = compter()
    ajouter(27)
    assert compter() == avec_3


def test_formulaires_du_parcours_resistent_aux_valeurs_hostiles(nav, monde, personne, ctx, freins):
    """Never a 500 (NUL bytes on PostgreSQL, impossible dates, markup), never markup unescaped."""
    parcours = ouvrir(ctx, personne, monde.conseiller)
    etape = etapes.ajouter_etape(ctx, parcours, par=monde.conseiller, type_code="formation", intitule="CACES",
                                 responsable=Responsable.PERSONNE, echeance=date.today() + timedelta(days=9),
                                 objectif="Emploi", le=aujourdhui())
    ctx.commit()
    nav.connexion(monde.conseiller.email)
    hostiles = ["\x00\x01", "<script>alert('x')</script>", "9999-99-99", "-1", "a" * 6000, "", "31/02/2024"]
    formulaires = {
        f"/parcours/{parcours.id}/etapes": ["type_code", "intitule", "responsable", "echeance", "frein_dimension_code",
                                            "objectif", "partenaire"],
        f"/parcours/etapes/{etape.id}/reajuster": ["version", "motif", "le", "intitule", "echeance", "responsable"],
        f"/parcours/etapes/{etape.id}/statut": ["version", "statut", "le", "motif"],
        f"/parcours/{parcours.id}/entretiens": ["le", "duree_minutes", "mode", "type_entretien", "objectif", "note"],
        f"/parcours/{parcours.id}/contrat": ["version", "nature", "le", "motif", "dispositif_code", "objectifs"],
        f"/parcours/{parcours.id}/plan": ["nature", "intitule", "organisme", "financement_code", "echeance"],
        f"/parcours/{parcours.id}/sortie": ["version", "sortie_le", "motif", "bilan", "devenir_etapes"],
        f"/parcours/{parcours.id}/projet/metiers": ["rome_code", "libelle"],
    }
    for url, champs in formulaires.items():
        for valeur in hostiles:
            reponse = nav.post(url, {c: valeur for c in champs}, depuis=f"/parcours/{parcours.id}")
            assert reponse.status_code < 500, (url, valeur)
            assert "<script>alert" not in reponse.get_data(as_text=True), url




def test_l_admin_retire_une_valeur_qui_reste_lisible(nav, nav_factory, monde, personne, ctx):
    parcours = ouvrir(ctx, personne, monde.conseiller, dispositif_code="cer")
    admin = nav_factory()
    admin.connexion(monde.admin.email)
    assert admin.get("/admin/listes").status_code == 200
    assert admin.post("/admin/listes", {"liste": "dispositif", "retirer": "cer"}).status_code == 303
    assert admin.post("/admin/listes", {"liste": "dispositif", "libelle": "Garantie jeunes (historique)"}
                      ).status_code == 303
    assert admin.post("/admin/listes", {"liste": "inconnue", "libelle": "x"}).status_code == 422
    nav.connexion(monde.conseiller.email)
    page = texte(nav.get(f"/parcours/{parcours.id}"))
    assert "Contrat d'engagement réciproque (CER, RSA)" in page  # still readable on the old parcours
    formulaire = texte(nav.get(f"/parcours/{parcours.id}/contrat"))
    assert "(retiré)" in formulaire and "Garantie jeunes (historique)" in formulaire
    personne2 = Personne(structure_id=monde.structure.id, nom="Neuf", prenom="Jo", referent_id=monde.conseiller.id,
                         nom_recherche="neuf jo")
    ctx.add(personne2)
    ctx.commit()
    ouverture = texte(nav.get(f"/parcours/personnes/{personne2.id}/ouvrir"))
    assert "CER, RSA" not in ouverture and "Garantie jeunes (historique)" in ouverture


def test_contexte_d_acces_lu_une_fois_par_page(app, nav_factory, monde, personne, ctx):
    """The parcours page asks who may see and modify the person several times (loader's guard, « may
    modify », the étapes' and the cards' checks): the référent's team and the structure's setting are
    read once (personnes.queries.contexte_acces), not once per question (bench/pages.py)."""
    from tests.http.requetes import requetes

    parcours = ouvrir(ctx, personne, monde.conseiller)
    ctx.commit()
    # the référent herself: her team and her structure's settings were read with her account (none)
    for email, attendues in ((monde.conseiller.email, 0), (monde.chef.email, 1)):
        nav = nav_factory()
        nav.connexion(email)
        textes = requetes(app, nav, f"/parcours/{parcours.id}")
        lectures = [t for t in textes if "utilisateur.equipe_id, structure.parametres" in t]
        assert len(lectures) == attendues, (email, len(lectures))
