"""The table of each indicator (issue #17, points 3 and 5): its columns, the same for the
page, the CSV and the XLSX export; and the two spreadsheet formats. Pure: no session, no Flask."""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from cipdesk.documents.tableur import classeur
from cipdesk.tableau.rules import neutraliser, taux


@dataclass(frozen=True)
class Colonne:
    titre: str
    valeur: Callable           # (ligne) -> number, text or None
    numerique: bool = True


def colonnes(chiffres, ctx) -> list[Colonne]:
    """Label, count, then what the indicator adds: mean and maximum of days for delays and
    ages, the weekly mean for entretiens, the norm and the gap to it for the file active,
    the share of the total for breakdowns."""
    ind = chiffres.indicateur
    cols = [Colonne("Libellé", lambda l: l.libelle, numerique=False),
            Colonne(f"Nombre ({ind.unite})", lambda l: l.nombre)]
    if ind.delai:
        cols += [Colonne("Moyenne (jours)", lambda l: l.moyenne), Colonne("Maximum (jours)", lambda l: l.max_jours)]
    if ind.code == "entretiens":
        semaines = ctx.filtres.semaines
        cols.append(Colonne("Moyenne par semaine", lambda l: round(l.nombre / semaines, 1) if semaines else None))
    if ind.code == "file_active" and ctx.norme:
        norme = ctx.norme
        cols += [Colonne("Norme de la structure", lambda l: norme if not l.groupe and l.cle else None),
                 Colonne("Écart à la norme", lambda l: l.nombre - norme if not l.groupe and l.cle else None)]
    if ind.code in ("sorties_categorie", "post_sortie"):
        total = chiffres.total.nombre
        if ind.code == "sorties_categorie":
            comptees = next((g.nombre for g in chiffres.groupes if g.cle == "comptees"), 0)
            cols.append(Colonne("Part des sorties comptabilisées (%)",
                                lambda l: taux(l.nombre, comptees) if l.cle not in ("retraits", "comptees") and l.cle
                                else None))
        else:
            cols.append(Colonne("Part (%)", lambda l: taux(l.nombre, total) if l.cle else None))
    return cols


def lignes_du_tableau(chiffres, ctx) -> tuple[list[str], list[list]]:
    """Headers and rows (figures, then groups, then the total) with typed values, and the
    period as dates: what both exports write."""
    cols = colonnes(chiffres, ctx)
    entetes = [c.titre for c in cols] + ["Du", "Au"]
    f = ctx.filtres
    lignes = [[c.valeur(l) for c in cols] + [f.debut, f.fin]
              for l in chiffres.lignes + chiffres.groupes + [chiffres.total]]
    return entetes, lignes


# -- formats -------------------------------------------------------------------------------
def _texte_csv(valeur) -> str:
    if valeur is None:
        return ""
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    if isinstance(valeur, date):
        return valeur.strftime("%d/%m/%Y")
    if isinstance(valeur, float):
        return f"{valeur:.1f}".replace(".", ",")
    return str(neutraliser(valeur))


def en_csv(entetes: Sequence[str], lignes) -> bytes:
    """CSV for a French spreadsheet: UTF-8 with a BOM, « ; » between fields, decimal comma,
    dates dd/mm/yyyy, text cells that would start a formula neutralised."""
    sortie = io.StringIO()
    ecrivain = csv.writer(sortie, delimiter=";", lineterminator="\r\n")
    ecrivain.writerow([_texte_csv(e) for e in entetes])
    for ligne in lignes:
        ecrivain.writerow([_texte_csv(v) for v in ligne])
    return ("\ufeff" + sortie.getvalue()).encode("utf-8")


def en_xlsx(titre: str, entetes: Sequence[str], lignes, *, structure=None) -> bytes:
    """XLSX through the one spreadsheet base (documents.tableur): numbers stay numbers, dates
    dates; text cells that would start a formula are neutralised."""
    return classeur(titre, [neutraliser(e) for e in entetes],
                    ([neutraliser(v) for v in ligne] for ligne in lignes), structure=structure)
