// The permission table over HTTP: a role × action × organisation matrix generated from
// core/Permissions. Every action of the table is either served by the API (a probe here makes the
// request as each role, in its own organisation and in the other one) or named as not served (the
// console and the admin command line only). An action added to the table without either fails.
#include "core/Permissions.h"
#include "tests/server/ApiHarness.h"

#include <QJsonArray>
#include <QtTest>

#include <functional>
#include <optional>

using namespace cc;
using namespace cc::test;

Q_DECLARE_METATYPE(cc::Action)

namespace {

const QString kRecords = QStringLiteral("/api/v1/notification-records");
const QString kPayloads = QStringLiteral("/api/v1/pause-notification-payloads");

// One request doing the action as `token` on things of organisation A (own) or B (other).
using Probe = std::function<int(ApiHarness &api, const QString &token, bool other)>;

} // namespace

class TestApiPermissions : public QObject
{
    Q_OBJECT

private:
    ApiHarness m_api;
    int m_serial = 0;

    // A record of organisation A or B, made by its coordinator.
    QString recordOf(bool other)
    {
        QJsonObject body = recordBody(other ? World::kMentorB1 : World::kMentorA1);
        body.insert(QStringLiteral("coordinator_id"), other ? World::kCoordB1 : World::kCoordA1);
        const auto made =
            m_api.post(kRecords, body,
                       m_api.token(other ? QStringLiteral("coordinator_b") : QStringLiteral("coordinator")));
        return made.json.value(QLatin1String("id")).toString();
    }

    // The API's probes; std::nullopt for actions the API does not serve.
    std::optional<Probe> probe(Action action)
    {
        switch (action) {
        case Action::RecordNotification:
            return Probe([](ApiHarness &api, const QString &token, bool other) {
                return api.post(kRecords, recordBody(other ? World::kMentorB1 : World::kMentorA1), token)
                    .status;
            });
        case Action::EditRecord:
            return Probe([this](ApiHarness &api, const QString &token, bool other) {
                return api
                    .put(kRecords + QLatin1Char('/') + recordOf(other),
                         {{QStringLiteral("notes"), QStringLiteral("x")}}, token)
                    .status;
            });
        case Action::DeleteRecord:
            return Probe([this](ApiHarness &api, const QString &token, bool other) {
                return api.del(kRecords + QLatin1Char('/') + recordOf(other), token).status;
            });
        case Action::BuildPayloads:
            return Probe([](ApiHarness &api, const QString &token, bool other) {
                return api
                    .post(kPayloads,
                          {{QStringLiteral("payload_type"), QStringLiteral("coordinator_pause")},
                           {QStringLiteral("peer_mentor_id"), other ? World::kMentorB1 : World::kMentorA1},
                           {QStringLiteral("date"), QStringLiteral("2026-03-20")}},
                          token)
                    .status;
            });
        case Action::EditTemplates:
            // Always the caller's own scope: there is no other organisation's template to change.
            return Probe([](ApiHarness &api, const QString &token, bool) {
                return api
                    .put(kPayloads + QStringLiteral("/coordinator-pause"),
                         {{QStringLiteral("title"), QStringLiteral("Pause – notice")}}, token)
                    .status;
            });
        case Action::DeleteTemplates:
            return Probe([this](ApiHarness &api, const QString &token, bool other) {
                const QString id = QStringLiteral("custom-%1").arg(++m_serial);
                const auto made =
                    api.put(kPayloads + QLatin1Char('/') + id,
                            {{QStringLiteral("type"), QStringLiteral("coordinator_pause")},
                             {QStringLiteral("title"), QStringLiteral("Custom")},
                             {QStringLiteral("body_template"), QStringLiteral("{{peer_mentor_name}}")}},
                            api.token(other ? QStringLiteral("org_admin_b") : QStringLiteral("org_admin")));
                if (made.status != 201)
                    return -made.status;
                return api.del(kPayloads + QLatin1Char('/') + id, token).status;
            });
        case Action::ManageUsers:
        case Action::ManageOthersDevices:
        case Action::ManageDirectory:
        case Action::EditMentorContact:
        case Action::ExportPersonalData:
        case Action::ErasePersonalData:
        case Action::ManageRetention:
        case Action::ManageOrganisations:
        case Action::BackUp:
        case Action::Restore:
        case Action::ManageGlobalAdmins:
        case Action::ReadAudit:
        case Action::RunSetup:
            return std::nullopt; // the console and the admin command line only
        }
        // No default in the switch: an action added to the table without a decision here does
        // not compile (-Wswitch).
        return std::nullopt;
    }

private slots:
    void initTestCase() { QVERIFY2(m_api.start(), qPrintable(m_api.error())); }
    void init() { m_api.reseed(); }

    void everyActionIsDecided()
    {
        QStringList served;
        for (const Permission &p : permissionTable())
            if (probe(p.action))
                served << QString::fromLatin1(p.name);
        qInfo("served over HTTP: %s", qPrintable(served.join(QStringLiteral(", "))));
        QVERIFY(served.size() >= 6);
    }

    void matrix_data()
    {
        QTest::addColumn<Action>("action");
        QTest::addColumn<QString>("who");
        QTest::addColumn<bool>("other");
        QTest::addColumn<bool>("allowed");
        for (const Permission &p : permissionTable()) {
            if (!probe(p.action))
                continue; // not served: no row
            for (const auto &[who, allowed] :
                 {std::pair{"coordinator", p.coordinator}, std::pair{"org_admin", p.orgAdmin},
                  std::pair{"global_admin", p.globalAdmin}}) {
                QTest::addRow("%s, %s, own organisation", p.name, who)
                    << p.action << QString::fromLatin1(who) << false << allowed;
                QTest::addRow("%s, %s, other organisation", p.name, who)
                    << p.action << QString::fromLatin1(who) << true
                    << (allowed
                        && (QByteArrayView(who) == "global_admin" || p.action == Action::EditTemplates));
            }
        }
    }

    void matrix()
    {
        QFETCH(Action, action);
        QFETCH(QString, who);
        QFETCH(bool, other);
        QFETCH(bool, allowed);
        const auto request = probe(action);
        QVERIFY(request);
        const int status = (*request)(m_api, m_api.token(who), other);
        if (allowed) {
            QVERIFY2(status >= 200 && status < 300, qPrintable(QString::number(status)));
        } else if (!may(m_world(who), action)) {
            QCOMPARE(status, 403);
        } else {
            // The role may, but not in another organisation: it is not there for them.
            QVERIFY2(status == 404 || status == 422, qPrintable(QString::number(status)));
        }
    }

private:
    static Caller m_world(const QString &who)
    {
        const World w;
        return who == QLatin1String("coordinator") ? w.coordinatorA
            : who == QLatin1String("org_admin")    ? w.orgAdminA
                                                   : w.globalAdmin;
    }
};

CC_DATABASE_TEST_MAIN(TestApiPermissions)
#include "tst_api_permissions.moc"
