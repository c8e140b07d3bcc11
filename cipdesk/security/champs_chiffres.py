"""The free-text fields stored only encrypted, and the text columns left in clear with
their reason (issue #10, point 6): ONE point of access over what each module declares.

Each module declares its own in its contract (`Module.chiffres`: `ChampsChiffres`;
`Module.clairs`: « table.colonne » → raison; usually from `<module>/chiffres.py`), and
the registry gathers them: a new module edits nothing here. Read by
`scripts/chiffrer_champs.py` (which rewrites the model declarations wherever the
classes live), by the scan test (`tests/http/test_chiffrement_au_repos.py`), by bulk
inserts (`chiffrement.sceller_ligne`) and by `cipdesk securite colonnes`, which prints
the table SECURITY.md refers to. `note_confidentielle.contenu` is encrypted since 0001
by its own mechanism (`chiffrement.champ_confidentiel`).
"""
from __future__ import annotations

from cipdesk.core.contrat import ChampsChiffres, registre

# The platform's own tables (core, web, security: no module owns them).
CLAIRS_DU_SOCLE: dict[str, str] = {
    "valeur_de_liste.libelle": "libellé d'une valeur ajoutée par la structure à une de ses listes (dispositifs, "
                               "dimensions du diagnostic…) : référentiel, rien de la situation de la personne",
    "valeur_de_liste.modele": "modèle de texte écrit par la structure pour une valeur (engagements type d'un "
                              "dispositif) : aucune donnée de personne ; le texte ajusté pour une personne est "
                              "dans `parcours`, chiffré",
    "journal_audit.acteur_libelle": "journal d'audit : doit rester lisible et vérifiable sans les clés "
                                    "(aucun texte sur une personne n'y est écrit)",
    "journal_audit.agent": "journal d'audit : navigateur de l'acteur",
    "journal_audit.motif": "journal d'audit : motif d'une action, lisible sans les clés par le DPO",
    "soumission.resultat": "double envoi : l'adresse de la page résultat, pas de contenu",
}


# Encrypted by their own mechanism, outside the scan of the declared fields (it marks the first
# row the demo makes of each declared model): « table.colonne » → raison.
CHIFFRES_HORS_DECLARATION: dict[str, str] = {
    "note_confidentielle.contenu": "note confidentielle du conseiller (chiffrée depuis la migration 0001, "
                                   "`champ_confidentiel`, testée par tests/http/test_notes.py)",
    "brouillon.champs": "saisie gardée après expiration de la session : les champs tapés (JSON chiffré)",
}


def _registre():
    """The installed registry (create_app, or `modules.installer()` for a script)."""
    if not registre.modules:
        raise RuntimeError("Aucun module installé : appelez cipdesk.modules.installer() (ou create_app).")
    return registre


def declarations() -> list[ChampsChiffres]:
    """Every module's declared encrypted fields, in module order."""
    return [c for _module, c in _registre().chiffres()]


_CACHE: dict = {}


def tous() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Model class name → (table, encrypted fields): what every module declares (computed once
    per installed registry: bulk inserts ask for every row)."""
    if _CACHE.get("modules") is not _registre().modules:
        _CACHE.clear()
        _CACHE["tous"] = {c.classe: (c.table, c.champs) for c in declarations()}
        _CACHE["modules"] = registre.modules
    return dict(_CACHE["tous"])


def json_champs() -> set[tuple[str, str]]:
    """(class, field) of the encrypted fields holding a dict (JSON before encryption)."""
    return {(c.classe, champ) for c in declarations() for champ in c.json}


def clairs() -> dict[str, str]:
    """« table.colonne » → why this text column may stay in clear (platform and modules)."""
    return {**CLAIRS_DU_SOCLE, **{colonne: raison for _m, colonne, raison in _registre().clairs()}}


def colonnes_par_table() -> dict[str, tuple[str, ...]]:
    """table → encrypted fields (each stored as `<champ>_chiffre`)."""
    return {table: champs for table, champs in tous().values()}


def table_markdown() -> str:
    """The table of SECURITY.md, « Colonnes chiffrées », made from the declarations."""
    lignes = ["| Table | Colonne | Stockage | Raison | Déclarée par |", "|---|---|---|---|---|",
              *(f"| `{c.split('.')[0]}` | `{c.split('.')[1]}` | chiffrée | {r} | (mécanisme propre) |"
                for c, r in CHIFFRES_HORS_DECLARATION.items())]
    for module, c in _registre().chiffres():
        for champ in c.champs:
            lignes.append(f"| `{c.table}` | `{champ}` | chiffrée | {c.raisons.get(champ, c.raison)} | {module.code} |")
    proprietaires = {colonne: m.code for m, colonne, _r in _registre().clairs()}
    for colonne, raison in clairs().items():
        table, nom = colonne.split(".")
        lignes.append(f"| `{table}` | `{nom}` | en clair | {raison} | {proprietaires.get(colonne, 'socle')} |")
    return "\n".join(lignes) + "\n"
