#include "csvreader.h"
#include "testpaths.h"

#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace renkou::core;
using renkou::test::dataPath;

namespace {
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}
} // namespace

TEST(CsvReader, ReadsQuotedFieldsWithCommasQuotesAndNewlines)
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("q.csv"),
                                   "\xEF\xBB\xBF" "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",z\r\n");
    auto t = CsvTable::read(path, {QStringLiteral("a"), QStringLiteral("c")});
    ASSERT_TRUE(t.ok()) << t.error().toString().toStdString();
    EXPECT_EQ(t->header(), QStringList({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    ASSERT_EQ(t->rows().size(), 2u);
    EXPECT_EQ(t->rows()[0].fields.at(1), QStringLiteral("x, y"));
    EXPECT_EQ(t->rows()[0].fields.at(2), QStringLiteral("say \"hi\""));
    EXPECT_EQ(t->rows()[1].fields.at(1), QStringLiteral("two\nlines"));
    EXPECT_EQ(t->rows()[0].line, 2);
    EXPECT_EQ(t->rows()[1].line, 3);
}

TEST(CsvReader, MissingColumnNamesFileAndColumn)
{
    auto t = CsvTable::read(dataPath(QStringLiteral("bad/population_missing_flag.csv")), {QStringLiteral("flag")});
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.error().code, Error::Code::Schema);
    const QString msg = t.error().toString();
    EXPECT_TRUE(msg.contains(QStringLiteral("population_missing_flag.csv"))) << msg.toStdString();
    EXPECT_TRUE(msg.contains(QStringLiteral("'flag'"))) << msg.toStdString();
}

TEST(CsvReader, ShortRowNamesItsLine)
{
    auto t = CsvTable::read(dataPath(QStringLiteral("bad/population_short_row.csv")), {});
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.error().where, QStringLiteral("line 3"));
    EXPECT_TRUE(t.error().message.contains(QStringLiteral("6 fields"))) << t.error().message.toStdString();
}

TEST(CsvReader, RejectsGbkEmptyUnclosedDirectoryAndMissingFiles)
{
    const auto gbk = CsvTable::read(dataPath(QStringLiteral("bad/gbk.csv")), {});
    ASSERT_FALSE(gbk.ok());
    EXPECT_TRUE(gbk.error().message.contains(QStringLiteral("UTF-8")));

    const auto empty = CsvTable::read(dataPath(QStringLiteral("bad/empty.csv")), {});
    ASSERT_FALSE(empty.ok());
    EXPECT_TRUE(empty.error().message.contains(QStringLiteral("empty")));

    const auto unclosed = CsvTable::read(dataPath(QStringLiteral("bad/unclosed_quote.csv")), {});
    ASSERT_FALSE(unclosed.ok());
    EXPECT_TRUE(unclosed.error().message.contains(QStringLiteral("line 2"))) << unclosed.error().message.toStdString();

    const auto directory = CsvTable::read(dataPath(QStringLiteral("bad")), {});
    ASSERT_FALSE(directory.ok());
    EXPECT_TRUE(directory.error().message.contains(QStringLiteral("directory")));

    const auto missing = CsvTable::read(dataPath(QStringLiteral("bad/nope.csv")), {});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, Error::Code::NotFound);
    EXPECT_TRUE(missing.error().toString().contains(QStringLiteral("nope.csv")));
}
