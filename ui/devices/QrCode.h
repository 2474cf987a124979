#pragma once

#include "core/Result.h"

#include <QImage>
#include <QList>
#include <QString>

namespace cc {

// A QR code as a square matrix of modules, made with libqrencode from UTF-8 text (the encoder
// picks numeric, alphanumeric and byte segments to keep it small). A value: compare two codes,
// read the modules, or draw it as an image with its quiet zone.
class QrCode
{
public:
    // How much of the symbol may be damaged and still read: about 7, 15, 25 or 30 %.
    enum class Correction
    {
        Low,
        Medium,
        Quartile,
        High
    };

    // The smallest symbol that holds `text`; Invalid when the text is empty, holds a NUL
    // character or is too long for the largest symbol (version 40) at this correction level.
    static Result<QrCode> encode(const QString &text, Correction correction = Correction::Medium);

    QrCode() = default;
    bool isNull() const { return m_size == 0; }
    int size() const { return m_size; } // modules per side (21 for version 1 … 177 for 40)
    int version() const { return m_version; }
    bool isDark(int x, int y) const; // false outside the matrix

    // Dark modules on a light ground, `moduleSize` pixels each, with a quiet zone of `quietZone`
    // modules around (the standard asks for 4). Always black on white whatever the palette:
    // phone cameras read inverted codes badly.
    QImage toImage(int moduleSize = 8, int quietZone = 4) const;

    bool operator==(const QrCode &other) const = default;

private:
    int m_size = 0;
    int m_version = 0;
    QList<bool> m_modules; // row by row
};

} // namespace cc
