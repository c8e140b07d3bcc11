"""Parts 2 and 3 of the draft: the accompaniments (CP6; CP7, CP8), from the parcours records."""
from __future__ import annotations

from datetime import date

from cipdesk.dossier.brouillon.commun import (Assemblage, Bloc, Personnage, Tableau, _lib, _phrase,
                                              depuis_le_debut, mois_annee)
from cipdesk.dossier.rules import Piece


# -- part 2: contractualiser et suivre un parcours (CP6) ------------------------------


def contexte_et_diagnostic(p, qui: Personnage, diagnostic, prefixe: str, a: Assemblage) -> None:
    a.blocs.append(Bloc(f"{prefixe}.contexte", f"Contexte de l'accompagnement de {qui.alias}", [_phrase(
        f"{qui.alias}, {qui.age}, est accompagné·e dans le cadre du dispositif {p.dispositif_libelle} "
        f"depuis {mois_annee(p.debut)}"
        + (f" (contrat signé {depuis_le_debut(p.signe_le, p.debut)})." if p.signe_le else "."),
        f"Objectifs contractualisés : {qui.net(p.objectifs)}." if p.objectifs else "",
        f"Engagements de la personne : {qui.net(p.engagements_personne)}." if p.engagements_personne else "",
        f"Engagements de la structure : {qui.net(p.engagements_structure)}." if p.engagements_structure else "")],
        regles=("P2.2", "P3.2")))
    a.fait("contexte", Piece(f"Parcours {p.dispositif_libelle} ouvert en {mois_annee(p.debut)}", "parcours", p.id))
    if diagnostic is None:
        a.manque("diagnostic", Piece("Diagnostic partagé de la personne (à valider)", "personne", p.personne_id))
        return
    lignes = []
    for d in diagnostic.dimensions:
        if not (d.atouts or d.freins or d.besoins):
            continue
        lignes.append((d.dimension_libelle, qui.net(d.atouts) or "—", qui.net(d.freins) or "—",
                       qui.net(d.besoins) or "—"))
    paragraphes = [f"Diagnostic partagé établi {depuis_le_debut(diagnostic.date_diagnostic, p.debut)}"
                   + (", validé avec la personne." if diagnostic.valide_le else ", en cours de validation.")]
    if diagnostic.hypotheses:
        paragraphes.append(f"Hypothèses de travail : {qui.net(diagnostic.hypotheses)}")
    a.blocs.append(Bloc(f"{prefixe}.diagnostic", "Éléments clés du diagnostic partagé", paragraphes,
                        Tableau(("Dimension", "Atouts", "Freins", "Besoins"), tuple(lignes), (22, 26, 26, 26))
                        if lignes else None, regles=("P2.3", "P3.2")))
    if lignes:
        a.fait("diagnostic", Piece(f"Diagnostic partagé n° {diagnostic.numero} ({len(lignes)} dimensions)",
                                   "diagnostic", diagnostic.id))
    else:
        a.manque("diagnostic", Piece("Diagnostic partagé sans atouts ni freins renseignés", "diagnostic",
                                     diagnostic.id))


def resumes_entretiens(entretiens, debut: date, qui: Personnage, prefixe: str, a: Assemblage, *, cas,
                       cle_resume: str = "resumes", titre: str = "Les entretiens") -> None:
    paragraphes = []
    for n, e in enumerate(entretiens, start=1):
        a.fait("entretiens", Piece(f"Entretien {_lib(e.type_entretien).lower()} n° {n} "
                                   f"({mois_annee(e.le)})", "entretien", e.id, cas=cas))
        if not (e.synthese or "").strip():
            a.manque(cle_resume, Piece(f"Entretien n° {n} de {mois_annee(e.le)} : synthèse à rédiger",
                                       "entretien", e.id))
            continue
        a.fait(cle_resume, Piece(f"Synthèse de l'entretien n° {n}", "entretien", e.id, cas=cas))
        duree = f", {e.duree_minutes} min" if e.duree_minutes else ""
        paragraphes.append(_phrase(
            f"Entretien n° {n} — {depuis_le_debut(e.le, debut)} ({mois_annee(e.le)}), "
            f"{_lib(e.mode).lower()}{duree}.",
            f"Objectif : {qui.net(e.objectif)}." if e.objectif else "",
            qui.net(e.synthese),
            f"Progrès : {qui.net(e.progres)}." if e.progres else "",
            f"Décisions : {qui.net(e.decisions)}." if e.decisions else "",
            f"Suites : {qui.net(e.prochaines_actions)}." if e.prochaines_actions else ""))
    if paragraphes:
        a.blocs.append(Bloc(f"{prefixe}.{cle_resume}", titre, paragraphes, regles=("P2.4", "P3.3")))


def partie_2_cas(p, qui: Personnage, diagnostic, rang: int) -> Assemblage:
    """One accompaniment of part 2: context, diagnostic, one dated summary per entretien,
    the étapes done and planned, means and actors, bilan and relay."""
    a, prefixe = Assemblage(), f"p2.c{rang}"
    contexte_et_diagnostic(p, qui, diagnostic, prefixe, a)
    resumes_entretiens(p.entretiens, p.debut, qui, prefixe, a, cas=f"parcours:{p.id}", titre=f"Les entretiens avec {qui.alias}")
    lignes, moyens = [], []
    for e in p.etapes:
        faite = _lib(e.statut).lower()
        lignes.append((_lib(e.type_libelle) or "—", qui.net(e.intitule) or "—", _lib(e.responsable),
                       e.partenaire or "—", mois_annee(e.realisee_le or e.echeance), faite))
        a.fait("etapes", Piece(f"Étape « {e.type_libelle} » ({faite})", "etape", e.id))
        if e.partenaire:
            moyens.append(f"{e.partenaire} ({e.type_libelle.lower()})")
            a.fait("moyens", Piece(f"Partenaire mobilisé : {e.partenaire}", "etape", e.id))
    if lignes:
        a.blocs.append(Bloc(f"{prefixe}.etapes", "Étapes réalisées et envisagées", [
            "Les étapes ont été co-construites avec la personne à partir du diagnostic partagé ; leur statut "
            "indique celles qui sont réalisées et celles qui restent envisagées."],
            Tableau(("Type", "Étape", "Responsable", "Partenaire", "Échéance", "Statut"), tuple(lignes),
                    (16, 30, 14, 16, 11, 13)), regles=("P2.5",)))
    else:
        a.manque("etapes", Piece("Aucune étape dans ce parcours", "parcours", p.id))
    if moyens or p.engagements_structure:
        a.blocs.append(Bloc(f"{prefixe}.moyens", "Moyens et acteurs mobilisés", [_phrase(
            f"Dispositif : {p.dispositif_libelle}.",
            ("Partenaires mobilisés : " + ", ".join(dict.fromkeys(moyens)) + ".") if moyens else "",
            f"Moyens de la structure : {qui.net(p.engagements_structure)}." if p.engagements_structure else "")],
            regles=("P2.6",)))
        if p.engagements_structure:
            a.fait("moyens", Piece("Engagements de la structure (contrat)", "parcours", p.id))
    sortie = p.sortie
    bilan = qui.net(p.bilan) if p.bilan else ""
    paragraphes = []
    if bilan:
        paragraphes.append(f"Bilan : {bilan}")
        a.fait("bilan", Piece("Bilan du parcours", "parcours", p.id))
    if sortie is not None:
        paragraphes.append(_phrase(f"Sortie {depuis_le_debut(sortie.sortie_le, p.debut)} "
                                   f"({mois_annee(sortie.sortie_le)}) : {_lib(sortie.categorie).lower()}.",
                                   qui.net(sortie.precision)))
        if sortie.relais_vers:
            paragraphes.append(_phrase(f"Passage de relais vers {sortie.relais_vers}"
                                       + (" avec l'accord de la personne." if sortie.relais_consentement else "."),
                                       qui.net(sortie.relais_contenu)))
            a.fait("relais", Piece(f"Passage de relais vers {sortie.relais_vers}", "parcours", p.id))
        for suivi in sortie.suivis:
            paragraphes.append(f"Suivi à {suivi.mois} mois : {_lib(suivi.situation).lower()}.")
    if paragraphes:
        a.blocs.append(Bloc(f"{prefixe}.bilan", "Bilan de l'accompagnement et passage de relais", paragraphes,
                            regles=("P2.7",)))
    if not bilan:
        a.manque("bilan", Piece("Bilan du parcours à rédiger (clôture)", "parcours", p.id))
    return a


# -- part 3: projet professionnel (CP7, CP8) ------------------------------------------

PHASES_ADVP = (("exploration", "Exploration"), ("cristallisation", "Cristallisation"),
               ("specification", "Spécification"), ("realisation", "Réalisation"))


def partie_3_cas(p, qui: Personnage, diagnostic, entretiens_projet, actions, rang: int) -> Assemblage:
    a, prefixe = Assemblage(), f"p3.c{rang}"
    projet = p.projet
    contexte_et_diagnostic(p, qui, diagnostic, prefixe, a)
    resumes_entretiens(entretiens_projet, p.debut, qui, prefixe, a, cas=f"parcours:{p.id}", cle_resume="elaboration",
                       titre="L'accompagnement pendant l'élaboration du projet")
    if projet is None:
        a.manque("methodologie", Piece("Projet professionnel à démarrer", "parcours", p.id))
        return a
    a.fait("methodologie", Piece(f"Projet en phase « {projet.phase_libelle} »", "projet", projet.id))
    metiers = ", ".join(f"{m.libelle} ({m.rome_code}, {_lib(m.faisabilite).lower()})" if m.rome_code
                        else f"{m.libelle} ({_lib(m.faisabilite).lower()})" for m in projet.metiers)
    atteinte = [c for c, _l in PHASES_ADVP].index(projet.phase_code) if projet.phase_code in dict(PHASES_ADVP) else -1
    faits_par_phase = {
        "exploration": _phrase(f"Intérêts : {qui.net(projet.interets)}." if projet.interets else "",
                               f"Valeurs : {qui.net(projet.valeurs)}." if projet.valeurs else "",
                               f"Métiers explorés : {metiers}." if metiers else ""),
        "cristallisation": _phrase(*(f"{m.libelle} : {qui.net(m.analyse_faisabilite)}"
                                     for m in projet.metiers if m.analyse_faisabilite)),
        "specification": _phrase(*(f"{_lib(c.type_confrontation)} ({mois_annee(c.le)}) : {qui.net(c.resultat)}"
                                   for c in projet.confrontations)),
        "realisation": _phrase(f"Projet validé : {qui.net(projet.projet_valide)}." if projet.projet_valide else "",
                               *(f"{_lib(x.nature)} : {x.intitule} ({_lib(x.statut).lower()})." for x in actions)),
    }
    lignes = tuple((libelle, faits_par_phase[code] or ("à venir" if i > atteinte else "—"))
                   for i, (code, libelle) in enumerate(PHASES_ADVP))
    a.blocs.append(Bloc(f"{prefixe}.methodologie", "Méthodologie de projet et ses étapes", [
        f"La démarche suit les étapes de l'approche éducative ADVP ; le projet de {qui.alias} est aujourd'hui "
        f"en phase « {projet.phase_libelle} »."], Tableau(("Étape", "L'accompagnement à cette étape"), lignes,
                                                         (22, 78)), regles=("P3.4",)))
    qualites = [(t, qui.net(v)) for t, v in (("Compétences transférables", projet.competences_transferables),
                                             ("Qualités", projet.qualites), ("Talents", projet.talents),
                                             ("Motivations", projet.motivations)) if v]
    if qualites:
        a.blocs.append(Bloc(f"{prefixe}.qualites", "Compétences, qualités et talents identifiés avec la personne",
                            [f"{t} : {v}." for t, v in qualites], regles=("P3.5",)))
        a.fait("competences_qualites", Piece("Bilan du projet (compétences, qualités, talents)", "projet", projet.id))
    else:
        a.manque("competences_qualites", Piece("Compétences, qualités et talents à renseigner", "projet", projet.id))
    for c in projet.confrontations:
        a.fait("elaboration", Piece(f"{_lib(c.type_confrontation)} de {mois_annee(c.le)}", "projet", projet.id))
        a.fait("acteurs", Piece(f"{_lib(c.type_confrontation)} en entreprise", "projet", projet.id))
    if projet.confrontations:
        a.blocs.append(Bloc(f"{prefixe}.confrontations", "Confrontations à la réalité professionnelle", [], Tableau(
            ("Type", "Métier", "Période", "Résultat"),
            tuple((_lib(c.type_confrontation), c.metier.libelle if c.metier else "—",
                   mois_annee(c.le) + (f" – {mois_annee(c.fin_le)}" if c.fin_le else ""), qui.net(c.resultat) or "—")
                  for c in projet.confrontations), (20, 22, 18, 40)), regles=("P3.3", "P3.6")))
    if actions or projet.projet_valide:
        a.fait("realisation", Piece("Plan d'action du projet" if actions else "Projet validé", "projet", projet.id))
    acteurs = [f"{x.organisme} ({_lib(x.nature).lower()})" for x in actions if x.organisme]
    if acteurs:
        a.fait("acteurs", Piece("Organismes du plan d'action", "projet", projet.id))
    if acteurs or projet.confrontations:
        a.blocs.append(Bloc(f"{prefixe}.acteurs", "Acteurs mobilisés", [_phrase(
            ("Organismes : " + ", ".join(acteurs) + ".") if acteurs else "",
            f"{len(projet.confrontations)} entreprise(s) d'accueil pour les confrontations au métier."
            if projet.confrontations else "")], regles=("P3.6",)))
    return a
