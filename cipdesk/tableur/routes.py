"""Pages of the spreadsheets (issue #19): the lists one may export and the exports themselves;
the imports (deposit, mapping and preview, dry run, decisions, import, report, undo). The lists
come from the registry (`registre.exportables`, `registre.importables`): this module reads no other."""
from __future__ import annotations

import tempfile

from flask import Blueprint, abort, request, send_file, url_for
from flask_login import current_user
from sqlalchemy import select

from cipdesk.core.contrat import ColonneTableur, registre
from cipdesk.core.dates import aujourdhui, maintenant
from cipdesk.core.db import db
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.tableur import ecriture, lecture, services
from cipdesk.tableur import rules as tableur_rules
from cipdesk.tableur.forms import AnnulationForm, CorrespondanceForm, DepotForm, ImportForm
from cipdesk.tableur.models import EtatImport, ImportTableur
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import Soumission, choix, rediriger, soumettre, version_du
from cipdesk.web.rendu import est_htmx, rendre

bp = Blueprint("tableur", __name__, url_prefix="/tableur")

TYPES = {"csv": "text/csv; charset=utf-8",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@bp.get("/")
def index():
    policy.exiger(policy.peut(current_user, "tableur.exporter"))
    return rendre("tableur/index.html", exportables=registre.exportables(current_user),
                  importables=registre.importables(current_user))


@bp.get("/exports/<code>.<any(csv, xlsx):format_>")
def exporter(code: str, format_: str):
    """One list, in the reader's perimeter, with the filters of its page; journalled."""
    try:
        liste = registre.exportable(code)
    except KeyError:
        abort(404)
    policy.exiger(liste.visible(current_user))
    filtres = {cle: request.args.get(cle, "")[:100] for cle in liste.filtres if cle in request.args}
    lignes = liste.lignes(db.session, current_user, filtres, aujourdhui())
    # A temporary file on disk, not memory: the rows are written one at a time, then sent in
    # chunks by the server (send_file).
    fichier = tempfile.TemporaryFile(prefix="cipdesk-export-")
    if format_ == "xlsx":
        auteur = f"cipdesk — {current_user.structure.nom}" if current_user.structure else "cipdesk"
        n = ecriture.ecrire_xlsx(fichier, liste.titre, liste.colonnes, lignes, auteur=auteur)
    else:
        n = ecriture.ecrire_csv(fichier, liste.colonnes, lignes)
    fichier.seek(0)
    journaliser(db.session, acteur=current_user, action=Action.EXPORT, objet_type=f"liste:{code}",
                details={"lignes": n, "format": format_, "filtres": filtres})
    nom = f"{code}_{maintenant():%Y%m%d_%H%M}.{format_}"
    reponse = send_file(fichier, mimetype=TYPES[format_], as_attachment=True, download_name=nom, max_age=0)
    reponse.headers["Cache-Control"] = "no-store"
    return reponse


# -- imports ---------------------------------------------------------------------------------
def _importable(code: str):
    try:
        liste = registre.importable(code)
    except KeyError:
        abort(404)
    policy.exiger(liste.visible(current_user))
    return liste


@bp.route("/imports/<code>/nouveau", methods=["GET", "POST"])
def deposer(code: str):
    liste = _importable(code)
    form = DepotForm()

    def _deposer():
        f = form.fichier.data
        return services.deposer(db.session, par=current_user, liste=liste, nom_fichier=f.filename or "",
                                contenu=f.read(lecture.LIMITE_OCTETS + 1))

    envoi = soumettre(form, _deposer)
    if envoi:
        return rediriger(url_for("tableur.voir", import_id=envoi.resultat.id),
                         "Fichier lu. Vérifiez la correspondance des colonnes, puis lancez l'essai à blanc.")
    return rendre("tableur/depot.html", form=form, liste=liste, statut=envoi.statut,
                  imports=db.session.scalars(select(ImportTableur).where(
                      ImportTableur.auteur_id == current_user.id, ImportTableur.liste == liste.code)
                      .order_by(ImportTableur.created_at.desc()).limit(10)).all())


def _apercu(imp, liste, correspondance):
    """The first rows as they will be stored (converted), or the reason a cell cannot be."""
    entetes, lignes = services.entetes_et_lignes(imp)
    converties = services.convertir_lignes(entetes, lignes[:5], correspondance, liste)
    genres = {c.code: c.genre for c in liste.champs}
    return [(n, {k: tableur_rules.texte_de(v, genres[k]) for k, v in valeurs.items()}, erreur)
            for n, valeurs, erreur in converties]


@bp.route("/imports/<uuid:import_id>", methods=["GET", "POST"])
def voir(import_id):
    imp = charger(ImportTableur, import_id, modifier=request.method == "POST")
    liste = _importable(imp.liste)
    structure = current_user.structure
    form = CorrespondanceForm(version=imp.version)
    feuilles = list(imp.donnees.get("feuilles", {}))
    form.feuille.choices = choix((f, f) for f in feuilles)
    if request.method == "GET":
        form.feuille.data = imp.donnees.get("feuille")
    entetes, lignes = services.entetes_et_lignes(imp, form.feuille.data if request.method == "POST" else None)
    correspondance = services.correspondance_suggeree(imp, structure, liste)
    if request.method == "POST":
        correspondance = {}
        codes = {c.code for c in liste.champs}
        for i in range(len(entetes)):
            code = request.form.get(f"colonne-{i}", "")
            if code in codes:
                correspondance[i] = code
    if request.method == "POST" and version_du(form) != imp.version:
        form.form_errors.append("Cet import a changé entre-temps (un autre onglet ?) : rechargez la page.")
        envoi = Soumission(False, statut=409)
    else:
        envoi = soumettre(form, lambda: services.analyser(
            db.session, par=current_user, imp=imp, liste=liste, structure=structure, feuille=form.feuille.data or "",
            correspondance=correspondance, aujourd_hui=aujourdhui()))
    if envoi:
        return rediriger(url_for("tableur.voir", import_id=imp.id) + "#essai", "Essai à blanc terminé : rien n'a "
                         "encore été importé.")
    return rendre("tableur/import.html", imp=imp, liste=liste, form=form, entetes=entetes, nb_lignes=len(lignes),
                  correspondance=correspondance, apercu=_apercu(imp, liste, correspondance) if entetes else [],
                  ignorees=tableur_rules.colonnes_ignorees(entetes, lignes, correspondance),
                  import_form=ImportForm(version=imp.version), annulation_form=AnnulationForm(version=imp.version),
                  compte=services.compte(imp), etats=ETATS, annulable=services.annulable(imp, maintenant()),
                  a_faire=_a_ecrire(imp), statut=envoi.statut)


ETATS = {"nouveau": "Nouveau", "a_mettre_a_jour": "À mettre à jour", "deja_la": "Déjà là", "conflit": "Conflit",
         "erreur": "Erreur"}


@bp.post("/imports/<uuid:import_id>/import")
def importer(import_id):
    imp = charger(ImportTableur, import_id, modifier=True)
    liste = _importable(imp.liste)
    form = ImportForm()
    decisions = {}
    for cle, valeur in request.form.items():
        if cle.startswith("ligne-") and cle[6:].isdigit() and valeur in services.DECISIONS:
            decisions[int(cle[6:])] = valeur
    envoi = soumettre(form, lambda: services.importer(
        db.session, par=current_user, imp=imp, liste=liste, decision_conflits=form.conflits.data or "",
        decisions=decisions, aujourd_hui=aujourdhui(), maintenant=maintenant(), version=version_du(form)))
    if envoi:
        if imp.etat == EtatImport.EN_ATTENTE:
            return rediriger(url_for("tableur.voir", import_id=imp.id) + "#progression",
                             "Import lancé : il s'écrit hors de la page, qui suit sa progression.")
        return rediriger(url_for("tableur.voir", import_id=imp.id) + "#rapport",
                         f"Import terminé : {imp.traitees} ligne(s) écrite(s) sur {imp.total}.")
    return rendre("tableur/import.html", imp=imp, liste=liste, form=CorrespondanceForm(version=imp.version),
                  entetes=[], nb_lignes=imp.total, correspondance={}, apercu=[], import_form=form,
                  annulation_form=AnnulationForm(version=imp.version), compte=services.compte(imp), etats=ETATS,
                  annulable=False, a_faire=_a_ecrire(imp), statut=envoi.statut)


@bp.get("/imports/<uuid:import_id>/progression")
def progression(import_id):
    """The progress of a long import, polled by the page (htmx, every 2 s); once it is written
    (or refused), the page reloads itself."""
    imp = charger(ImportTableur, import_id)
    reponse = rendre("tableur/_progression.html", imp=imp, a_faire=_a_ecrire(imp))
    if imp.etat not in (EtatImport.EN_ATTENTE, EtatImport.EN_COURS) and est_htmx():
        reponse.headers["HX-Refresh"] = "true"
    return reponse


def _a_ecrire(imp) -> int:
    d = imp.donnees
    return len(services.a_appliquer(d.get("analyse", []), d.get("decision_conflits", ""),
                                    {int(k): v for k, v in d.get("decisions", {}).items()}))


@bp.post("/imports/<uuid:import_id>/annulation")
def annuler(import_id):
    imp = charger(ImportTableur, import_id, modifier=True)
    liste = _importable(imp.liste)
    form = AnnulationForm()
    envoi = soumettre(form, lambda: services.annuler(db.session, par=current_user, imp=imp, liste=liste,
                                                     aujourd_hui=aujourdhui(), maintenant=maintenant(),
                                                     version=version_du(form)))
    if envoi:
        return rediriger(url_for("tableur.voir", import_id=imp.id), f"Import annulé : {envoi.resultat} fiche(s) "
                         "remise(s) dans leur état d'avant.")
    return rendre("tableur/import.html", imp=imp, liste=liste, form=CorrespondanceForm(version=imp.version),
                  entetes=[], nb_lignes=imp.total, correspondance={}, apercu=[],
                  import_form=ImportForm(version=imp.version), annulation_form=form, compte=services.compte(imp),
                  etats=ETATS, annulable=services.annulable(imp, maintenant()), a_faire=_a_ecrire(imp),
                  statut=envoi.statut)


@bp.get("/imports/<uuid:import_id>/rapport.<any(csv, xlsx):format_>")
def rapport(import_id, format_: str):
    """What the dry run or the import did with each row, and why."""
    imp = charger(ImportTableur, import_id)
    colonnes = (ColonneTableur("ligne", "Ligne du fichier", "entier"), ColonneTableur("personne", "Ligne"),
                ColonneTableur("etat", "État"), ColonneTableur("message", "Motif"),
                ColonneTableur("differences", "Différences"))
    lignes = ((l["numero"], l["libelle"], ETATS.get(l["etat"], l["etat"]), l["message"],
               " ; ".join(f"{d[0]} : « {d[1]} » → « {d[2]} »" for d in l["differences"]))
              for l in imp.donnees.get("analyse", []))
    fichier = tempfile.TemporaryFile(prefix="cipdesk-rapport-")
    if format_ == "xlsx":
        ecriture.ecrire_xlsx(fichier, "Rapport d'import", colonnes, lignes)
    else:
        ecriture.ecrire_csv(fichier, colonnes, lignes)
    fichier.seek(0)
    reponse = send_file(fichier, mimetype=TYPES[format_], as_attachment=True,
                        download_name=f"rapport_import_{imp.created_at:%Y%m%d_%H%M}.{format_}", max_age=0)
    reponse.headers["Cache-Control"] = "no-store"
    return reponse
