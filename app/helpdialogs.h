#pragma once
#include "regiontable.h"
#include "sourcetable.h"

class QWidget;

namespace renkou::app {

/// Help → Data sources: every source of the loaded data (sources.csv and the user's tables) as a table of
/// id, title, publisher, where, vintage and licence, sorted by id; Ctrl+C copies the selected rows.
void showDataSources(QWidget *parent, const core::SourceTable &sources, const core::RegionTable *regions);

/// Help → About: Renkou's version, the data bundle's release (its VERSION file), the libraries it is built on
/// with their licences (from their Debian copyright files), and where the data's licences are listed.
void showAbout(QWidget *parent, const QString &bundleDir);

} // namespace renkou::app
