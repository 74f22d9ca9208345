# Makes the seed corpus of the fuzz targets in OUT: the first lines of the bundle's tables (whole files
# would make every run slow), the hand-made fixtures in TESTDATA and the hand-made seeds in HANDMADE.
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT}/table ${OUT}/regions ${OUT}/boundaries ${OUT}/workbook ${OUT}/echarts ${OUT}/view)

function(head_of file lines dest)
  file(STRINGS ${file} content LIMIT_COUNT ${lines})
  list(JOIN content "\n" text)
  get_filename_component(name ${file} NAME)
  file(WRITE ${dest}/bundle-${name} "${text}\n")
endfunction()

file(GLOB tables ${BUNDLE}/population/*.csv)
foreach(f ${tables})
  head_of(${f} 30 ${OUT}/table)
endforeach()
head_of(${BUNDLE}/regions.csv 60 ${OUT}/regions)

file(GLOB fixture_tables ${TESTDATA}/bundle/population/*.csv ${TESTDATA}/own/*.csv ${TESTDATA}/bad/population_*.csv
     ${TESTDATA}/bad/wide_*.csv ${TESTDATA}/bad/gbk.csv ${TESTDATA}/bad/binary.csv ${TESTDATA}/bad/unclosed_quote.csv
     ${TESTDATA}/field/*.csv)
file(COPY ${fixture_tables} DESTINATION ${OUT}/table)
file(GLOB fixture_regions ${TESTDATA}/bundle/regions.csv ${TESTDATA}/bad/regions_*.csv)
file(COPY ${fixture_regions} DESTINATION ${OUT}/regions)
file(GLOB fixture_boundaries ${TESTDATA}/bundle/boundaries/*.geojson ${TESTDATA}/own/*.geojson ${TESTDATA}/own/*.topojson ${TESTDATA}/bad/*.geojson
     ${TESTDATA}/bad/*.json ${HANDMADE}/boundaries/*)
list(FILTER fixture_boundaries EXCLUDE REGEX "directory\\.geojson")
file(COPY ${fixture_boundaries} DESTINATION ${OUT}/boundaries)
file(GLOB fixture_workbooks ${TESTDATA}/field/*.xlsx ${TESTDATA}/bad/*.xlsx)
file(COPY ${fixture_workbooks} DESTINATION ${OUT}/workbook)
file(GLOB echarts_seeds ${HANDMADE}/echarts/*)
file(COPY ${echarts_seeds} DESTINATION ${OUT}/echarts)
file(GLOB fixture_views ${TESTDATA}/bad/view_*.renkou ${HANDMADE}/view/*)
file(COPY ${fixture_views} DESTINATION ${OUT}/view)
file(WRITE ${OUT}/stamp "")
