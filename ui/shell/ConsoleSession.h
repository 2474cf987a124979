#pragma once

#include "core/Caller.h"

#include <QObject>
#include <QString>

namespace cc {

struct ConsoleServices;
class MainWindow;
class Translator;

// The console from start to quit: first-start setup or sign-in, then the main window; on "Sign out"
// the sign-in again, on a change of language the window built again in the new language (same
// caller, same page). The program quits when the person closes the window or cancels a sign-in,
// never because a window was replaced.
class ConsoleSession : public QObject
{
    Q_OBJECT
public:
    // `forcedLanguage` (from --language) wins over the setting; "" follows the setting.
    ConsoleSession(ConsoleServices &services, Translator &translator, const QString &forcedLanguage,
                   QObject *parent = nullptr);
    ~ConsoleSession() override;

    // Setup on a database without users, else sign-in. False when the person cancelled.
    bool begin();
    // Shows the window for a caller who is signed in already.
    void openWindow(const Caller &caller);
    MainWindow *window() const { return m_window; }

    void signOut();
    void changeLanguage();

private:
    bool signIn();
    // Closes the window to put another in its place; false when a page kept it open.
    bool closeForReplacement();
    void onWindowDestroyed(QObject *window);

    ConsoleServices &m_services;
    Translator &m_translator;
    QString m_forcedLanguage;
    Caller m_caller;
    MainWindow *m_window = nullptr;
};

} // namespace cc
