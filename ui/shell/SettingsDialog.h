#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;

namespace cc {

class Settings;

// The console's preferences: language, tray messages, starting the API server with the console.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(Settings &settings, QWidget *parent = nullptr);

    void accept() override;

private:
    Settings &m_settings;
    QComboBox *m_language = nullptr;
    QCheckBox *m_tray = nullptr;
    QCheckBox *m_autoStart = nullptr;
};

} // namespace cc
