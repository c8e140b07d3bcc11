"""Demo of the spreadsheets (`cipdesk demo`): the demo conseiller has a file of people from a
partner's old tool waiting, dry run done — three new people, one already in the caseload with
another commune (a conflict to decide) — and the partners' list of a local network, two new,
one already in the répertoire with a new contact — so that the import screens have something
to show."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.comptes.models import Structure, Utilisateur
from cipdesk.core.contrat import registre
from cipdesk.personnes.models import Personne
from cipdesk.tableur import services
from cipdesk.tableur.models import ImportTableur

LIGNES = [
    ("Benali", "Yasmine", "12/04/1996", "06 23 45 67 81", "59000", "Lille", "yasmine.benali@exemple.fr"),
    ("Roux", "Théo", "03/11/2001", "0634567812", "59200", "Tourcoing", ""),
    ("Ferreira", "Inês", "28/02/1979", "", "59160", "Lomme", "ines.ferreira@exemple.fr"),
]


def remplir_tableur(session: Session, *, seed: int = 0, aujourd_hui: date, **_options) -> None:  # noqa: ARG001
    conseiller = session.scalar(select(Utilisateur).where(Utilisateur.email == "conseiller@demo.cipdesk.fr"))
    if conseiller is None:
        return
    if not _deja(session, conseiller, "personnes"):
        _personnes(session, conseiller, aujourd_hui)
    if not _deja(session, conseiller, "partenaires"):
        _partenaires(session, conseiller, aujourd_hui)


def _deja(session, conseiller, liste: str) -> bool:
    return session.scalar(select(ImportTableur.id).where(ImportTableur.auteur_id == conseiller.id,
                                                         ImportTableur.liste == liste).limit(1)) is not None


def _essai(session, conseiller, code: str, nom_fichier: str, texte: str, aujourd_hui: date) -> None:
    liste = registre.importable(code)
    imp = services.deposer(session, par=conseiller, liste=liste, nom_fichier=nom_fichier,
                           contenu=texte.encode("cp1252"))
    structure = session.get(Structure, conseiller.structure_id)
    services.analyser(session, par=conseiller, imp=imp, liste=liste, structure=structure, feuille="CSV",
                      correspondance=services.correspondance_suggeree(imp, structure, liste), aujourd_hui=aujourd_hui)


PARTENAIRES = [
    ("Épicerie solidaire L'Escale", "Association", "14 rue de Lannoy", "59100", "Roubaix", "Nadia Haddad",
     "03 20 11 22 33", "contact@escale-roubaix.fr", "Personnes orientées par un travailleur social"),
    ("Auto-école sociale Permis Pour Tous", "Association", "3 boulevard de Belfort", "59100", "Roubaix",
     "Karim Bensaïd", "03 20 44 55 66", "", "Demandeurs d'emploi, bénéficiaires du RSA"),
]


def _partenaires(session, conseiller, aujourd_hui: date) -> None:
    from cipdesk.territoire.partenaires.models import Partenaire

    lignes = list(PARTENAIRES)
    connu = session.scalar(select(Partenaire).where(Partenaire.structure_id == conseiller.structure_id)
                           .order_by(Partenaire.nom).limit(1))
    if connu is not None:
        lignes.append((connu.nom, connu.type_partenaire, "", "", "", "Sophie Lambert (nouvelle référente)", "",
                       "", ""))
    texte = ("Structure;Type;Adresse;CP;Ville;Contact;Tél;Mail;Publics accueillis\r\n"
             + "".join(";".join(l) + "\r\n" for l in lignes))
    _essai(session, conseiller, "partenaires", "reseau_partenaires_roubaix.csv", texte, aujourd_hui)


def _personnes(session, conseiller, aujourd_hui: date) -> None:
    connue = session.scalar(select(Personne).where(Personne.referent_id == conseiller.id,
                                                   Personne.date_naissance.is_not(None)).order_by(Personne.nom))
    lignes = list(LIGNES)
    if connue is not None:
        lignes.append((connue.nom, connue.prenom, f"{connue.date_naissance:%d/%m/%Y}", "", "", "Roubaix", ""))
    texte = "Nom;Prénom;Date de naissance;Portable;CP;Ville;Mail\r\n" + "".join(";".join(l) + "\r\n" for l in lignes)
    _essai(session, conseiller, "personnes", "orientations_partenaire.csv", texte, aujourd_hui)
