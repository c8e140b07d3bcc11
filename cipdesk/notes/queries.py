"""Reading confidential notes, for this module and the others (the pages of the
records notes are attached to, and their part of the person's timeline).

Reading a note is a query with one side effect, its audit row (as every read of a
record through `web.chargement.charger`)."""
from __future__ import annotations

from types import SimpleNamespace

from sqlalchemy import Boolean, bindparam, exists, select
from sqlalchemy.orm import Session

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import Evenement, SourceDeChronologie
from cipdesk.notes.models import NoteConfidentielle, NoteLecteur
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.security.chiffrement import ouvrir_ou_signaler


def lire_note(session: Session, *, lecteur: Utilisateur, note: NoteConfidentielle) -> tuple[str, bool]:
    """Decrypt for a reader the policy allows; one audit row per read."""
    policy.verifier_structure(lecteur, note)
    policy.exiger(policy.peut_lire_note(lecteur, note, note.lecteurs_ids))
    texte, ok = ouvrir_ou_signaler(session, note, "contenu")
    journaliser(session, acteur=lecteur, action=Action.LECTURE,
                objet_type="note_confidentielle", objet_id=note.id,
                details={} if ok else {"erreur": "indechiffrable"})
    return texte, ok


def notes_de(session: Session, lecteur, objet_type: str, objet_id) -> list[NoteConfidentielle]:
    """Notes attached to this record that the reader may read (never the hierarchy)."""
    if not policy.peut_ecrire_note(lecteur):
        return []
    lignes = session.scalars(select(NoteConfidentielle).where(
        NoteConfidentielle.structure_id == lecteur.structure_id, NoteConfidentielle.objet_type == objet_type,
        NoteConfidentielle.objet_id == objet_id).order_by(NoteConfidentielle.created_at)).all()
    return [n for n in lignes if policy.peut_lire_note(lecteur, n, n.lecteurs_ids)]


def source_des_notes(objet_type: str, objet_ids) -> SourceDeChronologie:
    """Timeline events for the notes attached to the person's records of one kind that the reader
    may read, as a timeline source (one part of the person's one statement): `objet_ids(personne_id)`
    selects the ids of the person's records of that kind.
    Whether the reader reads notes at all is a bound value (`notes_lisibles`); whether they are an
    explicit reader travels with each row; the policy decides, as in `notes_de`."""
    def requete(personne_id, lecteur_id):
        partagee = exists().where(NoteLecteur.note_id == NoteConfidentielle.id, NoteLecteur.utilisateur_id == lecteur_id)
        return select(NoteConfidentielle.id.label("objet_id"), NoteConfidentielle.structure_id.label("structure_id"),
                      NoteConfidentielle.auteur_id.label("autre_id"), NoteConfidentielle.created_at.label("saisi"),
                      partagee.label("drapeau")).where(
            bindparam("notes_lisibles", type_=Boolean), NoteConfidentielle.objet_type == objet_type,
            NoteConfidentielle.objet_id.in_(objet_ids(personne_id).scalar_subquery()))

    def lire(lignes, session, lecteur) -> list[Evenement]:
        return [Evenement(n.saisi.date(), n.saisi, "note_confidentielle", "Note confidentielle",
                          "Lisible par son auteur·e et les collègues choisis", "notes.voir", (("note_id", n.objet_id),))
                for n in lignes
                if policy.peut_lire_note(lecteur, SimpleNamespace(structure_id=n.structure_id, auteur_id=n.autre_id),
                                         {lecteur.id} if n.drapeau else set())]

    return SourceDeChronologie(requete, lire, lambda lecteur: {"notes_lisibles": policy.peut_ecrire_note(lecteur)})


def sujets(session: Session, notes) -> dict:
    """note id → (personne or None, record kind label, (endpoint, values) of the record or None):
    what each note is about (issue #11, point 7). One query per kind of record (the kinds a
    note may be attached to are declared by the modules: `TypeObjet.notes`)."""
    from cipdesk.core.contrat import registre

    par_type: dict[str, list] = {}
    for n in notes:
        if n.objet_type and n.objet_id:
            par_type.setdefault(n.objet_type, []).append(n.objet_id)
    objets = {}
    for code, ids in par_type.items():
        modele = registre.objets().get(code).notes if code in registre.objets() else None
        if modele is None:
            continue
        for o in session.scalars(select(modele).where(modele.id.in_(ids))):
            objets[(code, o.id)] = o
    resultat = {}
    for n in notes:
        o = objets.get((n.objet_type, n.objet_id))
        personne = (o.personne if hasattr(o, "personne") else o.parcours.personne) if o is not None else None
        resultat[n.id] = (personne, registre.libelle(n.objet_type) if n.objet_type else "",
                          registre.cible(n.objet_type, n.objet_id) if o is not None else None)
    return resultat


def rechercher_dans_mes_notes(session: Session, auteur, notes, texte: str) -> set:
    """Ids of the author's OWN notes whose decrypted content contains `texte` (accents and case
    ignored). Decrypted in memory only, never stored; one audit row for the search (what was
    searched is not written: it may itself be sensitive)."""
    from cipdesk.core.texte import sans_accents

    cherche = sans_accents(texte).lower().strip()
    trouvees = set()
    propres = [n for n in notes if n.auteur_id == auteur.id]
    for n in propres:
        contenu, ok = ouvrir_ou_signaler(session, n, "contenu")
        if ok and cherche in sans_accents(contenu).lower():
            trouvees.add(n.id)
    journaliser(session, acteur=auteur, action=Action.LECTURE, objet_type="note_confidentielle",
                objet_id="", details={"recherche": True, "notes_parcourues": len(propres),
                                      "trouvees": len(trouvees)})
    return trouvees
