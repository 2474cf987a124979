#include "server/Problem.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cc::api {

namespace {

// A problem's title: the status's reason phrase.
QString titleOf(int status)
{
    const QByteArray phrase = reasonPhrase(status);
    return phrase.isEmpty() ? QStringLiteral("Internal Server Error") : QString::fromLatin1(phrase);
}

const QString kProblemBase = QStringLiteral("https://coordinator-console.invalid/problems/");

QString typeOf(int status)
{
    return kProblemBase + QString::number(status);
}

} // namespace

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 304:
        return QByteArrayLiteral("Not Modified");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 406:
        return QByteArrayLiteral("Not Acceptable");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 410:
        return QByteArrayLiteral("Gone");
    case 411:
        return QByteArrayLiteral("Length Required");
    case 412:
        return QByteArrayLiteral("Precondition Failed");
    case 413:
        return QByteArrayLiteral("Content Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 422:
        return QByteArrayLiteral("Unprocessable Content");
    case 428:
        return QByteArrayLiteral("Precondition Required");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 501:
        return QByteArrayLiteral("Not Implemented");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        return QByteArray();
    }
}

int statusOf(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Invalid:
        return 400;
    case ErrorCode::Unauthenticated:
        return 401;
    case ErrorCode::Forbidden:
        return 403;
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::Conflict:
        return 409;
    case ErrorCode::PreconditionFailed:
        return 412;
    case ErrorCode::Unprocessable:
        return 422;
    case ErrorCode::TooManyRequests:
        return 429;
    case ErrorCode::Storage:
        return 503;
    case ErrorCode::Internal:
        return 500;
    }
    return 500;
}

namespace {

// The problem body of `status` with the problem type `type`.
ApiResponse typedProblem(int status, const QString &type, const QString &detail,
                         const QList<FieldError> &fields)
{
    QJsonObject body;
    body.insert(QLatin1String("type"), type);
    body.insert(QLatin1String("title"), titleOf(status));
    body.insert(QLatin1String("status"), status);
    body.insert(QLatin1String("detail"), detail);
    QJsonArray errors;
    for (const FieldError &f : fields) {
        QJsonObject e;
        e.insert(QLatin1String("field"), f.field);
        e.insert(QLatin1String("message"), f.message);
        if (f.line > 0) {
            e.insert(QLatin1String("line"), f.line);
            e.insert(QLatin1String("column"), f.column);
        }
        errors.append(e);
    }
    body.insert(QLatin1String("errors"), errors);
    ApiResponse r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/problem+json"));
    if (status == 401)
        r.setHeader(QByteArrayLiteral("WWW-Authenticate"),
                    QByteArrayLiteral("Bearer realm=\"coordinator-console\""));
    return r;
}

} // namespace

ApiResponse problem(int status, const QString &detail, const QList<FieldError> &fields)
{
    return typedProblem(status, typeOf(status), detail, fields);
}

ApiResponse problem(const Error &error)
{
    const int status = statusOf(error.code);
    // Storage and internal errors keep their cause in the log; the client gets no SQL.
    QString detail = error.message;
    if (error.code == ErrorCode::Storage)
        detail = QStringLiteral("The database could not complete the request; try again shortly.");
    else if (status >= 500)
        detail = QStringLiteral("The server failed to handle the request.");
    // A reason names the problem type (RFC 9457 §3.1.1): a client tells it from other 403s.
    const QString type =
        !error.reason.isEmpty() && status < 500 ? QString(kProblemBase + error.reason) : typeOf(status);
    ApiResponse r = typedProblem(status, type, detail, error.fields);
    if (error.code == ErrorCode::TooManyRequests)
        r.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(qMax(1, error.retryAfterSeconds)));
    if (error.code == ErrorCode::Storage)
        r.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("5"));
    return r;
}

} // namespace cc::api
