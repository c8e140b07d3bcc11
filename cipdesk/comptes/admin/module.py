"""Administration of the structure: accounts, teams, settings, keys, audit trail."""
from __future__ import annotations

from cipdesk.core.contrat import EntreeDeMenu, ListeExportable, Module, Navigation, TypeObjet
from cipdesk.security import policy


def _module() -> Module:
    from cipdesk.comptes.admin.routes import bp
    from cipdesk.comptes.admin import exports

    return Module(code="admin", titre="Administration", blueprints=(bp,),
                  menu=(EntreeDeMenu("Administration", "admin.structures", policy.peut_administrer, ordre=90,
                                     actif=("admin.",)),
                        EntreeDeMenu("Journal d'audit", "admin.journal", policy.peut_consulter_audit, ordre=91)),
                  # The admin's home page: an Administration card (issue #11, point 5).
                  navigation=(Navigation("admin", "Administration",
                                         "Équipes et comptes de la structure, listes proposées dans les formulaires "
                                         "(dispositifs, dimensions du diagnostic…), journal d'audit.", (),
                                         visible=policy.peut_administrer, endpoint="admin.structures", ordre=90),),
                  objets=(TypeObjet("cle_donnees", "clé de données"),),
                  exportables=(ListeExportable("journal_audit", "Journal d'audit", exports.JOURNAL,
                                               exports.lignes_journal, policy.peut_consulter_audit,
                                               filtres=exports.FILTRES, ordre=90),))


MODULE = _module()
