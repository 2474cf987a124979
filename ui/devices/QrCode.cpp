#include "ui/devices/QrCode.h"

#include <qrencode.h>

#include <cerrno>
#include <memory>

namespace cc {

namespace {

QRecLevel levelOf(QrCode::Correction correction)
{
    switch (correction) {
    case QrCode::Correction::Low:
        return QR_ECLEVEL_L;
    case QrCode::Correction::Medium:
        return QR_ECLEVEL_M;
    case QrCode::Correction::Quartile:
        return QR_ECLEVEL_Q;
    case QrCode::Correction::High:
        return QR_ECLEVEL_H;
    }
    return QR_ECLEVEL_M;
}

struct QrFree
{
    void operator()(QRcode *code) const { QRcode_free(code); }
};

} // namespace

Result<QrCode> QrCode::encode(const QString &text, Correction correction)
{
    if (text.isEmpty())
        return Error::field(ErrorCode::Invalid, QStringLiteral("text"),
                            QStringLiteral("There is nothing to put in the QR code."));
    if (text.contains(QChar(u'\0')))
        return Error::field(ErrorCode::Invalid, QStringLiteral("text"),
                            QStringLiteral("A QR code text cannot hold a NUL character."));
    const QByteArray utf8 = text.toUtf8();
    errno = 0;
    // Version 0: the smallest that fits. Byte mode as the hint, case-sensitive: the encoder still
    // switches to numeric or alphanumeric segments where they are shorter.
    const std::unique_ptr<QRcode, QrFree> code(
        QRcode_encodeString(utf8.constData(), 0, levelOf(correction), QR_MODE_8, 1));
    if (!code) {
        if (errno == ERANGE)
            return Error::field(
                ErrorCode::Invalid, QStringLiteral("text"),
                QStringLiteral("The text is too long for a QR code (%1 bytes).").arg(utf8.size()));
        return Error{ErrorCode::Internal,
                     QStringLiteral("The QR code could not be made (error %1).").arg(errno),
                     {},
                     0};
    }
    QrCode out;
    out.m_size = code->width;
    out.m_version = code->version;
    out.m_modules.resize(qsizetype(code->width) * code->width);
    for (qsizetype i = 0; i < out.m_modules.size(); ++i)
        out.m_modules[i] = (code->data[i] & 0x01) != 0; // bit 0: dark
    return out;
}

bool QrCode::isDark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_size || y >= m_size)
        return false;
    return m_modules.at(qsizetype(y) * m_size + x);
}

QImage QrCode::toImage(int moduleSize, int quietZone) const
{
    if (isNull() || moduleSize < 1 || quietZone < 0)
        return {};
    const int side = (m_size + 2 * quietZone) * moduleSize;
    QImage image(side, side, QImage::Format_Mono);
    image.setColor(0, qRgb(255, 255, 255));
    image.setColor(1, qRgb(0, 0, 0));
    image.fill(0);
    for (int y = 0; y < m_size; ++y) {
        for (int x = 0; x < m_size; ++x) {
            if (!isDark(x, y))
                continue;
            const int left = (x + quietZone) * moduleSize;
            const int top = (y + quietZone) * moduleSize;
            for (int py = top; py < top + moduleSize; ++py)
                for (int px = left; px < left + moduleSize; ++px)
                    image.setPixel(px, py, 1);
        }
    }
    return image;
}

} // namespace cc
