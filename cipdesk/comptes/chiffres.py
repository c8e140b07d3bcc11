"""comptes : ses colonnes de texte chiffrées, et celles laissées en clair avec leur raison
(`Module.chiffres`, `Module.clairs` ; docs/ARCHITECTURE.md)."""
from __future__ import annotations

from cipdesk.core.contrat import ChampsChiffres, en_clair

CHIFFRES = (
    ChampsChiffres("SecondFacteur", "second_facteur", ("secret", "nouveau_secret"),
                   "secret TOTP du second facteur (et celui en cours d'enrôlement) : qui le lit produit les codes"),
)

CLAIRS = {
    **en_clair("donnée d'un professionnel ou d'une organisation, pas d'une personne accompagnée",
               structure=("nom", "type_structure", "ville"),
               equipe=("nom",)),
    **en_clair("donnée d'un professionnel ou d'une organisation, pas d'une personne accompagnée ; affiché "
               "et trié partout",
               utilisateur=("nom", "prenom")),
    **en_clair("identifiant de connexion d'un professionnel, cherché à chaque connexion",
               utilisateur=("email",)),
    **en_clair("empreinte argon2, déjà irréversible",
               utilisateur=("password_hash",)),
    **en_clair("limitation des connexions : un courriel valide ou un marqueur",
               tentative_connexion=("identifiant",)),
    **en_clair("sessions ouvertes : navigateur, montré à l'utilisateur",
               session_connexion=("agent",)),
    **en_clair("saisie gardée après expiration : l'adresse du formulaire ; les champs tapés sont chiffrés "
               "(`champs_chiffre`)",
               brouillon=("page",)),
}
CLAIRS.update({
    **en_clair("empreinte SHA-256 du lien de réinitialisation du mot de passe, déjà irréversible",
               jeton_reinitialisation=("empreinte",)),
    **en_clair("empreinte SHA-256 de l'adresse saisie (limitation de débit), jamais l'adresse",
               jeton_reinitialisation=("identifiant_empreinte",)),
})
CLAIRS.update({
    **en_clair("second facteur : empreinte SHA-256 d'un code de secours aléatoire (80 bits), irréversible",
               code_de_secours=("empreinte",)),
    **en_clair("navigateurs mémorisés pour le second facteur : navigateur, montré à l'utilisateur",
               navigateur_de_confiance=("agent",)),
})
