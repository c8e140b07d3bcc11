"""documents joints chiffrés (issue #18, point 11) ; second facteur TOTP, codes de secours,
navigateurs de confiance, et l'exigence du second facteur par structure (point 12)

Revision ID: 0019_securite
Revises: 0019_dossier
Create Date: 2026-12-01 10:50:00

"""
from alembic import op
import sqlalchemy as sa


revision = "0019_securite"
down_revision = "0019_dossier"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("structure", sa.Column("second_facteur", sa.String(length=20), nullable=False,
                                         server_default="admin_chef"))
    op.create_table(
        "second_facteur",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("utilisateur_id", sa.Uuid(), nullable=False),
        sa.Column("structure_id", sa.Uuid(), nullable=False),
        sa.Column("secret_chiffre", sa.LargeBinary(), nullable=True),
        sa.Column("nouveau_secret_chiffre", sa.LargeBinary(), nullable=True),
        sa.Column("active_le", sa.DateTime(timezone=True), nullable=True),
        sa.Column("dernier_pas", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["structure_id"], ["structure.id"], name=op.f("fk_second_facteur_structure_id_structure")),
        sa.ForeignKeyConstraint(["utilisateur_id"], ["utilisateur.id"], name=op.f("fk_second_facteur_utilisateur_id_utilisateur")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_second_facteur")),
        sa.UniqueConstraint("utilisateur_id", name=op.f("uq_second_facteur_utilisateur_id")),
    )
    op.create_index(op.f("ix_second_facteur_structure_id"), "second_facteur", ["structure_id"], unique=False)
    op.create_table(
        "code_de_secours",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("utilisateur_id", sa.Uuid(), nullable=False),
        sa.Column("empreinte", sa.String(length=255), nullable=False),
        sa.Column("utilise_le", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["utilisateur_id"], ["utilisateur.id"], name=op.f("fk_code_de_secours_utilisateur_id_utilisateur")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_code_de_secours")),
    )
    op.create_index(op.f("ix_code_de_secours_utilisateur_id"), "code_de_secours", ["utilisateur_id"], unique=False)
    op.create_table(
        "navigateur_de_confiance",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("utilisateur_id", sa.Uuid(), nullable=False),
        sa.Column("empreinte", sa.String(length=64), nullable=False),
        sa.Column("cree_le", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expire_le", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoque_le", sa.DateTime(timezone=True), nullable=True),
        sa.Column("agent", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(["utilisateur_id"], ["utilisateur.id"], name=op.f("fk_navigateur_de_confiance_utilisateur_id_utilisateur")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_navigateur_de_confiance")),
        sa.UniqueConstraint("empreinte", name=op.f("uq_navigateur_de_confiance_empreinte")),
    )
    op.create_index(op.f("ix_navigateur_de_confiance_utilisateur_id"), "navigateur_de_confiance", ["utilisateur_id"],
                    unique=False)
    op.create_table(
        "document_joint",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("structure_id", sa.Uuid(), nullable=False),
        sa.Column("personne_id", sa.Uuid(), nullable=False),
        sa.Column("objet_type", sa.String(length=60), nullable=False),
        sa.Column("objet_id", sa.Uuid(), nullable=True),
        sa.Column("nature", sa.String(length=30), nullable=False),
        sa.Column("type_mime", sa.String(length=60), nullable=False),
        sa.Column("taille", sa.Integer(), nullable=False),
        sa.Column("depose_par_id", sa.Uuid(), nullable=False),
        sa.Column("nom_fichier_chiffre", sa.LargeBinary(), nullable=True),
        sa.Column("contenu_chiffre", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(["depose_par_id"], ["utilisateur.id"], name=op.f("fk_document_joint_depose_par_id_utilisateur")),
        sa.ForeignKeyConstraint(["personne_id"], ["personne.id"], name=op.f("fk_document_joint_personne_id_personne")),
        sa.ForeignKeyConstraint(["structure_id"], ["structure.id"], name=op.f("fk_document_joint_structure_id_structure")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_joint")),
    )
    op.create_index(op.f("ix_document_joint_personne_id"), "document_joint", ["personne_id"], unique=False)
    op.create_index(op.f("ix_document_joint_objet_id"), "document_joint", ["objet_id"], unique=False)
    op.create_index(op.f("ix_document_joint_structure_id"), "document_joint", ["structure_id"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_document_joint_structure_id"), table_name="document_joint")
    op.drop_index(op.f("ix_document_joint_objet_id"), table_name="document_joint")
    op.drop_index(op.f("ix_document_joint_personne_id"), table_name="document_joint")
    op.drop_table("document_joint")
    op.drop_index(op.f("ix_navigateur_de_confiance_utilisateur_id"), table_name="navigateur_de_confiance")
    op.drop_table("navigateur_de_confiance")
    op.drop_index(op.f("ix_code_de_secours_utilisateur_id"), table_name="code_de_secours")
    op.drop_table("code_de_secours")
    op.drop_index(op.f("ix_second_facteur_structure_id"), table_name="second_facteur")
    op.drop_table("second_facteur")
    op.drop_column("structure", "second_facteur")
