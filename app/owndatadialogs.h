#pragma once
#include <memory>
#include "databundle.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

class QTableWidget;

namespace renkou::app {

/// Asks what the numbers of a wide table (`code,name,2000,2001,…`) are: indicator, unit, source, flag.
class WideTableDialog : public QDialog {
    Q_OBJECT
public:
    /// `said`: what the file itself says its numbers are (indicator, unit; PopulationStore::inspect), prefilled.
    /// `keyColumns`: the columns that may name the units (the first choice is "automatic").
    WideTableDialog(const QString &path, const core::PopulationStore &store, const core::WideTableSpec &said = {},
                    const QStringList &keyColumns = {}, QWidget *parent = nullptr);
    core::WideTableSpec spec() const;
    /// Accepting is refused, with a message in the dialog, for an empty indicator or unit or the name of an
    /// indicator Renkou computes.
    void done(int result) override;

private:
    QComboBox *m_key;
    QComboBox *m_indicator;
    QLineEdit *m_unit;
    QLineEdit *m_source;
    QComboBox *m_flag;
};

/// Asks which field of a boundary file holds the division code and which layer it replaces, showing how
/// many features each choice matches before anything is loaded.
class BoundaryImportDialog : public QDialog {
    Q_OBJECT
public:
    BoundaryImportDialog(const QString &path, core::BoundaryLayer::Attributes attributes,
                         std::shared_ptr<const core::RegionMatcher> matcher, QWidget *parent = nullptr);
    core::BoundaryImportOptions options() const;

private:
    void updatePreview();
    /// Lists the fields of the layer read, choosing the code field and the level that fit best.
    void showFields();
    /// Chooses the level the code field matches best and updates the preview.
    void fieldChanged();

    QString m_path;
    core::BoundaryLayer::Attributes m_attributes;
    std::shared_ptr<const core::RegionMatcher> m_matcher;
    QComboBox *m_layer;
    QComboBox *m_field;
    QComboBox *m_level;
    QLabel *m_count;
    QLabel *m_preview;
};

/// Lists the keys of a table that name no unit and lets the user assign each to a unit of the level or leave
/// its rows out (the default). A click on a key's unit opens the choice, the closest units by name first; the
/// list stays quick with thousands of keys (a choice is made only for the row being edited).
class KeyAssignmentDialog : public QDialog {
    Q_OBJECT
public:
    /// `remembered`: earlier choices for this file (key → unit code, empty: left out), preselected.
    KeyAssignmentDialog(const QString &path, const QStringList &keys, core::Level level, const core::DataBundle &bundle,
                        const QHash<QString, QString> &remembered = {}, QWidget *parent = nullptr);
    /// Key → unit code, or empty for a key left out; every key listed.
    QHash<QString, QString> assignments() const;

private:
    QTableWidget *m_table;
};

} // namespace renkou::app
