#pragma once

#include "core/ChangeFeed.h"

#include <QObject>

namespace cc {

class AuthService;
class DirectoryService;
class NotificationRecordService;
class TemplateService;

// Makes a change that another program stored (another console, a `serve`, on this machine or
// another) look like one made here: the service that owns it emits its usual signal, so the
// console's pages, the peer-mentor statuses and the tray follow every program without knowing
// of the feed. Changes this program made are skipped: its services signalled them already.
// Several directory, user or token changes in one burst give one signal each.
class ChangeRelay : public QObject
{
    Q_OBJECT
public:
    ChangeRelay(ChangeFeed &feed, Database &db, NotificationRecordService &records,
                DirectoryService &directory, TemplateService &templates, AuthService &auth,
                QObject *parent = nullptr);

    // Changes of other programs relayed so far.
    int relayed() const { return m_relayed; }
    // True while a relay on this thread emits a service's signal: a receiver can tell another
    // program's change from one made on its own thread (the tray tells only of others').
    static bool relaying();

private:
    void relay(const Change &change);
    void flush();

    Database &m_db;
    NotificationRecordService &m_records;
    DirectoryService &m_directory;
    TemplateService &m_templates;
    AuthService &m_auth;
    int m_relayed = 0;
    bool m_flushPending = false;
    bool m_directoryChanged = false;
    bool m_usersChanged = false;
    bool m_tokensChanged = false;
};

} // namespace cc
