#include "core/ChangeRelay.h"

#include "core/AuthService.h"
#include "core/DirectoryService.h"
#include "core/Logging.h"
#include "core/NotificationRecordService.h"
#include "core/TemplateService.h"

namespace cc {

namespace {

thread_local int t_relaying = 0;

// Marks the emissions of a relayed change.
class Relaying
{
public:
    Relaying() { ++t_relaying; }
    ~Relaying() { --t_relaying; }
    Relaying(const Relaying &) = delete;
    Relaying &operator=(const Relaying &) = delete;
};

} // namespace

bool ChangeRelay::relaying()
{
    return t_relaying > 0;
}

ChangeRelay::ChangeRelay(ChangeFeed &feed, Database &db, NotificationRecordService &records,
                         DirectoryService &directory, TemplateService &templates, AuthService &auth,
                         QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_records(records)
    , m_directory(directory)
    , m_templates(templates)
    , m_auth(auth)
{
    connect(&feed, &ChangeFeed::changed, this, &ChangeRelay::relay);
}

void ChangeRelay::relay(const Change &change)
{
    if (change.origin == m_db.origin())
        return;
    ++m_relayed;
    const Relaying relaying;
    switch (change.kind) {
    case ChangeKind::RecordCreated:
    case ChangeKind::RecordUpdated: {
        // As it is now: a record changed again or deleted since comes with its own change.
        auto record = m_records.get(Caller::system(), change.entityId);
        if (!record) {
            if (record.error().code != ErrorCode::NotFound)
                qCWarning(lcDb) << "a changed record cannot be read:" << record.error().message;
            return;
        }
        if (change.kind == ChangeKind::RecordCreated)
            emit m_records.recordAdded(*record);
        else
            emit m_records.recordChanged(*record);
        return;
    }
    case ChangeKind::RecordDeleted:
        emit m_records.recordDeleted(change.entityId, change.orgId);
        return;
    case ChangeKind::PeerMentorStatusChanged:
        return; // what shows a status follows the records that make it
    case ChangeKind::TemplateUpdated:
        emit m_templates.templateChanged(change.entityId, change.orgId);
        return;
    case ChangeKind::PeerMentorChanged:
    case ChangeKind::CoordinatorChanged:
        m_directoryChanged = true;
        break;
    case ChangeKind::UserChanged:
        m_usersChanged = true;
        m_tokensChanged = true; // a disabled user's or a new password's tokens end
        break;
    case ChangeKind::TokenRevoked:
        m_tokensChanged = true;
        break;
    }
    if (!m_flushPending) {
        m_flushPending = true;
        QMetaObject::invokeMethod(this, &ChangeRelay::flush, Qt::QueuedConnection);
    }
}

void ChangeRelay::flush()
{
    m_flushPending = false;
    const Relaying relaying;
    if (std::exchange(m_directoryChanged, false))
        emit m_directory.directoryChanged();
    if (std::exchange(m_usersChanged, false))
        emit m_directory.usersChanged();
    if (std::exchange(m_tokensChanged, false))
        emit m_auth.tokensChanged();
}

} // namespace cc
