#include "owndatadialogs.h"
#include "indicators.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStyledItemDelegate>

namespace renkou::app {

namespace {
QDialogButtonBox *okCancel(QDialog *dialog, const QString &okText)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(okText);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}
} // namespace

WideTableDialog::WideTableDialog(const QString &path, const core::PopulationStore &store, const core::WideTableSpec &said,
                                 const QStringList &keyColumns, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Open table: %1").arg(QFileInfo(path).fileName()));
    auto *form = new QFormLayout(this);
    form->addRow(new QLabel(tr("This table has a column per year. Say what its numbers are; an empty cell "
                               "(or NA, -, .., …) is no data. Counts in 万人, 千人 or 亿人 become persons.")));
    if (!said.indicator.isEmpty() || !said.unit.isEmpty())
        form->addRow(new QLabel(tr("The file says: %1 in %2.")
                                    .arg(said.indicator.isEmpty() ? tr("(no indicator)") : said.indicator,
                                         said.unit.isEmpty() ? tr("(no unit)") : said.unit)));
    // Without a word from the file, the numbers are the user's own indicator, named after the file: shown as
    // they are, never hidden behind the bundle's values of the same name.
    QString fromName = QFileInfo(path).completeBaseName().toLower();
    fromName.replace(QRegularExpression(QStringLiteral("[^\\p{L}\\p{N}]+")), QStringLiteral("_"));
    const QString indicator = said.indicator.isEmpty() ? fromName : said.indicator;
    m_indicator = new QComboBox;
    m_indicator->setObjectName(QStringLiteral("wideIndicator"));
    m_indicator->setEditable(true);
    m_indicator->addItems(store.indicators());
    m_indicator->setCurrentText(indicator);
    m_unit = new QLineEdit(said.unit.isEmpty() ? store.unitOf(indicator) : said.unit);
    m_unit->setObjectName(QStringLiteral("wideUnit"));
    connect(m_indicator, &QComboBox::currentTextChanged, this, [this, &store, said](const QString &chosen) {
        const QString unit = store.unitOf(chosen);
        if (!unit.isEmpty() && said.unit.isEmpty()) // the file's own unit (万人) stays: it is converted
            m_unit->setText(unit);
    });
    m_source = new QLineEdit(QFileInfo(path).fileName());
    m_source->setToolTip(tr("Shown wherever these values are; an id from sources.csv, or any name"));
    m_flag = new QComboBox;
    m_flag->addItem(tr("Year-end estimate"), QStringLiteral("estimate"));
    m_flag->addItem(tr("Census count"), QStringLiteral("census"));
    m_key = new QComboBox;
    m_key->setObjectName(QStringLiteral("wideKey"));
    m_key->addItem(tr("(automatic: the column naming the most units)"), QString());
    for (const QString &c : keyColumns)
        m_key->addItem(c, c);
    m_key->setCurrentIndex(std::max(0, m_key->findData(said.keyColumn)));
    form->addRow(tr("Units named by"), m_key);
    form->addRow(tr("Indicator"), m_indicator);
    form->addRow(tr("Unit"), m_unit);
    form->addRow(tr("Source"), m_source);
    form->addRow(tr("Kind"), m_flag);
    form->addRow(okCancel(this, tr("Add table")));
}

core::WideTableSpec WideTableDialog::spec() const
{
    return {m_indicator->currentText().trimmed(), m_unit->text().trimmed(), m_source->text().trimmed(),
            m_flag->currentData().toString(), m_key->currentData().toString()};
}

void WideTableDialog::done(int result)
{
    if (result == QDialog::Accepted) {
        const core::WideTableSpec s = spec();
        static const std::vector<core::IndicatorInfo> computed = core::availableIndicators(core::PopulationStore{});
        const auto same = std::find_if(computed.begin(), computed.end(), [&](const core::IndicatorInfo &i) { return i.name == s.indicator; });
        QString problem;
        if (s.indicator.isEmpty())
            problem = tr("Name the indicator.");
        else if (s.unit.isEmpty())
            problem = tr("Give the unit (persons, 万人, %, ‰ …).");
        else if (same != computed.end())
            problem = tr("'%1' is the name of one Renkou computes (%2): name yours differently, or choose "
                         "resident_population to add to the bundle's resident population.")
                          .arg(s.indicator, same->description);
        if (!problem.isEmpty()) {
            QMessageBox::warning(this, windowTitle(), problem);
            return;
        }
    }
    QDialog::done(result);
}

BoundaryImportDialog::BoundaryImportDialog(const QString &path, core::BoundaryLayer::Attributes attributes,
                                           std::shared_ptr<const core::RegionMatcher> matcher, QWidget *parent)
    : QDialog(parent), m_path(path), m_attributes(std::move(attributes)), m_matcher(std::move(matcher))
{
    setWindowTitle(tr("Open boundaries: %1").arg(QFileInfo(path).fileName()));
    auto *form = new QFormLayout(this);
    m_layer = new QComboBox;
    m_layer->setObjectName(QStringLiteral("boundaryLayer"));
    m_layer->addItems(m_attributes.layers);
    m_layer->setCurrentText(m_attributes.layer);
    m_field = new QComboBox;
    m_field->setObjectName(QStringLiteral("codeField"));
    m_level = new QComboBox;
    m_level->setObjectName(QStringLiteral("boundaryLevel"));
    m_level->addItem(tr("Provinces"), int(core::Level::Province));
    m_level->addItem(tr("Prefectures"), int(core::Level::Prefecture));
    m_count = new QLabel;
    m_preview = new QLabel;
    m_preview->setObjectName(QStringLiteral("joinPreview"));
    m_preview->setWordWrap(true);
    form->addRow(tr("Layer"), m_layer);
    m_layer->setEnabled(m_attributes.layers.size() > 1);
    form->addRow(m_count);
    form->addRow(tr("Code field"), m_field);
    form->addRow(tr("Replaces"), m_level);
    form->addRow(m_preview);
    auto *buttons = okCancel(this, tr("Open"));
    form->addRow(buttons);
    connect(m_layer, &QComboBox::currentTextChanged, this, [this, buttons](const QString &layer) {
        auto read = core::BoundaryLayer::attributes(m_path, layer);
        m_attributes = read ? std::move(read).value() : core::BoundaryLayer::Attributes{};
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_attributes.fields.isEmpty());
        showFields();
    });
    connect(m_field, &QComboBox::currentIndexChanged, this, &BoundaryImportDialog::fieldChanged);
    connect(m_level, &QComboBox::currentIndexChanged, this, &BoundaryImportDialog::updatePreview);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_attributes.fields.isEmpty());
    showFields();
}

void BoundaryImportDialog::showFields()
{
    m_count->setText(tr("%n feature(s). Which field names the units (division codes or names)?", nullptr,
                        int(m_attributes.rows.size())));
    const QSignalBlocker block(m_field);
    m_field->clear();
    m_field->addItems(m_attributes.fields);
    // Preselected: the field whose values name the most units, else the first of code, adcode, 区划码, id.
    QString preselect = core::bestKeyField(m_attributes, *m_matcher);
    for (const QString &f : core::BoundaryLayer::Options{}.codeFields) {
        if (preselect.isEmpty() && m_attributes.fields.contains(f))
            preselect = f;
    }
    if (const int i = m_attributes.fields.indexOf(preselect); i >= 0)
        m_field->setCurrentIndex(i);
    fieldChanged();
}

void BoundaryImportDialog::fieldChanged()
{
    QStringList codes;
    for (const auto &row : m_attributes.rows)
        codes << row.value(m_field->currentText());
    const QSignalBlocker block(m_level);
    m_level->setCurrentIndex(m_level->findData(int(m_matcher->guessLevel(codes))));
    updatePreview();
}

void BoundaryImportDialog::updatePreview()
{
    const auto level = core::Level(m_level->currentData().toInt());
    int matched = 0;
    int other = 0;
    for (const auto &row : m_attributes.rows) {
        const QString key = row.value(m_field->currentText());
        const core::KeyMatch match = m_matcher->match(key, level);
        const bool unit = m_matcher->matchCount({key}, level) > 0;
        matched += unit ? 1 : 0;
        other += unit && match.code != key ? 1 : 0;
    }
    QString text = tr("%1 of %2 features name a %3 unit of regions.csv.")
                       .arg(matched)
                       .arg(m_attributes.rows.size())
                       .arg(core::levelName(level));
    if (other > 0)
        text += u' ' + tr("%n by a name or another form of code.", nullptr, other);
    if (matched < int(m_attributes.rows.size()) && matched > 0)
        text += u' ' + tr("The others are left out (not units: dashes of the nine-dash line, disputed pieces …).");
    if (matched == 0)
        text += u' ' + tr("Nothing would match: choose another field.");
    m_preview->setText(text);
}

core::BoundaryImportOptions BoundaryImportDialog::options() const
{
    core::BoundaryImportOptions o;
    o.codeField = m_field->currentText();
    o.layerName = m_layer->currentText();
    o.level = core::Level(m_level->currentData().toInt());
    return o;
}

namespace {

/// The unit column of KeyAssignmentDialog: its text names the unit chosen, Qt::UserRole holds its code (empty:
/// left out). The editor, made when a cell is edited, lists "leave out", the closest units to the key by
/// name, then every unit of the level by code.
class UnitChoiceDelegate : public QStyledItemDelegate {
public:
    UnitChoiceDelegate(const core::DataBundle &bundle, core::Level level, QObject *parent)
        : QStyledItemDelegate(parent), m_regions(bundle.regions), m_matcher(bundle.keys()), m_level(level)
    {
    }

    static QString label(const core::Region *r)
    {
        return r ? QStringLiteral("%1 %2 (%3)").arg(r->nameZh, r->nameEn, r->code) : KeyAssignmentDialog::tr("— leave out —");
    }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const override
    {
        auto *choice = new QComboBox(parent);
        choice->addItem(label(nullptr), QString());
        const QString key = index.siblingAtColumn(0).data().toString();
        for (const QString &c : m_matcher->closest(key, m_level, 5))
            if (const core::Region *r = m_regions.find(c.section(u' ', -1), m_level))
                choice->addItem(label(r), r->code);
        choice->insertSeparator(choice->count());
        for (const core::Region *r : m_regions.ofLevel(m_level))
            choice->addItem(label(r), r->code);
        // A choice is kept as soon as it is made.
        connect(choice, &QComboBox::activated, this, [this, choice] { emit const_cast<UnitChoiceDelegate *>(this)->commitData(choice); });
        return choice;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *choice = static_cast<QComboBox *>(editor);
        choice->setCurrentIndex(std::max(0, choice->findData(index.data(Qt::UserRole).toString())));
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        const QString code = static_cast<QComboBox *>(editor)->currentData().toString();
        model->setData(index, code, Qt::UserRole);
        model->setData(index, label(code.isEmpty() ? nullptr : m_regions.find(code, m_level)), Qt::DisplayRole);
    }

private:
    const core::RegionTable &m_regions;
    std::shared_ptr<const core::RegionMatcher> m_matcher;
    core::Level m_level;
};

} // namespace

KeyAssignmentDialog::KeyAssignmentDialog(const QString &path, const QStringList &keys, core::Level level,
                                         const core::DataBundle &bundle, const QHash<QString, QString> &remembered,
                                         QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Open table: %1").arg(QFileInfo(path).fileName()));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("%n key(s) of this table name no %1 unit, or several. Click a unit to assign the key to one, or "
                                "leave its rows out; the choice is remembered for this file.", nullptr, int(keys.size()))
                                 .arg(core::levelName(level)));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableWidget(int(keys.size()), 2);
    m_table->setObjectName(QStringLiteral("keyAssignments"));
    m_table->setHorizontalHeaderLabels({tr("In the table"), tr("Unit")});
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setItemDelegateForColumn(1, new UnitChoiceDelegate(bundle, level, m_table));
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    for (int row = 0; row < int(keys.size()); ++row) {
        auto *key = new QTableWidgetItem(keys[row]);
        key->setFlags(key->flags() & ~Qt::ItemIsEditable);
        m_table->setItem(row, 0, key);
        const QString code = remembered.value(keys[row]);
        const core::Region *unit = code.isEmpty() ? nullptr : bundle.regions.find(code, level);
        auto *choice = new QTableWidgetItem(UnitChoiceDelegate::label(unit));
        choice->setData(Qt::UserRole, unit ? unit->code : QString());
        m_table->setItem(row, 1, choice);
    }
    m_table->resizeColumnToContents(0);
    layout->addWidget(m_table);
    layout->addWidget(okCancel(this, tr("Add table")));
    resize(640, std::min(600, 160 + 32 * int(keys.size())));
}

QHash<QString, QString> KeyAssignmentDialog::assignments() const
{
    QHash<QString, QString> out;
    for (int row = 0; row < m_table->rowCount(); ++row)
        out.insert(m_table->item(row, 0)->text(), m_table->item(row, 1)->data(Qt::UserRole).toString());
    return out;
}

} // namespace renkou::app
