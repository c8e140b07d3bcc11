"""Ateliers thématiques (REAC activité type 2, CP9 « Concevoir » et CP10 « Préparer et
animer »): conception (analyse de la demande, cahier des charges, objectifs
pédagogiques, progression), sessions in half-days, attendance, evaluations, bilan."""
