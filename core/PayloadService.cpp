#include "core/PayloadService.h"

#include "core/BuiltinTemplates.h"
#include "core/Defaults.h"
#include "core/Fields.h"
#include "core/Ids.h"
#include "core/Permissions.h"
#include "core/TemplateCompiler.h"

namespace cc {

namespace {

constexpr int kMaxName = 200;
constexpr int kMaxReason = kMaxReasonLength;

} // namespace

PayloadService::PayloadService(Database &db, const Clock &clock, TemplateService &templates)
    : m_clock(clock)
    , m_templateService(templates)
    , m_directory(db)
    , m_records(db)
    , m_templates(db)
{}

TemplateValues PayloadService::sampleValues()
{
    TemplateValues v;
    v.peerMentorId = QStringLiteral("pm_551e8400");
    v.peerMentorName = QStringLiteral("Kari Nordmann");
    v.date = QDateTime(QDate(2026, 3, 20), QTime(0, 0), Qt::UTC);
    v.reason = QStringLiteral("Personal leave");
    v.coordinatorName = QStringLiteral("Ingrid Bakke");
    return v;
}

Result<Organisation> PayloadService::organisationOf(const Caller &caller)
{
    if (caller.orgId.isEmpty())
        return Error::notFound(QStringLiteral("No organisation."));
    auto org = m_directory.organisation(caller.orgId);
    if (!org)
        return org.error();
    if (!org->has_value())
        return Error::notFound(QStringLiteral("No organisation."));
    return **org;
}

Result<RenderedTemplate> PayloadService::renderTemplate(const PayloadTemplate &t, TemplateValues values,
                                                        const QString &locale,
                                                        const std::optional<Organisation> &org)
{
    QString chosen = locale;
    if (chosen.isEmpty())
        chosen = org && templates::isLocale(org->locale) ? org->locale : templates::defaultLocale();
    const QString timeZone = org ? org->timeZone : QString(kDefaultTimeZone);
    if (values.organisationName.isEmpty() && org)
        values.organisationName = org->name;
    const TemplateText &text = t.text(chosen);
    const QHash<QString, QString> vars = TemplateCompiler::values(values, chosen, timeZone);
    auto title = TemplateCompiler::compile(text.title, field::Title);
    auto body = TemplateCompiler::compile(text.body, field::BodyTemplate);
    if (!title || !body) {
        QList<FieldError> problems;
        if (!title)
            problems << title.error().fields;
        if (!body)
            problems << body.error().fields;
        return Error{ErrorCode::Unprocessable, QStringLiteral("The template does not compile."), problems, 0};
    }
    RenderedTemplate r;
    r.id = t.id;
    r.type = t.type;
    r.event = t.event;
    r.locale = chosen;
    r.title = title->render(vars);
    r.body = body->render(vars);
    r.bodyTemplate = text.body;
    r.peerMentorId = values.peerMentorId;
    return r;
}

Result<RenderedTemplate> PayloadService::render(const Caller &caller, const QString &id,
                                                TemplateValues values, const QString &locale,
                                                const QString &orgId)
{
    if (auto s = templates::validateLocale(locale); !s)
        return s.error();
    auto resolved = m_templateService.get(caller, id, orgId);
    if (!resolved)
        return resolved.error();
    return renderWith(caller, *resolved, std::move(values), locale, true);
}

Result<TemplateValues> PayloadService::valuesFor(const Caller &caller, const QString &id,
                                                 const QString &peerMentorId)
{
    auto resolved = m_templateService.get(caller, id);
    if (!resolved)
        return resolved.error();
    TemplateValues values;
    values.peerMentorId = peerMentorId;
    auto filled = fill(caller, *resolved, std::move(values), true);
    if (!filled)
        return filled.error();
    return filled->values;
}

Result<RenderedTemplate> PayloadService::renderWith(const Caller &caller, const PayloadTemplate &t,
                                                    TemplateValues values, const QString &locale,
                                                    bool withSamples)
{
    auto filled = fill(caller, t, std::move(values), withSamples);
    if (!filled) {
        if (filled.error().code == ErrorCode::NotFound)
            return Error::field(ErrorCode::Unprocessable, field::PeerMentorId,
                                QStringLiteral("peer_mentor_id: no peer mentor with this id."));
        return filled.error();
    }
    return renderTemplate(t, filled->values, locale, filled->org);
}

Result<PayloadService::Filled> PayloadService::fill(const Caller &caller, const PayloadTemplate &t,
                                                    TemplateValues values, bool withSamples)
{
    std::optional<Organisation> org;
    if (!values.peerMentorId.isEmpty()) {
        auto mentor = m_directory.peerMentor(values.peerMentorId);
        if (!mentor)
            return mentor.error();
        if (!mentor->has_value() || !caller.canSee((*mentor)->orgId))
            return Error::notFound(QStringLiteral("No peer mentor with this id."));
        const PeerMentor &m = **mentor;
        if (values.peerMentorName.isEmpty())
            values.peerMentorName = m.name;
        if (auto o = m_directory.organisation(m.orgId); o && o->has_value())
            org = **o;
        if (auto c = m_directory.coordinator(m.coordinatorId);
            c && c->has_value() && values.coordinatorName.isEmpty())
            values.coordinatorName = (*c)->name;
        // Without a date, the mentor's latest event of the template's kind gives the date and,
        // with it, its reason. A date that was given is another event: an older reason does not
        // belong to it.
        if (!values.date.isValid()) {
            auto latest = m_records.latestOfType(m.id, t.event);
            if (!latest)
                return latest.error();
            if (latest->has_value()) {
                values.date = (*latest)->effectiveDate;
                if (values.reason.isEmpty())
                    values.reason = (*latest)->reason.value_or(QString());
            }
        }
        if (!values.date.isValid())
            values.date = m_clock.now();
    } else {
        if (withSamples) {
            const TemplateValues sample = sampleValues();
            if (values.peerMentorName.isEmpty()) {
                values.peerMentorName = sample.peerMentorName;
                values.peerMentorId = sample.peerMentorId;
            }
            if (!values.date.isValid())
                values.date = sample.date;
            if (values.reason.isEmpty())
                values.reason = sample.reason;
            if (values.coordinatorName.isEmpty())
                values.coordinatorName = sample.coordinatorName;
        }
        if (auto o = organisationOf(caller); o)
            org = *o;
    }
    if (values.organisationName.isEmpty() && org)
        values.organisationName = org->name;
    return Filled{std::move(values), std::move(org)};
}

Result<RenderedTemplate> PayloadService::preview(const Caller &caller, const PayloadTemplate &draft,
                                                 const TemplateValues &values, const QString &locale)
{
    std::optional<Organisation> org;
    if (auto o = organisationOf(caller); o)
        org = *o;
    return renderTemplate(draft, values, locale, org);
}

Status PayloadService::validateBuildRequest(const BuildRequest &request, QString &templateId)
{
    if (auto s = templates::validateLocale(request.locale); !s)
        return s.error();
    QList<FieldError> problems;
    templateId = request.templateId;
    if (!request.payloadType.isEmpty()) {
        const PayloadTemplate *builtin = builtinTemplateOfType(request.payloadType);
        if (!builtin)
            problems << FieldError{field::PayloadType,
                                   QStringLiteral("payload_type must be one of %1.")
                                       .arg(payloadTypes().join(QStringLiteral(", "))),
                                   0, 0};
        else if (templateId.isEmpty())
            templateId = builtin->id;
    }
    if (templateId.isEmpty() && problems.isEmpty())
        problems << FieldError{field::PayloadType,
                               QStringLiteral("payload_type (or template_id) is required."), 0, 0};
    if (request.peerMentorName.isEmpty() && request.peerMentorId.isEmpty())
        problems << FieldError{field::PeerMentorName,
                               QStringLiteral("peer_mentor_name (or peer_mentor_id) is required."), 0, 0};
    if (request.peerMentorName.size() > kMaxName)
        problems << FieldError{
            field::PeerMentorName,
            QStringLiteral("peer_mentor_name must be at most %1 characters.").arg(kMaxName), 0, 0};
    if (!request.date.isValid())
        problems << FieldError{field::Date, QStringLiteral("date is required."), 0, 0};
    if (request.reason.size() > kMaxReason)
        problems << FieldError{field::Reason,
                               QStringLiteral("reason must be at most %1 characters.").arg(kMaxReason), 0, 0};
    if (!problems.isEmpty())
        return Error::invalid(problems.first().message, problems);
    return {};
}

Result<BuiltPayload> PayloadService::build(const Caller &caller, const BuildRequest &request)
{
    if (auto s = require(caller, Action::BuildPayloads); !s)
        return s.error();
    QString templateId;
    if (auto s = validateBuildRequest(request, templateId); !s)
        return s.error();

    auto resolved = m_templateService.get(caller, templateId);
    if (!resolved) {
        if (resolved.error().code == ErrorCode::NotFound)
            return Error::field(ErrorCode::Unprocessable, field::TemplateId,
                                QStringLiteral("template_id: no payload template with this id."));
        return resolved.error();
    }
    if (!request.payloadType.isEmpty() && resolved->type != request.payloadType)
        return Error::field(
            ErrorCode::Unprocessable, field::PayloadType,
            QStringLiteral("payload_type does not match the type of template %1.").arg(templateId));

    // What the request says, and what its peer mentor adds; never sample values.
    TemplateValues values;
    values.peerMentorId = request.peerMentorId;
    values.peerMentorName = request.peerMentorName;
    values.date = request.date;
    values.reason = request.reason;
    auto rendered = renderWith(caller, *resolved, values, request.locale, false);
    if (!rendered)
        return rendered.error();

    BuiltPayload p;
    p.orgId = caller.orgId;
    p.templateId = templateId;
    p.payloadType = resolved->type;
    p.locale = rendered->locale;
    p.title = rendered->title;
    p.body = rendered->body;
    p.event = resolved->event;
    p.peerMentorId = request.peerMentorId;
    p.peerMentorName = request.peerMentorName;
    if (p.peerMentorName.isEmpty()) {
        if (auto m = m_directory.peerMentor(request.peerMentorId); m && m->has_value())
            p.peerMentorName = (*m)->name;
    }
    p.effectiveDate = request.date.toUTC();
    p.createdBy = caller.username;
    p.createdAt = m_clock.now();
    return store(std::move(p));
}

Result<BuiltPayload> PayloadService::store(BuiltPayload p)
{
    for (int attempt = 0;; ++attempt) {
        p.id = randomId(QStringLiteral("payload_"));
        Status s = m_templates.insertPayload(p);
        if (s)
            return p;
        if (s.error().code != ErrorCode::Conflict || attempt >= 3)
            return s.error();
    }
}

Result<BuiltPayload> PayloadService::payload(const Caller &caller, const QString &id)
{
    auto p = m_templates.payload(id);
    if (!p)
        return p.error();
    if (!p->has_value() || !caller.canSee((*p)->orgId))
        return Error::notFound(QStringLiteral("No built payload with this id."));
    return **p;
}

} // namespace cc
