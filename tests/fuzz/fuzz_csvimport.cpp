// libFuzzer: the CSV import of peer mentors. Any bytes give mentors or problems that each name a
// line of the file; never a crash.
#include "core/CsvImport.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)cc::parseCsv(bytes);
    const auto mentors = cc::peerMentorsFromCsv(bytes);
    const qsizetype lines = bytes.count('\n') + 1;
    if (mentors) {
        for (const cc::ImportedMentor &m : *mentors)
            if (m.line < 1 || m.line > lines + 1)
                std::abort();
    } else if (mentors.error().message.isEmpty() && mentors.error().fields.isEmpty()) {
        std::abort();
    }
    return 0;
}
