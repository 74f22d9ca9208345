#include "helpdialogs.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <algorithm>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMessageBox>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

namespace renkou::app {

void showDataSources(QWidget *parent, const core::SourceTable &sources, const core::RegionTable *regions)
{
    auto *dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("dataSourcesDialog"));
    dialog->setWindowTitle(QApplication::translate("HelpDialogs", "Data sources"));
    auto *table = new QTableWidget(dialog);
    table->setObjectName(QStringLiteral("dataSourcesTable"));
    const QStringList headers = {QApplication::translate("HelpDialogs", "Id"), QApplication::translate("HelpDialogs", "Title"),
                                 QApplication::translate("HelpDialogs", "Publisher"), QApplication::translate("HelpDialogs", "Where"),
                                 QApplication::translate("HelpDialogs", "Vintage"), QApplication::translate("HelpDialogs", "Licence")};
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    const std::vector<const core::Source *> all = sources.all();
    table->setRowCount(int(all.size()));
    for (int row = 0; row < int(all.size()); ++row) {
        const core::Source &s = *all[size_t(row)];
        // The publisher in the window's language (its full English text on hover); the rest as sources.csv has it.
        const QStringList cells = {s.id, s.title, core::publisherName(s, regions), s.where, s.version, s.license};
        for (int c = 0; c < int(cells.size()); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            item->setToolTip(c == 2 ? s.publisher : cells[c]);
            table->setItem(row, c, item);
        }
    }
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table->resizeColumnsToContents();
    for (int c = 0; c < table->columnCount(); ++c)
        table->setColumnWidth(c, std::min(table->columnWidth(c), 320));
    // Ctrl+C: the selected rows, tab-separated, for a spreadsheet or a report.
    auto *copy = new QShortcut(QKeySequence::Copy, table);
    QObject::connect(copy, &QShortcut::activated, table, [table] {
        QStringList lines;
        for (int row = 0; row < table->rowCount(); ++row) {
            bool selected = false;
            QStringList cells;
            for (int c = 0; c < table->columnCount(); ++c) {
                selected = selected || table->item(row, c)->isSelected();
                cells << table->item(row, c)->text();
            }
            if (selected)
                lines << cells.join(u'\t');
        }
        QGuiApplication::clipboard()->setText(lines.join(u'\n'));
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    auto *about = new QLabel(QApplication::translate("HelpDialogs", "Titles, places and licences as the data bundle's sources.csv gives them."), dialog);
    about->setWordWrap(true);
    layout->addWidget(about);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog->resize(1100, 560);
    dialog->show();
}

void showAbout(QWidget *parent, const QString &bundleDir)
{
    QFile version(bundleDir + QStringLiteral("/VERSION"));
    QString release = QApplication::translate("HelpDialogs", "unknown");
    if (version.open(QIODevice::ReadOnly))
        release = QString::fromUtf8(version.readAll()).simplified();
    // Licences of the libraries as Debian 12 ships them (/usr/share/doc/<package>/copyright).
    const QString libraries = QStringLiteral("Qt 6 (LGPL-3.0), GDAL/OGR (MIT), PROJ (MIT), Boost.Geometry (BSL-1.0), "
                                             "uchardet (MPL-1.1 / GPL-2.0+ / LGPL-2.1+), Noto Sans CJK (OFL-1.1)");
    QMessageBox::about(parent, QApplication::translate("HelpDialogs", "About Renkou"),
                       QApplication::translate("HelpDialogs",
                                               "<b>Renkou 人口</b> %1<br>Explore China's population map.<br><br>"
                                               "Data: %2 (release: %3)<br>Libraries: %4<br>"
                                               "The source, vintage and licence of every table and boundary: Help → Data sources.")
                           .arg(QApplication::applicationVersion(), bundleDir.toHtmlEscaped(), release.toHtmlEscaped(), libraries));
}

} // namespace renkou::app
