"""One record of each kind a route can name, for the tests that walk every route."""
from __future__ import annotations

from tests.factories.accueil import objets_accueil
from tests.factories.agenda import objets_agenda
from tests.factories.ateliers import objets_ateliers
from tests.factories.competences import objets_competences
from tests.factories.dossier import objets_dossier
from tests.factories.comptes import objets_comptes
from tests.factories.employeurs import objets_employeurs
from tests.factories.integration import objets_integration
from tests.factories.notes import note
from tests.factories.parcours import objets_parcours
from tests.factories.pratique import objets_pratique
from tests.factories.territoire import objets_territoire
from tests.factories.documents_joints import objets_documents_joints
from tests.factories.tableur import objets_tableur


def objets_de_tous_les_modules(ctx, monde, *, texte_de_la_note: str) -> dict:
    """Ids by placeholder name (`note`, `personne`, `parcours`…), every record owned by `monde.conseiller`."""
    objets = {"note": note(ctx, monde.conseiller, texte_de_la_note).id, "collegue": monde.collegue.id,
              "structure": monde.structure.id}
    for construire in (objets_accueil, objets_competences, objets_parcours, objets_comptes, objets_ateliers,
                      objets_employeurs, objets_integration, objets_pratique, objets_territoire,
                      objets_dossier, objets_agenda, objets_documents_joints, objets_tableur):
        objets.update(construire(ctx, monde))
    from tests.factories.droits import objets_droits  # issue #18: needs the person of objets_accueil

    objets.update(objets_droits(ctx, monde, objets))
    return objets
