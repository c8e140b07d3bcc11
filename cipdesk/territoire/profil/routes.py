"""The territory profile (REAC CP3): the current version, the form that writes the next
one, and the history of versions with what each changed."""
from __future__ import annotations

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.security import policy
from cipdesk.territoire.profil import queries, rules, services
from cipdesk.territoire.profil.forms import LIGNES_VIDES, ProfilTerritoireForm
from cipdesk.web.formulaires import rediriger, soumettre
from cipdesk.web.rendu import rendre

bp = Blueprint("profil", __name__, url_prefix="/territoire/profil")


def _prerempli(courante) -> ProfilTerritoireForm:
    form = ProfilTerritoireForm(obj=courante)
    if courante is not None:
        form.chiffres.entries, form.chiffres.last_index = [], -1  # numbered from 0 again
        for c in courante.chiffres or []:
            ch = rules.Chiffre.du_json(c)
            form.chiffres.append_entry({**c, "valeur": rules.valeur_affichee(ch.valeur).replace("\u202f", " "),
                                        "date_source": ch.date_source, "demo": "1" if ch.demo else ""})
        for _ in range(LIGNES_VIDES):
            form.chiffres.append_entry()
        form.motif.data = ""
    form.version.data = str(courante.numero if courante else 0)
    return form


def _valider(form) -> dict[str, str]:
    """Each row of figures: a figure never goes without its source and date."""
    erreurs = {}
    for ligne in form.chiffres:
        for champ, message in rules.erreurs_de_ligne(ligne.theme.data or "", ligne.libelle.data or "",
                                                     ligne.valeur.data or "", ligne.source.data or "",
                                                     ligne.date_source.data, aujourdhui()).items():
            getattr(ligne, champ).errors = [*getattr(ligne, champ).errors, message]
            erreurs.setdefault("_chiffres", "Certains chiffres sont incomplets : voir les lignes signalées.")
    return erreurs


def _numero_lu(form) -> int:
    texte = (form.version.data or "").strip()
    return int(texte) if texte.isdigit() else -1


def _chiffres(form) -> list[rules.Chiffre]:
    return [rules.Chiffre(l.theme.data, l.libelle.data.strip(), rules.lire_valeur(l.valeur.data), (l.unite.data or "").strip(),
                          l.source.data.strip(), l.date_source.data, l.demo.data == "1")
            for l in form.chiffres if (l.libelle.data or "").strip()]


@bp.route("", methods=["GET", "POST"])
def voir():
    policy.exiger(policy.peut(current_user, "territoire.voir"))
    if request.method == "POST":
        policy.exiger(policy.peut(current_user, "territoire.modifier"))
    versions = queries.versions(db.session, current_user.structure_id)
    courante = versions[0] if versions else None
    form = ProfilTerritoireForm() if request.method == "POST" else _prerempli(courante)
    envoi = soumettre(form, lambda: services.enregistrer_version(
        db.session, par=current_user, numero_lu=_numero_lu(form), le=aujourdhui(),
        donnees=services.DonneesTerritoire(territoire=form.territoire.data or "", chiffres=_chiffres(form),
                                           forces=form.forces.data or "", faiblesses=form.faiblesses.data or "",
                                           ressources=form.ressources.data or "", motif=form.motif.data or "")),
        valider=lambda: _valider(form))
    if envoi:
        return rediriger(url_for("territoire.profil.voir"),
                         f"Version {envoi.resultat.numero} du profil du territoire enregistrée.")
    historique = [(v, rules.changements(queries.en_dict(versions[i + 1]) if i + 1 < len(versions) else None,
                                        queries.en_dict(v))) for i, v in enumerate(versions)]
    chiffres = [rules.Chiffre.du_json(c) for c in (courante.chiffres if courante else [])]
    return rendre("territoire/profil/profil.html", form=form, courante=courante, chiffres=chiffres,
                  historique=historique, themes=rules.THEMES, valeur=rules.valeur_affichee,
                  peut_modifier=policy.peut(current_user, "territoire.modifier"), statut=envoi.statut)
