#pragma once

#include "core/Caller.h"

#include <QGroupBox>

class QPushButton;
class QTableWidget;

namespace cc {

struct ConsoleServices;

// The paired devices and API tokens the caller may see (a coordinator only their own), with their
// state, and a button that revokes the selected valid token after asking.
class TokensPanel : public QGroupBox
{
    Q_OBJECT
public:
    TokensPanel(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    // Reads the tokens again, keeping the selected one selected.
    void refresh();

signals:
    void statusMessage(const QString &text);

private:
    void updateTokenButtons();
    void revokeSelected();

    ConsoleServices &m_services;
    Caller m_caller;
    QTableWidget *m_tokens = nullptr;
    QPushButton *m_revoke = nullptr;
};

} // namespace cc
