// libFuzzer: JSON request bodies. Parsing any bytes gives an object of allowed fields or an error
// naming what is wrong; reading any field as any type never crashes.
#include "server/JsonInput.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const QStringList fields{QStringLiteral("peer_mentor_id"),    QStringLiteral("event_type"),
                             QStringLiteral("effective_date"),    QStringLiteral("reason"),
                             QStringLiteral("channels_notified"), QStringLiteral("notes")};
    auto input = cc::api::JsonInput::parse(body, fields);
    if (!input) {
        if (input.error().message.isEmpty())
            std::abort();
        return 0;
    }
    for (const QString &f : fields) {
        if (!fields.contains(f))
            std::abort();
        (void)input->string(f);
        (void)input->nullableString(f);
        (void)input->timestamp(f, true);
        (void)input->stringArray(f);
    }
    for (const QString &present : input->present())
        if (!fields.contains(present))
            std::abort(); // an unknown field got through
    (void)input->status();
    return 0;
}
