"""The person, hub of cipdesk, in the module contract: the home page with
« Mes alertes », the person's record kinds, and the guard every record about a
person is loaded through."""
from __future__ import annotations

from cipdesk.core import signaux
from cipdesk.core.contrat import (EntreeDeMenu, Lisible, ListeExportable, ListeImportable, Module, RegleDAcces,
                                  TypeObjet)
from cipdesk.core.roles import Role
from cipdesk.security import policy


def _recepteurs() -> None:
    from cipdesk.personnes.services import noter_contact

    def _contact(_session, *, personne, le, prochain_rdv=None, **_kw):
        noter_contact(personne, le, prochain_rdv)

    # weak=False: the receiver is a local function, kept alive by the signal.
    signaux.contact_realise.connect(_contact, weak=False)


def _module() -> Module:
    from cipdesk.personnes import chiffres, exports, imports
    from cipdesk.personnes.models import Personne
    from cipdesk.personnes.queries import garde_personne
    from cipdesk.personnes.routes import bp

    return Module(
        code="personnes",
        titre="Personnes accompagnées",
        chiffres=chiffres.CHIFFRES, clairs=chiffres.CLAIRS,
        blueprints=(bp,),
        acces=(RegleDAcces("personnes.importer", (Role.CONSEILLER,),
                           "importer des personnes depuis un tableur (les conseillers créent les personnes)"),),
        menu=(EntreeDeMenu("Accueil", "personnes.accueil", lambda u: True, ordre=0),
              EntreeDeMenu("File active", "personnes.file_active", policy.peut_voir_file_active, ordre=10,
                           actif=("personnes.", "accueil.")),),  # territoire: its own entry (issue #15)
        objets=(TypeObjet("personne", "personne accompagnée", "personnes.voir", "personne_id"),),
        lisibles=(Lisible(Personne, garde_personne, audit="personne"),),
        recepteurs=_recepteurs,
        exportables=(ListeExportable("file_active", "File active", exports.COLONNES, exports.lignes_file_active,
                                     policy.peut_voir_file_active, filtres=exports.FILTRES, ordre=10),),
        importables=(ListeImportable("personnes", "Personnes accompagnées",
                                     "votre file active depuis un tableur (XLSX, ODS ou CSV), doublons repérés",
                                     imports.CHAMPS, policy.permission("personnes.importer"), imports.analyser,
                                     imports.appliquer, Personne, "personne", imports.remettre),),
        # issue #18: the person's rights (cipdesk/personnes/rgpd.py)
        export_personne=_rgpd().EXPORT, effacement_personne=_rgpd().EFFACEMENT,
    )


def _rgpd():
    from cipdesk.personnes import rgpd
    return rgpd


MODULE = _module()
