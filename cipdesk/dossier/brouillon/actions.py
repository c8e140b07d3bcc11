"""Parts 4 to 7 of the draft: an atelier (CP9, CP10), a prospection action (CP12, CP15),
a recruitment support (CP13), an intégration (CP14), from their modules' records."""
from __future__ import annotations

from cipdesk.dossier.brouillon.commun import (Assemblage, Bloc, Personnage, Tableau, _lib, _phrase,
                                              depuis_le_debut, entreprise_generalisee, mois_annee)
from cipdesk.dossier.rules import Piece


def _h(minutes: int) -> str:
    h, m = divmod(int(minutes or 0), 60)
    return f"{h} h {m:02d}" if h else f"{m} min"


# -- part 4: an atelier ---------------------------------------------------------------


def partie_4(atelier, session_atelier, bilan, *, presents: int, inscrits: int, satisfaction: str = "",
             resultats: list[tuple[str, int, int, int]] = (), assiduite: list[tuple[str, int, int, int, int]] = (),
             commentaires: list[str] = ()) -> Assemblage:
    """`resultats`: per pedagogical objective, (capacity, reached, partly, not reached) over the
    session's participants (RC §3.1: « le dispositif d'évaluation »)."""
    a = Assemblage()
    a.fait("atelier_anime", Piece(f"Atelier « {atelier.titre} », session de {mois_annee(session_atelier.debut)}",
                                  "session_atelier", session_atelier.id))
    analyse = [_phrase(f"Origine : {_lib(atelier.origine).lower()}"
                       + (f" ({atelier.commanditaire})." if atelier.commanditaire else "."), atelier.contexte)]
    for titre, valeur in (("Changements recherchés", atelier.changements_recherches),
                          ("Compétences visées", atelier.competences_visees),
                          ("Caractéristiques du public", atelier.caracteristiques_public),
                          ("Contraintes", atelier.contraintes)):
        if (valeur or "").strip():
            analyse.append(f"{titre} : {valeur.strip()}")
    if (atelier.contexte or atelier.changements_recherches or "").strip():
        a.fait("besoin", Piece("Analyse de la demande de l'atelier", "atelier", atelier.id))
    else:
        a.manque("besoin", Piece("Analyse de la demande à compléter", "atelier", atelier.id))
    a.blocs.append(Bloc("p4.besoin", "Analyse de la demande ou du besoin", analyse, regles=("P4.1", "P4.2")))
    cadre = [_phrase(f"Objectif général : {atelier.objectif_general}." if atelier.objectif_general else "",
                     f"Public et prérequis : {atelier.public_prerequis}." if atelier.public_prerequis else "",
                     f"Effectif : {atelier.places_min} à {atelier.places_max} participants ; durée "
                     f"{_h(atelier.duree_minutes)} ; {_lib(atelier.format).lower()}.")]
    if atelier.objectifs:
        cadre.append("Objectifs pédagogiques opérationnels : " + " ; ".join(
            _phrase(o.capacite, f"({o.critere})" if o.critere else "") for o in atelier.objectifs) + ".")
    # RC §3.1: « la progression pédagogique indiquant les modalités, méthodes, activités et dispositif
    # d'évaluation »: each séquence says what is done; the evaluation may be the séquence's own or the
    # atelier's device (objectives' evaluation, satisfaction à chaud).
    dispositif = [o.modalite_evaluation for o in atelier.objectifs if (o.modalite_evaluation or "").strip()]
    if atelier.satisfaction_a_chaud:
        dispositif.append("questionnaire de satisfaction à chaud")
    if atelier.suivi_a_froid_semaines:
        dispositif.append(f"suivi à froid à {atelier.suivi_a_froid_semaines} semaines")
    lignes = []
    for n, s in enumerate(atelier.sequences, start=1):
        activites = s.activites or s.contenu
        lignes.append((str(n), _h(s.duree_minutes), s.objectif.capacite if s.objectif else s.titre,
                       f"{_lib(s.methode)} ; {_lib(s.modalite).lower()}", activites or s.titre,
                       s.evaluation or "—"))
        if activites and (s.evaluation or dispositif):
            a.fait("progression", Piece(f"Séquence {n} « {s.titre} »", "atelier", atelier.id))
        else:
            a.manque("progression", Piece(f"Séquence {n} « {s.titre} » : activités ou évaluation à préciser",
                                          "atelier", atelier.id))
    if dispositif:
        cadre.append("Dispositif d'évaluation : " + " ; ".join(dispositif) + ".")
    organisation = [x for x in (
        f"Rythme : {atelier.rythme}." if (atelier.rythme or "").strip() else "",
        f"Lieu : {atelier.lieu}." if (atelier.lieu or "").strip() else "",
        f"Animation : {atelier.animateurs}." if (atelier.animateurs or "").strip() else "",
        f"Ressources et budget : {atelier.ressources_budget}" if (atelier.ressources_budget or "").strip() else "",
        f"Prévention des risques : {atelier.prevention_risques}" if (atelier.prevention_risques or "").strip() else "",
        f"Développement durable : {atelier.developpement_durable}"
        if (atelier.developpement_durable or "").strip() else "") if x]
    alternatifs = list(dict.fromkeys(s.scenario_alternatif.strip() for s in atelier.sequences
                                     if (s.scenario_alternatif or "").strip()))
    if alternatifs:
        organisation.append("Scénario alternatif prévu : " + " ; ".join(alternatifs))
    if organisation:
        a.blocs.append(Bloc("p4.organisation", "Préparation et organisation de l'atelier", organisation,
                            regles=("P4.3",)))
    a.blocs.append(Bloc("p4.progression", "Progression pédagogique", cadre,
                        Tableau(("N°", "Durée", "Objectif", "Méthode et modalité", "Activités", "Évaluation"),
                                tuple(lignes), (5, 9, 24, 20, 24, 18)) if lignes else None, regles=("P4.3",)))
    points = [f"{presents} participant·e·s présent·e·s sur {inscrits} inscrit·e·s."]
    if satisfaction:
        points.append(satisfaction)
    if commentaires:
        points.append("Ce que les participant·e·s ont écrit : " + " ; ".join(f"« {c.strip()} »" for c in commentaires)
                      + ".")
    if assiduite:
        a.blocs.append(Bloc("p4.assiduite", "Déroulement de la session : l'assiduité", [
            "Les présences sont relevées à chaque demi-journée sur la feuille d'émargement."],
            Tableau(("Demi-journée", "Présent·e·s", "En retard", "Excusé·e·s", "Absent·e·s"),
                    tuple((d, *(str(n) for n in ns)) for d, *ns in assiduite), (36, 16, 16, 16, 16)),
            regles=("P4.4",)))
    if bilan is not None:
        for titre, valeur in (("Écarts avec le déroulé prévu", bilan.ecarts), ("Ajustements retenus", bilan.ajustements)):
            if (valeur or "").strip():
                points.append(f"{titre} : {valeur.strip()}")
        a.fait("bilan_atelier", Piece(f"Bilan de la session ({mois_annee(bilan.redige_le)})", "session_atelier",
                                      session_atelier.id))
    else:
        a.manque("bilan_atelier", Piece("Bilan de la session à rédiger", "session_atelier", session_atelier.id))
    a.blocs.append(Bloc("p4.bilan", "Points clés du bilan de l'atelier", points, Tableau(
        ("Objectif pédagogique", "Atteint", "Partiellement", "Non atteint"),
        tuple((c, str(x), str(y), str(z)) for c, x, y, z in resultats), (55, 15, 15, 15)) if resultats else None,
        regles=("P4.4",)))
    return a


# -- part 5: a prospection action ----------------------------------------------------


def partie_5(action, ecarts: list[tuple[str, int, int]], cibles: list[tuple[str, str, int]],
             echanges: list[tuple[str, str, str, str]] = ()) -> Assemblage:
    """`ecarts`: (indicator, target, actual) — REAC CP12 « L'évaluation de l'action de prospection
    permet de mesurer les écarts »; `cibles`: (sector, size band, count)."""
    a = Assemblage()
    a.fait("action_prospection", Piece(f"Action « {action.titre} » ({mois_annee(action.debut)})",
                                       "action_prospection", action.id))
    a.blocs.append(Bloc("p5.diagnostic", "La structure et le diagnostic socio-économique du territoire", [
        action.diagnostic_territoire, f"Sources : {action.sources_diagnostic}" if action.sources_diagnostic else "",
        f"Objectifs de l'action : {action.objectifs}" if action.objectifs else ""], regles=("P5.2",)))
    if (action.diagnostic_territoire or "").strip():
        a.fait("diagnostic_territoire", Piece("Diagnostic du territoire de l'action", "action_prospection", action.id))
    a.blocs.append(Bloc("p5.cibles", "Les employeurs cibles", [action.cible_employeurs or ""],
                        Tableau(("Secteur", "Taille", "Employeurs ciblés"),
                                tuple((s or "—", t or "—", str(n)) for s, t, n in cibles), (50, 30, 20))
                        if cibles else None, regles=("P5.3",)))
    if (action.cible_employeurs or "").strip() or cibles:
        a.fait("cibles", Piece(f"Cible de l'action ({sum(n for *_x, n in cibles)} employeurs)", "action_prospection",
                               action.id))
    duree = (action.fin - action.debut).days
    a.blocs.append(Bloc("p5.strategie", "Stratégie, outils et planification", [
        f"Stratégie : {action.strategie}" if action.strategie else "",
        f"Outils : {action.outils}" if action.outils else ""],
        Tableau(("Jalon", "Quand", "Ce qui est prévu"), (
            ("Lancement", mois_annee(action.debut), "diagnostic partagé, ciblage, outils"),
            ("Prospection", f"{duree // 7} semaines", "prises de contact, visites, recueil d'offres"),
            ("Évaluation", mois_annee(action.evaluee_le or action.fin), "mesure des écarts, causes, suites"),
        ), (22, 22, 56)), regles=("P5.4",)))
    if echanges:
        a.blocs.append(Bloc("p5.echanges", "La prospection menée : mes échanges avec les employeurs ciblés", [
            "Chaque échange est noté dans le suivi des contacts de la structure ; les employeurs sont décrits par "
            "leur secteur et leur taille."], Tableau(("Quand", "Employeur", "Échange", "Objet"), tuple(echanges),
                                                     (10, 36, 20, 34)), regles=("P5.4",)))
    for cle, valeur in (("strategie", action.strategie), ("outils", action.outils)):
        if (valeur or "").strip():
            a.fait(cle, Piece(cle.capitalize() + " de l'action", "action_prospection", action.id))
    if ecarts:
        a.fait("planning", Piece(f"Planification du {mois_annee(action.debut)} au {mois_annee(action.fin)}, "
                                 f"{len(ecarts)} indicateurs", "action_prospection", action.id))
    lignes = tuple((libelle, str(cible), str(realise), f"{realise - cible:+d}",
                    f"{round(100 * realise / cible)} %" if cible else "—") for libelle, cible, realise in ecarts)
    a.blocs.append(Bloc("p5.evaluation", "Évaluation : indicateurs et écarts", [
        action.evaluation or "", f"Causes des écarts : {action.causes_ecarts}" if action.causes_ecarts else ""],
        Tableau(("Indicateur", "Objectif", "Réalisé", "Écart", "Taux"), lignes, (40, 15, 15, 15, 15)) if lignes else None,
        regles=("P5.5",)))
    manques = [libelle for libelle, cible, realise in ecarts if realise < cible]
    if action.evaluee_le and ecarts and (not manques or (action.causes_ecarts or "").strip()):
        a.fait("ecarts", Piece(f"Évaluation de {mois_annee(action.evaluee_le)}", "action_prospection", action.id))
    else:
        a.manque("ecarts", Piece("Évaluation de l'action (écarts et causes) à faire", "action_prospection", action.id))
    if (action.pratiques_durables or "").strip():
        a.fait("developpement_durable", Piece("Pratiques de développement durable de l'action",
                                              "action_prospection", action.id))
        a.blocs.append(Bloc("p5.durable", "Le développement durable dans ma pratique", [action.pratiques_durables],
                            regles=("P5.6",)))
    return a


# -- part 6: a recruitment support ---------------------------------------------------


def partie_6(fiche, employeur: str, role_contact: str, offres, candidatures: list[tuple[str, int]]) -> Assemblage:
    """`candidatures`: (state label, count) for the offers of this fiche."""
    a = Assemblage()
    a.fait("appui_recrutement", Piece(f"Fiche de poste « {fiche.intitule} » ({mois_annee(fiche.entretien_le)})",
                                      "fiche_de_poste", fiche.id))
    a.blocs.append(Bloc("p6.contexte", "Contexte et interlocuteurs", [
        f"L'employeur, {employeur}, a exprimé un besoin de recrutement lors d'un entretien d'analyse du besoin "
        f"({mois_annee(fiche.entretien_le)}) : {fiche.besoin}",
        f"Interlocuteur : {role_contact.lower()} de l'entreprise." if role_contact else ""], regles=("P6.2",)))
    a.fait("contexte", Piece("Besoin exprimé par l'employeur", "fiche_de_poste", fiche.id))
    if role_contact:
        a.fait("interlocuteurs", Piece(f"Contact : {role_contact.lower()}", "fiche_de_poste", fiche.id))
    else:
        a.manque("interlocuteurs", Piece("Contact de l'entreprise à préciser", "fiche_de_poste", fiche.id))
    verif = sum(len(o.justifications) for o in offres)
    a.blocs.append(Bloc("p6.demarche", "La démarche : analyse du poste, fiche de poste, offre", [
        f"Poste : {fiche.intitule}" + (f" (ROME {fiche.rome_code})" if fiche.rome_code else "")
        + f", {_lib(fiche.type_contrat)}" + (f", {fiche.duree_hebdo}" if fiche.duree_hebdo else "") + ".",
        f"Missions : {fiche.missions}", f"Compétences attendues : {fiche.competences}" if fiche.competences else "",
        f"Conditions de travail : {fiche.conditions}" if fiche.conditions else "",
        (f"{len(offres)} offre(s) rédigée(s) à partir de la fiche et vérifiée(s) au regard des critères de "
         f"non-discrimination (art. L1132-1 du Code du travail)" + (f", {verif} exigence(s) justifiée(s)." if verif
                                                                   else ".")) if offres else ""],
        regles=("P6.2",)))
    if offres:
        a.fait("demarche", Piece(f"{len(offres)} offre(s) issue(s) de la fiche", "fiche_de_poste", fiche.id))
    else:
        a.manque("demarche", Piece("Offre à rédiger à partir de la fiche", "fiche_de_poste", fiche.id))
    if candidatures:
        a.fait("resultats", Piece(f"{sum(n for _e, n in candidatures)} candidature(s) proposée(s)",
                                  "fiche_de_poste", fiche.id))
    a.blocs.append(Bloc("p6.resultats", "Résultats", [
        "Candidatures présentées : " + ", ".join(f"{e.lower()} : {n}" for e, n in candidatures) + "."
        if candidatures else ""], Tableau(("Étape de la candidature", "Nombre"),
                                          tuple((e, str(n)) for e, n in candidatures), (70, 30))
        if candidatures else None, regles=("P6.2",)))
    return a


# -- part 7: an intégration -----------------------------------------------------------


def partie_7(suivi, qui: Personnage, employeur: str) -> Assemblage:
    a = Assemblage()
    a.fait("integration", Piece(f"Suivi d'intégration ({mois_annee(suivi.debut)})", "suivi_integration", suivi.id))
    a.blocs.append(Bloc("p7.contexte", "Contexte", [_phrase(
        f"{qui.alias}, {qui.age}, a été recruté·e en {mois_annee(suivi.debut)} par {employeur} comme "
        f"{suivi.intitule_poste} ({_lib(suivi.type_contrat)}"
        + (f", {suivi.heures_hebdo} h par semaine" if suivi.heures_hebdo else "") + ").",
        f"Le cadre du suivi a été convenu avec l'employeur {depuis_le_debut(suivi.cadre_le, suivi.debut)}."
        if suivi.cadre_le else "")], regles=("P7.2",)))
    a.fait("contexte", Piece("Poste et employeur du suivi", "suivi_integration", suivi.id))
    if suivi.interlocuteurs:
        # Names of the employer's staff stay out of the draft: the candidat describes their roles.
        a.fait("interlocuteurs", Piece("Interlocuteurs convenus avec l'employeur", "suivi_integration", suivi.id))
    else:
        a.manque("interlocuteurs", Piece("Interlocuteurs de l'entreprise à renseigner", "suivi_integration", suivi.id))
    engagements = [qui.net(v) for v in (suivi.engagements, suivi.modalites) if v]
    lignes = tuple((_lib(p.jalon), mois_annee(p.fait_le or p.prevu_le), "fait" if p.fait_le else "prévu",
                    "oui" if p.risque_rupture else "non", qui.net(p.difficultes) or "—") for p in suivi.points)
    a.blocs.append(Bloc("p7.demarche", "La démarche d'intégration", engagements + [
        _phrase(f"Médiation {depuis_le_debut(m.le, suivi.debut)} : {qui.net(m.enjeu)}", qui.net(m.actions),
                qui.net(m.issue)) for m in suivi.mediations],
        Tableau(("Point de suivi", "Quand", "État", "Risque de rupture", "Difficultés"), lignes, (18, 13, 10, 15, 44))
        if lignes else None, regles=("P7.2",)))
    if suivi.points or suivi.mediations or engagements:
        a.fait("demarche", Piece(f"{len(suivi.points)} point(s) de suivi, {len(suivi.mediations)} médiation(s)",
                                 "suivi_integration", suivi.id))
    else:
        a.manque("demarche", Piece("Points de suivi à planifier", "suivi_integration", suivi.id))
    resultats = [qui.net(v) for v in (suivi.bilan_realise, suivi.situation_fin, suivi.leviers) if v]
    a.blocs.append(Bloc("p7.resultats", "Résultats et bilan de l'intégration", resultats, regles=("P7.2",)))
    if suivi.bilan_le and resultats:
        a.fait("resultats", Piece(f"Bilan d'intégration ({mois_annee(suivi.bilan_le)})", "suivi_integration", suivi.id))
    else:
        a.manque("resultats", Piece("Bilan d'intégration à faire", "suivi_integration", suivi.id))
    return a
