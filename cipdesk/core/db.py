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

from sqlalchemy import event  # noqa: E402
from sqlalchemy.orm import ORMExecuteState, Session as _Session, with_loader_criteria  # noqa: E402

structure_courante: contextvars.ContextVar[uuid.UUID | None] = contextvars.ContextVar(
    "structure_courante", default=None)


def restreinte_a_la_structure(requete, structure_id):
    """The select as the net runs it for `structure_id`. A page that runs the same big statement on
    every request may keep it so restricted (and run it with the execution option
    `structure_restreinte=structure_id`, which the net checks): the statement's cache key is then
    computed once, not on each run (a few ms for the chef's alerts, issue #17)."""
    return requete.options(with_loader_criteria(
        StructureScoped, lambda cls: cls.structure_id == structure_id, include_aliases=True))


@event.listens_for(_Session, "do_orm_execute")
def _restreindre_a_la_structure(etat: ORMExecuteState) -> None:
    structure_id = structure_courante.get()
    if structure_id is None or not etat.is_select or etat.execution_options.get("toutes_structures"):
        return
    if etat.execution_options.get("structure_restreinte") == structure_id:
        return   # already restricted to this very structure by restreinte_a_la_structure
    etat.statement = restreinte_a_la_structure(etat.statement, structure_id)
