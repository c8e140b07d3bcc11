"""Les personnes accompagnées (bénéficiaires): not users, the reason for everything."""
