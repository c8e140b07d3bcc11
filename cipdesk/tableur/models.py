"""An import of a spreadsheet, from the upload to its undo (issue #19). What the file held (rows,
names, the dry run, the report, the trace the undo needs) is personal data: stored only
encrypted (`donnees`, JSON); the columns in clear say only where the import stands."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, LargeBinary, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import EnumLibelle, colonne_enum
from cipdesk.security.chiffrement import TexteConfidentiel


class EtatImport(EnumLibelle):
    DEPOSE = "depose"          # read, columns to map
    ANALYSE = "analyse"        # dry run done, decisions to take
    EN_ATTENTE = "en_attente"  # decided, waiting for the worker (`cipdesk tableur traiter`)
    EN_COURS = "en_cours"      # being written (by the worker for a long one)
    TERMINE = "termine"
    ECHOUE = "echoue"          # refused as a whole: nothing written
    ANNULE = "annule"


EtatImport.LIBELLES = {"depose": "Déposé", "analyse": "Essai à blanc fait", "en_attente": "En attente de traitement",
                       "en_cours": "En cours",
                       "termine": "Importé", "echoue": "Refusé, rien n'a été importé", "annule": "Annulé"}


class ImportTableur(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "import_tableur"

    auteur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    liste: Mapped[str] = mapped_column(String(60))            # code of the ListeImportable
    etat: Mapped[EtatImport] = mapped_column(colonne_enum(EtatImport), default=EtatImport.DEPOSE)
    total: Mapped[int] = mapped_column(Integer, default=0)
    traitees: Mapped[int] = mapped_column(Integer, default=0)  # progress of the writing
    importe_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    annule_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # {"nom_fichier", "feuilles": {name: rows}, "feuille", "correspondance": {col: field},
    #  "analyse": [rows of the dry run], "decisions": {row: choice}, "trace": {...}, "erreur": "..."}
    donnees_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    donnees = TexteConfidentiel(json=True)
