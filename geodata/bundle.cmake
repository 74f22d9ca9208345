# What Renkou expects of the data bundle. The bundle's own MANIFEST.sha256 holds the hashes; this file holds
# only the schema version this code reads and the files it cannot work without (never hashes or row counts).
set(RENKOU_DATA_SCHEMA 1)
set(RENKOU_DATA_REQUIRED_FILES
  VERSION
  MANIFEST.sha256
  regions.csv
  sources.csv
  notes.csv
  boundaries/provinces.geojson
  boundaries/prefectures.geojson
  boundaries/nation.geojson
  boundaries/lines.geojson
)
