"""The parcours page (`parcours.contrat.voir`): the contract with its étapes,
entretiens, projet and exit shown together. It lives at the package level, above
the sub-packages it assembles, so that they depend on `contrat` and never the
reverse; its view is registered on the contract's blueprint (URL and endpoint
unchanged)."""
from __future__ import annotations

from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.parcours.contrat.forms import SignatureForm
from cipdesk.parcours.contrat.routes import bp, charger_parcours
from cipdesk.parcours.etapes import services as etapes_services
from cipdesk.parcours.etapes.rules import CRITERE_COHERENCE, StatutEtape
from cipdesk.parcours.sortie.forms import SuiviForm
from cipdesk.parcours.sortie.rules import MOTIFS_SORTIE, echeances_suivi
from cipdesk.personnes.queries import alertes_pour, contexte_acces
from cipdesk.security import policy
from cipdesk.web.rendu import rendre


@bp.get("/<uuid:parcours_id>")
def voir(parcours_id):
    parcours = charger_parcours(parcours_id, complet=True)
    aujourd_hui = aujourdhui()
    peut_modifier = policy.peut_modifier_parcours(current_user, parcours.personne,
                                                  **contexte_acces(db.session, parcours.personne))
    coherence = etapes_services.coherence_du_parcours(db.session, parcours)
    alertes = alertes_pour(db.session, [parcours.personne_id], aujourd_hui).get(parcours.personne_id, []) \
        if parcours.est_ouvert else []
    signature = SignatureForm(formdata=None)
    signature.signe_le.data = aujourd_hui
    suivi_form = SuiviForm(formdata=None)
    suivi_form.fait_le.data = aujourd_hui
    return rendre("parcours/voir.html", fragment="parcours/etapes/_etapes.html", parcours=parcours,
                  suivi_form=suivi_form, motifs_sortie=MOTIFS_SORTIE, echeances_suivi=echeances_suivi,
                  coherence=coherence, critere_coherence=CRITERE_COHERENCE, alertes=alertes,
                  peut_modifier=peut_modifier, signature=signature, StatutEtape=StatutEtape,
                  libelles_champs=etapes_services.LIBELLES_CHAMPS)
