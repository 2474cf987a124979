#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace cc {

// What went wrong, in words that can be shown to a person. The server maps a code to an HTTP
// status in one place and the console maps it to a message box in one place.
enum class ErrorCode
{
    Invalid,            // the input is malformed or breaks a rule (400)
    Unauthenticated,    // no, a wrong, an expired or a revoked credential (401)
    Forbidden,          // the caller's role may not do this (403)
    NotFound,           // no such thing, or one of another organisation (404)
    Conflict,           // it exists already or collides with another change (409)
    PreconditionFailed, // the version the caller saw is not the current one (412)
    Unprocessable,      // well-formed but refers to things that do not fit (422)
    TooManyRequests,    // throttled (429)
    Storage,            // the database failed; the message never carries SQL (500/503)
    Internal,           // a bug (500)
};

struct FieldError
{
    QString field;
    QString message;
    int line = 0; // 1-based position inside a template text, 0 when not about a text
    int column = 0;
    bool operator==(const FieldError &) const = default;
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QList<FieldError> fields;
    int retryAfterSeconds = 0;
    // What a client can act on beyond the code, where there is more than one reason for it:
    // "password-change-required". The API's problem type names it; empty for most errors.
    QString reason;

    static Error invalid(const QString &message, QList<FieldError> fields = {});
    static Error field(ErrorCode code, const QString &field, const QString &message);
    static Error notFound(const QString &message);
    static Error forbidden(const QString &message);
    static Error storage(const QString &message);
};

QString errorCodeName(ErrorCode code);

// A value or an Error: the way results cross layers.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// The result of an operation that gives nothing back.
class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error))
    {}
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace cc
