#include "csvreader.h"
#include "testpaths.h"

#include <QFile>
#include <QTemporaryDir>
#include <QStringEncoder>
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

TEST(CsvReader, RejectsEmptyUnclosedDirectoryAndMissingFiles)
{

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

// Excel's CSV on a Chinese Windows is GB18030/GBK; its "Unicode text" is tab-separated UTF-16 with a BOM.
// Each reads as the same table, and the encoding is named.
TEST(CsvReader, ReadsGbkUtf16AndUtf8WithTheirEncodingNamed)
{
    const QString text = QStringLiteral("code,地区,2020年\n110000,北京市,\"2,189\"\n");
    QTemporaryDir dir;
    const auto write = [&](const char *name, const QByteArray &bytes) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        return path;
    };
    QStringEncoder gbk("GB18030");
    QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    QString tabbed = text;
    tabbed.replace(u',', u'\t').replace(QStringLiteral("\"2\t189\""), QStringLiteral("2,189"));
    const struct {
        QString path;
        const char *encoding;
    } cases[] = {{write("utf8.csv", text.toUtf8()), "UTF-8"},
                 {write("bom.csv", "\xEF\xBB\xBF" + text.toUtf8()), "UTF-8 with byte-order mark"},
                 {write("gbk.csv", gbk.encode(text)), "GB18030 (GBK)"},
                 {write("unicode.txt", utf16.encode(tabbed)), "UTF-16LE"}};
    for (const auto &c : cases) {
        const auto t = CsvTable::read(c.path, {QStringLiteral("code")});
        ASSERT_TRUE(t.ok()) << t.error().toString().toStdString();
        EXPECT_EQ(t->encoding(), QString::fromLatin1(c.encoding));
        EXPECT_EQ(t->header(), (QStringList{QStringLiteral("code"), QStringLiteral("地区"), QStringLiteral("2020年")}));
        ASSERT_EQ(t->rows().size(), 1u);
        EXPECT_EQ(t->rows()[0].fields, (QStringList{QStringLiteral("110000"), QStringLiteral("北京市"), QStringLiteral("2,189")}));
    }
    const auto fixture = CsvTable::read(dataPath(QStringLiteral("bad/gbk.csv")), {});
    ASSERT_TRUE(fixture.ok());
    EXPECT_EQ(fixture->rows()[0].fields[1], QStringLiteral("北京"));
}

// The NBS data-site export: a preamble above the header and a footer below; line numbers stay the file's.
TEST(CsvReader, SetsAsidePreambleFooterAndCommentLines)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nbs.csv"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("数据库：分省年度数据\r\n指标：年末常住人口(万人)\r\n时间：最近20年\r\n地区,2024年,2023年\r\n"
            "北京市,2183,2186\r\n# a comment\r\n天津市,1364,1364\r\n注：常住人口为年末数。\r\n数据来源：国家统计局\r\n");
    f.close();
    const auto t = CsvTable::read(path, {});
    ASSERT_TRUE(t.ok()) << t.error().toString().toStdString();
    EXPECT_EQ(t->headerLine(), 4);
    EXPECT_EQ(t->header().front(), QStringLiteral("地区"));
    EXPECT_TRUE(t->preamble().contains(QStringLiteral("指标：年末常住人口(万人)")));
    EXPECT_TRUE(t->preamble().contains(QStringLiteral("a comment")));
    EXPECT_EQ(t->footer(), (QStringList{QStringLiteral("注：常住人口为年末数。"), QStringLiteral("数据来源：国家统计局")}));
    ASSERT_EQ(t->rows().size(), 2u);
    EXPECT_EQ(t->rows()[1].line, 7);
    EXPECT_EQ(t->rows()[1].fields.front(), QStringLiteral("天津市"));
}
