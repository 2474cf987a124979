// libFuzzer: the template compiler, its checker and its tags on any text. Compile and check must
// agree on whether a text has problems, and every problem must point inside the text.
#include "core/TemplateCompiler.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString field = QStringLiteral("body_template");
    const auto compiled = cc::TemplateCompiler::compile(text, field);
    const QList<cc::FieldError> problems = cc::TemplateCompiler::check(text, field);
    if (compiled.ok() != problems.isEmpty())
        std::abort();
    for (const cc::FieldError &e : problems) {
        if (e.line < 0 || e.column < 0)
            std::abort();
        if (e.line > 0 && cc::TemplateCompiler::offsetOf(text, e.line, e.column) > text.size())
            std::abort();
    }
    (void)cc::TemplateCompiler::diagnose(text);
    (void)cc::TemplateCompiler::tags(text);
    return 0;
}
