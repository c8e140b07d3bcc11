"""agenda : ses colonnes de texte chiffrées, et celles laissées en clair avec leur raison
(`Module.chiffres`, `Module.clairs` ; docs/ARCHITECTURE.md). La file d'envoi des e-mails
(`courriel/`, sans module à elle) est déclarée ici : l'agenda y écrit convocations et rappels."""
from __future__ import annotations

from cipdesk.core.contrat import ChampsChiffres, en_clair

CHIFFRES = (
    ChampsChiffres("RendezVousPlanifie", "rendez_vous", ("motif", "commentaire", "a_apporter"),
                   "motif, commentaire, ce qu'il faut apporter : disent la situation de la personne"),
    ChampsChiffres("MessageSortant", "message_sortant", ("contenu",),
                   "e-mail à envoyer (adresse, texte, invitation) ; effacé une fois envoyé ou abandonné",
                   json=("contenu",)),
)

CLAIRS = {
    **en_clair("salle de la structure, adresse d'une entreprise ou lien de visio : le lieu, jamais le domicile "
               "de la personne (lu sur sa fiche) ni ce dont on parle (motif chiffré)", rendez_vous=("lieu",)),
    **en_clair("code de la façon dont l'accord a été recueilli (oral, écrit, e-mail)",
               consentement_courriel=("mode",)),
    **en_clair("empreinte SHA-256 de l'adresse secrète du flux, déjà irréversible", flux_agenda=("empreinte",)),
    **en_clair("raison d'un envoi abandonné ou en échec (« rendez-vous annulé »…), rien de la personne",
               message_sortant=("motif",)),
}
