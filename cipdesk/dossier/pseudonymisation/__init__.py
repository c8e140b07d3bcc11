"""Pseudonymisation of the certification dossier (issue #16, point 5; DOSSIER.md D3).

    table = queries.table_des_identifiants(session, structure_id,
                                           personnes_en_premier=[ids des cas choisis], le=aujourdhui())
    r = rules.pseudonymiser(texte, table, corrections)          # r.texte, r.substitutions (preview)
    r = rules.generaliser_dates(r.texte, debut=debut_accompagnement)
    if rules.restes(r.texte, table, corrections): refuse the export, say where (Reste.message)

Build the table once per request (its index is compiled on first use and kept on the object)."""
