"""Demo of the spreadsheets (`cipdesk demo`): the demo conseiller has a file of people from a
partner's old tool waiting, dry run done — three new people, one already in the caseload with
another commune (a conflict to decide) — so that the import screens have something to show."""
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
    if conseiller is None or session.scalar(select(ImportTableur.id).where(ImportTableur.auteur_id == conseiller.id)
                                            .limit(1)):
        return
    connue = session.scalar(select(Personne).where(Personne.referent_id == conseiller.id,
                                                   Personne.date_naissance.is_not(None)).order_by(Personne.nom))
    lignes = list(LIGNES)
    if connue is not None:
        lignes.append((connue.nom, connue.prenom, f"{connue.date_naissance:%d/%m/%Y}", "", "", "Roubaix", ""))
    texte = "Nom;Prénom;Date de naissance;Portable;CP;Ville;Mail\r\n" + "".join(";".join(l) + "\r\n" for l in lignes)
    liste = registre.importable("personnes")
    imp = services.deposer(session, par=conseiller, liste=liste, nom_fichier="orientations_partenaire.csv",
                           contenu=texte.encode("cp1252"))
    structure = session.get(Structure, conseiller.structure_id)
    services.analyser(session, par=conseiller, imp=imp, liste=liste, structure=structure, feuille="CSV",
                      correspondance=services.correspondance_suggeree(imp, structure, liste), aujourd_hui=aujourd_hui)
