// libFuzzer: the HTTP framing parser on any bytes, fed in pieces the input chooses. It must never
// crash, read past what it was given, or take a request it refused.
#include "server/HttpFraming.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte chooses the piece size: 1 to 256 bytes per feed.
    const qsizetype piece = 1 + data[0];
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    cc::api::HttpFraming framing(16 * 1024, 64 * 1024);
    qsizetype at = 0;
    bool refused = false;
    while (at < bytes.size()) {
        const QByteArrayView chunk = bytes.sliced(at, qMin(piece, bytes.size() - at));
        qsizetype inChunk = 0;
        while (inChunk < chunk.size()) {
            const auto step = framing.feed(chunk.sliced(inChunk));
            if (step.consumed < 0 || step.consumed > chunk.size() - inChunk)
                std::abort();
            if (step.kind == cc::api::HttpFraming::Step::Kind::Refuse) {
                if (step.status != 400 && step.status != 413 && step.status != 431)
                    std::abort();
                refused = true;
                break;
            }
            if (refused)
                std::abort();
            if (step.kind == cc::api::HttpFraming::Step::Kind::NeedMore) {
                if (step.consumed != chunk.size() - inChunk)
                    std::abort(); // NeedMore reads everything it was given
                break;
            }
            if (step.consumed == 0 || step.bodyLength < 0 || step.bodyLength > 64 * 1024)
                std::abort();
            inChunk += step.consumed;
            framing.takeContinue();
        }
        if (refused)
            break;
        at += chunk.size();
    }
    return 0;
}
