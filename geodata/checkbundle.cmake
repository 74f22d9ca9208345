# Checks a data bundle: every file its MANIFEST.sha256 lists is present with that hash, its VERSION names the
# schema this code reads, and the files Renkou needs are there.
# Usage: cmake -DDATA_DIR=<bundle> -P checkbundle.cmake
include(${CMAKE_CURRENT_LIST_DIR}/bundle.cmake)

if(NOT DATA_DIR OR NOT IS_DIRECTORY "${DATA_DIR}")
  message(FATAL_ERROR "Renkou data bundle not found at '${DATA_DIR}'. "
                      "Put the bundle there or configure with -DRENKOU_DATA_DIR=/path/to/data.")
endif()

foreach(f IN LISTS RENKOU_DATA_REQUIRED_FILES)
  if(NOT EXISTS "${DATA_DIR}/${f}")
    message(FATAL_ERROR "Renkou data bundle '${DATA_DIR}' lacks the required file '${f}'.")
  endif()
endforeach()

file(STRINGS "${DATA_DIR}/VERSION" version_lines)
set(schema "")
foreach(line IN LISTS version_lines)
  if(line MATCHES "^schema[ \t]+([0-9]+)")
    set(schema "${CMAKE_MATCH_1}")
  endif()
endforeach()
if(NOT schema STREQUAL "${RENKOU_DATA_SCHEMA}")
  message(FATAL_ERROR "${DATA_DIR}/VERSION: the bundle has schema '${schema}', "
                      "this Renkou reads schema ${RENKOU_DATA_SCHEMA} (see geodata/bundle.cmake).")
endif()

file(STRINGS "${DATA_DIR}/MANIFEST.sha256" manifest_lines)
set(count 0)
foreach(line IN LISTS manifest_lines)
  if(line STREQUAL "")
    continue()
  endif()
  if(NOT line MATCHES "^([0-9a-fA-F]+)[ \t]+\\*?(.+)$")
    message(FATAL_ERROR "${DATA_DIR}/MANIFEST.sha256: cannot read the line '${line}'.")
  endif()
  set(expected "${CMAKE_MATCH_1}")
  set(path "${CMAKE_MATCH_2}")
  if(NOT EXISTS "${DATA_DIR}/${path}")
    message(FATAL_ERROR "${DATA_DIR}/MANIFEST.sha256 lists '${path}', which is missing from the bundle.")
  endif()
  file(SHA256 "${DATA_DIR}/${path}" actual)
  string(TOLOWER "${expected}" expected)
  if(NOT actual STREQUAL expected)
    message(FATAL_ERROR "${DATA_DIR}/${path} has changed since the bundle was made: its SHA-256 is ${actual}, "
                        "MANIFEST.sha256 says ${expected}. Restore the file or use a consistent bundle release.")
  endif()
  math(EXPR count "${count} + 1")
endforeach()
if(count EQUAL 0)
  message(FATAL_ERROR "${DATA_DIR}/MANIFEST.sha256 lists no files.")
endif()
