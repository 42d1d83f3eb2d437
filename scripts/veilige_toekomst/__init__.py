"""Veilige Toekomst: what children in Dutch shelters need, as a site, packs and data."""
