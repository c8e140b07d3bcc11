"""Two portable SQL expressions the indicators need: the month of a date ('YYYY-MM')
and the number of days between two dates, compiled for PostgreSQL and SQLite."""
from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement


class mois_de(FunctionElement):  # noqa: N801  (reads as SQL)
    """'YYYY-MM' of a date column."""
    type = String()
    inherit_cache = True
    name = "mois_de"


@compiles(mois_de)
def _mois_pg(element, compiler, **kw):
    return "to_char(%s, 'YYYY-MM')" % compiler.process(element.clauses, **kw)


@compiles(mois_de, "sqlite")
def _mois_sqlite(element, compiler, **kw):
    return "strftime('%%Y-%%m', %s)" % compiler.process(element.clauses, **kw)


class jours_entre(FunctionElement):  # noqa: N801
    """jours_entre(a, b): whole days from date b to date a (a − b)."""
    type = Integer()
    inherit_cache = True
    name = "jours_entre"


@compiles(jours_entre)
def _jours_pg(element, compiler, **kw):
    a, b = list(element.clauses)
    return "(CAST(%s AS DATE) - CAST(%s AS DATE))" % (compiler.process(a, **kw), compiler.process(b, **kw))


@compiles(jours_entre, "sqlite")
def _jours_sqlite(element, compiler, **kw):
    a, b = list(element.clauses)
    return "CAST(julianday(%s) - julianday(%s) AS INTEGER)" % (compiler.process(a, **kw),
                                                               compiler.process(b, **kw))


class jour_de(FunctionElement):  # noqa: N801
    """The calendar day (UTC) of a timestamp."""
    type = String()
    inherit_cache = True
    name = "jour_de"


@compiles(jour_de)
def _jour_pg(element, compiler, **kw):
    return "CAST(%s AS DATE)" % compiler.process(element.clauses, **kw)


@compiles(jour_de, "sqlite")
def _jour_sqlite(element, compiler, **kw):
    return "date(%s)" % compiler.process(element.clauses, **kw)


class le_plus_tot(FunctionElement):  # noqa: N801
    """The earliest of non-null dates (the caller coalesces NULLs to one of them)."""
    inherit_cache = True
    name = "le_plus_tot"


@compiles(le_plus_tot)
def _tot_pg(element, compiler, **kw):
    return "LEAST(%s)" % compiler.process(element.clauses, **kw)


@compiles(le_plus_tot, "sqlite")
def _tot_sqlite(element, compiler, **kw):
    return "min(%s)" % compiler.process(element.clauses, **kw)
