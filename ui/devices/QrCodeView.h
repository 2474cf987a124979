#pragma once

#include "ui/devices/QrCode.h"

#include <QWidget>

namespace cc {

// Shows a QrCode as large as it fits in whole pixels per module, black on white with its quiet
// zone (what cameras read best, whatever the palette), or a placeholder text in the palette's
// colours when there is none. The owner sets the accessible name and description (what the code
// is for), since a screen reader cannot read the picture.
class QrCodeView : public QWidget
{
    Q_OBJECT
public:
    explicit QrCodeView(QWidget *parent = nullptr);

    void setCode(const QrCode &code);
    void clear();
    const QrCode &code() const { return m_code; }
    // Shown while there is no code.
    void setPlaceholderText(const QString &text);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    static constexpr int kQuietZone = 4; // modules of white around the symbol
    QrCode m_code;
    QString m_placeholder;
};

} // namespace cc
