#include "csvreader.h"
#include "inputfile.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace renkou::core {

namespace {

/// Splits RFC 4180 text into records; quoted fields may hold commas, quotes ("") and newlines.
/// Returns false with `error` set when a quote is left open.
bool splitRecords(const QString &text, std::vector<CsvRow> &records, QString &error)
{
    CsvRow current;
    QString field;
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    int line = 1;
    current.line = 1;
    int quoteStartLine = 0;
    const qsizetype n = text.size();
    auto endRecord = [&] {
        current.fields << field;
        field.clear();
        fieldWasQuoted = false;
        // A record that is one empty field is a blank line: skip it.
        if (!(current.fields.size() == 1 && current.fields.front().isEmpty()))
            records.push_back(std::move(current));
        current = CsvRow{};
        current.line = line;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"' && field.isEmpty() && !fieldWasQuoted) {
            inQuotes = true;
            fieldWasQuoted = true;
            quoteStartLine = line;
        } else if (c == u',') {
            current.fields << field;
            field.clear();
            fieldWasQuoted = false;
        } else if (c == u'\r') {
            // Part of a CRLF line end, or a stray carriage return: ignored either way.
        } else if (c == u'\n') {
            ++line;
            endRecord();
        } else {
            field += c;
        }
    }
    if (inQuotes) {
        error = QStringLiteral("line %1: a quoted field is never closed").arg(quoteStartLine);
        return false;
    }
    if (!field.isEmpty() || !current.fields.isEmpty())
        endRecord();
    return true;
}

} // namespace

QString CsvTable::lineRef(const CsvRow &row)
{
    return QStringLiteral("line %1").arg(row.line);
}

Result<CsvTable> CsvTable::read(const QString &path, const QStringList &requiredColumns)
{
    auto read = readInputFile(path, kMaxTableBytes);
    if (!read)
        return read.error();
    QByteArray bytes = std::move(read).value();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);

    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return Error{Error::Code::Format, path, {},
                     QStringLiteral("is not UTF-8 text (saved as GBK or another encoding?); save it as UTF-8")};

    std::vector<CsvRow> records;
    QString splitError;
    if (!splitRecords(text, records, splitError))
        return Error{Error::Code::Format, path, {}, splitError};
    if (records.empty())
        return Error{Error::Code::Format, path, {}, QStringLiteral("is empty: expected a header line")};

    CsvTable table;
    table.m_path = path;
    table.m_header = records.front().fields;
    for (QString &h : table.m_header)
        h = h.trimmed();
    for (const QString &required : requiredColumns) {
        if (!table.m_header.contains(required))
            return Error{Error::Code::Schema, path, QStringLiteral("line 1"),
                         QStringLiteral("the header lacks the column '%1' (header: %2; expected: %3)")
                             .arg(required, table.m_header.join(u','), requiredColumns.join(u','))};
    }
    for (auto it = records.begin() + 1; it != records.end(); ++it) {
        if (it->fields.size() != table.m_header.size())
            return Error{Error::Code::Format, path, lineRef(*it),
                         QStringLiteral("has %1 fields, the header has %2")
                             .arg(it->fields.size())
                             .arg(table.m_header.size())};
        table.m_rows.push_back(std::move(*it));
    }
    return table;
}

} // namespace renkou::core
