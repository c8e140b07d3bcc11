"""The declarative base, shared column helpers and the database handle."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import DateTime, ForeignKey, MetaData, Uuid, func
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def new_id() -> uuid.UUID:
    """Ids are made in Python so that a row's id is known before insert (the
    encryption binds every ciphertext to its row id)."""
    return uuid.uuid4()


class UuidPk:
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, server_default=func.now()
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow, server_default=func.now()
    )


class StructureScoped:
    """Every domain row carries its structure, so queries can be scoped and the
    schema distributed by tenant."""

    @declared_attr
    def structure_id(cls) -> Mapped[uuid.UUID]:  # noqa: N805
        return mapped_column(Uuid, ForeignKey("structure.id"), index=True)


class Versioned:
    """Optimistic locking: a stale save raises StaleDataError instead of
    silently overwriting a colleague's edit."""

    version: Mapped[int] = mapped_column(default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls):  # noqa: N805
        return {"version_id_col": cls.__table__.c.version}


# -- tenant safety net -----------------------------------------------------------------
# Every query the ORM runs during a request is restricted to the user's structure,
# on every model carrying `structure_id` (StructureScoped): a query that forgets its
# structure filter still cannot return another structure's rows. Explicit filters stay
# (they say what the query means); this is the net under them. The web layer sets the
# structure for each request; CLI commands and tests without it see everything, and a
# query may opt out with `.execution_options(toutes_structures=True)` (instance-wide
# maintenance such as key rotation).
import contextvars  # noqa: E402
import weakref  # noqa: E402

from sqlalchemy import CompoundSelect, Select, event  # noqa: E402
from sqlalchemy.orm import ORMExecuteState, Session as _Session, with_loader_criteria  # noqa: E402

structure_courante: contextvars.ContextVar[uuid.UUID | None] = contextvars.ContextVar(
    "structure_courante", default=None)


def _critere_de_la_structure(structure_id):
    """The net's option for one structure, built once (building it costs as much as a small
    query's cache key). Its lambda's closure value is a bound parameter of the cache key: every
    structure shares the compiled SQL, each with its own option and value."""
    option = _criteres.get(structure_id)
    if option is None:
        if len(_criteres) >= 4096:   # a bound: the instance's structures, never more in practice
            _criteres.clear()
        option = _criteres[structure_id] = with_loader_criteria(
            StructureScoped, lambda cls: cls.structure_id == structure_id, include_aliases=True)
    return option


_criteres: dict = {}
# The statements the net has restricted, by statement then structure: a statement kept by its
# module (built once: `functools.cache`, a constant) is restricted once per structure, and its
# restricted copy keeps its cache key, computed once instead of on each run (a copy with an option
# is a new statement, whose key SQLAlchemy would compute again). Weak keys: a statement built for
# one request leaves with it (its restricted copy does not refer to it).
_restreintes: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def restreinte_a_la_structure(requete, structure_id):
    """The select as the net runs it for `structure_id`. A page that runs the same big statement on
    every request may keep it so restricted (and run it with the execution option
    `structure_restreinte=structure_id`, which the net checks): the statement's cache key is then
    computed once, not on each run (a few ms for the chef's alerts, issue #17)."""
    if not isinstance(requete, (Select, CompoundSelect)):   # identity-compared, weakly referable
        return requete.options(_critere_de_la_structure(structure_id))
    par_structure = _restreintes.get(requete)
    if par_structure is None:
        par_structure = _restreintes[requete] = {}
    restreinte = par_structure.get(structure_id)
    if restreinte is None:
        restreinte = par_structure[structure_id] = requete.options(_critere_de_la_structure(structure_id))
    return restreinte


@event.listens_for(_Session, "do_orm_execute")
def _restreindre_a_la_structure(etat: ORMExecuteState) -> None:
    structure_id = structure_courante.get()
    if structure_id is None or not etat.is_select or etat.execution_options.get("toutes_structures"):
        return
    if etat.execution_options.get("structure_restreinte") == structure_id:
        return   # already restricted to this very structure by restreinte_a_la_structure
    etat.statement = restreinte_a_la_structure(etat.statement, structure_id)


# -- a request's reads outside a transaction (PostgreSQL) -------------------------------------
# Each statement is a round trip to the server, and so are the BEGIN and COMMIT around them: on a
# page that only reads (most pages), they were two of its three round trips. During a web request
# (`lectures_hors_transaction`, set by web.securite), the connection runs its plain reads in
# autocommit and opens the transaction at the first statement that is not one: a write, a row
# lock (FOR UPDATE), a savepoint, a server-side cursor, a function with an effect. In READ
# COMMITTED (the default, never changed here) a plain SELECT sees the same rows inside a
# transaction or outside (each statement takes its own snapshot) and holds no lock, so nothing
# changes for what a request reads or writes: everything from the first write on is one
# transaction, committed or rolled back as before (web.securite). SQLite's driver already works
# so (it begins only before a write).
import functools  # noqa: E402
import re  # noqa: E402

lectures_hors_transaction: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "lectures_hors_transaction", default=False)

_LECTURE = re.compile(r"\s*\(*\s*(SELECT|WITH)\b", re.IGNORECASE)
# Conservative: a word of these anywhere (even in a column alias) opens the transaction.
_EFFET = re.compile(r"\b(INSERT|UPDATE|DELETE|MERGE|INTO|LOCK|COPY|TRUNCATE|CALL|DO|NEXTVAL|SETVAL"
                    r"|SET_CONFIG|PG_NOTIFY|PG_(TRY_)?ADVISORY\w*|LO_\w+|TXID_CURRENT\w*|PG_CURRENT_XACT_ID\w*"
                    r"|DBLINK\w*)\b|\bFOR\s+(UPDATE|SHARE|NO\s+KEY|KEY)\b", re.IGNORECASE)
_CLE = "cipdesk_lectures_hors_transaction"  # in the pooled connection's info: autocommit set by us


@functools.lru_cache(maxsize=4096)
def est_une_lecture(instruction: str) -> bool:
    """A plain read: SELECT (or WITH … SELECT) with no write, lock or side-effect function
    (the application defines no function of its own that writes: only trigger functions)."""
    return _LECTURE.match(instruction) is not None and _EFFET.search(instruction) is None


def installer_lectures_hors_transaction(engine) -> None:
    import psycopg
    from psycopg import pq
    from psycopg.pq import TransactionStatus

    inactive = TransactionStatus.IDLE

    @event.listens_for(engine, "begin")
    def _debut(conn):
        dbapi = conn.connection.dbapi_connection
        voulu = lectures_hors_transaction.get()
        if dbapi.pgconn.transaction_status != inactive:
            return
        if voulu:
            if not dbapi.autocommit:
                dbapi.autocommit = True
            conn.info[_CLE] = True
        elif conn.info.get(_CLE):
            # set by us for an earlier request on this connection; a connection the caller put in
            # autocommit itself (isolation_level="AUTOCOMMIT": VACUUM, CREATE DATABASE) is left so
            dbapi.autocommit = False
            conn.info[_CLE] = False

    @event.listens_for(engine, "before_cursor_execute")
    def _avant(conn, curseur, instruction, _parametres, contexte, _plusieurs):
        if not conn.info.get(_CLE) or (est_une_lecture(instruction) and not isinstance(curseur, psycopg.ServerCursor)):
            return
        # The rest of the request is one transaction. Its BEGIN goes with this statement, in one
        # round trip (pipeline mode, the Sync after the statement: `_apres`); the driver stays in
        # autocommit mode, its commit() and rollback() end the transaction all the same (they
        # look at the server's transaction status). A server-side cursor: the driver's own BEGIN.
        brute = curseur.connection
        conn.info[_CLE] = False
        if contexte is None or isinstance(curseur, psycopg.ServerCursor) \
                or brute.pgconn.pipeline_status != pq.PipelineStatus.OFF:
            brute.autocommit = False
            return
        gestionnaire = brute.pipeline()
        gestionnaire.__enter__()
        contexte._cipdesk_pipeline = gestionnaire
        brute.execute("BEGIN")

    @event.listens_for(engine, "after_cursor_execute")
    def _apres(_conn, _curseur, _instruction, _parametres, contexte, _plusieurs):
        gestionnaire = getattr(contexte, "_cipdesk_pipeline", None)
        if gestionnaire is not None:
            contexte._cipdesk_pipeline = None
            gestionnaire.__exit__(None, None, None)  # the Sync: both results read (or the error raised)

    @event.listens_for(engine, "handle_error")
    def _erreur(contexte_erreur):
        contexte = contexte_erreur.execution_context
        gestionnaire = getattr(contexte, "_cipdesk_pipeline", None)
        if gestionnaire is not None:
            contexte._cipdesk_pipeline = None
            erreur = contexte_erreur.original_exception
            try:
                gestionnaire.__exit__(type(erreur), erreur, erreur.__traceback__)
            except Exception:  # noqa: BLE001  (the original error is the one raised)
                pass

    @event.listens_for(engine, "checkin")
    def _rendue(dbapi, record):
        record.info[_CLE] = False
        if dbapi is not None and not dbapi.closed and dbapi.autocommit \
                and dbapi.pgconn.transaction_status == inactive:
            dbapi.autocommit = False
