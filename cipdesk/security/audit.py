"""Append-only audit log (SECURITY.md "Audit"): who, when, from where, what
object, which action — never the content.

Rows cannot be updated or deleted: the ORM refuses it here, and database
triggers (migrations 0001, 0011) refuse it for anyone who bypasses the ORM.

The rows form a chain (repo SECURITY.md, « Journal d'audit »): each row has a
contiguous `rang` and an `empreinte` = HMAC-SHA256(key, its content + the
previous row's empreinte). The key is derived from the master key (KEK), which
never lives in the database, so someone who can write to the database cannot
forge a row, rewrite one or close a gap. `verifier()` (`cipdesk audit verify`)
reports gaps, changed rows and forged rows; only `purger()` (`cipdesk audit
purger`) removes rows: the oldest ones, after writing in the chain which rows
it removes and the empreinte of the last one.
"""
from __future__ import annotations

import contextvars
import functools
import hashlib
import hmac
import itertools
import json
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import JSON, BigInteger, DateTime, Integer, String, TextClause, Uuid, delete, event, func, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column, scoped_session

from cipdesk.core.db import Base, utcnow
from cipdesk.core.libelles import EnumLibelle, colonne_enum


class Action(EnumLibelle):
    LECTURE = "lecture"
    CREATION = "creation"
    MODIFICATION = "modification"
    SUPPRESSION = "suppression"
    EXPORT = "export"
    PARTAGE = "partage"
    CONNEXION = "connexion"
    ECHEC_CONNEXION = "echec_connexion"
    DECONNEXION = "deconnexion"
    ADMINISTRATION = "administration"
    CLES = "cles"
    REFUS = "refus"
    PURGE = "purge"
    ACCES_EXCEPTIONNEL = "acces_exceptionnel"
    ANONYMISATION = "anonymisation"


ACTION_LIBELLES = {
    Action.LECTURE: "Lecture",
    Action.CREATION: "Création",
    Action.MODIFICATION: "Modification",
    Action.SUPPRESSION: "Suppression",
    Action.EXPORT: "Export",
    Action.PARTAGE: "Partage",
    Action.CONNEXION: "Connexion",
    Action.ECHEC_CONNEXION: "Échec de connexion",
    Action.DECONNEXION: "Déconnexion",
    Action.ADMINISTRATION: "Administration",
    Action.CLES: "Gestion des clés",
    Action.REFUS: "Accès refusé",
    Action.PURGE: "Purge du journal",
    Action.ACCES_EXCEPTIONNEL: "Accès exceptionnel (bris de glace)",
    Action.ANONYMISATION: "Anonymisation",
}
Action.LIBELLES = {action.value: libelle for action, libelle in ACTION_LIBELLES.items()}


class JournalAudit(Base):
    __tablename__ = "journal_audit"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                         server_default=func.now(), index=True)
    acteur_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    acteur_libelle: Mapped[str] = mapped_column(String(300), default="")
    role: Mapped[str] = mapped_column(String(30), default="")
    structure_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    action: Mapped[Action] = mapped_column(colonne_enum(Action, 30),
                                           index=True)
    objet_type: Mapped[str] = mapped_column(String(60), default="", index=True)
    objet_id: Mapped[str] = mapped_column(String(64), default="", index=True)
    adresse_ip: Mapped[str] = mapped_column(String(64), default="")
    agent: Mapped[str] = mapped_column(String(300), default="")
    motif: Mapped[str] = mapped_column(String(500), default="")
    # Non-content details only (e.g. {"champs": ["statut"]}); never a note's text.
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    # The chain: position (1, 2, 3… without gaps), the previous row's empreinte,
    # this row's HMAC, and which master key (KEK id) the HMAC key comes from.
    rang: Mapped[int | None] = mapped_column(BigInteger, unique=True, index=True)
    empreinte_precedente: Mapped[str | None] = mapped_column(String(64))
    empreinte: Mapped[str | None] = mapped_column(String(64))
    cle_id: Mapped[str | None] = mapped_column(String(40))
    # Where from (address, user agent) has its own, shorter retention (issue #18 point 9): the
    # chain covers a commitment to it, sha256(sel | adresse | agent), not the values, so that
    # `effacer_provenance` can blank them (and the random sel, which makes the commitment
    # irreversible) without breaking the chain. NULL empreinte: a row chained before (0019).
    sel_provenance: Mapped[str | None] = mapped_column(String(32))
    empreinte_provenance: Mapped[str | None] = mapped_column(String(64))


class JournalAuditTete(Base):
    """The head of the chain (one row, id 1): the last rang and its empreinte.
    Locked by every transaction that appends, so the chain has one writer at a
    time on PostgreSQL too; lets `verifier` see rows removed at the end."""

    __tablename__ = "journal_audit_tete"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    rang: Mapped[int] = mapped_column(BigInteger, default=0)
    empreinte: Mapped[str] = mapped_column(String(64))


class JournalImmuable(RuntimeError):
    pass


@event.listens_for(JournalAudit, "before_update")
def _refuser_modification(mapper, connection, target):  # noqa: ARG001
    raise JournalImmuable("Le journal d'audit ne peut pas être modifié.")


@event.listens_for(JournalAudit, "before_delete")
def _refuser_suppression(mapper, connection, target):  # noqa: ARG001
    raise JournalImmuable("Le journal d'audit ne peut pas être supprimé ligne à ligne.")


@dataclass(frozen=True)
class Provenance:
    adresse_ip: str = ""
    agent: str = ""


# Set by the web layer for each request, so services need not know about Flask.
provenance_courante: contextvars.ContextVar[Provenance] = contextvars.ContextVar(
    "provenance_courante", default=Provenance()
)


def journaliser(session: Session, *, acteur, action: Action, objet_type: str = "",
                objet_id: object = "", structure_id: uuid.UUID | None = None,
                motif: str = "", details: dict | None = None) -> JournalAudit:
    """Append one audit row. `acteur` is a Utilisateur or None (anonymous). The row gets its
    rang, id and empreinte at the commit (or `ecrire_journal`), not at the next flush."""
    provenance = provenance_courante.get()
    ligne = JournalAudit(
        at=utcnow(),
        acteur_id=getattr(acteur, "id", None),
        acteur_libelle=(f"{acteur.nom_complet} <{acteur.email}>" if acteur is not None else ""),
        role=str(getattr(acteur, "role", "") or ""),
        structure_id=structure_id if structure_id is not None else getattr(acteur, "structure_id", None),
        action=action,
        objet_type=objet_type,
        objet_id=str(objet_id or ""),
        adresse_ip=provenance.adresse_ip[:64],
        agent=provenance.agent[:300],
        motif=motif[:500],
        details=details or {},
    )
    ligne.sel_provenance = secrets.token_hex(16)
    ligne.empreinte_provenance = empreinte_de_provenance(ligne.sel_provenance, ligne.adresse_ip, ligne.agent)
    _mettre_de_cote(session, [ligne])  # added to the session when chained (see _chainer)
    return ligne


def empreinte_de_provenance(sel: str, adresse_ip: str, agent: str) -> str:
    return hashlib.sha256(json.dumps([sel, adresse_ip or "", agent or ""]).encode()).hexdigest()


class AuditPurgeAutorisee(Base):
    """Presence of a row lets the database triggers accept DELETEs on the audit
    log within the current transaction (retention purge only)."""

    __tablename__ = "audit_purge_autorisee"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)


# -- the chain ------------------------------------------------------------------

GENESE = "0" * 64  # the "previous empreinte" of rang 1
RETENTION_MINIMALE_MOIS = 6  # SECURITY.md: access logs kept 6 to 12 months
RETENTION_PAR_DEFAUT_MOIS = 12
_ordre = itertools.count()  # order of journaliser() calls inside one flush


def _cle_hmac(cle_id: str) -> bytes:
    """The HMAC key of the chain, derived from a master key (KEK) of the key store."""
    from cipdesk.security import keys

    kek = keys.coffre().trousseau.cle(cle_id)
    return hmac.new(kek, b"cipdesk:journal-audit:v1", hashlib.sha256).digest()


def _cle_active() -> str:
    from cipdesk.security import keys

    return keys.coffre().trousseau.active_id


def _instant(at: datetime) -> str:
    if at.tzinfo is None:  # SQLite gives back naive UTC
        at = at.replace(tzinfo=timezone.utc)
    return at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")


def contenu_canonique(ligne) -> bytes:
    """Every column but the chain's own, in a fixed order (rows or mappings)."""
    def v(nom):
        return getattr(ligne, nom) if not isinstance(ligne, dict) else ligne.get(nom)
    action = v("action")
    provenance = v("empreinte_provenance")
    contenu = [
        v("rang"), _instant(v("at")), str(v("acteur_id") or ""), v("acteur_libelle") or "",
        v("role") or "", str(v("structure_id") or ""), getattr(action, "value", action),
        v("objet_type") or "", v("objet_id") or "",
        # Since 0019 the chain covers the commitment to the provenance, not its values.
        "" if provenance else v("adresse_ip") or "", "" if provenance else v("agent") or "",
        v("motif") or "", v("details") or {},
    ]
    if provenance:
        contenu.append(provenance)
    return json.dumps(contenu, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def calculer_empreinte(cle: bytes, ligne, precedente: str) -> str:
    return hmac.new(cle, contenu_canonique(ligne) + b"|" + precedente.encode(), hashlib.sha256).hexdigest()


def verrouiller_tete(session: Session) -> JournalAuditTete:
    """Take the head of the chain for this transaction (row lock on PostgreSQL,
    the write lock on SQLite: the no-op UPDATE comes first), freshly read.

    One round trip in the usual case: the no-op UPDATE takes the lock and its RETURNING reads
    the head as the lock holder sees it (PostgreSQL re-reads the row after waiting for a
    concurrent writer, as the SELECT … FOR UPDATE did), loaded into the session's head."""
    tete = session.execute(
        select(JournalAuditTete).from_statement(text(
            "UPDATE journal_audit_tete SET rang = rang WHERE id = 1 RETURNING id, rang, empreinte"))
        .execution_options(populate_existing=True)).scalar_one_or_none()
    if tete is not None:
        return tete
    # a new (or emptied) database; several first writers may race here
    ignorer = "OR IGNORE " if session.get_bind().dialect.name == "sqlite" else ""
    fin = " ON CONFLICT (id) DO NOTHING" if not ignorer else ""
    cree = session.execute(text(f"INSERT {ignorer}INTO journal_audit_tete (id, rang, empreinte) "
                                f"VALUES (1, 0, :g){fin}"), {"g": GENESE}).rowcount
    if cree and session.scalar(select(func.count()).select_from(JournalAudit)
                               .where(JournalAudit.rang.is_not(None))):
        raise JournalImmuable("La tête de chaîne du journal d'audit a disparu : "
                              "lancez « cipdesk audit verify ».")
    session.execute(text("UPDATE journal_audit_tete SET rang = rang WHERE id = 1"))
    tete = session.execute(select(JournalAuditTete).where(JournalAuditTete.id == 1)
                           .with_for_update().execution_options(populate_existing=True)).scalar_one()
    return tete


# -- when the chain is written ---------------------------------------------------
# The head of the chain is locked until the end of the transaction, so chaining at the
# first (auto)flush would make every audited page wait for the others while it renders.
# New audit rows are therefore set aside at flush time (expunged, kept in session.info)
# and chained just before the commit, or as soon as something reads or writes the
# journal in the same transaction (so it sees its own rows), or on `ecrire_journal`.
_EN_ATTENTE = "cipdesk.audit.en_attente"  # [(row, nested transaction it was set aside in)]
_A_CHAINER = "cipdesk.audit.a_chainer"    # set: flushes chain the new rows right away


def ecrire_journal(session: Session) -> None:
    """Chain and write now the audit rows waiting in this transaction (for a caller
    that needs their rang or id before the commit). Takes the head of the chain,
    which stays locked until the end of the transaction."""
    if isinstance(session, scoped_session):
        session = session()
    en_attente = session.info.pop(_EN_ATTENTE, [])
    lignes = [ligne for ligne, _niveau in en_attente]
    if 0 < len(lignes) <= _LIGNES_PAR_INSTRUCTION and session.get_bind().dialect.name == "postgresql":
        _ecrire_en_une_instruction(session, lignes)
    else:
        for ligne in lignes:
            session.add(ligne)
    if session.info.get(_A_CHAINER):
        session.flush()
        return
    session.info[_A_CHAINER] = True
    try:
        session.flush()
    finally:
        session.info.pop(_A_CHAINER, None)


def _preparer(lignes: list, tete: JournalAuditTete) -> str:
    """Give each row, in the order of the journaliser() calls, its place after `tete` and its
    empreinte (the head itself is left to the caller); returns the KEK id of the HMAC key."""
    lignes.sort(key=lambda o: o.__dict__.get("_ordre_chaine", 0))
    cle_id = _cle_active()
    cle = _cle_hmac(cle_id)
    rang, precedente = tete.rang, tete.empreinte
    for ligne in lignes:
        ligne.at = (ligne.at or utcnow()).astimezone(timezone.utc)
        for nom in ("acteur_libelle", "role", "objet_type", "objet_id", "adresse_ip", "agent", "motif"):
            if getattr(ligne, nom) is None:
                setattr(ligne, nom, "")
        if ligne.details is None:
            ligne.details = {}
        ligne.rang = rang + 1
        ligne.empreinte_precedente = precedente
        ligne.cle_id = cle_id
        ligne.empreinte = calculer_empreinte(cle, ligne, precedente)
        rang, precedente = ligne.rang, ligne.empreinte
    return cle_id


_COLONNES_ECRITES = ("at", "acteur_id", "acteur_libelle", "role", "structure_id", "action", "objet_type",
                     "objet_id", "adresse_ip", "agent", "motif", "details", "rang", "empreinte_precedente",
                     "empreinte", "cle_id", "sel_provenance", "empreinte_provenance")


# More rows in one transaction (rare: the ORM's INSERT then, one statement per batch) would make
# statements too long to be worth caching.
_LIGNES_PAR_INSTRUCTION = 16


@functools.lru_cache(maxsize=_LIGNES_PAR_INSTRUCTION)
def _instruction_d_ecriture(nombre: int):
    """WITH tete_deplacee AS (UPDATE journal_audit_tete … WHERE rang = :ancien_rang RETURNING rang)
    INSERT INTO journal_audit (…) SELECT :at_0, … FROM tete_deplacee [UNION ALL …] RETURNING id, rang:
    the rows go in only if the head moved from the rang just read, so never a row chained after a
    head that is not the one its empreinte was computed from. Built once per number of rows, with
    bound parameters only (cached by SQLAlchemy: compiled once)."""
    from sqlalchemy import bindparam, insert, union_all, update

    t_tete, t_journal = JournalAuditTete.__table__, JournalAudit.__table__
    deplacee = (update(t_tete).where(t_tete.c.id == 1, t_tete.c.rang == bindparam("ancien_rang"))
                .values(rang=bindparam("nouveau_rang"), empreinte=bindparam("nouvelle_empreinte"))
                .returning(t_tete.c.rang).cte("tete_deplacee"))
    lignes = [select(*(bindparam(f"{nom}_{i}", type_=t_journal.c[nom].type) for nom in _COLONNES_ECRITES))
              .select_from(deplacee) for i in range(nombre)]
    source = lignes[0] if nombre == 1 else union_all(*lignes)
    return (insert(t_journal).from_select(_COLONNES_ECRITES, source)
            .returning(t_journal.c.id, t_journal.c.rang).add_cte(deplacee))


def _ecrire_en_une_instruction(session: Session, lignes: list) -> None:
    """PostgreSQL: two round trips for the chained write, not three. The first takes and reads
    the head (`verrouiller_tete`: the empreinte of the next row depends on it, and the HMAC key
    never goes to the server, so it cannot be computed there); the second writes the rows and
    moves the head in one statement (the head's UPDATE in a WITH, guarded by the rang just read).
    The rows then become persistent in the session as an ORM flush would leave them (identity
    map, and expunged again if the transaction or the savepoint is rolled back)."""
    from sqlalchemy.orm import attributes

    tete = verrouiller_tete(session)
    ancien_rang = tete.rang
    _preparer(lignes, tete)
    derniere = lignes[-1]
    parametres = {"ancien_rang": ancien_rang, "nouveau_rang": derniere.rang, "nouvelle_empreinte": derniere.empreinte}
    for i, ligne in enumerate(lignes):
        parametres.update({f"{nom}_{i}": getattr(ligne, nom) for nom in _COLONNES_ECRITES})
    ecrites = session.execute(_instruction_d_ecriture(len(lignes)), parametres).all()
    if len(ecrites) != len(lignes):
        raise JournalImmuable("La tête de chaîne du journal d'audit a changé pendant l'écriture.")
    ids = {rang: ident for ident, rang in ecrites}
    for ligne in lignes:
        ligne.id = ids[ligne.rang]
        session.add(ligne)
    # What the unit of work does after its INSERT (Session._register_persistent): identity key,
    # attributes committed (nothing left to flush), and the transaction remembers the rows as
    # new ones, so a rollback expunges them as it did with the ORM's own INSERT.
    session._register_persistent({attributes.instance_state(ligne) for ligne in lignes})
    attributes.set_committed_value(tete, "rang", derniere.rang)
    attributes.set_committed_value(tete, "empreinte", derniere.empreinte)


def _mettre_de_cote(session: Session, lignes: list) -> None:
    if isinstance(session, scoped_session):  # db.session: the request's own Session
        session = session()
    if session.get_transaction() is None:
        session.connection()  # a transaction whose end (commit or rollback) decides their fate
    niveau = session.get_nested_transaction()
    for ligne in lignes:
        if ligne in session:
            session.expunge(ligne)
    session.info.setdefault(_EN_ATTENTE, []).extend((ligne, niveau) for ligne in lignes)


@event.listens_for(Session, "before_flush")
def _chainer(session, flush_context, instances):  # noqa: ARG001
    """Give each new audit row its place in the chain, just before it is written;
    before the commit only (see above), unless asked for earlier."""
    nouvelles = [o for o in session.new if isinstance(o, JournalAudit) and o.rang is None]
    if not nouvelles:
        return
    if not session.info.get(_A_CHAINER):
        _mettre_de_cote(session, nouvelles)
        return
    tete = verrouiller_tete(session)
    _preparer(nouvelles, tete)
    tete.rang, tete.empreinte = nouvelles[-1].rang, nouvelles[-1].empreinte


@event.listens_for(Session, "before_commit")
def _chainer_avant_validation(session):
    if session.in_nested_transaction():  # a savepoint's rows belong to the enclosing transaction
        return
    # Until the end of the transaction: a row added by a later hook is chained, not set aside.
    session.info[_A_CHAINER] = True
    ecrire_journal(session)


@event.listens_for(Session, "after_rollback")
def _oublier_apres_annulation(session):
    """The rows set aside inside what is rolled back go with it, as written rows would."""
    annulee = session.get_nested_transaction()
    if annulee is None:  # the whole transaction
        session.info.pop(_EN_ATTENTE, None)
        session.info.pop(_A_CHAINER, None)
        return

    def dedans(niveau):
        while niveau is not None:
            if niveau is annulee:
                return True
            niveau = niveau.parent
        return False

    session.info[_EN_ATTENTE] = [(l, n) for l, n in session.info.get(_EN_ATTENTE, []) if not dedans(n)]


@event.listens_for(Session, "after_transaction_end")
def _fin_de_transaction(session, transaction):
    if transaction.parent is None:
        session.info.pop(_EN_ATTENTE, None)
        session.info.pop(_A_CHAINER, None)


def _touche_le_journal(etat) -> bool:
    if any(m.class_ in (JournalAudit, JournalAuditTete) for m in etat.all_mappers):
        return True
    instruction = etat.statement
    if isinstance(instruction, TextClause):
        return "journal_audit" in instruction.text.lower()
    # Core UPDATE/DELETE on the table (ORM statements are seen through their mappers above;
    # not Select.get_final_froms(), which compiles the statement: far too slow here).
    tables = [getattr(instruction, "table", None), *getattr(instruction, "_from_obj", ())]  # select_from(JournalAudit)
    return any(str(getattr(t, "name", "")).startswith("journal_audit") for t in tables)


@event.listens_for(Session, "do_orm_execute")
def _ecrire_avant_lecture(etat):
    """A statement on the journal sees this transaction's rows, as it did when they
    were written at the first flush."""
    if etat.session.info.get(_EN_ATTENTE) and _touche_le_journal(etat):
        ecrire_journal(etat.session)


@event.listens_for(JournalAudit, "init")
def _numeroter(target, args, kwargs):  # noqa: ARG001
    target.__dict__["_ordre_chaine"] = next(_ordre)


@dataclass
class Bilan:
    lignes: int = 0
    premier: int | None = None
    dernier: int | None = None
    tete: str = ""
    anomalies: list[str] = field(default_factory=list)

    @property
    def integre(self) -> bool:
        return not self.anomalies


def verifier(session: Session, *, taille_lot: int = 2000) -> Bilan:
    """Walk the chain: every gap, changed row, forged or unchained row is reported.
    A missing beginning is accepted only if a (genuine) purge row documents it."""
    bilan = Bilan()
    cles: dict[str, bytes] = {}
    hors_chaine = session.scalar(select(func.count()).select_from(JournalAudit)
                                 .where(JournalAudit.rang.is_(None)))
    if hors_chaine:
        bilan.anomalies.append(f"{hors_chaine} ligne(s) hors chaîne (insérées sans empreinte).")
    precedent_rang, precedente = None, None
    purges: list[tuple[int, str]] = []
    requete = (select(JournalAudit).where(JournalAudit.rang.is_not(None))
               .order_by(JournalAudit.rang).execution_options(yield_per=taille_lot))
    premiere_empreinte_precedente = None
    provenance_effacee_jusqu_au, effacees = 0, []
    for ligne in session.scalars(requete):
        bilan.lignes += 1
        if precedent_rang is None:
            bilan.premier = ligne.rang
            premiere_empreinte_precedente = ligne.empreinte_precedente
        else:
            if ligne.rang != precedent_rang + 1:
                bilan.anomalies.append(f"Lignes manquantes : rangs {precedent_rang + 1} à {ligne.rang - 1}.")
            elif ligne.empreinte_precedente != precedente:
                bilan.anomalies.append(f"Rang {ligne.rang} : chaînage rompu (ligne précédente remplacée).")
        try:
            if ligne.cle_id not in cles:
                cles[ligne.cle_id] = _cle_hmac(ligne.cle_id)
            attendue = calculer_empreinte(cles[ligne.cle_id], ligne, ligne.empreinte_precedente or "")
        except Exception:  # noqa: BLE001  (a missing key is reported, not raised)
            bilan.anomalies.append(f"Rang {ligne.rang} : clé {ligne.cle_id} indisponible, ligne invérifiable.")
            attendue = None
        if attendue is not None and not hmac.compare_digest(attendue, ligne.empreinte or ""):
            bilan.anomalies.append(f"Rang {ligne.rang} : ligne modifiée ou forgée (empreinte invalide).")
        elif ligne.action == Action.PURGE and attendue is not None:
            purges.append((int(ligne.details.get("jusqu_au_rang", 0)), ligne.details.get("derniere_empreinte", "")))
        elif ligne.action == Action.ANONYMISATION and attendue is not None \
                and ligne.details.get("operation") == OPERATION_PROVENANCE:
            provenance_effacee_jusqu_au = max(provenance_effacee_jusqu_au, int(ligne.details.get("jusqu_au_rang", 0)))
        if ligne.empreinte_provenance:
            if ligne.sel_provenance is None:
                if ligne.adresse_ip or ligne.agent:
                    bilan.anomalies.append(f"Rang {ligne.rang} : provenance réécrite après son effacement.")
                else:
                    effacees.append(ligne.rang)
            elif not hmac.compare_digest(ligne.empreinte_provenance, empreinte_de_provenance(
                    ligne.sel_provenance, ligne.adresse_ip, ligne.agent)):
                bilan.anomalies.append(f"Rang {ligne.rang} : adresse ou navigateur modifiés.")
        precedent_rang, precedente = ligne.rang, ligne.empreinte
    bilan.dernier, bilan.tete = precedent_rang, precedente or ""
    hors_effacement = [r for r in effacees if r > provenance_effacee_jusqu_au]
    if hors_effacement:
        bilan.anomalies.append(f"Provenance effacée sans effacement documenté : rangs {hors_effacement[0]} "
                               f"à {hors_effacement[-1]} ({len(hors_effacement)} ligne(s)).")
    if bilan.premier is not None and bilan.premier != 1:
        documentee = max(purges, default=(0, ""))
        if documentee[0] != bilan.premier - 1 or documentee[1] != premiere_empreinte_precedente:
            bilan.anomalies.append(f"Lignes manquantes : rangs 1 à {bilan.premier - 1} sans purge documentée.")
    elif bilan.premier == 1 and premiere_empreinte_precedente != GENESE:
        bilan.anomalies.append("Rang 1 : début de chaîne invalide.")
    tete = session.get(JournalAuditTete, 1, populate_existing=True)
    if tete is None:
        if bilan.lignes:
            bilan.anomalies.append("Tête de chaîne absente.")
    elif tete.rang != (bilan.dernier or 0) or (bilan.lignes and tete.empreinte != bilan.tete):
        if tete.rang > (bilan.dernier or 0):
            bilan.anomalies.append(f"Lignes manquantes en fin de journal : rangs {(bilan.dernier or 0) + 1} "
                                   f"à {tete.rang}.")
        else:
            bilan.anomalies.append("Tête de chaîne incohérente avec la dernière ligne.")
    return bilan


def purger(session: Session, *, mois: int = RETENTION_PAR_DEFAUT_MOIS, maintenant: datetime | None = None) -> dict:
    """Retention purge (SECURITY.md: access logs kept 6 to 12 months): remove the
    oldest rows, older than `mois` months, after recording in the chain which
    rows go and the empreinte of the last one (so `verifier` accepts the cut)."""
    if mois < RETENTION_MINIMALE_MOIS:
        raise ValueError(f"La durée de conservation ne peut pas être inférieure à {RETENTION_MINIMALE_MOIS} mois.")
    limite = (maintenant or utcnow()) - timedelta(days=round(mois * 30.44))
    verrouiller_tete(session)
    premier_recent = session.scalar(select(func.min(JournalAudit.rang)).where(JournalAudit.at >= limite))
    condition = JournalAudit.rang.is_not(None)
    if premier_recent is not None:
        condition = condition & (JournalAudit.rang < premier_recent)
    dernier = session.execute(select(JournalAudit.rang, JournalAudit.empreinte).where(condition)
                              .order_by(JournalAudit.rang.desc()).limit(1)).first()
    if dernier is None:
        return {"lignes": 0}
    premier = session.scalar(select(func.min(JournalAudit.rang)))
    bilan = {"operation": "purge", "du_rang": premier, "jusqu_au_rang": dernier.rang,
             "derniere_empreinte": dernier.empreinte, "lignes": dernier.rang - premier + 1,
             "avant": _instant(limite), "conservation_mois": mois}
    journaliser(session, acteur=None, action=Action.PURGE, objet_type="journal_audit", details=bilan)
    ecrire_journal(session)
    session.execute(delete(JournalAudit).where(JournalAudit.rang <= dernier.rang)
                    .execution_options(synchronize_session=False))
    return bilan


# -- the provenance's own retention (issue #18, point 9) -------------------------------------
OPERATION_PROVENANCE = "effacement_provenance"
PROVENANCE_PAR_DEFAUT_MOIS = 3


def effacer_provenance(session: Session, *, mois: int = PROVENANCE_PAR_DEFAUT_MOIS,
                       maintenant: datetime | None = None) -> dict:
    """Blank the address and user agent of the rows older than `mois` months (and their sel),
    after writing in the chain up to which rang it is done: `verifier` still checks every row,
    and reports a blanked provenance that no such row documents. The database triggers (0019)
    accept this one UPDATE: blanking the three provenance columns, nothing else."""
    from sqlalchemy import update

    if mois < 1:
        raise ValueError("La durée de conservation des adresses doit être d'au moins un mois.")
    limite = (maintenant or utcnow()) - timedelta(days=round(mois * 30.44))
    verrouiller_tete(session)
    a_effacer = (JournalAudit.at < limite) & JournalAudit.sel_provenance.is_not(None) \
        & JournalAudit.empreinte_provenance.is_not(None) & JournalAudit.rang.is_not(None)
    dernier = session.scalar(select(func.max(JournalAudit.rang)).where(a_effacer))
    if dernier is None:
        return {"lignes": 0}
    lignes = session.scalar(select(func.count()).select_from(JournalAudit).where(a_effacer))
    bilan = {"operation": OPERATION_PROVENANCE, "jusqu_au_rang": dernier, "lignes": lignes,
             "avant": _instant(limite), "conservation_mois": mois}
    journaliser(session, acteur=None, action=Action.ANONYMISATION, objet_type="journal_audit", details=bilan)
    ecrire_journal(session)
    session.execute(update(JournalAudit).where(a_effacer, JournalAudit.rang <= dernier)
                    .values(adresse_ip="", agent="", sel_provenance=None)
                    .execution_options(synchronize_session=False))
    return bilan
