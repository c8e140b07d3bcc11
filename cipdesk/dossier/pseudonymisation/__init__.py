"""Pseudonymisation of the certification dossier (issue #16, point 5; DOSSIER.md D3).

    table = queries.table_des_identifiants(session, structure_id,
                                           personnes_en_premier=[ids des cas choisis], le=aujourdhui())
    r = rules.pseudonymiser(texte, table, corrections, dates=True, debut=debut_accompagnement)
        # r.texte ; r.substitutions (the preview, offsets of `texte`, the refused ones marked)
    if rules.restes(r.texte, table, gardees=r.gardees): refuse the export, say where (Reste.message)

Build the table once per request (its index is compiled on first use and kept on the object)."""
