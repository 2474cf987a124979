#pragma once

#include "core/Caller.h"
#include "core/Clock.h"
#include "core/Database.h"
#include "core/DirectoryRepository.h"
#include "core/RecordRepository.h"
#include "core/TemplateRepository.h"
#include "core/TemplateService.h"
#include "core/Templates.h"

#include <optional>

namespace cc {

// Rendering the notification templates and the payloads built from them: rendering a template
// with values (filled from a peer mentor, else sample values), previewing unsaved texts, and
// building payloads that are stored so they can be fetched again as they were answered. Reads the
// templates the caller sees through TemplateService. Thread-safe like every service.
class PayloadService
{
public:
    PayloadService(Database &db, const Clock &clock, TemplateService &templates);

    // Renders template `id` with `values` (empty fields are filled from the mentor named by
    // values.peerMentorId, else with sample values); `locale` empty: the organisation's. `orgId`
    // as for TemplateService::get().
    Result<RenderedTemplate> render(const Caller &caller, const QString &id, TemplateValues values,
                                    const QString &locale = {}, const QString &orgId = {});
    // The values render() fills in for template `id` and peer mentor `peerMentorId` when it is
    // given nothing else: the mentor's name, their coordinator's name, the date and reason of
    // their latest event of the template's kind (now and no reason when they have none) and their
    // organisation's name. An empty `peerMentorId` answers the sample values with the caller's
    // organisation. NotFound for a template or a mentor the caller cannot see.
    Result<TemplateValues> valuesFor(const Caller &caller, const QString &id, const QString &peerMentorId);
    // Renders texts that are not saved (the console's live preview).
    Result<RenderedTemplate> preview(const Caller &caller, const PayloadTemplate &draft,
                                     const TemplateValues &values, const QString &locale);
    Result<BuiltPayload> build(const Caller &caller, const BuildRequest &request);
    Result<BuiltPayload> payload(const Caller &caller, const QString &id);

    static TemplateValues sampleValues();

private:
    Result<Organisation> organisationOf(const Caller &caller);
    Result<RenderedTemplate> renderTemplate(const PayloadTemplate &t, TemplateValues values,
                                            const QString &locale, const std::optional<Organisation> &org);
    // What `values` is rendered with: what it lacks filled from the peer mentor it names, else
    // (withSamples) from the sample values, and the organisation whose name, locale and time zone
    // apply (the mentor's, else the caller's).
    struct Filled
    {
        TemplateValues values;
        std::optional<Organisation> org;
    };
    // NotFound when values.peerMentorId names a mentor the caller cannot see.
    Result<Filled> fill(const Caller &caller, const PayloadTemplate &t, TemplateValues values,
                        bool withSamples);
    // fill(), then renders `t`.
    Result<RenderedTemplate> renderWith(const Caller &caller, const PayloadTemplate &t, TemplateValues values,
                                        const QString &locale, bool withSamples);
    static Status validateBuildRequest(const BuildRequest &request, QString &templateId);
    Result<BuiltPayload> store(BuiltPayload p);

    const Clock &m_clock;
    TemplateService &m_templateService;
    DirectoryRepository m_directory;
    RecordRepository m_records;
    TemplateRepository m_templates;
};

} // namespace cc
