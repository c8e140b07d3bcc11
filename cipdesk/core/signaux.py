"""Cross-module side effects, as signals (blinker, shipped with Flask).

A module that records something sends a signal; the modules that care connect
a receiver in their declaration (`Module.recepteurs`). No module calls another
module's services directly (STYLE.md, "Shape of the code").

Every signal is sent with the SQLAlchemy session as sender, so receivers write
in the same transaction (one commit per request, in one place)."""
from __future__ import annotations

from blinker import Namespace

_signaux = Namespace()

#: A contact with a person took place (accueil, entretien…).
#: kwargs: personne, le (date), prochain_rdv (date | None), aujourd_hui (date)
contact_realise = _signaux.signal("contact-realise")

#: A record that may evidence REAC competences was logged by a professional.
#: kwargs: utilisateur, objet_type (str), objet_id (UUID), le (date)
activite_enregistree = _signaux.signal("activite-enregistree")

#: A professional wrote a confidential note about a record (accueil, synthèse…);
#: the notes module's receiver encrypts and stores it (an ErreurMetier propagates).
#: kwargs: auteur, contenu (str), objet_type (str), objet_id (UUID)
#: The receiver returns the note written (`send` → [(receiver, note)]), for a record
#: that keeps its note's id (entretien).
note_ecrite = _signaux.signal("note-ecrite")

#: A person was enrolled (place confirmed) in an atelier session; the parcours module
#: records it as an étape « atelier » of the person's open parcours (REAC CP6 / CP10).
#: kwargs: personne, par, intitule (str), le (date of the first half-day), aujourd_hui (date)
inscription_atelier = _signaux.signal("inscription-atelier")

#: At the bilan of an intégration the conseiller confirmed the person's exit category
#: (REAC CP14, issue #14 point 6); the parcours module writes it in the exit of the
#: person's parcours (closing the open one at that date). No second form for the funder.
#: kwargs: personne, par, motif (a code of parcours.sortie.rules.MOTIFS_SORTIE), le (date),
#: libelle (str, the bilan line of the parcours), aujourd_hui (date)
sortie_confirmee = _signaux.signal("sortie-confirmee")

#: A follow-up in employment (intégration M+3 / M+6) gave the person's situation N months
#: after the exit, confirmed by the conseiller; the parcours module records its
#: follow-up at 3 or 6 months. An ErreurMetier of the receiver propagates.
#: kwargs: personne, par, mois (3 | 6), fait_le (date), situation (a SituationSuivi code),
#: commentaire (str), aujourd_hui (date)
situation_apres_sortie = _signaux.signal("situation-apres-sortie")

#: The attendance of an enrolled participant at a half-day of an atelier session was recorded
#: (issue #12 point 7); the parcours module moves the person's étape « atelier » along
#: (en cours once they came, réalisée when they came to the last half-day). No open parcours
#: or no such étape: nothing. kwargs: personne, par, intitule (str, the atelier's title),
#: le (date of the half-day), venu (bool), derniere (bool, the session's last half-day),
#: aujourd_hui (date)
presence_atelier = _signaux.signal("presence-atelier")
#: The person's identity or contact was changed (RGPD art. 16, issue #18 point 8); the droits
#: module keeps the history of rectifications with the former values (encrypted).
#: kwargs: personne, par, anciennes (dict field -> former value, only the fields changed), le (date)
personne_rectifiee = _signaux.signal("personne-rectifiee")
