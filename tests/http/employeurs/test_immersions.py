"""Immersions (PMSMP): convention within the legal length, for a person of one's
perimeter, signature, PDF to sign, bilan; bad inputs."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from cipdesk.employeurs.entreprises.services import ajouter_contact
from cipdesk.employeurs.immersions.models import Immersion


def _tuteur(ctx, emp):
    t = ajouter_contact(ctx, emp.entreprise, par=emp.conseiller, donnees={
        "nom": "Roux", "prenom": "Léa", "role": "tuteur", "mode_prefere": "telephone", "telephone": "0490000000"})
    ctx.commit()
    return t


def _donnees(emp, tuteur, personne, debut, fin):
    return {"personne_id": str(personne.id), "tuteur_id": str(tuteur.id), "prescripteur": "France Travail Arles",
            "objectif": "confirmer", "debut": debut.isoformat(), "fin": fin.isoformat(),
            "horaires": "Lundi au vendredi, 6 h – 13 h", "lieu": "Boutique, Arles",
            "taches": "Vente au comptoir, mise en rayon", "modalites_evaluation": "Grille d'évaluation avec la tutrice"}


def test_convention_signee_pdf_et_bilan(nav, emp, ctx):
    tuteur = _tuteur(ctx, emp)
    nav.connexion(emp.conseiller.email)
    debut = emp.aujourd_hui + timedelta(days=7)
    r = nav.post(f"/employeurs/immersions/entreprises/{emp.entreprise.id}/nouvelle",
                 _donnees(emp, tuteur, emp.personne, debut, debut + timedelta(days=13)))
    assert r.status_code == 303, r.get_data(as_text=True)
    url = r.headers["Location"]
    for statut in ("a_signer", "signee"):
        r = nav.post(url + "/statut", {"statut": statut, "le": emp.aujourd_hui.isoformat()}, depuis=url)
        assert r.status_code == 303, r.get_data(as_text=True)
    pdf = nav.get(url + "/convention.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    # the bilan cannot be dated before the immersion started
    r = nav.post(url + "/bilan", {"bilan_le": emp.aujourd_hui.isoformat(), "appreciation_tuteur": "Très bien",
                                  "bilan": "Projet confirmé", "objectif_atteint": "oui",
                                  "embauche_envisagee": "oui"}, depuis=url)
    assert r.status_code == 422 and "Le bilan se date entre" in r.get_data(as_text=True)
    ctx.expire_all()
    assert ctx.scalar(select(Immersion)).statut.value == "signee"


def test_duree_legale_depassee_erreur_et_saisie_conservee(nav, emp, ctx):
    tuteur = _tuteur(ctx, emp)
    nav.connexion(emp.conseiller.email)
    debut = emp.aujourd_hui
    r = nav.post(f"/employeurs/immersions/entreprises/{emp.entreprise.id}/nouvelle",
                 _donnees(emp, tuteur, emp.personne, debut, debut + timedelta(days=45)))
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "dure un mois au plus" in html and "Vente au comptoir, mise en rayon" in html
    assert ctx.scalar(select(Immersion)) is None


def test_personne_hors_perimetre_refusee(nav, emp, ctx):
    tuteur = _tuteur(ctx, emp)
    nav.connexion(emp.conseiller.email)
    r = nav.post(f"/employeurs/immersions/entreprises/{emp.entreprise.id}/nouvelle",
                 _donnees(emp, tuteur, emp.personne_collegue, emp.aujourd_hui, emp.aujourd_hui + timedelta(days=5)))
    assert r.status_code == 422 and "n&#39;est pas dans votre file active" in r.get_data(as_text=True)


def test_acces(nav_factory, emp, ctx):
    from cipdesk.employeurs.immersions.services import creer_convention

    tuteur = _tuteur(ctx, emp)
    i = creer_convention(ctx, emp.entreprise, emp.personne, par=emp.conseiller, dans_le_perimetre=True, donnees={
        "tuteur": tuteur, "prescripteur": "PLIE", "objectif": "decouvrir", "debut": emp.aujourd_hui,
        "fin": emp.aujourd_hui + timedelta(days=4), "horaires": "9 h–17 h", "lieu": "Arles", "taches": "t",
        "modalites_evaluation": "m"})
    ctx.commit()
    voir, pdf = f"/employeurs/immersions/{i.id}", f"/employeurs/immersions/{i.id}/convention.pdf"
    for email, attendu in ((emp.conseiller.email, 200), (emp.chef.email, 200), (emp.collegue.email, 403),
                           (emp.admin.email, 403), (emp.conseiller_ailleurs.email, 404)):
        n = nav_factory(); n.connexion(email)
        assert n.get(voir).status_code == attendu and n.get(pdf).status_code == attendu, email
