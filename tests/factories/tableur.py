"""Tableur records: an import of people by the conseiller, dry run done (through the real services)."""
from __future__ import annotations

from datetime import date


def objets_tableur(ctx, monde) -> dict:
    from cipdesk.core.contrat import registre
    from cipdesk.tableur import services

    liste = registre.importable("personnes")
    imp = services.deposer(ctx, par=monde.conseiller, liste=liste, nom_fichier="matrice.csv",
                           contenu="Nom;Prénom\r\nMatrice;Import\r\n".encode())
    services.analyser(ctx, par=monde.conseiller, imp=imp, liste=liste, structure=monde.structure, feuille="CSV",
                      correspondance={0: "nom", 1: "prenom"}, aujourd_hui=date(2026, 1, 5))
    ctx.commit()
    return {"import_tableur": imp.id}
