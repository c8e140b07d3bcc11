"""Demo documents (`cipdesk demo`): a CV, a justificatif de domicile and a signed
contract of engagement, generated as PDF (cipdesk.documents), joined to demo people of
the conseiller Yannick Dubois through the real use case (encrypted, audited); the contract
to the person's parcours."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.comptes.models import Structure, Utilisateur
from cipdesk.documents.base import Document
from cipdesk.documents_joints import services
from cipdesk.documents_joints.models import DocumentJoint
from cipdesk.personnes.models import Personne


def _pdf(titre: str, lignes: list[str], structure=None) -> bytes:
    doc = Document(titre, structure=structure)
    doc.set_font("DejaVu", "B", 14)
    doc.multi_cell(0, 8, titre, new_x="LMARGIN", new_y="NEXT")
    doc.ln(3)
    doc.set_font("DejaVu", "", 10)
    for ligne in lignes:
        doc.multi_cell(0, 6, ligne, new_x="LMARGIN", new_y="NEXT")
        doc.ln(1)
    return bytes(doc.output())


def remplir_documents(session: Session, *, seed: int = 0, aujourd_hui: date, **_options) -> None:  # noqa: ARG001
    yannick = session.scalar(select(Utilisateur).where(Utilisateur.email == "conseiller@demo.cipdesk.fr"))
    if yannick is None or session.scalar(select(DocumentJoint.id).limit(1)):
        return
    personnes = session.scalars(select(Personne).where(Personne.referent_id == yannick.id)
                                .order_by(Personne.nom, Personne.prenom).limit(2)).all()
    if not personnes:
        return
    structure = session.get(Structure, yannick.structure_id)
    p = personnes[0]
    nom = f"{p.prenom} {p.nom}"
    cv = _pdf(f"{nom} — Curriculum vitae", [
        "Objectif : agent·e de propreté et d'hygiène, temps plein ou partiel, secteur Lille et métropole.",
        "Expérience : 2019–2023, employé·e polyvalent·e en restauration collective (plonge, entretien des locaux, "
        "mise en place) ; 2017–2018, agent·e d'entretien en intérim (bureaux, parties communes).",
        "Formation : CAP Agent polyvalent de restauration (2016). Certificat Sauveteur Secouriste du Travail (2022).",
        "Atouts : ponctualité, travail en équipe, respect des protocoles d'hygiène (HACCP).",
        "Permis B en cours (code obtenu). Langues : français, arabe dialectal.",
    ])
    services.deposer(session, personne=p, par=yannick, nature="cv", nom_fichier=f"CV {nom}.pdf", donnees=cv)
    justificatif = _pdf("Attestation d'hébergement", [
        "Je soussigné·e, hébergeant·e, atteste sur l'honneur héberger à mon domicile la personne nommée "
        f"{nom} depuis le 1er mars 2026.",
        "Fait pour servir et valoir ce que de droit, à Lille.",
        "Pièces jointes par l'hébergeant·e : copie de sa pièce d'identité, justificatif de domicile de moins de "
        "trois mois.",
    ])
    services.deposer(session, personne=p, par=yannick, nature="justificatif",
                     nom_fichier="attestation-hebergement.pdf", donnees=justificatif)
    from cipdesk.parcours.contrat.models import Parcours

    parcours = session.scalars(select(Parcours).join(Personne, Personne.id == Parcours.personne_id)
                               .where(Personne.referent_id == yannick.id, Personne.id != p.id)
                               .order_by(Personne.nom).limit(1)).first()
    if parcours is not None:
        q = session.get(Personne, parcours.personne_id)
        contrat = _pdf("Contrat d'engagement réciproque — exemplaire signé", [
            f"Entre {structure.nom} et {q.prenom} {q.nom}, accompagné·e dans le cadre du PLIE.",
            "Engagements de la personne : participer aux entretiens de suivi mensuels, aux ateliers convenus, "
            "informer son ou sa référent·e de tout changement de situation.",
            "Engagements de la structure : un·e référent·e unique, un plan d'action construit ensemble, la "
            "mobilisation des partenaires utiles (formation, mobilité, santé, logement).",
            "Durée : douze mois renouvelables. Signé en deux exemplaires, à Lille.",
            "Signatures : la personne accompagnée — le ou la référent·e de parcours.",
        ], structure)
        # the signed contract belongs to the parcours: shown on its page (encarts) and on the person's
        services.deposer(session, personne=q, par=yannick, nature="contrat",
                         nom_fichier="contrat-engagement-signe.pdf", donnees=contrat,
                         objet_type="parcours", objet_id=parcours.id)
