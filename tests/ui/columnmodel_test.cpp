#include "columnmodel.h"
#include "databundle.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <gtest/gtest.h>

using namespace renkou;

namespace {
core::Column provinces2024()
{
    static const core::DataBundle b =
        std::move(core::DataBundle::load(QStringLiteral(RENKOU_BUNDLE_DIR), core::DataBundle::Parts::Tables)).value();
    return core::computeColumn(b.context(), core::Level::Province,
                               core::findIndicator(b.population, QStringLiteral("population")).value(), 2024);
}

QString codeAt(const QAbstractItemModel &m, int row)
{
    return m.index(row, ui::ColumnModel::Code).data().toString();
}
} // namespace

TEST(ColumnModel, PassesTheModelTesterAndSortsNoDataLast)
{
    ui::ColumnModel model;
    ui::ColumnSortModel sorted;
    sorted.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(&sorted, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setColumn(provinces2024());
    ASSERT_EQ(model.rowCount(), 34);

    sorted.sort(ui::ColumnModel::Value, Qt::DescendingOrder);
    EXPECT_EQ(codeAt(sorted, 0), QStringLiteral("440000")); // Guangdong, the largest
    EXPECT_EQ(sorted.index(0, ui::ColumnModel::Rank).data().toInt(), 1);
    EXPECT_EQ(sorted.index(33, ui::ColumnModel::Value).data().toString(), QStringLiteral("no data"));
    sorted.sort(ui::ColumnModel::Value, Qt::AscendingOrder);
    EXPECT_EQ(codeAt(sorted, 0), QStringLiteral("540000")); // Tibet, the smallest
    EXPECT_EQ(sorted.index(33, ui::ColumnModel::Value).data().toString(), QStringLiteral("no data"));
    EXPECT_EQ(sorted.index(0, ui::ColumnModel::Source).data().toString(), QStringLiteral("nbs-annual-pypsa"));

    model.setSelectedCodes({QStringLiteral("540000")});
    EXPECT_TRUE(sorted.index(0, ui::ColumnModel::NameZh).data(Qt::FontRole).value<QFont>().bold());
    EXPECT_FALSE(sorted.index(1, ui::ColumnModel::NameZh).data(Qt::FontRole).isValid());
}

TEST(ColumnModel, CopiesAsTabSeparatedText)
{
    ui::ColumnModel model;
    model.setColumn(provinces2024());
    const QStringList lines = ui::ColumnModel::toTsv(model).split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 35);
    EXPECT_EQ(lines[0], QStringLiteral("名称\tName (English)\tCode\tResident population\tUnit\tRank\tSource\tFlag\tNote"));
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("北京市\tBeijing\t110000\t21,830,000\tpersons\t")));
    const QStringList two = ui::ColumnModel::toTsv(model, {model.index(3, 0), model.index(1, 2)}).split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(two.size(), 3);
    EXPECT_TRUE(two[1].startsWith(QStringLiteral("天津市")));
}
