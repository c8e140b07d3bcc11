"""Use cases of the person's rights (issue #18): session and actor explicit, date passed in,
flush without commit, never Flask."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.core.contrat import registre

from cipdesk.comptes.models import Structure, Utilisateur
from cipdesk.core.db import utcnow
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.droits import queries, rules
from cipdesk.droits.models import Anonymisation, DecisionNote, DemandeAcces, ModeRemise, NoticeRemise, Rectification
from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.security import audit, policy
from cipdesk.security.acces_exceptionnel import DUREE_PAR_DEFAUT, AccesExceptionnel, acces_en_cours
from cipdesk.security.audit import Action, journaliser


def enregistrer_notice(session: Session, personne: Personne, *, par, remise_le: date | None, mode: str | None,
                       aujourd_hui: date) -> NoticeRemise:
    if remise_le is None:
        raise ErreurMetier("Indiquez la date à laquelle la notice a été remise (jj/mm/aaaa).", "remise_le")
    if remise_le > aujourd_hui:
        raise ErreurMetier("La notice ne peut pas avoir été remise dans le futur.", "remise_le")
    if mode not in ModeRemise.LIBELLES:
        raise ErreurMetier("Indiquez comment la notice a été remise.", "mode")
    notice = NoticeRemise(personne_id=personne.id, structure_id=personne.structure_id, remise_le=remise_le,
                          mode=ModeRemise(mode), par_id=par.id, version=rules.VERSION_NOTICE)
    session.add(notice)
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION, objet_type="notice_information", objet_id=notice.id,
                details={"personne": str(personne.id), "mode": mode})
    return notice


def ouvrir_demande(session: Session, personne: Personne, *, par, demandee_le: date | None,
                   aujourd_hui: date) -> DemandeAcces:
    if demandee_le is None:
        raise ErreurMetier("Indiquez la date de la demande de la personne (jj/mm/aaaa).", "demandee_le")
    if demandee_le > aujourd_hui:
        raise ErreurMetier("La demande ne peut pas être datée dans le futur.", "demandee_le")
    if queries.anonymisation_de(session, personne.id) is not None:
        raise ErreurMetier("Ce dossier est anonymisé : il n'y a plus rien à communiquer sur cette personne.")
    demande = DemandeAcces(personne_id=personne.id, structure_id=personne.structure_id, demandee_le=demandee_le,
                           par_id=par.id)
    session.add(demande)
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION, objet_type="demande_acces", objet_id=demande.id,
                details={"personne": str(personne.id)})
    return demande


def decider_note(session: Session, demande: DemandeAcces, note, *, par, inclure: bool) -> DecisionNote:
    """The author decides whether the text of their note goes into the export (logged)."""
    policy.exiger(policy.peut_decider_note_pour_acces(par, note))
    decision = queries.decisions_de(demande).get(note.id)
    if decision is None:
        decision = DecisionNote(demande_id=demande.id, note_id=note.id, auteur_id=par.id,
                                structure_id=demande.structure_id, inclure=inclure)
        demande.decisions.append(decision)
    else:
        decision.inclure, decision.decidee_le = inclure, utcnow()
    session.flush()
    journaliser(session, acteur=par, action=Action.PARTAGE, objet_type="note_confidentielle", objet_id=note.id,
                motif="Droit d'accès de la personne : " + ("texte communiqué" if inclure else "texte non communiqué"),
                details={"demande_acces": str(demande.id), "inclure": inclure})
    return decision


def exporter(session: Session, demande: DemandeAcces, *, par, format_: str) -> tuple[dict, list]:
    """Everything held on the person, as data (JSON-ready) and their read log. Journalled: one
    export row, and one read row per confidential note whose text goes out."""
    personne = session.get(Personne, demande.personne_id)
    incluses = queries.notes_incluses(demande)
    parts, contexte = queries.assembler(session, personne, par, notes_incluses=incluses)
    journal = queries.journal_de_lecture(session, contexte.objets)
    for note_id in sorted(incluses & contexte.objets.get("note_confidentielle", set()), key=str):
        journaliser(session, acteur=par, action=Action.LECTURE, objet_type="note_confidentielle", objet_id=note_id,
                    motif="Export pour le droit d'accès de la personne")
    journaliser(session, acteur=par, action=Action.EXPORT, objet_type="personne", objet_id=personne.id,
                motif="Droit d'accès (RGPD art. 15)", details={"demande_acces": str(demande.id), "format": format_})
    donnees = {
        "document": "Données détenues sur la personne — droit d'accès (RGPD art. 15)",
        "demande_du": demande.demandee_le.isoformat(),
        "genere_le": utcnow().isoformat(),
        "personne": personne.nom_complet,
        "modules": [{"module": p.module, "sections": [
            {"type": s.code, "titre": s.titre, "nombre": len(s.lignes), "enregistrements": s.lignes}
            for s in p.sections]} for p in parts],
        "journal_des_acces": [ligne_de_journal(j) for j in journal],
    }
    # The professionals named by their id in these records (référent, author…): who they are.
    cites = {v for p in parts for s in p.sections for ligne in s.lignes for k, v in ligne.items()
             if k.endswith("_id") and isinstance(v, str)}
    donnees["professionnels"] = {str(u.id): u.nom_complet for u in session.scalars(
        select(Utilisateur).where(Utilisateur.structure_id == personne.structure_id)) if str(u.id) in cites}
    return donnees, journal


def ligne_de_journal(j) -> dict:
    return {"le": j.at.isoformat(), "qui": j.acteur_libelle.split(" <")[0] or "cipdesk", "role": j.role,
            "action": Action.LIBELLES.get(getattr(j.action, "value", j.action), str(j.action)),
            "enregistrement": registre.libelle(j.objet_type), "motif": j.motif}


def noter_rectification(session: Session, *, personne, par, anciennes: dict, le: date) -> Rectification:
    """History of a rectification (signal `personne_rectifiee` of the personnes module)."""
    from cipdesk.security.rgpd import valeur_lisible

    rectif = Rectification(personne_id=personne.id, structure_id=personne.structure_id, par_id=par.id, le=le,
                           champs=sorted(anciennes))
    rectif.anciennes_valeurs = {k: valeur_lisible(v) for k, v in anciennes.items()}
    session.add(rectif)
    return rectif


def anonymiser(session: Session, personne: Personne, *, motif: str, par, le: date, raison: str = "") -> Anonymisation:
    """Erase what identifies the person and what was written about them, in every module; keep
    the rows (dates, statuses, codes) so that past reports still add up. Journalled."""
    if queries.anonymisation_de(session, personne.id) is not None:
        raise ErreurMetier("Ce dossier est déjà anonymisé.")
    _parts, contexte = queries.assembler(session, personne, par)
    effaces = 0
    for _module, fournisseur in queries.fournisseurs_effacement():
        effaces += fournisseur(session, personne, contexte.objets)
    trace = Anonymisation(personne_id=personne.id, structure_id=personne.structure_id, le=le, motif=motif,
                          par_id=getattr(par, "id", None), champs_effaces=effaces)
    session.add(trace)
    session.flush()
    journaliser(session, acteur=par, action=Action.ANONYMISATION, objet_type="personne", objet_id=personne.id,
                structure_id=personne.structure_id, motif=f"{motif} : {raison}" if raison else motif,
                details={"champs_effaces": effaces,
                         "enregistrements": sum(len(v) for v in contexte.objets.values())})
    return trace


def effacer_sur_demande(session: Session, personne: Personne, *, par, motif: str, confirmation: str,
                        aujourd_hui: date) -> Anonymisation:
    """Erasure on the person's request (RGPD art. 17), where the law allows it: the conseiller
    states why and confirms by typing the person's last name."""
    if personne.statut == StatutPersonne.ACCOMPAGNEE:
        raise ErreurMetier("La personne est accompagnée : tant que l'accompagnement dure, ses données sont "
                           "nécessaires à la mission de la structure (RGPD art. 17.3). Enregistrez d'abord la "
                           "sortie du parcours.", "motif")
    motif = rules.valider_motif(motif)
    if (confirmation or "").strip().casefold() != personne.nom.strip().casefold():
        raise ErreurMetier("Pour confirmer, recopiez le nom de famille de la personne.", "confirmation")
    return anonymiser(session, personne, motif="demande", raison=motif, par=par, le=aujourd_hui)


def retention(session: Session, *, aujourd_hui: date, maintenant: datetime | None = None) -> dict:
    """`cipdesk retention`: for every structure, anonymise the people past the retention period;
    then the audit trail: provenance blanked after its own period, rows purged after theirs —
    the only way rows leave it. Every step is written in the audit trail."""
    rapport = {"anonymisees": 0, "structures": {}}
    provenance, journal = rules.PROVENANCE_DEFAUT, rules.JOURNAL_DEFAUT
    for structure in session.query(Structure).order_by(Structure.nom):
        personnes = queries.a_anonymiser(session, structure, aujourd_hui)
        for personne in personnes:
            anonymiser(session, personne, motif="conservation", par=None, le=aujourd_hui)
        rapport["structures"][structure.nom] = len(personnes)
        rapport["anonymisees"] += len(personnes)
        # The audit trail is one chain for the instance: the shortest period any structure asks for.
        provenance = min(provenance, rules.duree_provenance(structure.parametres))
        journal = min(journal, rules.duree_journal(structure.parametres))
    journaliser(session, acteur=None, action=Action.ANONYMISATION, objet_type="conservation",
                details={"operation": "retention", "le": aujourd_hui.isoformat(),
                         "anonymisees": rapport["anonymisees"]})
    session.flush()
    rapport["provenance"] = audit.effacer_provenance(session, mois=provenance, maintenant=maintenant)
    rapport["journal"] = audit.purger(session, mois=max(journal, audit.RETENTION_MINIMALE_MOIS),
                                      maintenant=maintenant)
    return rapport


def ouvrir_acces_exceptionnel(session: Session, personne: Personne, *, par, motif: str,
                              maintenant: datetime | None = None) -> AccesExceptionnel:
    """Break-glass: a chef de service outside their perimeter, a stated reason, a limited time."""
    from cipdesk.personnes.queries import contexte_acces

    policy.exiger(policy.peut_ouvrir_acces_exceptionnel(par, personne))
    contexte = contexte_acces(session, personne)
    if policy.peut_voir_personne(par, personne, **contexte):
        raise ErreurMetier("Cette personne est dans le périmètre de votre équipe : aucun accès exceptionnel "
                           "n'est nécessaire.")
    motif = rules.valider_motif(motif)
    maintenant = maintenant or utcnow()
    en_cours = acces_en_cours(session, par.id, personne.id, maintenant)
    if en_cours is not None:
        return en_cours
    acces = AccesExceptionnel(utilisateur_id=par.id, personne_id=personne.id, structure_id=personne.structure_id,
                              motif=motif, debut=maintenant, fin=maintenant + DUREE_PAR_DEFAUT)
    session.add(acces)
    session.flush()
    journaliser(session, acteur=par, action=Action.ACCES_EXCEPTIONNEL, objet_type="personne", objet_id=personne.id,
                motif=motif, details={"jusqu_a": acces.fin.isoformat(), "heures": DUREE_PAR_DEFAUT // timedelta(hours=1)})
    return acces


def regler_conservation(session: Session, structure: Structure, *, par, conservation, provenance, journal) -> dict:
    policy.exiger(policy.peut(par, "droits.regler_conservation") and structure.id == par.structure_id)
    valeurs = rules.valider_durees(conservation, provenance, journal)
    structure.parametres = {**(structure.parametres or {}), **valeurs}
    journaliser(session, acteur=par, action=Action.ADMINISTRATION, objet_type="structure", objet_id=structure.id,
                details={"conservation": valeurs})
    return valeurs
