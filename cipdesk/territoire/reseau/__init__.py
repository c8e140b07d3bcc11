"""Le réseau réellement utilisé : cartographie par domaine et compétences de l'équipe (REAC CP4)."""
