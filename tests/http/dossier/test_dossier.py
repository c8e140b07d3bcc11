"""« Mon dossier de certification »: readiness rule by rule, choosing the case (with why a
case is or is not eligible), the draft of part 2 assembled from the records without
identifying the person, writing on top of it (autosave, trim, hide), the jury's PDF."""
from __future__ import annotations

import subprocess
from datetime import date

import pytest
from sqlalchemy import select

from cipdesk.parcours.contrat import services as contrat
from cipdesk.parcours.entretiens import services as entretiens
from cipdesk.parcours.entretiens.rules import ModeEntretien, TypeEntretien
from cipdesk.security.audit import Action, JournalAudit


@pytest.fixture
def monde(fabrique, ctx):
    """A candidat with two parcours: one with three entretiens (eligible), one with two."""
    m = fabrique.monde()
    m.personne = fabrique.personne(m.structure, referent=m.candidat, nom="Zabrowski", prenom="Ludmila",
                                   date_naissance=date(1985, 4, 2), telephone="+33612345678")
    m.parcours = contrat.ouvrir_parcours(ctx, m.personne, par=m.candidat, dispositif_code="plie",
                                         debut=date(2026, 1, 5), fin_prevue=None,
                                         objectifs="Accéder à un emploi durable",
                                         engagements_personne="Venir aux rendez-vous",
                                         engagements_structure="Un entretien toutes les trois semaines")
    for jour, synthese in ((6, "Ludmila présente son parcours ; premiers objectifs."),
                           (27, "Point sur la mobilité : permis B envisagé."),
                           (48, "Zabrowski Ludmila a obtenu un rendez-vous à l'auto-école sociale.")):
        entretiens.ajouter_entretien(ctx, m.parcours, par=m.candidat, le=date(2026, 1, jour) if jour < 32
                                     else date(2026, 2, jour - 31), duree_minutes=45,
                                     mode=ModeEntretien.PRESENTIEL, type_entretien=TypeEntretien.SUIVI,
                                     objectif="Suivi", synthese=synthese, aujourd_hui=date(2026, 3, 1))
    autre = fabrique.personne(m.structure, referent=m.candidat, nom="Ortega", prenom="Ines")
    m.court = contrat.ouvrir_parcours(ctx, autre, par=m.candidat, dispositif_code="plie", debut=date(2026, 2, 1),
                                      fin_prevue=None, objectifs="Emploi", engagements_personne="Venir",
                                      engagements_structure="Recevoir")
    for jour in (2, 20):
        entretiens.ajouter_entretien(ctx, m.court, par=m.candidat, le=date(2026, 2, jour), duree_minutes=30,
                                     mode=ModeEntretien.TELEPHONE, type_entretien=TypeEntretien.SUIVI,
                                     objectif="Suivi", synthese="Point d'étape.", aujourd_hui=date(2026, 3, 1))
    ctx.commit()
    return m


def test_preparation_regle_par_regle(nav, monde):
    nav.connexion(monde.candidat.email)
    html = nav.get("/dossier/").get_data(as_text=True)
    assert html.count('class="carte partie') == 7
    for ident in ("D1", "D2", "D3", "D4", "P1.1", "P2.1", "P2.8", "P3.7", "P4.3", "P5.5", "P6.3", "P7.3", "A1", "A4"):
        assert f"<strong>{ident}</strong>" in html, ident
    partie2 = html[html.index('id="partie-2"'):html.index('id="partie-3"')]
    assert "à compléter" in partie2 and "P2.1</strong> ✗ non tenue" in partie2 and "choisir le cas" in partie2
    assert "évaluée par questionnement à partir de production(s)" in partie2  # CP6, RC §3.2
    assert "CP1 " not in html and "CP2 " not in html  # assessed live, not in the dossier


def test_choix_du_cas_eligible_ou_non(nav, monde):
    nav.connexion(monde.candidat.email)
    page = nav.get("/dossier/parties/2/cas").get_data(as_text=True)
    assert "3 entretiens menés par vous" in page and "2 entretiens seulement : il en faut au moins 3" in page
    assert "Zabrowski" not in page and "Ludmila" not in page
    assert "checked" not in page  # nothing pre-selected
    refuse = nav.post("/dossier/parties/2/cas", {"cas": [f"parcours:{monde.court.id}"]})
    texte = refuse.get_data(as_text=True)
    assert refuse.status_code == 422 and "n&#39;est pas éligible" in texte
    assert f'value="parcours:{monde.court.id}" checked' in texte  # the choice is kept
    trop = nav.post("/dossier/parties/2/cas", {"cas": [f"parcours:{monde.parcours.id}", f"parcours:{monde.court.id}",
                                                      "parcours:00000000-0000-0000-0000-000000000000"]})
    assert trop.status_code == 422 and "deux personnes au plus" in trop.get_data(as_text=True)
    assert nav.post("/dossier/parties/2/cas", {"cas": [f"parcours:{monde.parcours.id}"]}).status_code == 303
    html = nav.get("/dossier/").get_data(as_text=True)
    partie2 = html[html.index('id="partie-2"'):html.index('id="partie-3"')]
    assert "P2.1</strong> ✓ tenue" in partie2 and "P2.4</strong> ✓ tenue" in partie2


def _choisir(nav, monde):
    nav.connexion(monde.candidat.email)
    assert nav.post("/dossier/parties/2/cas", {"cas": [f"parcours:{monde.parcours.id}"]}).status_code == 303


def test_brouillon_sans_identifier_la_personne(nav, monde):
    _choisir(nav, monde)
    html = nav.get("/dossier/parties/2").get_data(as_text=True)
    import re
    assert re.search(r"Les entretiens avec (Mme |M\. )?A\.", html)
    assert "Entretien n° 1 — au 1er mois (01/2026)" in html and "Entretien n° 3 — au 2e mois (02/2026)" in html
    for identifiant in ("Zabrowski", "Ludmila", "+33612345678", "1985"):
        assert identifiant not in html, identifiant
    assert "entre 40 et 49 ans" in html


def test_ecrire_par_dessus_sauvegarde_et_saisie_gardee(nav, monde, ctx):
    _choisir(nav, monde)
    ok = nav.post("/dossier/parties/2/textes", {"champ": "faits", "texte": "Au troisième entretien…"},
                  depuis="/dossier/parties/2", headers={"HX-Request": "true"})
    frag = ok.get_data(as_text=True)
    assert ok.status_code == 200 and frag.lstrip().startswith('<div id="etat"') and "Enregistré." in frag
    assert "page" in frag and "budget de 5 à 6" in frag
    assert "Au troisième entretien…" in nav.get("/dossier/parties/2").get_data(as_text=True)
    long = nav.post("/dossier/parties/2/textes", {"champ": "introduction", "texte": "x" * 20001},
                    depuis="/dossier/parties/2", headers={"HX-Request": "true"})
    assert long.status_code == 422 and "20000 caractères au plus" in long.get_data(as_text=True)
    inconnu = nav.post("/dossier/parties/2/textes", {"champ": "P5.2", "texte": "x"}, depuis="/dossier/parties/2")
    assert inconnu.status_code == 422
    from cipdesk.dossier.models import PartieRedigee
    ctx.expire_all()
    assert b"troisi" not in ctx.scalar(select(PartieRedigee.textes_chiffre))  # encrypted at rest


def test_reordonner_masquer_raccourcir(nav, monde):
    _choisir(nav, monde)
    cle = "p2.c0.contexte"
    masque = nav.post("/dossier/parties/2/blocs", {"cle": cle, "action": "masquer"}, depuis="/dossier/parties/2",
                      headers={"HX-Request": "true"})
    assert masque.status_code == 200 and "masqué" in masque.get_data(as_text=True)
    assert nav.post("/dossier/parties/2/blocs", {"cle": "inconnu", "action": "masquer"},
                    depuis="/dossier/parties/2").status_code == 422
    court = nav.post("/dossier/parties/2/coupes", {"cle": "p2.c0.resumes", "texte": "Trois entretiens, résumés."},
                     depuis="/dossier/parties/2")
    assert court.status_code == 303
    html = nav.get("/dossier/parties/2").get_data(as_text=True)
    assert "Trois entretiens, résumés." in html and "raccourci" in html


def test_export_pdf_journalise_et_sans_nom(nav, monde, ctx, tmp_path):
    _choisir(nav, monde)
    reponse = nav.get("/dossier/titre.pdf")
    assert reponse.status_code == 200 and reponse.headers["Content-Type"] == "application/pdf"
    chemin = tmp_path / "d.pdf"
    chemin.write_bytes(reponse.data)
    texte = subprocess.run(["pdftotext", "-layout", str(chemin), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "Sommaire" in texte and "TP-00403" in texte and "Deuxième partie — Contractualiser" in texte
    assert "Annexe 1" in texte and "page A-1" in texte and "Septième partie" in texte
    assert "Zabrowski" not in texte and "Ludmila" not in texte
    ligne = ctx.scalars(select(JournalAudit).where(JournalAudit.objet_type == "dossier_titre")).one()
    assert ligne.action == Action.EXPORT


def test_chef_synthese_seule_et_conseiller_non_candidat(nav, nav_factory, monde):
    nav.connexion(monde.chef.email)
    html = nav.get(f"/dossier/candidats/{monde.candidat.id}").get_data(as_text=True)
    assert "Vue de synthèse" in html and "Règles" not in html
    autre = nav_factory()
    autre.connexion(monde.conseiller.email)
    assert autre.get("/dossier/").status_code == 403
    assert autre.get(f"/dossier/candidats/{monde.candidat.id}").status_code == 403


def test_pseudonymisation_apercu_corrigeable_et_export_refuse(nav, monde, ctx, tmp_path):
    """D3: the candidat's text names the person and her phone: the export replaces them (the
    preview shows each substitution); a correction that brings back an identifying value makes
    the export refuse, saying where."""
    _choisir(nav, monde)
    assert nav.post("/dossier/parties/2/textes", {"champ": "faits", "texte": "Mme Zabrowski m'appelle au "
                                                  "06 12 34 56 78."}, depuis="/dossier/parties/2").status_code == 303
    page = nav.get("/dossier/parties/2").get_data(as_text=True)
    apercu = page[page.index('id="substitutions"'):]
    assert "Zabrowski" in apercu and "analyse de pratique, « Les faits »" in apercu  # the candidat's own page
    pdf = nav.get("/dossier/titre.pdf")
    assert pdf.status_code == 200
    chemin = tmp_path / "d.pdf"
    chemin.write_bytes(pdf.data)
    texte = subprocess.run(["pdftotext", "-layout", str(chemin), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "Zabrowski" not in texte and "12 34 56 78" not in texte
    # the candidat « corrects » the substitution with another person's name: refused, and said where
    assert nav.post("/dossier/parties/2/substitutions", {"original": "Mme Zabrowski", "action": "remplacer",
                                                        "remplacement": "Ortega"},
                    depuis="/dossier/parties/2").status_code == 303
    refus = nav.get("/dossier/titre.pdf")
    html = refus.get_data(as_text=True)
    assert refus.status_code == 422 and "Export refusé" in html and "analyse de pratique, « Les faits »" in html
    assert "Ortega" not in html  # the extract masks the value
    vide = nav.post("/dossier/parties/2/substitutions", {"original": "Mme Zabrowski", "action": "remplacer",
                                                        "remplacement": ""}, depuis="/dossier/parties/2")
    assert vide.status_code == 422 and "Indiquez par quoi remplacer" in vide.get_data(as_text=True)
    actions = [l.action for l in ctx.scalars(select(JournalAudit).where(JournalAudit.objet_type == "dossier_titre"))]
    assert actions.count(Action.EXPORT) == 1 and actions.count(Action.REFUS) == 1
    prep = nav.get("/dossier/").get_data(as_text=True)
    assert "D3</strong> ✗ non tenue" in prep and "deuxième partie, analyse de pratique" in prep


def test_document_modifiable_de_meme_structure(nav, monde):
    from io import BytesIO

    from docx import Document as Docx

    _choisir(nav, monde)
    reponse = nav.get("/dossier/titre.docx")
    assert reponse.status_code == 200 and "wordprocessingml" in reponse.headers["Content-Type"]
    doc = Docx(BytesIO(reponse.data))
    titres = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert titres[0] == "Sommaire" and titres[1].startswith("Première partie") and titres[7].startswith("Septième")
    assert titres[8].startswith("Annexe 1")
    texte = "\n".join(p.text for p in doc.paragraphs)
    assert "TP-00403" in texte and "Zabrowski" not in texte and "Ludmila" not in texte
    assert doc.sections[2].header.paragraphs[0].text.endswith("Deuxième partie — Contractualiser et suivre un "
                                                              "parcours d'insertion")


def test_dossier_professionnel(nav, monde, tmp_path, ctx):
    _choisir(nav, monde)
    reponse = nav.get("/dossier/dp.pdf")
    assert reponse.status_code == 200 and reponse.headers["Content-Type"] == "application/pdf"
    chemin = tmp_path / "dp.pdf"
    chemin.write_bytes(reponse.data)
    texte = subprocess.run(["pdftotext", "-layout", str(chemin), "-"], capture_output=True, text=True,
                           check=True).stdout
    for attendu in ("Dossier professionnel (DP)", "Sommaire", "Activité type 2",
                    "Décrivez les tâches ou opérations que vous avez effectuées", "Précisez les moyens utilisés",
                    "Avec qui avez-vous travaillé ?", "Contexte", "Déclaration sur l'honneur",
                    "Titres, diplômes", "Documents illustrant la pratique"):
        assert attendu in texte, attendu
    assert "Zabrowski" not in texte and "Ludmila" not in texte
    exemples = [f for f in texte.split("\f") if "Exemple n°" in f]
    assert exemples
    assert ctx.scalars(select(JournalAudit).where(JournalAudit.objet_type == "dossier_titre")).one().action == Action.EXPORT


def test_relecture_par_le_tuteur_ou_un_chef(nav, nav_factory, monde, ctx, fabrique):
    _choisir(nav, monde)
    page = nav.get("/dossier/parties/2").get_data(as_text=True)
    assert monde.chef.nom_complet in page and "selected" not in page.split('id="relecteur"')[1][:400]
    vide = nav.post("/dossier/parties/2/relecture", {"relecteur": ""}, depuis="/dossier/parties/2")
    assert vide.status_code == 422 and "Choisissez qui relira" in vide.get_data(as_text=True)
    collegue = nav.post("/dossier/parties/2/relecture", {"relecteur": str(monde.collegue.id)},
                        depuis="/dossier/parties/2")
    assert collegue.status_code == 422 and "votre tuteur·rice ou un·e chef·fe" in collegue.get_data(as_text=True)
    assert nav.post("/dossier/parties/2/relecture", {"relecteur": str(monde.chef.id)},
                    depuis="/dossier/parties/2").status_code == 303
    from cipdesk.dossier.models import RelectureDossier
    demande = ctx.scalars(select(RelectureDossier)).one()
    chef = nav_factory()
    chef.connexion(monde.chef.email)
    assert "partie 2" in chef.get("/dossier/relectures").get_data(as_text=True)
    lecture = chef.get(f"/dossier/relectures/{demande.id}").get_data(as_text=True)
    assert "Les entretiens avec" in lecture and "Zabrowski" not in lecture
    sans = chef.post(f"/dossier/relectures/{demande.id}", {"commentaire": ""}, depuis=f"/dossier/relectures/{demande.id}")
    assert sans.status_code == 422 and "Écrivez votre commentaire." in sans.get_data(as_text=True)
    lue_a = ctx.scalar(select(RelectureDossier.version).where(RelectureDossier.id == demande.id))
    assert f'name="version" value="{lue_a}"' in lecture
    assert chef.post(f"/dossier/relectures/{demande.id}", {"commentaire": "Développez le bilan (P2.7).",
                                                          "version": str(lue_a)},
                     depuis=f"/dossier/relectures/{demande.id}").status_code == 303
    # A second tab, read before that save, is refused: its text is kept, the saved comment stays.
    perime = chef.post(f"/dossier/relectures/{demande.id}", {"commentaire": "Texte d'un autre onglet.",
                                                            "version": str(lue_a)},
                       depuis=f"/dossier/relectures/{demande.id}")
    assert perime.status_code == 422
    assert "modifié entre-temps" in perime.get_data(as_text=True)
    assert "Texte d&#39;un autre onglet." in perime.get_data(as_text=True)
    ctx.expire_all()
    assert ctx.get(RelectureDossier, demande.id).commentaire == "Développez le bilan (P2.7)."
    assert "Développez le bilan (P2.7)." in nav.get("/dossier/parties/2").get_data(as_text=True)
    actions = [l.action for l in ctx.scalars(select(JournalAudit).where(JournalAudit.objet_type == "dossier_relecture"))]
    assert Action.PARTAGE in actions and Action.LECTURE in actions and Action.MODIFICATION in actions
    autre = nav_factory()
    autre.connexion(monde.conseiller.email)
    assert autre.get(f"/dossier/relectures/{demande.id}").status_code == 403


def test_analyse_de_pratique_du_module_pratique_rattachee_au_cas(nav, monde, ctx):
    """RC §3.1 « une analyse de pratique de cette situation »: the analysis the candidat attached
    to the parcours in « Ma pratique » fills the part's analysis (her own text comes first)."""
    from cipdesk.pratique.analyses import services as pratique

    valeurs = {"titre": "Un abandon évité", "situation": "Troisième entretien", "faits": "Arrivée en retard.",
               "opinions": "Trop de démarches.", "emotions": "Inquiétude.", "facteurs": "Calendrier serré.",
               "points_forts": "Reformulation.", "difficultes": "Limites de temps.",
               "ajustements": "Séquencer les démarches.", "autrement": ""}
    pratique.ecrire_analyse(ctx, auteur=monde.candidat, valeurs=valeurs, situation_le=date(2026, 2, 17),
                            aujourd_hui=date(2026, 3, 1), objet_type="parcours", objet_id=monde.parcours.id)
    ctx.commit()
    _choisir(nav, monde)
    html = nav.get("/dossier/parties/2").get_data(as_text=True)
    assert "Arrivée en retard." in html and "Séquencer les démarches." in html
    prep = nav.get("/dossier/").get_data(as_text=True)
    partie2 = prep[prep.index('id="partie-2"'):prep.index('id="partie-3"')]
    assert "P2.8</strong> ✓ tenue" in partie2 and "A1</strong> ✓ tenue" in partie2


def test_voie_ccp_constructeur_et_exports_avec_leurs_budgets(nav, nav_factory, monde, ctx, tmp_path):
    """Issue #16, point 8: a candidat on the CCP route gets each CCP's production, its parts
    written like the titre's (same rules, same cases), within its own budget; exports too.
    A candidat on the titre's route does not."""
    import subprocess

    from cipdesk.comptes.models import ProfilCandidat, VoieCandidat

    nav.connexion(monde.candidat.email)
    assert nav.get("/dossier/ccp/CCP2").status_code == 403          # VAE route: the titre only
    assert nav.get("/dossier/ccp/CCP2.pdf").status_code == 403
    profil = ctx.scalar(select(ProfilCandidat).where(ProfilCandidat.utilisateur_id == monde.candidat.id))
    profil.voie = VoieCandidat.CCP
    ctx.commit()
    accueil = nav.get("/dossier/").get_data(as_text=True)
    assert 'href="/dossier/ccp/CCP1"' in accueil and 'href="/dossier/ccp/CCP3"' in accueil
    page = nav.get("/dossier/ccp/CCP2")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and html.count('class="carte partie') == 3
    assert "16 à 21 pages" in html and "écrite comme la partie 2 du dossier du titre" in html
    assert "P2.1</strong> ✗ non tenue" in html and "P4.3</strong>" in html and "P5.1" not in html
    assert "5 à 7" in html   # CCP2, 2nd part (projet): its own budget, not the titre's 5 to 6
    ccp3 = nav.get("/dossier/ccp/CCP3").get_data(as_text=True)
    assert "parties totalisent 11 à 15 pages" in ccp3   # flagged, not guessed (DOSSIER.md)
    assert nav.get("/dossier/ccp/CCP9").status_code == 404
    # Choosing the case of the titre's part 2 serves the CCP2's first part.
    assert nav.post("/dossier/parties/2/cas", {"cas": [f"parcours:{monde.parcours.id}"]}).status_code == 303
    html = nav.get("/dossier/ccp/CCP2").get_data(as_text=True)
    assert "P2.1</strong> ✓ tenue" in html
    pdf = nav.get("/dossier/ccp/CCP2.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert "dossier-ccp2-cip.pdf" in pdf.headers["Content-Disposition"]
    (tmp_path / "ccp2.pdf").write_bytes(pdf.data)
    texte = subprocess.run(["pdftotext", "-layout", str(tmp_path / "ccp2.pdf"), "-"], capture_output=True,
                           text=True, check=True).stdout
    assert "Production du certificat de compétences professionnelles" in " ".join(texte.split())
    assert "Dossier du CCP2 du titre CIP — Première partie" in " ".join(texte.split())
    assert "Septième partie" not in texte and "Zabrowski" not in texte
    docx = nav.get("/dossier/ccp/CCP2.docx")
    assert docx.status_code == 200 and docx.data[:2] == b"PK"
    exports = [l.details.get("production") for l in ctx.scalars(select(JournalAudit).where(
        JournalAudit.objet_type == "dossier_titre", JournalAudit.action == Action.EXPORT))]
    assert exports.count("CCP2") == 2
    autre = nav_factory()
    autre.connexion(monde.conseiller.email)
    assert autre.get("/dossier/ccp/CCP2").status_code == 403


def test_accompagnateur_de_vae_collective(nav, nav_factory, monde, ctx, fabrique):
    """Issue #16, point 9 (COORACE seed): the accompagnateur of a collective VAE follows the
    readiness of the candidats attached to them — the summary, never their caseloads."""
    chef = nav_factory()
    chef.connexion(monde.chef.email)
    page = chef.get("/dossier/vae-collective").get_data(as_text=True)
    assert "Rattacher" in page and "selected" not in page   # nobody pre-selected
    vide = chef.post("/dossier/vae-collective", {"accompagnateur": "", "candidat": "", "groupe": "Groupe 1"})
    assert vide.status_code == 422 and "Choisissez l&#39;accompagnateur·rice." in vide.get_data(as_text=True)
    assert 'value="Groupe 1"' in vide.get_data(as_text=True)   # the entry is kept
    pas_candidat = chef.post("/dossier/vae-collective", {"accompagnateur": str(monde.collegue.id),
                                                         "candidat": str(monde.conseiller.id)})
    assert pas_candidat.status_code == 422 and "candidat·e au titre" in pas_candidat.get_data(as_text=True)
    assert chef.post("/dossier/vae-collective", {"accompagnateur": str(monde.collegue.id),
                                                 "candidat": str(monde.candidat.id),
                                                 "groupe": "VAE collective"}).status_code == 303
    deja = chef.post("/dossier/vae-collective", {"accompagnateur": str(monde.collegue.id),
                                                 "candidat": str(monde.candidat.id)})
    assert deja.status_code == 422 and "accompagne déjà" in deja.get_data(as_text=True)

    accompagnateur = nav_factory()
    accompagnateur.connexion(monde.collegue.email)
    suivis = accompagnateur.get("/dossier/vae-collective").get_data(as_text=True)
    assert monde.candidat.nom_complet in suivis and "sur 7" in suivis and "Rattacher" not in suivis
    synthese = accompagnateur.get(f"/dossier/candidats/{monde.candidat.id}")
    html = synthese.get_data(as_text=True)
    assert synthese.status_code == 200 and "Vue de synthèse" in html and "Par :" not in html
    assert "Zabrowski" not in html and "Ludmila" not in html
    # … never the caseload behind it, nor any writing: the parcours, the person, the parts.
    assert accompagnateur.get(f"/parcours/{monde.parcours.id}").status_code in (403, 404)
    assert accompagnateur.get(f"/personnes/{monde.personne.id}").status_code in (403, 404)
    assert accompagnateur.post("/dossier/vae-collective", {"accompagnateur": str(monde.collegue.id),
                                                           "candidat": str(monde.candidat.id)},
                               depuis="/dossier/vae-collective").status_code == 403
    # Another conseiller, not attached, sees nothing.
    autre = nav_factory()
    autre.connexion(monde.conseiller.email)
    assert autre.get(f"/dossier/candidats/{monde.candidat.id}").status_code == 403
    assert monde.candidat.nom_complet not in autre.get("/dossier/vae-collective").get_data(as_text=True)
    assert Action.PARTAGE in [l.action for l in ctx.scalars(select(JournalAudit).where(
        JournalAudit.objet_type == "dossier_accompagnement_vae"))]


def test_preparation_lit_les_parties_redigees_une_fois(app, nav, monde):
    """The readiness page reads the candidate's written parts in one query, not once more per part."""
    from tests.http.requetes import requetes

    nav.connexion(monde.candidat.email)
    textes = requetes(app, nav, "/dossier/")
    assert len([t for t in textes if "FROM dossier_partie" in t]) == 1
