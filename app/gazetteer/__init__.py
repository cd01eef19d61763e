"""The offline gazetteer: loading, name index, geocoding, regions."""
