#pragma once
#include <QString>
#include <utility>
#include <variant>

namespace renkou::core {

/// What went wrong while reading input: which file, where in it, and a message a user can act on.
struct Error {
    enum class Code { NotFound, Unreadable, Format, Schema, Value, Usage, Exists, Write };
    Code code = Code::Format;
    QString path;    ///< the file or directory concerned; empty when none
    QString where;   ///< "line 12", "feature 5 (code 110000)"; empty for the whole file
    QString message;

    /// "path: where: message", leaving out the empty parts.
    QString toString() const;
};

/// A value or the Error that kept it from being made. No exception crosses the core API.
template <typename T>
class Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

/// Result of an operation that makes no value.
struct Done {};
using Status = Result<Done>;

} // namespace renkou::core
