#include "ui/shell/SettingsDialog.h"

#include "ui/common/Settings.h"
#include "ui/common/Translator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace cc {

SettingsDialog::SettingsDialog(Settings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("SettingsDialog"));
    setWindowTitle(tr("Settings"));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(
        tr("The system's language (%1)").arg(Translator::languageName(Translator::systemLanguage())),
        QString());
    for (const QString &code : Translator::languages())
        m_language->addItem(Translator::languageName(code), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.string(Settings::Key::Language))));
    m_language->setAccessibleName(tr("Language"));

    m_tray = new QCheckBox(tr("Show a &tray message when a pause arrives through the API"), this);
    m_tray->setChecked(settings.boolean(Settings::Key::TrayNotifications));
    m_autoStart = new QCheckBox(tr("Start the API &server when the console starts"), this);
    m_autoStart->setChecked(settings.boolean(Settings::Key::ServerAutoStart));

    auto *form = new QFormLayout;
    auto *languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_language);
    form->addRow(languageLabel, m_language);
    form->addRow(m_tray);
    form->addRow(m_autoStart);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void SettingsDialog::accept()
{
    m_settings.setValue(Settings::Key::Language, m_language->currentData().toString());
    m_settings.setValue(Settings::Key::TrayNotifications, m_tray->isChecked());
    m_settings.setValue(Settings::Key::ServerAutoStart, m_autoStart->isChecked());
    m_settings.sync();
    QDialog::accept();
}

} // namespace cc
