#include "core/BuiltinTemplates.h"
#include "core/NotificationRecordService.h"
#include "core/PayloadService.h"
#include "core/TemplateService.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace cc;
using namespace cc::test;

namespace {

QStringList fieldNames(const Error &error)
{
    QStringList out;
    for (const FieldError &f : error.fields)
        out << f.field;
    return out;
}

// "field:line:column" for every problem, to compare whole lists in one QCOMPARE.
QStringList positions(const Error &error)
{
    QStringList out;
    for (const FieldError &f : error.fields)
        out << QStringLiteral("%1:%2:%3").arg(f.field).arg(f.line).arg(f.column);
    return out;
}

const QString kSeedBody =
    QStringLiteral("Kari Nordmann has activated a pause effective 20 March 2026. Reason: Personal leave.");
const QString kPause = QStringLiteral("coordinator-pause");

} // namespace

class TestTemplateService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    // list
    void listBuiltins_data();
    void listBuiltins();
    void listIsTheSameForEveryRole_data();
    void listIsTheSameForEveryRole();

    // update
    void updateForbiddenForCoordinator();
    void updateNeedsSomethingToChange();
    void orgAdminWritesOverrideForOwnOrganisation();
    void orgAdminChangesNorwegianText();
    void globalAdminChangesGlobalDefault();
    void orgOverrideWinsOverGlobalChange();
    void overrideInheritsGlobalChangeMadeBefore();
    void compileErrors_data();
    void compileErrors();
    void etagPrecondition();
    void versionsKeepEveryChange();
    void versionsAreScoped();
    void restoreBringsOldTextBack();
    void restoreRules();
    void createCustomTemplate();
    void createCustomTemplateRefused_data();
    void createCustomTemplateRefused();
    void customTemplateOfOneOrganisationIsInvisibleToAnother();
    void globalCustomTemplateIsVisibleToEveryOrganisation();
    void typeOfExistingTemplateCannotChange();
    void changesBetween();

    // remove and reset
    void removeOnlyByGlobalAdmin_data();
    void removeOnlyByGlobalAdmin();
    void removeBuiltinResetsGlobalDefault();
    void removeBuiltinAnswersOkEveryTime();
    void removeCustomTemplate();
    void removeOrganisationCustomTemplate();
    void removeOrganisationOverride();
    void removeUnknown();
    void resetOverrideByOrgAdmin();
    void resetOverrideFallsBackToGlobalChange();
    void resetOverrideWithNothingToReset();
    void resetOverrideForbiddenForCoordinator();

private:
    std::unique_ptr<test::TestDatabase> m_db;
    ManualClock m_clock{test::testNow()};
    std::unique_ptr<TemplateService> m_service;
    std::unique_ptr<PayloadService> m_payloads; // to see what a change renders

    World m_world; // with organisation A speaking English
};

void TestTemplateService::initTestCase()
{
    m_world.orgA.locale = QStringLiteral("en");
    m_db = std::make_unique<test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_service = std::make_unique<TemplateService>(m_db->db(), m_clock);
    m_payloads = std::make_unique<PayloadService>(m_db->db(), m_clock, *m_service);
}

void TestTemplateService::cleanupTestCase()
{
    m_payloads.reset();
    m_service.reset();
    m_db.reset();
}

// The World, with organisation A speaking English and B Norwegian. Åse Ødegård (A) paused, resumed
// and paused again; Per Hansen (A) has no records; Bjørn Berg (B) paused once.
void TestTemplateService::init()
{
    m_db->reset();
    m_clock.set(test::testNow());
    auto created = m_world.create(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
    auto history = m_world.createHistory(m_db->db(), m_clock);
    QVERIFY2(history, why(history).constData());
}

// ---- list ----------------------------------------------------------------------------------

void TestTemplateService::listBuiltins_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("event");

    QTest::newRow("coordinator-pause")
        << 0 << QStringLiteral("coordinator-pause") << QStringLiteral("coordinator_pause")
        << QStringLiteral("Peer Mentor Pause – Coordinator Notice")
        << QStringLiteral("Notifies coordinator when a peer mentor activates pause")
        << QStringLiteral("pause_activated");
    QTest::newRow("coordinator-resume")
        << 1 << QStringLiteral("coordinator-resume") << QStringLiteral("coordinator_resume")
        << QStringLiteral("Peer Mentor Resume – Coordinator Notice")
        << QStringLiteral("Notifies coordinator when a peer mentor deactivates pause")
        << QStringLiteral("pause_deactivated");
    QTest::newRow("peer-mentor-pause-confirm")
        << 2 << QStringLiteral("peer-mentor-pause-confirm")
        << QStringLiteral("peer_mentor_pause_confirmation")
        << QStringLiteral("Pause Confirmation – Peer Mentor")
        << QStringLiteral("Confirmation sent to peer mentor on pause activation")
        << QStringLiteral("pause_activated");
    QTest::newRow("peer-mentor-resume-confirm")
        << 3 << QStringLiteral("peer-mentor-resume-confirm")
        << QStringLiteral("peer_mentor_resume_confirmation")
        << QStringLiteral("Resume Confirmation – Peer Mentor")
        << QStringLiteral("Confirmation sent to peer mentor on pause deactivation")
        << QStringLiteral("pause_deactivated");
}

void TestTemplateService::listBuiltins()
{
    QFETCH(int, index);
    QFETCH(QString, id);
    QFETCH(QString, type);
    QFETCH(QString, title);
    QFETCH(QString, description);
    QFETCH(QString, event);

    auto all = m_service->list(m_world.coordinatorA);
    QVERIFY2(all, why(all).constData());
    QCOMPARE(all->size(), 4);
    const PayloadTemplate &t = all->at(index);
    QCOMPARE(t.id, id);
    QCOMPARE(t.type, type);
    QCOMPARE(t.en.title, title);
    QCOMPARE(t.description, description);
    QCOMPARE(eventTypeName(t.event), event);
    QCOMPARE(t.custom, false);
    QVERIFY(!t.nb.title.isEmpty());
    QVERIFY(t.nb.title != t.en.title);
    QVERIFY(!t.en.body.isEmpty());
    QVERIFY(!t.nb.body.isEmpty());

    // get() answers the same template, and the built-in tables agree.
    auto one = m_service->get(m_world.coordinatorA, id);
    QVERIFY2(one, why(one).constData());
    QCOMPARE(one->en, t.en);
    QCOMPARE(one->nb, t.nb);
    QVERIFY(builtinTemplate(id) != nullptr);
    QCOMPARE(builtinTemplateOfType(type)->id, id);
    QVERIFY(isPayloadType(type));
    QCOMPARE(payloadTypes().at(index), type);
}

void TestTemplateService::listIsTheSameForEveryRole_data()
{
    QTest::addColumn<QString>("caller");
    for (const char *name : {"coordA", "adminA", "coordB", "adminB", "global"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestTemplateService::listIsTheSameForEveryRole()
{
    QFETCH(QString, caller);
    auto all = m_service->list(m_world.who(caller));
    QVERIFY2(all, why(all).constData());
    QStringList ids;
    for (const PayloadTemplate &t : std::as_const(*all)) {
        ids << t.id;
        QVERIFY(!t.custom);
    }
    QCOMPARE(ids,
             (QStringList{QStringLiteral("coordinator-pause"), QStringLiteral("coordinator-resume"),
                          QStringLiteral("peer-mentor-pause-confirm"),
                          QStringLiteral("peer-mentor-resume-confirm")}));
}

// ---- update --------------------------------------------------------------------------------

void TestTemplateService::updateForbiddenForCoordinator()
{
    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    TemplateChange change;
    change.title = QStringLiteral("Mine now");
    auto r = m_service->update(m_world.coordinatorA, kPause, change);
    QCOMPARE(codeOf(r), QStringLiteral("forbidden"));
    auto t = m_service->get(m_world.coordinatorA, kPause);
    QVERIFY2(t, why(t).constData());
    QCOMPARE(t->en.title, builtinTemplate(kPause)->en.title);
    auto versions = m_service->versions(m_world.orgAdminA, kPause);
    QVERIFY2(versions, why(versions).constData());
    QVERIFY(versions->isEmpty());
    QCOMPARE(changed.count(), 0);
}

void TestTemplateService::updateNeedsSomethingToChange()
{
    auto r = m_service->update(m_world.orgAdminA, kPause, TemplateChange{});
    QCOMPARE(codeOf(r), QStringLiteral("invalid"));

    TemplateChange badLocale;
    badLocale.locale = QStringLiteral("sv");
    badLocale.title = QStringLiteral("Hej");
    auto locale = m_service->update(m_world.orgAdminA, kPause, badLocale);
    QCOMPARE(codeOf(locale), QStringLiteral("invalid"));
    QCOMPARE(fieldNames(locale.error()), QStringList{QStringLiteral("locale")});

    TemplateChange tooLong;
    tooLong.title = QString(201, QLatin1Char('x'));
    auto longTitle = m_service->update(m_world.orgAdminA, kPause, tooLong);
    QCOMPARE(codeOf(longTitle), QStringLiteral("invalid"));
    QCOMPARE(fieldNames(longTitle.error()), QStringList{QStringLiteral("title")});

    TemplateChange unknown;
    unknown.title = QStringLiteral("Hello");
    auto missing = m_service->update(m_world.orgAdminA, QStringLiteral("does-not-exist"), unknown);
    QCOMPARE(codeOf(missing), QStringLiteral("not-found"));
}

void TestTemplateService::orgAdminWritesOverrideForOwnOrganisation()
{
    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    TemplateChange change;
    change.title = QStringLiteral("Peer Mentor Status Change – Coordinator Notice");
    change.body = QStringLiteral("{{peer_mentor_name}} is on a break from {{date}}.");
    auto saved = m_service->update(m_world.orgAdminA, kPause, change);
    QVERIFY2(saved, why(saved).constData());
    QVERIFY(!saved->created);
    QCOMPARE(saved->item.scope, QStringLiteral("org_a"));
    QCOMPARE(saved->item.en.title, *change.title);
    QCOMPARE(saved->item.en.body, *change.body);
    QCOMPARE(saved->item.nb, builtinTemplate(kPause)->nb); // only the English text changed
    QCOMPARE(saved->item.updatedAt, test::testNow());
    QCOMPARE(saved->item.updatedBy, QStringLiteral("admin.a"));
    QVERIFY(!saved->item.custom);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), kPause);
    QCOMPARE(changed.at(0).at(1).toString(), QStringLiteral("org_a"));

    // Organisation A sees it, in get, list and render.
    for (const Caller &caller : {m_world.coordinatorA, m_world.orgAdminA}) {
        auto t = m_service->get(caller, kPause);
        QVERIFY2(t, why(t).constData());
        QCOMPARE(t->en.title, *change.title);
        auto all = m_service->list(caller);
        QVERIFY2(all, why(all).constData());
        QCOMPARE(all->size(), 4);
        QCOMPARE(all->at(0).en.title, *change.title);
        QCOMPARE(all->at(0).updatedAt, test::testNow());
    }
    auto rendered = m_payloads->render(m_world.coordinatorA, kPause, {});
    QVERIFY2(rendered, why(rendered).constData());
    QCOMPARE(rendered->title, *change.title);
    QCOMPARE(rendered->body, QStringLiteral("Kari Nordmann is on a break from 20 March 2026."));
    QCOMPARE(rendered->bodyTemplate, *change.body);

    // Organisation B and the global default are untouched.
    for (const Caller &caller : {m_world.coordinatorB, m_world.orgAdminB, m_world.globalAdmin}) {
        auto t = m_service->get(caller, kPause);
        QVERIFY2(t, why(t).constData());
        QCOMPARE(t->en, builtinTemplate(kPause)->en);
        auto all = m_service->list(caller);
        QVERIFY2(all, why(all).constData());
        QCOMPARE(all->at(0).en, builtinTemplate(kPause)->en);
    }
    auto other = m_payloads->render(m_world.coordinatorB, kPause, {}, QStringLiteral("en"));
    QVERIFY2(other, why(other).constData());
    QCOMPARE(other->body, kSeedBody);
}

void TestTemplateService::orgAdminChangesNorwegianText()
{
    TemplateChange change;
    change.locale = QStringLiteral("nb");
    change.body = QStringLiteral("{{peer_mentor_name}} tar pause fra {{date}}.");
    auto saved = m_service->update(m_world.orgAdminB, kPause, change);
    QVERIFY2(saved, why(saved).constData());
    QCOMPARE(saved->item.nb.body, *change.body);
    QCOMPARE(saved->item.nb.title, builtinTemplate(kPause)->nb.title);
    QCOMPARE(saved->item.en, builtinTemplate(kPause)->en);
    auto nb = m_payloads->render(m_world.coordinatorB, kPause, {});
    QVERIFY2(nb, why(nb).constData());
    QCOMPARE(nb->body, QStringLiteral("Kari Nordmann tar pause fra 20. mars 2026."));
    auto en = m_payloads->render(m_world.coordinatorB, kPause, {}, QStringLiteral("en"));
    QVERIFY2(en, why(en).constData());
    QCOMPARE(en->body, kSeedBody);
}

void TestTemplateService::globalAdminChangesGlobalDefault()
{
    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    TemplateChange change;
    change.title = QStringLiteral("Pause notice");
    change.description = QStringLiteral("Sent to the coordinator");
    auto saved = m_service->update(m_world.globalAdmin, kPause, change);
    QVERIFY2(saved, why(saved).constData());
    QCOMPARE(saved->item.scope, QString());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(1).toString(), QString());

    for (const Caller &caller : {m_world.coordinatorA, m_world.orgAdminA, m_world.coordinatorB,
                                 m_world.orgAdminB, m_world.globalAdmin}) {
        auto t = m_service->get(caller, kPause);
        QVERIFY2(t, why(t).constData());
        QCOMPARE(t->en.title, QStringLiteral("Pause notice"));
        QCOMPARE(t->description, QStringLiteral("Sent to the coordinator"));
        QCOMPARE(t->en.body, builtinTemplate(kPause)->en.body);
        QVERIFY(!t->custom);
    }
    // The built-in table itself does not change.
    QCOMPARE(builtinTemplate(kPause)->en.title, QStringLiteral("Peer Mentor Pause – Coordinator Notice"));
}

void TestTemplateService::orgOverrideWinsOverGlobalChange()
{
    TemplateChange mine;
    mine.title = QStringLiteral("Org A title");
    QVERIFY(m_service->update(m_world.orgAdminA, kPause, mine).ok());
    TemplateChange global;
    global.title = QStringLiteral("Global title");
    global.body = QStringLiteral("Global: {{peer_mentor_name}}");
    QVERIFY(m_service->update(m_world.globalAdmin, kPause, global).ok());

    auto a = m_service->get(m_world.coordinatorA, kPause);
    QVERIFY2(a, why(a).constData());
    QCOMPARE(a->en.title, QStringLiteral("Org A title"));
    QCOMPARE(a->en.body, builtinTemplate(kPause)->en.body); // the override is whole
    auto b = m_service->get(m_world.coordinatorB, kPause);
    QVERIFY2(b, why(b).constData());
    QCOMPARE(b->en.title, QStringLiteral("Global title"));
    auto g = m_service->get(m_world.globalAdmin, kPause);
    QVERIFY2(g, why(g).constData());
    QCOMPARE(g->en.title, QStringLiteral("Global title"));

    auto listA = m_service->list(m_world.orgAdminA);
    QVERIFY2(listA, why(listA).constData());
    QCOMPARE(listA->size(), 4);
    QCOMPARE(listA->at(0).en.title, QStringLiteral("Org A title"));
    auto listB = m_service->list(m_world.orgAdminB);
    QVERIFY2(listB, why(listB).constData());
    QCOMPARE(listB->at(0).en.title, QStringLiteral("Global title"));
}

void TestTemplateService::overrideInheritsGlobalChangeMadeBefore()
{
    TemplateChange global;
    global.body = QStringLiteral("Global: {{peer_mentor_name}}");
    QVERIFY(m_service->update(m_world.globalAdmin, kPause, global).ok());
    TemplateChange mine;
    mine.title = QStringLiteral("Org A title");
    auto saved = m_service->update(m_world.orgAdminA, kPause, mine);
    QVERIFY2(saved, why(saved).constData());
    QCOMPARE(saved->item.en.title, QStringLiteral("Org A title"));
    QCOMPARE(saved->item.en.body, QStringLiteral("Global: {{peer_mentor_name}}"));
    auto versions = m_service->versions(m_world.orgAdminA, kPause);
    QVERIFY2(versions, why(versions).constData());
    QCOMPARE(versions->size(), 2);
    QCOMPARE(versions->last().en.body,
             QStringLiteral("Global: {{peer_mentor_name}}")); // the inherited original
}

void TestTemplateService::compileErrors_data()
{
    QTest::addColumn<bool>("sendTitle");
    QTest::addColumn<QString>("title");
    QTest::addColumn<bool>("sendBody");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("problems");

    QTest::newRow("unknown variable") << false << QString() << true << QStringLiteral("Hi {{unknown}}!")
                                      << QStringList{QStringLiteral("body_template:1:4")};
    QTest::newRow("unknown variable on line 2")
        << false << QString() << true << QStringLiteral("Line one\n  {{nope}} and {{date}}")
        << QStringList{QStringLiteral("body_template:2:3")};
    QTest::newRow("unclosed section")
        << false << QString() << true << QStringLiteral("{{date}}.{{#reason}} Reason: {{reason}}.")
        << QStringList{QStringLiteral("body_template:1:10")};
    QTest::newRow("mismatched section")
        << false << QString() << true << QStringLiteral("{{#reason}}x{{/date}}")
        << QStringList{QStringLiteral("body_template:1:13")};
    QTest::newRow("close without open") << false << QString() << true << QStringLiteral("text {{/reason}}")
                                        << QStringList{QStringLiteral("body_template:1:6")};
    QTest::newRow("unclosed tag") << false << QString() << true
                                  << QStringLiteral("{{peer_mentor_name}} {{date")
                                  << QStringList{QStringLiteral("body_template:1:22")};
    QTest::newRow("empty title") << true << QString(QLatin1String("")) << false << QString()
                                 << QStringList{QStringLiteral("title:1:1")};
    QTest::newRow("blank title") << true << QStringLiteral("   ") << false << QString()
                                 << QStringList{QStringLiteral("title:1:1")};
    QTest::newRow("empty body") << false << QString() << true << QString(QLatin1String(""))
                                << QStringList{QStringLiteral("body_template:1:1")};
    QTest::newRow("title and body") << true << QStringLiteral("{{x}}") << true
                                    << QStringLiteral("ok {{/reason}}")
                                    << QStringList{QStringLiteral("title:1:1"),
                                                   QStringLiteral("body_template:1:4")};
    QTest::newRow("two problems in one body")
        << false << QString() << true << QStringLiteral("{{a}} and {{b}}")
        << QStringList{QStringLiteral("body_template:1:1"), QStringLiteral("body_template:1:11")};
}

void TestTemplateService::compileErrors()
{
    QFETCH(bool, sendTitle);
    QFETCH(QString, title);
    QFETCH(bool, sendBody);
    QFETCH(QString, body);
    QFETCH(QStringList, problems);

    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    TemplateChange change;
    if (sendTitle)
        change.title = title;
    if (sendBody)
        change.body = body;
    for (const Caller &caller : {m_world.orgAdminA, m_world.globalAdmin}) {
        auto r = m_service->update(caller, kPause, change);
        QCOMPARE(codeOf(r), QStringLiteral("unprocessable"));
        QCOMPARE(positions(r.error()), problems);
        for (const FieldError &f : r.error().fields)
            QVERIFY2(f.message.startsWith(QStringLiteral("line %1, column %2: ").arg(f.line).arg(f.column))
                         || f.message == QLatin1String("must not be empty"),
                     qPrintable(f.message));
    }
    QCOMPARE(changed.count(), 0);
    auto t = m_service->get(m_world.coordinatorA, kPause);
    QVERIFY2(t, why(t).constData());
    QCOMPARE(t->en, builtinTemplate(kPause)->en);
    auto versions = m_service->versions(m_world.orgAdminA, kPause);
    QVERIFY2(versions, why(versions).constData());
    QVERIFY(versions->isEmpty());
}

void TestTemplateService::etagPrecondition()
{
    auto before = m_service->get(m_world.orgAdminA, kPause);
    QVERIFY2(before, why(before).constData());
    const QString etag = TemplateService::etag(*before);
    QVERIFY(etag.startsWith(QLatin1Char('"')) && etag.endsWith(QLatin1Char('"')));

    TemplateChange change;
    change.title = QStringLiteral("First");
    auto stale = m_service->update(m_world.orgAdminA, kPause, change, QStringLiteral("\"0000000000000000\""));
    QCOMPARE(codeOf(stale), QStringLiteral("precondition-failed"));

    auto first = m_service->update(m_world.orgAdminA, kPause, change, etag);
    QVERIFY2(first, why(first).constData());
    const QString next = TemplateService::etag(first->item);
    QVERIFY(next != etag);
    auto reread = m_service->get(m_world.orgAdminA, kPause);
    QVERIFY2(reread, why(reread).constData());
    QCOMPARE(TemplateService::etag(*reread), next);

    // The etag seen before the change no longer matches.
    change.title = QStringLiteral("Second");
    auto again = m_service->update(m_world.orgAdminA, kPause, change, etag);
    QCOMPARE(codeOf(again), QStringLiteral("precondition-failed"));
    auto unchanged = m_service->get(m_world.orgAdminA, kPause);
    QVERIFY2(unchanged, why(unchanged).constData());
    QCOMPARE(unchanged->en.title, QStringLiteral("First"));

    // "*" and no etag at all both mean "whatever is there".
    auto star = m_service->update(m_world.orgAdminA, kPause, change, QStringLiteral("*"));
    QVERIFY2(star, why(star).constData());
    change.title = QStringLiteral("Third");
    auto none = m_service->update(m_world.orgAdminA, kPause, change);
    QVERIFY2(none, why(none).constData());

    // Org B's etag is the default's, which did not change.
    auto b = m_service->get(m_world.orgAdminB, kPause);
    QVERIFY2(b, why(b).constData());
    QCOMPARE(TemplateService::etag(*b), etag);
}

void TestTemplateService::versionsKeepEveryChange()
{
    const Caller otherAdmin = makeCaller(Role::OrgAdmin, QStringLiteral("org_a"), QStringLiteral("user_aa2"),
                                         QStringLiteral("admin.a2"));
    const QDateTime t1 = test::testNow();
    const QDateTime t2 = t1.addSecs(3600);
    TemplateChange first;
    first.body = QStringLiteral("First: {{peer_mentor_name}}");
    QVERIFY(m_service->update(m_world.orgAdminA, kPause, first).ok());
    m_clock.set(t2);
    TemplateChange second;
    second.body = QStringLiteral("Second: {{peer_mentor_name}}");
    second.description = QStringLiteral("Changed twice");
    auto saved = m_service->update(otherAdmin, kPause, second);
    QVERIFY2(saved, why(saved).constData());
    QCOMPARE(saved->item.version, 3);

    auto versions = m_service->versions(m_world.orgAdminA, kPause);
    QVERIFY2(versions, why(versions).constData());
    QCOMPARE(versions->size(), 3);
    const TemplateVersion &v3 = versions->at(0);
    const TemplateVersion &v2 = versions->at(1);
    const TemplateVersion &v1 = versions->at(2);
    QCOMPARE(v3.version, 3);
    QCOMPARE(v3.action, QStringLiteral("update"));
    QCOMPARE(v3.changedBy, QStringLiteral("admin.a2"));
    QCOMPARE(v3.changedAt, t2);
    QCOMPARE(v3.en.body, *second.body);
    QCOMPARE(v3.description, QStringLiteral("Changed twice"));
    QCOMPARE(v3.scope, QStringLiteral("org_a"));
    QCOMPARE(v3.templateId, kPause);
    QCOMPARE(v2.version, 2);
    QCOMPARE(v2.action, QStringLiteral("update"));
    QCOMPARE(v2.changedBy, QStringLiteral("admin.a"));
    QCOMPARE(v2.changedAt, t1);
    QCOMPARE(v2.en.body, *first.body);
    QCOMPARE(v1.version, 1);
    QCOMPARE(v1.action, QStringLiteral("original"));
    QCOMPARE(v1.en, builtinTemplate(kPause)->en);
    QCOMPARE(v1.nb, builtinTemplate(kPause)->nb);
    QCOMPARE(v1.description, builtinTemplate(kPause)->description);
    QCOMPARE(v1.changedBy, QStringLiteral("system"));

    // A coordinator of the organisation reads the same history.
    auto asCoordinator = m_service->versions(m_world.coordinatorA, kPause);
    QVERIFY2(asCoordinator, why(asCoordinator).constData());
    QCOMPARE(asCoordinator->size(), 3);
}

void TestTemplateService::versionsAreScoped()
{
    TemplateChange change;
    change.title = QStringLiteral("A only");
    QVERIFY(m_service->update(m_world.orgAdminA, kPause, change).ok());
    auto b = m_service->versions(m_world.orgAdminB, kPause);
    QVERIFY2(b, why(b).constData());
    QVERIFY(b->isEmpty());
    auto g = m_service->versions(m_world.globalAdmin, kPause);
    QVERIFY2(g, why(g).constData());
    QVERIFY(g->isEmpty());
    auto unknown = m_service->versions(m_world.orgAdminA, QStringLiteral("nothing-here"));
    QCOMPARE(codeOf(unknown), QStringLiteral("not-found"));
}

void TestTemplateService::restoreBringsOldTextBack()
{
    TemplateChange x;
    x.body = QStringLiteral("X {{peer_mentor_name}}");
    QVERIFY(m_service->update(m_world.orgAdminA, kPause, x).ok());
    m_clock.advance(60'000);
    TemplateChange y;
    y.body = QStringLiteral("Y {{peer_mentor_name}}");
    y.title = QStringLiteral("Y title");
    QVERIFY(m_service->update(m_world.orgAdminA, kPause, y).ok());
    m_clock.advance(60'000);

    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    auto restored = m_service->restore(m_world.orgAdminA, kPause, 1);
    QVERIFY2(restored, why(restored).constData());
    QCOMPARE(restored->en, builtinTemplate(kPause)->en);
    QCOMPARE(restored->version, 4);
    QCOMPARE(changed.count(), 1);
    auto now = m_service->get(m_world.coordinatorA, kPause);
    QVERIFY2(now, why(now).constData());
    QCOMPARE(now->en, builtinTemplate(kPause)->en);
    QCOMPARE(now->scope, QStringLiteral("org_a")); // still an override, with the old text

    auto versions = m_service->versions(m_world.orgAdminA, kPause);
    QVERIFY2(versions, why(versions).constData());
    QCOMPARE(versions->size(), 4);
    QCOMPARE(versions->first().version, 4);
    QCOMPARE(versions->first().action, QStringLiteral("restore"));
    QCOMPARE(versions->first().changedAt, m_clock.now());
    QCOMPARE(versions->first().en, builtinTemplate(kPause)->en);

    auto back = m_service->restore(m_world.orgAdminA, kPause, 2);
    QVERIFY2(back, why(back).constData());
    QCOMPARE(back->en.body, *x.body);
    QCOMPARE(back->en.title, builtinTemplate(kPause)->en.title);
    QCOMPARE(back->version, 5);
    auto rendered = m_payloads->render(m_world.coordinatorA, kPause, {});
    QVERIFY2(rendered, why(rendered).constData());
    QCOMPARE(rendered->body, QStringLiteral("X Kari Nordmann"));
}

void TestTemplateService::restoreRules()
{
    TemplateChange x;
    x.body = QStringLiteral("X {{peer_mentor_name}}");
    QVERIFY(m_service->update(m_world.orgAdminA, kPause, x).ok());
    QCOMPARE(codeOf(m_service->restore(m_world.coordinatorA, kPause, 1)), QStringLiteral("forbidden"));
    QCOMPARE(codeOf(m_service->restore(m_world.orgAdminA, kPause, 99)), QStringLiteral("not-found"));
    // Organisation B has no history of its own to restore from.
    QCOMPARE(codeOf(m_service->restore(m_world.orgAdminB, kPause, 1)), QStringLiteral("not-found"));
    QCOMPARE(codeOf(m_service->restore(m_world.orgAdminA, QStringLiteral("no-such-template"), 1)),
             QStringLiteral("not-found"));
}

void TestTemplateService::createCustomTemplate()
{
    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    TemplateChange change;
    change.type = QStringLiteral("coordinator_pause");
    change.title = QStringLiteral("Quick note");
    change.body = QStringLiteral("{{peer_mentor_name}} pauses from {{date}} ({{organization_name}}).");
    change.description = QStringLiteral("A shorter notice");
    auto saved = m_service->update(m_world.orgAdminA, QStringLiteral("quick-note"), change);
    QVERIFY2(saved, why(saved).constData());
    QVERIFY(saved->created);
    QCOMPARE(saved->item.id, QStringLiteral("quick-note"));
    QVERIFY(saved->item.custom);
    QCOMPARE(saved->item.type, QStringLiteral("coordinator_pause"));
    QCOMPARE(saved->item.event, EventType::PauseActivated);
    QCOMPARE(saved->item.scope, QStringLiteral("org_a"));
    QCOMPARE(saved->item.version, 1);
    QCOMPARE(saved->item.description, QStringLiteral("A shorter notice"));
    QCOMPARE(saved->item.en, (TemplateText{*change.title, *change.body}));
    QCOMPARE(saved->item.nb, saved->item.en);
    QCOMPARE(changed.count(), 1);

    auto all = m_service->list(m_world.coordinatorA);
    QVERIFY2(all, why(all).constData());
    QCOMPARE(all->size(), 5);
    QCOMPARE(all->last().id, QStringLiteral("quick-note"));
    QVERIFY(all->last().custom);

    auto rendered = m_payloads->render(m_world.coordinatorA, QStringLiteral("quick-note"), {});
    QVERIFY2(rendered, why(rendered).constData());
    QCOMPARE(rendered->body, QStringLiteral("Kari Nordmann pauses from 20 March 2026 (Organisation A)."));

    auto versions = m_service->versions(m_world.orgAdminA, QStringLiteral("quick-note"));
    QVERIFY2(versions, why(versions).constData());
    QCOMPARE(versions->size(), 1);
    QCOMPARE(versions->first().action, QStringLiteral("create"));

    // A second PUT changes it, it does not create it again.
    TemplateChange edit;
    edit.title = QStringLiteral("Quick note (edited)");
    auto edited = m_service->update(m_world.orgAdminA, QStringLiteral("quick-note"), edit);
    QVERIFY2(edited, why(edited).constData());
    QVERIFY(!edited->created);
    QCOMPARE(edited->item.version, 2);
    QVERIFY(edited->item.custom);

    // A custom template can be built from by id.
    BuildRequest request;
    request.templateId = QStringLiteral("quick-note");
    request.peerMentorName = QStringLiteral("Kari Nordmann");
    request.date = utc(2026, 3, 20);
    auto built = m_payloads->build(m_world.coordinatorA, request);
    QVERIFY2(built, why(built).constData());
    QCOMPARE(built->payloadType, QStringLiteral("coordinator_pause"));
    QCOMPARE(built->title, QStringLiteral("Quick note (edited)"));
}

void TestTemplateService::createCustomTemplateRefused_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("sendTitle");
    QTest::addColumn<bool>("sendBody");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const QString body = QStringLiteral("{{peer_mentor_name}}");
    const QString type = QStringLiteral("coordinator_resume");
    QTest::newRow("upper case and underscore") << QStringLiteral("Bad_Id") << type << true << true << body
                                               << QStringLiteral("invalid") << QStringLiteral("id");
    QTest::newRow("space") << QStringLiteral("bad id") << type << true << true << body
                           << QStringLiteral("invalid") << QStringLiteral("id");
    QTest::newRow("65 characters") << QString(65, QLatin1Char('a')) << type << true << true << body
                                   << QStringLiteral("invalid") << QStringLiteral("id");
    QTest::newRow("non-ASCII") << QStringLiteral("pause-på") << type << true << true << body
                               << QStringLiteral("invalid") << QStringLiteral("id");
    QTest::newRow("unknown type") << QStringLiteral("new-one") << QStringLiteral("holiday") << true << true
                                  << body << QStringLiteral("invalid") << QStringLiteral("type");
    QTest::newRow("missing title") << QStringLiteral("new-one") << type << false << true << body
                                   << QStringLiteral("invalid") << QStringLiteral("title");
    QTest::newRow("missing body") << QStringLiteral("new-one") << type << true << false << body
                                  << QStringLiteral("invalid") << QStringLiteral("body_template");
    QTest::newRow("no type: unknown id") << QStringLiteral("new-one") << QString() << true << true << body
                                         << QStringLiteral("not-found") << QString();
    QTest::newRow("body does not compile")
        << QStringLiteral("new-one") << type << true << true << QStringLiteral("{{#reason}}")
        << QStringLiteral("unprocessable") << QStringLiteral("body_template");
}

void TestTemplateService::createCustomTemplateRefused()
{
    QFETCH(QString, id);
    QFETCH(QString, type);
    QFETCH(bool, sendTitle);
    QFETCH(bool, sendBody);
    QFETCH(QString, body);
    QFETCH(QString, code);
    QFETCH(QString, field);

    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    TemplateChange change;
    change.type = type;
    if (sendTitle)
        change.title = QStringLiteral("A title");
    if (sendBody)
        change.body = body;
    for (const Caller &caller : {m_world.orgAdminA, m_world.globalAdmin}) {
        auto r = m_service->update(caller, id, change);
        QCOMPARE(codeOf(r), code);
        if (!field.isEmpty())
            QVERIFY2(fieldNames(r.error()).contains(field),
                     qPrintable(fieldNames(r.error()).join(QLatin1Char(','))));
        auto all = m_service->list(caller);
        QVERIFY2(all, why(all).constData());
        QCOMPARE(all->size(), 4);
    }
    QCOMPARE(changed.count(), 0);
}

void TestTemplateService::customTemplateOfOneOrganisationIsInvisibleToAnother()
{
    TemplateChange change;
    change.type = QStringLiteral("peer_mentor_pause_confirmation");
    change.title = QStringLiteral("Only A");
    change.body = QStringLiteral("Hello {{peer_mentor_name}}");
    auto saved = m_service->update(m_world.orgAdminA, QStringLiteral("only-a"), change);
    QVERIFY2(saved, why(saved).constData());

    for (const Caller &caller : {m_world.coordinatorB, m_world.orgAdminB}) {
        auto all = m_service->list(caller);
        QVERIFY2(all, why(all).constData());
        QCOMPARE(all->size(), 4);
        QCOMPARE(codeOf(m_service->get(caller, QStringLiteral("only-a"))), QStringLiteral("not-found"));
        QCOMPARE(codeOf(m_payloads->render(caller, QStringLiteral("only-a"), {})),
                 QStringLiteral("not-found"));
    }
    // B cannot change it without a type (it does not exist for B) ...
    TemplateChange edit;
    edit.title = QStringLiteral("Taken over");
    QCOMPARE(codeOf(m_service->update(m_world.orgAdminB, QStringLiteral("only-a"), edit)),
             QStringLiteral("not-found"));
    // ... nor build from it.
    BuildRequest request;
    request.templateId = QStringLiteral("only-a");
    request.peerMentorName = QStringLiteral("Someone");
    request.date = utc(2026, 3, 20);
    auto built = m_payloads->build(m_world.coordinatorB, request);
    QCOMPARE(codeOf(built), QStringLiteral("unprocessable"));
    QCOMPARE(fieldNames(built.error()), QStringList{QStringLiteral("template_id")});
    // A still has it unchanged.
    auto a = m_service->get(m_world.coordinatorA, QStringLiteral("only-a"));
    QVERIFY2(a, why(a).constData());
    QCOMPARE(a->en.title, QStringLiteral("Only A"));
}

void TestTemplateService::globalCustomTemplateIsVisibleToEveryOrganisation()
{
    TemplateChange change;
    change.type = QStringLiteral("coordinator_resume");
    change.title = QStringLiteral("Everyone");
    change.body = QStringLiteral("{{peer_mentor_name}} is back");
    auto saved = m_service->update(m_world.globalAdmin, QStringLiteral("everyone"), change);
    QVERIFY2(saved, why(saved).constData());
    QVERIFY(saved->created);
    QCOMPARE(saved->item.scope, QString());
    for (const Caller &caller : {m_world.coordinatorA, m_world.orgAdminB, m_world.globalAdmin}) {
        auto all = m_service->list(caller);
        QVERIFY2(all, why(all).constData());
        QCOMPARE(all->size(), 5);
        QCOMPARE(all->last().id, QStringLiteral("everyone"));
        QCOMPARE(all->last().event, EventType::PauseDeactivated);
    }
    // An org admin can override a global custom template for their organisation.
    TemplateChange mine;
    mine.title = QStringLiteral("Everyone, A style");
    auto override = m_service->update(m_world.orgAdminA, QStringLiteral("everyone"), mine);
    QVERIFY2(override, why(override).constData());
    QVERIFY(!override->created);
    QCOMPARE(m_service->get(m_world.coordinatorA, QStringLiteral("everyone"))->en.title,
             QStringLiteral("Everyone, A style"));
    QCOMPARE(m_service->get(m_world.coordinatorB, QStringLiteral("everyone"))->en.title,
             QStringLiteral("Everyone"));
}

void TestTemplateService::typeOfExistingTemplateCannotChange()
{
    TemplateChange change;
    change.type = QStringLiteral("coordinator_resume");
    change.title = QStringLiteral("Sneaky");
    auto r = m_service->update(m_world.orgAdminA, kPause, change);
    QCOMPARE(codeOf(r), QStringLiteral("invalid"));
    QCOMPARE(fieldNames(r.error()), QStringList{QStringLiteral("type")});
    change.type = QStringLiteral("coordinator_pause"); // the same type is fine
    QVERIFY(m_service->update(m_world.orgAdminA, kPause, change).ok());
}

// ---- remove and reset ------------------------------------------------------------------------

void TestTemplateService::removeOnlyByGlobalAdmin_data()
{
    QTest::addColumn<QString>("caller");
    QTest::newRow("coordinator") << QStringLiteral("coordA");
    QTest::newRow("org admin") << QStringLiteral("adminA");
    QTest::newRow("org admin B") << QStringLiteral("adminB");
}

void TestTemplateService::removeOnlyByGlobalAdmin()
{
    QFETCH(QString, caller);
    TemplateChange change;
    change.title = QStringLiteral("Override");
    QVERIFY(m_service->update(m_world.orgAdminA, kPause, change).ok());
    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    QCOMPARE(codeOf(m_service->remove(m_world.who(caller), kPause)), QStringLiteral("forbidden"));
    QCOMPARE(codeOf(m_service->remove(m_world.who(caller), kPause, QStringLiteral("org_a"))),
             QStringLiteral("forbidden"));
    QCOMPARE(codeOf(m_service->remove(m_world.who(caller), QStringLiteral("no-such-template"))),
             QStringLiteral("forbidden"));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_service->get(m_world.coordinatorA, kPause)->en.title, QStringLiteral("Override"));
}

void TestTemplateService::removeBuiltinResetsGlobalDefault()
{
    TemplateChange change;
    change.title = QStringLiteral("Global change");
    change.body = QStringLiteral("Changed {{date}}");
    QVERIFY(m_service->update(m_world.globalAdmin, kPause, change).ok());
    m_clock.advance(5000);

    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    auto removed = m_service->remove(m_world.globalAdmin, kPause);
    QVERIFY2(removed, why(removed).constData());
    QCOMPARE(removed->id, kPause);
    QCOMPARE(removed->deletedAt, m_clock.now());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), kPause);
    QCOMPARE(changed.at(0).at(1).toString(), QString());

    for (const Caller &caller : {m_world.coordinatorA, m_world.coordinatorB, m_world.globalAdmin}) {
        auto t = m_service->get(caller, kPause);
        QVERIFY2(t, why(t).constData());
        QCOMPARE(t->en, builtinTemplate(kPause)->en);
        QVERIFY(!t->custom);
    }
    auto rendered = m_payloads->render(m_world.coordinatorA, kPause, {});
    QVERIFY2(rendered, why(rendered).constData());
    QCOMPARE(rendered->body, kSeedBody);

    auto versions = m_service->versions(m_world.globalAdmin, kPause);
    QVERIFY2(versions, why(versions).constData());
    QCOMPARE(versions->size(), 3);
    QCOMPARE(versions->first().action, QStringLiteral("reset"));
    QCOMPARE(versions->first().en, builtinTemplate(kPause)->en);
    QCOMPARE(versions->first().changedBy, QStringLiteral("root"));
}

void TestTemplateService::removeBuiltinAnswersOkEveryTime()
{
    for (const QString &id : payloadTypes()) {
        const QString builtinId = builtinTemplateOfType(id)->id;
        auto first = m_service->remove(m_world.globalAdmin, builtinId);
        QVERIFY2(first, why(first).constData());
        auto second = m_service->remove(m_world.globalAdmin, builtinId);
        QVERIFY2(second, why(second).constData());
        QCOMPARE(second->id, builtinId);
    }
    TemplateChange change;
    change.title = QStringLiteral("Changed");
    QVERIFY(m_service->update(m_world.globalAdmin, kPause, change).ok());
    QVERIFY(m_service->remove(m_world.globalAdmin, kPause).ok());
    QVERIFY(m_service->remove(m_world.globalAdmin, kPause).ok());
    auto all = m_service->list(m_world.coordinatorA);
    QVERIFY2(all, why(all).constData());
    QCOMPARE(all->size(), 4);
    QCOMPARE(all->first().en, builtinTemplate(kPause)->en);
}

void TestTemplateService::removeCustomTemplate()
{
    TemplateChange change;
    change.type = QStringLiteral("coordinator_pause");
    change.title = QStringLiteral("Extra");
    change.body = QStringLiteral("Extra {{peer_mentor_name}}");
    QVERIFY(m_service->update(m_world.globalAdmin, QStringLiteral("extra"), change).ok());
    // An organisation's override of it goes with it.
    TemplateChange mine;
    mine.title = QStringLiteral("Extra for A");
    QVERIFY(m_service->update(m_world.orgAdminA, QStringLiteral("extra"), mine).ok());

    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    auto removed = m_service->remove(m_world.globalAdmin, QStringLiteral("extra"));
    QVERIFY2(removed, why(removed).constData());
    QCOMPARE(removed->id, QStringLiteral("extra"));
    QCOMPARE(changed.count(), 1);
    for (const Caller &caller : {m_world.coordinatorA, m_world.coordinatorB, m_world.globalAdmin}) {
        QCOMPARE(codeOf(m_service->get(caller, QStringLiteral("extra"))), QStringLiteral("not-found"));
        auto all = m_service->list(caller);
        QVERIFY2(all, why(all).constData());
        QCOMPARE(all->size(), 4);
    }
    QCOMPARE(codeOf(m_service->remove(m_world.globalAdmin, QStringLiteral("extra"))),
             QStringLiteral("not-found"));

    // The history keeps what was removed, for a global admin.
    auto versions = m_service->versions(m_world.globalAdmin, QStringLiteral("extra"));
    QVERIFY2(versions, why(versions).constData());
    QCOMPARE(versions->size(), 2);
    QCOMPARE(versions->first().action, QStringLiteral("delete"));
    QCOMPARE(versions->first().en.title, QStringLiteral("Extra"));
}

void TestTemplateService::removeOrganisationCustomTemplate()
{
    TemplateChange change;
    change.type = QStringLiteral("coordinator_pause");
    change.title = QStringLiteral("A's own");
    change.body = QStringLiteral("Own {{peer_mentor_name}}");
    QVERIFY(m_service->update(m_world.orgAdminA, QStringLiteral("a-own"), change).ok());
    QVERIFY(m_service->update(m_world.orgAdminB, QStringLiteral("a-own"), change).ok());
    // Two organisations have it: the id alone is ambiguous for a global admin ...
    const auto ambiguous = m_service->remove(m_world.globalAdmin, QStringLiteral("a-own"));
    QCOMPARE(codeOf(ambiguous), QStringLiteral("conflict"));
    QVERIFY2(ambiguous.error().message.contains(QStringLiteral("org_a, org_b")),
             qPrintable(ambiguous.error().message));
    // ... organisation A's is named ...
    auto removed = m_service->remove(m_world.globalAdmin, QStringLiteral("a-own"), QStringLiteral("org_a"));
    QVERIFY2(removed, why(removed).constData());
    // ... and then B's is the only one: its id is enough.
    QVERIFY(m_service->get(m_world.globalAdmin, QStringLiteral("a-own")).ok());
    QVERIFY(m_service->remove(m_world.globalAdmin, QStringLiteral("a-own")).ok());
    QCOMPARE(codeOf(m_service->get(m_world.orgAdminB, QStringLiteral("a-own"))), QStringLiteral("not-found"));
    QCOMPARE(codeOf(m_service->get(m_world.orgAdminA, QStringLiteral("a-own"))), QStringLiteral("not-found"));
    QCOMPARE(codeOf(m_service->remove(m_world.globalAdmin, QStringLiteral("a-own"), QStringLiteral("org_a"))),
             QStringLiteral("not-found"));
}

void TestTemplateService::removeOrganisationOverride()
{
    TemplateChange mine;
    mine.title = QStringLiteral("A title");
    QVERIFY(m_service->update(m_world.orgAdminA, kPause, mine).ok());
    TemplateChange theirs;
    theirs.title = QStringLiteral("B title");
    QVERIFY(m_service->update(m_world.orgAdminB, kPause, theirs).ok());

    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    auto removed = m_service->remove(m_world.globalAdmin, kPause, QStringLiteral("org_a"));
    QVERIFY2(removed, why(removed).constData());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(1).toString(), QStringLiteral("org_a"));
    QCOMPARE(m_service->get(m_world.coordinatorA, kPause)->en, builtinTemplate(kPause)->en);
    QCOMPARE(m_service->get(m_world.coordinatorB, kPause)->en.title, QStringLiteral("B title"));

    auto unknownOrg = m_service->remove(m_world.globalAdmin, kPause, QStringLiteral("org_nowhere"));
    QCOMPARE(codeOf(unknownOrg), QStringLiteral("not-found"));
    QCOMPARE(fieldNames(unknownOrg.error()), QStringList{QStringLiteral("org_id")});
}

void TestTemplateService::removeUnknown()
{
    QCOMPARE(codeOf(m_service->remove(m_world.globalAdmin, QStringLiteral("no-such-template"))),
             QStringLiteral("not-found"));
    QCOMPARE(codeOf(m_service->remove(m_world.globalAdmin, QStringLiteral("no-such-template"),
                                      QStringLiteral("org_a"))),
             QStringLiteral("not-found"));
}

void TestTemplateService::resetOverrideByOrgAdmin()
{
    TemplateChange mine;
    mine.title = QStringLiteral("A title");
    mine.body = QStringLiteral("A body {{date}}");
    QVERIFY(m_service->update(m_world.orgAdminA, kPause, mine).ok());
    TemplateChange theirs;
    theirs.title = QStringLiteral("B title");
    QVERIFY(m_service->update(m_world.orgAdminB, kPause, theirs).ok());
    m_clock.advance(1000);

    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    auto reset = m_service->resetOverride(m_world.orgAdminA, kPause);
    QVERIFY2(reset, why(reset).constData());
    QCOMPARE(reset->en, builtinTemplate(kPause)->en);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(1).toString(), QStringLiteral("org_a"));
    auto a = m_payloads->render(m_world.coordinatorA, kPause, {});
    QVERIFY2(a, why(a).constData());
    QCOMPARE(a->body, kSeedBody);
    QCOMPARE(m_service->get(m_world.coordinatorB, kPause)->en.title, QStringLiteral("B title"));

    auto versions = m_service->versions(m_world.orgAdminA, kPause);
    QVERIFY2(versions, why(versions).constData());
    QCOMPARE(versions->size(), 3);
    QCOMPARE(versions->first().action, QStringLiteral("reset"));
    QCOMPARE(versions->first().en, builtinTemplate(kPause)->en);
    QCOMPARE(versions->first().changedBy, QStringLiteral("admin.a"));
    QCOMPARE(versions->first().changedAt, m_clock.now());
}

void TestTemplateService::resetOverrideFallsBackToGlobalChange()
{
    TemplateChange global;
    global.title = QStringLiteral("Global title");
    QVERIFY(m_service->update(m_world.globalAdmin, kPause, global).ok());
    TemplateChange mine;
    mine.title = QStringLiteral("A title");
    QVERIFY(m_service->update(m_world.orgAdminA, kPause, mine).ok());
    auto reset = m_service->resetOverride(m_world.orgAdminA, kPause);
    QVERIFY2(reset, why(reset).constData());
    QCOMPARE(reset->en.title, QStringLiteral("Global title"));
    QCOMPARE(m_service->get(m_world.coordinatorA, kPause)->en.title, QStringLiteral("Global title"));

    // Removing organisation A's override by a global admin records the same fallback.
    QVERIFY(m_service->update(m_world.orgAdminA, kPause, mine).ok());
    QVERIFY(m_service->remove(m_world.globalAdmin, kPause, QStringLiteral("org_a")).ok());
    QCOMPARE(m_service->get(m_world.coordinatorA, kPause)->en.title, QStringLiteral("Global title"));
    auto versions = m_service->versions(m_world.orgAdminA, kPause);
    QVERIFY2(versions, why(versions).constData());
    QCOMPARE(versions->first().action, QStringLiteral("reset"));
    QCOMPARE(versions->first().en.title, QStringLiteral("Global title"));
}

void TestTemplateService::resetOverrideWithNothingToReset()
{
    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    auto reset = m_service->resetOverride(m_world.orgAdminA, kPause);
    QVERIFY2(reset, why(reset).constData());
    QCOMPARE(reset->en, builtinTemplate(kPause)->en);
    QCOMPARE(changed.count(), 0);
    auto versions = m_service->versions(m_world.orgAdminA, kPause);
    QVERIFY2(versions, why(versions).constData());
    QVERIFY(versions->isEmpty());
    QCOMPARE(codeOf(m_service->resetOverride(m_world.orgAdminA, QStringLiteral("no-such-template"))),
             QStringLiteral("not-found"));
}

void TestTemplateService::resetOverrideForbiddenForCoordinator()
{
    TemplateChange mine;
    mine.title = QStringLiteral("A title");
    QVERIFY(m_service->update(m_world.orgAdminA, kPause, mine).ok());
    QCOMPARE(codeOf(m_service->resetOverride(m_world.coordinatorA, kPause)), QStringLiteral("forbidden"));
    QCOMPARE(m_service->get(m_world.coordinatorA, kPause)->en.title, QStringLiteral("A title"));
}

// One change per language that differs, the description with the first; nothing when equal.
void TestTemplateService::changesBetween()
{
    PayloadTemplate before;
    before.id = kPause;
    before.description = QStringLiteral("d");
    before.en = TemplateText{QStringLiteral("T"), QStringLiteral("B")};
    before.nb = TemplateText{QStringLiteral("Tn"), QStringLiteral("Bn")};
    QVERIFY(TemplateService::changesBetween(before, before).isEmpty());

    PayloadTemplate after = before;
    after.nb.body = QStringLiteral("Bn2");
    QList<TemplateChange> changes = TemplateService::changesBetween(before, after);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0).locale, QStringLiteral("nb"));
    QVERIFY(!changes.at(0).title);
    QCOMPARE(changes.at(0).body, std::optional<QString>(QStringLiteral("Bn2")));
    QVERIFY(!changes.at(0).description);

    after.en.title = QStringLiteral("T2");
    after.description = QStringLiteral("d2");
    changes = TemplateService::changesBetween(before, after);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).locale, QStringLiteral("en"));
    QCOMPARE(changes.at(0).title, std::optional<QString>(QStringLiteral("T2")));
    QVERIFY(!changes.at(0).body);
    QCOMPARE(changes.at(0).description, std::optional<QString>(QStringLiteral("d2")));
    QCOMPARE(changes.at(1).locale, QStringLiteral("nb"));
    QVERIFY(!changes.at(1).description);

    PayloadTemplate described = before;
    described.description = QStringLiteral("only this");
    changes = TemplateService::changesBetween(before, described);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0).locale, QStringLiteral("en"));
    QCOMPARE(changes.at(0).description, std::optional<QString>(QStringLiteral("only this")));
}

CC_DATABASE_TEST_MAIN(TestTemplateService)

#include "tst_templateservice.moc"
