#pragma once
#include "result.h"

#include <QByteArrayView>
#include <QStringList>
#include <functional>
#include <vector>

namespace renkou::core {

/// One data row of a CSV file with the line it starts on (1-based, the header is line 1).
struct CsvRow {
    int line = 0;
    QStringList fields;
};

/// A data row's fields as UTF-8 bytes, untrimmed; valid only during the call that gives them.
using CsvFields = std::vector<QByteArrayView>;

/// A CSV file read whole, as spreadsheets save them: RFC 4180 quoting; comma, tab or semicolon delimited;
/// UTF-8 (with or without a byte-order mark), UTF-16 or a legacy encoding (GB18030/GBK, Big5, told apart
/// by uchardet); `#` comment lines skipped; a preamble above the header (title, the NBS export's 数据库：…,
/// 指标：…, 时间：… lines: at most one field each) and a footer below the table (注：…, 数据来源：…) set aside.
/// Line numbers are the file's own.
class CsvTable {
public:
    /// Reads `path` (decoded as `encoding` when given, else detected); fails if the bytes are not text in
    /// a known encoding, a row has the wrong number of fields, or a column in `requiredColumns` is missing
    /// from the header.
    /// A workbook (.xlsx, .xls, .ods) is read the same way from its sheet `sheet` (empty: the first sheet
    /// that holds a table).
    static Result<CsvTable> read(const QString &path, const QStringList &requiredColumns, const QString &encoding = {},
                                 const QString &sheet = {});

    /// What a streamed table gives, in order: its header (with the preamble above it), then each data row.
    /// Either may return an Error to stop reading; scan() then gives that error.
    struct Sink {
        std::function<std::optional<Error>(const CsvTable &head)> header;
        std::function<std::optional<Error>(int line, const CsvFields &fields)> row;
    };
    /// Reads `path` as read() does, but hands each data row to `sink` as it is split, holding no rows: a
    /// big table costs its bytes and what the sink keeps. Gives the table without rows (header, preamble,
    /// footer, encoding). Rows already given stay given when a later line is bad.
    static Result<CsvTable> scan(const QString &path, const QStringList &requiredColumns, const QString &encoding,
                                 const QString &sheet, const Sink &sink);

    /// The table's header, preamble and encoding, from at most its first MiB (rows() is empty): a first look
    /// at a big file. Errors as read() for what comes before the first data row.
    static Result<CsvTable> head(const QString &path, const QString &encoding = {}, const QString &sheet = {});

    /// Text as UTF-8 bytes, and the name of the encoding it was read in ("UTF-8", "GB18030 (GBK)",
    /// "UTF-16LE" …).
    struct Text {
        QByteArray utf8;
        QString encoding;
    };
    /// Decodes a file's bytes to UTF-8 (UTF-8 itself is kept as it is, without a byte-order mark): as
    /// `encoding` if given, else by byte-order mark, UTF-8 validity, UTF-16's zero bytes, uchardet's guess,
    /// GB18030. Errors: Usage (unknown encoding), Format (not text).
    static Result<Text> decode(const QString &path, QByteArray bytes, const QString &encoding = {});

    const QString &path() const { return m_path; }
    const QString &encoding() const { return m_encoding; }
    /// Lines above the header and `#` comments, as text ("指标：年末常住人口(万人)").
    const QStringList &preamble() const { return m_preamble; }
    /// Lines below the table ("注：…", "数据来源：国家统计局").
    const QStringList &footer() const { return m_footer; }
    int headerLine() const { return m_headerLine; }
    /// Lines of text in the file (of rows in a sheet): at least the number of data rows, to reserve room for them.
    qsizetype lines() const { return m_lines; }
    const QStringList &header() const { return m_header; }
    const std::vector<CsvRow> &rows() const { return m_rows; }
    /// The rows, moved out (to convert them one by one, freeing each as it goes); rows() is empty after.
    std::vector<CsvRow> takeRows() { return std::move(m_rows); }
    /// Index of `name` in the header, or -1.
    int column(const QString &name) const { return m_header.indexOf(name); }
    /// column() of each of `names`, in order.
    std::vector<int> columns(const QStringList &names) const
    {
        std::vector<int> out;
        for (const QString &n : names)
            out.push_back(column(n));
        return out;
    }
    /// "line N" for error messages.
    static QString lineRef(const CsvRow &row);

private:
    friend class CsvShaper;
    /// A workbook's sheet as a table (the first holding one when `sheet` is empty).
    static Result<CsvTable> readSheet(const QString &path, const QStringList &requiredColumns, const QString &sheet);
    /// scan() of the first `headBytes` of the file (0: all of it), cut at the last line end.
    static Result<CsvTable> scanBytes(const QString &path, const QStringList &requiredColumns, const QString &encoding,
                                      const QString &sheet, const Sink &sink, qint64 headBytes);

    QString m_path;
    QString m_encoding;
    QStringList m_preamble;
    QStringList m_footer;
    int m_headerLine = 1;
    qsizetype m_lines = 0;
    QStringList m_header;
    std::vector<CsvRow> m_rows;
};

} // namespace renkou::core
