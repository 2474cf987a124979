#include "core/BuiltinTemplates.h"
#include "core/NotificationRecordService.h"
#include "core/PayloadService.h"
#include "core/TemplateService.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"
#include "tests/support/World.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

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
const QString kSeedBodyNb =
    QStringLiteral("Kari Nordmann har startet en pause fra 20. mars 2026. Årsak: Personal leave.");
const QString kPause = QStringLiteral("coordinator-pause");

} // namespace

class TestPayloadService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    // render
    void renderSeedText();

    // render
    void renderEveryBuiltin_data();

    // render
    void renderEveryBuiltin();

    // render
    void renderLocale_data();

    // render
    void renderLocale();

    // render
    void renderRealMentor_data();

    // render
    void renderRealMentor();

    // render
    void renderGivenValuesWin();

    // render
    void renderMentorOfAnotherOrganisation_data();

    // render
    void renderMentorOfAnotherOrganisation();

    // render
    void renderBadLocale_data();

    // render
    void renderBadLocale();

    // render
    void renderUnknownTemplate();

    // render
    void renderNeverEscapes();
    void previewRendersDraft();

    // valuesFor
    void valuesForMentorWithPause_data();

    // valuesFor
    void valuesForMentorWithPause();

    // valuesFor
    void valuesForMentorWithoutRecords();

    // valuesFor
    void valuesForSampleValues_data();

    // valuesFor
    void valuesForSampleValues();

    // valuesFor
    void valuesForMentorOfAnotherOrganisation_data();

    // valuesFor
    void valuesForMentorOfAnotherOrganisation();

    // valuesFor
    void valuesForUnknownTemplate();

    // valuesFor
    void valuesForAreWhatRenderUses_data();

    // valuesFor
    void valuesForAreWhatRenderUses();

    // build and payloads
    void buildForbiddenForGlobalAdmin();

    // build and payloads
    void buildByPayloadType_data();

    // build and payloads
    void buildByPayloadType();

    // build and payloads
    void buildByTemplateId();

    // build and payloads
    void buildInvalid_data();

    // build and payloads
    void buildInvalid();

    // build and payloads
    void buildTypeAndTemplateMismatch();

    // build and payloads
    void buildUnknownTemplateId();

    // build and payloads
    void buildMentorOfAnotherOrganisation();

    // build and payloads
    void buildWithMentorId();

    // build and payloads
    void buildInOrganisationLocale();

    // build and payloads
    void buildUsesOrganisationOverride();

    // build and payloads
    void buildNeverEscapes();
    void payloadRoundTrip();
    void payloadOfAnotherOrganisation();

private:
    std::unique_ptr<test::TestDatabase> m_db;
    ManualClock m_clock{test::testNow()};
    std::unique_ptr<TemplateService> m_templates;
    std::unique_ptr<PayloadService> m_payloads;

    World m_world; // with organisation A speaking English
};

void TestPayloadService::initTestCase()
{
    m_world.orgA.locale = QStringLiteral("en");
    m_db = std::make_unique<test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_templates = std::make_unique<TemplateService>(m_db->db(), m_clock);
    m_payloads = std::make_unique<PayloadService>(m_db->db(), m_clock, *m_templates);
}

void TestPayloadService::cleanupTestCase()
{
    m_payloads.reset();
    m_templates.reset();
    m_db.reset();
}

// The World, with organisation A speaking English and B Norwegian. Åse Ødegård (A) paused, resumed
// and paused again; Per Hansen (A) has no records; Bjørn Berg (B) paused once.
void TestPayloadService::init()
{
    m_db->reset();
    m_clock.set(test::testNow());
    auto created = m_world.create(m_db->db(), m_clock);
    QVERIFY2(created, why(created).constData());
    auto history = m_world.createHistory(m_db->db(), m_clock);
    QVERIFY2(history, why(history).constData());
}

// ---- render --------------------------------------------------------------------------------

void TestPayloadService::renderSeedText()
{
    auto r = m_payloads->render(m_world.coordinatorA, kPause, {});
    QVERIFY2(r, why(r).constData());
    QCOMPARE(r->body, kSeedBody);
    QCOMPARE(r->title, QStringLiteral("Peer Mentor Pause – Coordinator Notice"));
    QCOMPARE(r->id, kPause);
    QCOMPARE(r->type, QStringLiteral("coordinator_pause"));
    QCOMPARE(r->event, EventType::PauseActivated);
    QCOMPARE(r->locale, QStringLiteral("en"));
    QCOMPARE(r->peerMentorId, QStringLiteral("pm_551e8400"));
    QCOMPARE(r->bodyTemplate, builtinTemplate(kPause)->en.body);
    QVERIFY(r->bodyTemplate.contains(QLatin1String("{{peer_mentor_name}}")));

    const TemplateValues sample = PayloadService::sampleValues();
    QCOMPARE(sample.peerMentorName, QStringLiteral("Kari Nordmann"));
    QCOMPARE(sample.peerMentorId, QStringLiteral("pm_551e8400"));
    QCOMPARE(sample.date, utc(2026, 3, 20));
    QCOMPARE(sample.reason, QStringLiteral("Personal leave"));
}

void TestPayloadService::renderEveryBuiltin_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("body");

    QTest::newRow("coordinator-pause en")
        << kPause << QStringLiteral("en") << QStringLiteral("Peer Mentor Pause – Coordinator Notice")
        << kSeedBody;
    QTest::newRow("coordinator-pause nb")
        << kPause << QStringLiteral("nb") << QStringLiteral("Likeperson på pause – melding til koordinator")
        << kSeedBodyNb;
    QTest::newRow("coordinator-resume en")
        << QStringLiteral("coordinator-resume") << QStringLiteral("en")
        << QStringLiteral("Peer Mentor Resume – Coordinator Notice")
        << QStringLiteral("Kari Nordmann has ended their pause and is active again from 20 March 2026.");
    QTest::newRow("coordinator-resume nb")
        << QStringLiteral("coordinator-resume") << QStringLiteral("nb")
        << QStringLiteral("Likeperson tilbake – melding til koordinator")
        << QStringLiteral("Kari Nordmann har avsluttet pausen og er aktiv igjen fra 20. mars 2026.");
    QTest::newRow("peer-mentor-pause-confirm en")
        << QStringLiteral("peer-mentor-pause-confirm") << QStringLiteral("en")
        << QStringLiteral("Pause Confirmation – Peer Mentor")
        << QStringLiteral("Hi Kari Nordmann, your pause is registered from 20 March 2026. "
                          "Your coordinator Ingrid Bakke has been notified.");
    QTest::newRow("peer-mentor-pause-confirm nb")
        << QStringLiteral("peer-mentor-pause-confirm") << QStringLiteral("nb")
        << QStringLiteral("Bekreftelse på pause – likeperson")
        << QStringLiteral("Hei Kari Nordmann, pausen din er registrert fra 20. mars 2026. "
                          "Koordinatoren din, Ingrid Bakke, har fått beskjed.");
    QTest::newRow("peer-mentor-resume-confirm en")
        << QStringLiteral("peer-mentor-resume-confirm") << QStringLiteral("en")
        << QStringLiteral("Resume Confirmation – Peer Mentor")
        << QStringLiteral("Welcome back, Kari Nordmann! You are active again from 20 March 2026.");
    QTest::newRow("peer-mentor-resume-confirm nb")
        << QStringLiteral("peer-mentor-resume-confirm") << QStringLiteral("nb")
        << QStringLiteral("Bekreftelse på at pausen er avsluttet – likeperson")
        << QStringLiteral("Velkommen tilbake, Kari Nordmann! Du er aktiv igjen fra 20. mars 2026.");
}

void TestPayloadService::renderEveryBuiltin()
{
    QFETCH(QString, id);
    QFETCH(QString, locale);
    QFETCH(QString, title);
    QFETCH(QString, body);
    auto r = m_payloads->render(m_world.coordinatorA, id, {}, locale);
    QVERIFY2(r, why(r).constData());
    QCOMPARE(r->locale, locale);
    QCOMPARE(r->title, title);
    QCOMPARE(r->body, body);
}

void TestPayloadService::renderLocale_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("body");

    QTest::newRow("org A defaults to en")
        << QStringLiteral("coordA") << QString() << QStringLiteral("en") << kSeedBody;
    QTest::newRow("org B defaults to nb")
        << QStringLiteral("coordB") << QString() << QStringLiteral("nb") << kSeedBodyNb;
    QTest::newRow("org B admin defaults to nb")
        << QStringLiteral("adminB") << QString() << QStringLiteral("nb") << kSeedBodyNb;
    QTest::newRow("org A asks for nb")
        << QStringLiteral("coordA") << QStringLiteral("nb") << QStringLiteral("nb") << kSeedBodyNb;
    QTest::newRow("org B asks for en")
        << QStringLiteral("coordB") << QStringLiteral("en") << QStringLiteral("en") << kSeedBody;
    QTest::newRow("global admin defaults to en")
        << QStringLiteral("global") << QString() << QStringLiteral("en") << kSeedBody;
    QTest::newRow("global admin asks for nb")
        << QStringLiteral("global") << QStringLiteral("nb") << QStringLiteral("nb") << kSeedBodyNb;
}

void TestPayloadService::renderLocale()
{
    QFETCH(QString, caller);
    QFETCH(QString, requested);
    QFETCH(QString, locale);
    QFETCH(QString, body);
    auto r = m_payloads->render(m_world.who(caller), kPause, {}, requested);
    QVERIFY2(r, why(r).constData());
    QCOMPARE(r->locale, locale);
    QCOMPARE(r->body, body);
}

void TestPayloadService::renderRealMentor_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("mentor");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("body");

    QTest::newRow("latest pause date and reason")
        << QStringLiteral("coordA") << kPause << QStringLiteral("pm_a1") << QStringLiteral("en")
        << QStringLiteral("Åse Ødegård has activated a pause effective 10 March 2026. Reason: Exam period.");
    QTest::newRow("latest pause, Norwegian")
        << QStringLiteral("adminA") << kPause << QStringLiteral("pm_a1") << QStringLiteral("nb")
        << QStringLiteral("Åse Ødegård har startet en pause fra 10. mars 2026. Årsak: Exam period.");
    QTest::newRow("resume takes the latest resume")
        << QStringLiteral("coordA") << QStringLiteral("coordinator-resume") << QStringLiteral("pm_a1")
        << QStringLiteral("en")
        << QStringLiteral("Åse Ødegård has ended their pause and is active again from 20 February 2026.");
    QTest::newRow("the mentor's coordinator")
        << QStringLiteral("coordA") << QStringLiteral("peer-mentor-pause-confirm") << QStringLiteral("pm_a1")
        << QStringLiteral("en")
        << QStringLiteral(
               "Hi Åse Ødegård, your pause is registered from 10 March 2026. Your coordinator Kari "
               "Koordinator has been notified.");
    QTest::newRow("no records: today, no reason")
        << QStringLiteral("coordA") << kPause << QStringLiteral("pm_a2") << QStringLiteral("en")
        << QStringLiteral("Per Hansen has activated a pause effective 19 March 2026.");
    QTest::newRow("global admin: the mentor's organisation's locale")
        << QStringLiteral("global") << kPause << QStringLiteral("pm_b1") << QStringLiteral("nb")
        << QStringLiteral("Bjørn Berg har startet en pause fra 1. mars 2026. Årsak: Travel.");
    QTest::newRow("org B coordinator")
        << QStringLiteral("coordB") << kPause << QStringLiteral("pm_b1") << QStringLiteral("nb")
        << QStringLiteral("Bjørn Berg har startet en pause fra 1. mars 2026. Årsak: Travel.");
}

void TestPayloadService::renderRealMentor()
{
    QFETCH(QString, caller);
    QFETCH(QString, id);
    QFETCH(QString, mentor);
    QFETCH(QString, locale);
    QFETCH(QString, body);
    TemplateValues values;
    values.peerMentorId = mentor;
    auto r = m_payloads->render(m_world.who(caller), id, values,
                                caller == QLatin1String("adminA") ? locale : QString());
    QVERIFY2(r, why(r).constData());
    QCOMPARE(r->locale, locale);
    QCOMPARE(r->body, body);
    QCOMPARE(r->peerMentorId, mentor);
}

void TestPayloadService::renderGivenValuesWin()
{
    TemplateValues values;
    values.peerMentorId = QStringLiteral("pm_a1");
    values.peerMentorName = QStringLiteral("Ola H.");
    values.date = utc(2026, 4, 2);
    values.reason = QStringLiteral("Holiday");
    auto r = m_payloads->render(m_world.coordinatorA, kPause, values);
    QVERIFY2(r, why(r).constData());
    QCOMPARE(r->body,
             QStringLiteral("Ola H. has activated a pause effective 2 April 2026. Reason: Holiday."));

    // A date given without a reason: the reason of an older pause does not belong to it.
    values.peerMentorName.clear();
    values.reason.clear();
    auto noReason = m_payloads->render(m_world.coordinatorA, kPause, values);
    QVERIFY2(noReason, why(noReason).constData());
    QCOMPARE(noReason->body, QStringLiteral("Åse Ødegård has activated a pause effective 2 April 2026."));

    // Sample values fill only what is missing.
    TemplateValues partial;
    partial.reason = QStringLiteral("Surgery");
    auto sample = m_payloads->render(m_world.coordinatorA, kPause, partial);
    QVERIFY2(sample, why(sample).constData());
    QCOMPARE(sample->body,
             QStringLiteral("Kari Nordmann has activated a pause effective 20 March 2026. Reason: Surgery."));
}

void TestPayloadService::renderMentorOfAnotherOrganisation_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("mentor");
    QTest::newRow("A coordinator, B mentor") << QStringLiteral("coordA") << QStringLiteral("pm_b1");
    QTest::newRow("B admin, A mentor") << QStringLiteral("adminB") << QStringLiteral("pm_a1");
    QTest::newRow("unknown mentor") << QStringLiteral("coordA") << QStringLiteral("pm_nobody");
    QTest::newRow("unknown mentor, global admin") << QStringLiteral("global") << QStringLiteral("pm_nobody");
}

void TestPayloadService::renderMentorOfAnotherOrganisation()
{
    QFETCH(QString, caller);
    QFETCH(QString, mentor);
    TemplateValues values;
    values.peerMentorId = mentor;
    auto r = m_payloads->render(m_world.who(caller), kPause, values);
    QCOMPARE(codeOf(r), QStringLiteral("unprocessable"));
    QCOMPARE(fieldNames(r.error()), QStringList{QStringLiteral("peer_mentor_id")});
    QVERIFY(r.error().message.contains(QLatin1String("peer_mentor_id")));
    // Nothing of the other organisation leaks into the message.
    QVERIFY(!r.error().message.contains(QLatin1String("Åse")));
    QVERIFY(!r.error().message.contains(QLatin1String("Bjørn")));
}

void TestPayloadService::renderBadLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::newRow("de") << QStringLiteral("de");
    QTest::newRow("upper case") << QStringLiteral("EN");
    QTest::newRow("region") << QStringLiteral("nb-NO");
    QTest::newRow("nn") << QStringLiteral("nn");
}

void TestPayloadService::renderBadLocale()
{
    QFETCH(QString, locale);
    auto r = m_payloads->render(m_world.coordinatorA, kPause, {}, locale);
    QCOMPARE(codeOf(r), QStringLiteral("invalid"));
    QCOMPARE(fieldNames(r.error()), QStringList{QStringLiteral("locale")});
}

void TestPayloadService::renderUnknownTemplate()
{
    auto r = m_payloads->render(m_world.coordinatorA, QStringLiteral("no-such-template"), {});
    QCOMPARE(codeOf(r), QStringLiteral("not-found"));
    auto g = m_templates->get(m_world.globalAdmin, QStringLiteral("no-such-template"));
    QCOMPARE(codeOf(g), QStringLiteral("not-found"));
}

void TestPayloadService::renderNeverEscapes()
{
    TemplateValues values;
    values.peerMentorName = QStringLiteral("Ås & Co <b>");
    values.reason = QStringLiteral("\"quotes\" & 'apostrophes' <script>");
    auto r = m_payloads->render(m_world.coordinatorA, kPause, values);
    QVERIFY2(r, why(r).constData());
    QCOMPARE(r->body,
             QStringLiteral("Ås & Co <b> has activated a pause effective 20 March 2026. "
                            "Reason: \"quotes\" & 'apostrophes' <script>."));

    // Markup in a saved template stays too, and a value is never parsed as template text.
    TemplateChange change;
    change.title = QStringLiteral("<b>{{peer_mentor_name}}</b> & {{organization_name}}");
    auto saved = m_templates->update(m_world.orgAdminA, kPause, change);
    QVERIFY2(saved, why(saved).constData());
    values.peerMentorName = QStringLiteral("{{reason}} &amp;");
    auto again = m_payloads->render(m_world.coordinatorA, kPause, values);
    QVERIFY2(again, why(again).constData());
    QCOMPARE(again->title, QStringLiteral("<b>{{reason}} &amp;</b> & Organisation A"));
}

void TestPayloadService::previewRendersDraft()
{
    PayloadTemplate draft = *builtinTemplate(kPause);
    draft.en.body = QStringLiteral("{{peer_mentor_name}} – {{date}}{{^reason}} (no reason){{/reason}}");
    TemplateValues values = PayloadService::sampleValues();
    values.reason.clear();
    auto r = m_payloads->preview(m_world.coordinatorB, draft, values, QStringLiteral("en"));
    QVERIFY2(r, why(r).constData());
    QCOMPARE(r->body, QStringLiteral("Kari Nordmann – 20 March 2026 (no reason)"));
    // Nothing was saved.
    auto stored = m_templates->get(m_world.coordinatorB, kPause);
    QVERIFY2(stored, why(stored).constData());
    QCOMPARE(stored->en, builtinTemplate(kPause)->en);

    draft.en.body = QStringLiteral("{{nope}}");
    auto bad = m_payloads->preview(m_world.coordinatorB, draft, values, QStringLiteral("en"));
    QCOMPARE(codeOf(bad), QStringLiteral("unprocessable"));
    QCOMPARE(positions(bad.error()), QStringList{QStringLiteral("body_template:1:1")});
}

// ---- valuesFor -----------------------------------------------------------------------------

void TestPayloadService::valuesForMentorWithPause_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("mentor");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("coordinator");
    QTest::addColumn<QDateTime>("date");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("organisation");

    QTest::newRow("latest pause") << QStringLiteral("coordA") << kPause << QStringLiteral("pm_a1")
                                  << QStringLiteral("Åse Ødegård") << QStringLiteral("Kari Koordinator")
                                  << utc(2026, 3, 10) << QStringLiteral("Exam period")
                                  << QStringLiteral("Organisation A");
    QTest::newRow("the mentor's own confirmation is about the pause too")
        << QStringLiteral("adminA") << QStringLiteral("peer-mentor-pause-confirm") << QStringLiteral("pm_a1")
        << QStringLiteral("Åse Ødegård") << QStringLiteral("Kari Koordinator") << utc(2026, 3, 10)
        << QStringLiteral("Exam period") << QStringLiteral("Organisation A");
    QTest::newRow("resume: the latest resume, which has no reason")
        << QStringLiteral("coordA") << QStringLiteral("coordinator-resume") << QStringLiteral("pm_a1")
        << QStringLiteral("Åse Ødegård") << QStringLiteral("Kari Koordinator") << utc(2026, 2, 20)
        << QString() << QStringLiteral("Organisation A");
    QTest::newRow("org B coordinator")
        << QStringLiteral("coordB") << kPause << QStringLiteral("pm_b1") << QStringLiteral("Bjørn Berg")
        << QStringLiteral("Berit Koordinator") << utc(2026, 3, 1) << QStringLiteral("Travel")
        << QStringLiteral("Organisation B");
    QTest::newRow("global admin: the mentor's organisation")
        << QStringLiteral("global") << kPause << QStringLiteral("pm_b1") << QStringLiteral("Bjørn Berg")
        << QStringLiteral("Berit Koordinator") << utc(2026, 3, 1) << QStringLiteral("Travel")
        << QStringLiteral("Organisation B");
}

void TestPayloadService::valuesForMentorWithPause()
{
    QFETCH(QString, caller);
    QFETCH(QString, id);
    QFETCH(QString, mentor);
    QFETCH(QString, name);
    QFETCH(QString, coordinator);
    QFETCH(QDateTime, date);
    QFETCH(QString, reason);
    QFETCH(QString, organisation);
    auto v = m_payloads->valuesFor(m_world.who(caller), id, mentor);
    QVERIFY2(v, why(v).constData());
    QCOMPARE(v->peerMentorId, mentor);
    QCOMPARE(v->peerMentorName, name);
    QCOMPARE(v->coordinatorName, coordinator);
    QCOMPARE(v->date, date);
    QCOMPARE(v->reason, reason);
    QCOMPARE(v->organisationName, organisation);
}

void TestPayloadService::valuesForMentorWithoutRecords()
{
    m_clock.set(utc(2026, 4, 2, 9));
    auto v = m_payloads->valuesFor(m_world.orgAdminA, kPause, QStringLiteral("pm_a2"));
    QVERIFY2(v, why(v).constData());
    QCOMPARE(v->peerMentorId, QStringLiteral("pm_a2"));
    QCOMPARE(v->peerMentorName, QStringLiteral("Per Hansen"));
    QCOMPARE(v->coordinatorName, QStringLiteral("Ola Koordinator"));
    QCOMPARE(v->date, m_clock.now()); // no event: now, with no reason
    QVERIFY(v->reason.isEmpty());
    QCOMPARE(v->organisationName, QStringLiteral("Organisation A"));

    // An event of another kind than the template's does not count: a resume gives no pause date.
    auto added = World::record(m_db->db(), m_clock, m_world.orgAdminA, QStringLiteral("pm_a2"),
                               QStringLiteral("coord_a2"), EventType::PauseDeactivated, utc(2026, 3, 30),
                               std::nullopt, utc(2026, 3, 30, 8));
    QVERIFY2(added, why(added).constData());
    m_clock.set(utc(2026, 4, 2, 9));
    auto still = m_payloads->valuesFor(m_world.orgAdminA, kPause, QStringLiteral("pm_a2"));
    QVERIFY2(still, why(still).constData());
    QCOMPARE(still->date, m_clock.now());
    auto resume = m_payloads->valuesFor(m_world.orgAdminA, QStringLiteral("coordinator-resume"),
                                        QStringLiteral("pm_a2"));
    QVERIFY2(resume, why(resume).constData());
    QCOMPARE(resume->date, utc(2026, 3, 30));
}

void TestPayloadService::valuesForSampleValues_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("organisation");
    QTest::newRow("coordinator A") << QStringLiteral("coordA") << QStringLiteral("Organisation A");
    QTest::newRow("admin B") << QStringLiteral("adminB") << QStringLiteral("Organisation B");
    QTest::newRow("global admin: no organisation") << QStringLiteral("global") << QString();
}

void TestPayloadService::valuesForSampleValues()
{
    QFETCH(QString, caller);
    QFETCH(QString, organisation);
    auto v = m_payloads->valuesFor(m_world.who(caller), kPause, QString());
    QVERIFY2(v, why(v).constData());
    TemplateValues expected = PayloadService::sampleValues();
    expected.organisationName = organisation;
    QCOMPARE(v->peerMentorId, expected.peerMentorId);
    QCOMPARE(v->peerMentorName, expected.peerMentorName);
    QCOMPARE(v->coordinatorName, expected.coordinatorName);
    QCOMPARE(v->date, expected.date);
    QCOMPARE(v->reason, expected.reason);
    QCOMPARE(v->organisationName, expected.organisationName);
}

void TestPayloadService::valuesForMentorOfAnotherOrganisation_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("mentor");
    QTest::newRow("A coordinator, B mentor") << QStringLiteral("coordA") << QStringLiteral("pm_b1");
    QTest::newRow("A admin, B mentor") << QStringLiteral("adminA") << QStringLiteral("pm_b1");
    QTest::newRow("B admin, A mentor") << QStringLiteral("adminB") << QStringLiteral("pm_a1");
    QTest::newRow("unknown mentor") << QStringLiteral("coordA") << QStringLiteral("pm_nobody");
    QTest::newRow("unknown mentor, global admin") << QStringLiteral("global") << QStringLiteral("pm_nobody");
}

void TestPayloadService::valuesForMentorOfAnotherOrganisation()
{
    QFETCH(QString, caller);
    QFETCH(QString, mentor);
    auto v = m_payloads->valuesFor(m_world.who(caller), kPause, mentor);
    QCOMPARE(codeOf(v), QStringLiteral("not-found"));
    // Nothing of the other organisation leaks into the message.
    for (const QString &secret :
         {QStringLiteral("Åse"), QStringLiteral("Bjørn"), QStringLiteral("Travel"), QStringLiteral("Exam"),
          QStringLiteral("Organisation A"), QStringLiteral("Organisation B")})
        QVERIFY2(!v.error().message.contains(secret), qPrintable(v.error().message));
}

void TestPayloadService::valuesForUnknownTemplate()
{
    QCOMPARE(codeOf(m_payloads->valuesFor(m_world.coordinatorA, QStringLiteral("no-such-template"),
                                          QStringLiteral("pm_a1"))),
             QStringLiteral("not-found"));
    // A custom template of organisation A is unknown to B, as in render.
    TemplateChange change;
    change.type = QStringLiteral("coordinator_pause");
    change.title = QStringLiteral("Note");
    change.body = QStringLiteral("{{peer_mentor_name}}");
    auto created = m_templates->update(m_world.orgAdminA, QStringLiteral("only-a"), change);
    QVERIFY2(created, why(created).constData());
    auto own = m_payloads->valuesFor(m_world.coordinatorA, QStringLiteral("only-a"), QStringLiteral("pm_a1"));
    QVERIFY2(own, why(own).constData());
    QCOMPARE(own->date, utc(2026, 3, 10));
    QCOMPARE(codeOf(m_payloads->valuesFor(m_world.coordinatorB, QStringLiteral("only-a"),
                                          QStringLiteral("pm_b1"))),
             QStringLiteral("not-found"));
}

void TestPayloadService::valuesForAreWhatRenderUses_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("mentor");
    QTest::newRow("pause, mentor with pauses")
        << QStringLiteral("coordA") << kPause << QStringLiteral("pm_a1");
    QTest::newRow("resume, mentor with pauses")
        << QStringLiteral("adminA") << QStringLiteral("coordinator-resume") << QStringLiteral("pm_a1");
    QTest::newRow("confirmation, mentor without records")
        << QStringLiteral("coordA") << QStringLiteral("peer-mentor-pause-confirm") << QStringLiteral("pm_a2");
    QTest::newRow("global admin, B mentor") << QStringLiteral("global") << kPause << QStringLiteral("pm_b1");
    QTest::newRow("sample values") << QStringLiteral("adminB") << kPause << QString();
}

// The console's preview with the values valuesFor answers shows what render gives for the mentor
// alone, in both languages, with the organisation's name in the text.
void TestPayloadService::valuesForAreWhatRenderUses()
{
    QFETCH(QString, caller);
    QFETCH(QString, id);
    QFETCH(QString, mentor);
    const QString body =
        QStringLiteral("{{peer_mentor_name}}|{{coordinator_name}}|{{date}}|{{reason}}|{{organization_name}}");
    for (const QString &locale : {QStringLiteral("en"), QStringLiteral("nb")}) {
        TemplateChange change;
        change.locale = locale;
        change.body = body;
        auto saved = m_templates->update(m_world.globalAdmin, id, change);
        QVERIFY2(saved, why(saved).constData());
    }
    const Caller who = m_world.who(caller);
    auto values = m_payloads->valuesFor(who, id, mentor);
    QVERIFY2(values, why(values).constData());
    auto shown = m_templates->get(who, id);
    QVERIFY2(shown, why(shown).constData());
    for (const QString &locale : {QStringLiteral("en"), QStringLiteral("nb")}) {
        TemplateValues only;
        only.peerMentorId = mentor;
        auto byRender = m_payloads->render(who, id, only, locale);
        QVERIFY2(byRender, why(byRender).constData());
        auto byPreview = m_payloads->preview(who, *shown, *values, locale);
        QVERIFY2(byPreview, why(byPreview).constData());
        QCOMPARE(byPreview->title, byRender->title);
        QCOMPARE(byPreview->body, byRender->body);
        QVERIFY2(byRender->body.startsWith(values->peerMentorName + QLatin1Char('|') + values->coordinatorName
                                           + QLatin1Char('|')),
                 qPrintable(byRender->body));
        QVERIFY2(byRender->body.endsWith(QLatin1Char('|') + values->reason + QLatin1Char('|')
                                         + values->organisationName),
                 qPrintable(byRender->body));
    }
}

// ---- build and payloads ------------------------------------------------------------------------

void TestPayloadService::buildForbiddenForGlobalAdmin()
{
    BuildRequest request;
    request.payloadType = QStringLiteral("coordinator_pause");
    request.peerMentorName = QStringLiteral("Kari Nordmann");
    request.date = utc(2026, 3, 20);
    QCOMPARE(codeOf(m_payloads->build(m_world.globalAdmin, request)), QStringLiteral("forbidden"));
    QVERIFY(m_payloads->build(m_world.orgAdminA, request).ok());
    QVERIFY(m_payloads->build(m_world.coordinatorA, request).ok());
}

void TestPayloadService::buildByPayloadType_data()
{
    QTest::addColumn<QString>("payloadType");
    QTest::addColumn<QString>("templateId");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("body");

    QTest::newRow("coordinator_pause")
        << QStringLiteral("coordinator_pause") << kPause << QStringLiteral("pause_activated")
        << QStringLiteral("Peer Mentor Pause – Coordinator Notice") << kSeedBody;
    QTest::newRow("coordinator_resume")
        << QStringLiteral("coordinator_resume") << QStringLiteral("coordinator-resume")
        << QStringLiteral("pause_deactivated") << QStringLiteral("Peer Mentor Resume – Coordinator Notice")
        << QStringLiteral("Kari Nordmann has ended their pause and is active again from 20 March 2026.");
    QTest::newRow("peer_mentor_pause_confirmation")
        << QStringLiteral("peer_mentor_pause_confirmation") << QStringLiteral("peer-mentor-pause-confirm")
        << QStringLiteral("pause_activated") << QStringLiteral("Pause Confirmation – Peer Mentor")
        << QStringLiteral("Hi Kari Nordmann, your pause is registered from 20 March 2026.");
    QTest::newRow("peer_mentor_resume_confirmation")
        << QStringLiteral("peer_mentor_resume_confirmation") << QStringLiteral("peer-mentor-resume-confirm")
        << QStringLiteral("pause_deactivated") << QStringLiteral("Resume Confirmation – Peer Mentor")
        << QStringLiteral("Welcome back, Kari Nordmann! You are active again from 20 March 2026.");
}

void TestPayloadService::buildByPayloadType()
{
    QFETCH(QString, payloadType);
    QFETCH(QString, templateId);
    QFETCH(QString, event);
    QFETCH(QString, title);
    QFETCH(QString, body);

    BuildRequest request;
    request.payloadType = payloadType;
    request.peerMentorName = QStringLiteral("Kari Nordmann");
    request.date = utc(2026, 3, 20);
    request.reason = QStringLiteral("Personal leave");
    auto built = m_payloads->build(m_world.coordinatorA, request);
    QVERIFY2(built, why(built).constData());
    QVERIFY2(QRegularExpression(QStringLiteral("^payload_[0-9a-f]{12}$")).match(built->id).hasMatch(),
             qPrintable(built->id));
    QCOMPARE(built->payloadType, payloadType);
    QCOMPARE(built->templateId, templateId);
    QCOMPARE(eventTypeName(built->event), event);
    QCOMPARE(built->title, title);
    QCOMPARE(built->body, body);
    QCOMPARE(built->peerMentorName, QStringLiteral("Kari Nordmann"));
    QCOMPARE(built->effectiveDate, utc(2026, 3, 20));
    QCOMPARE(built->locale, QStringLiteral("en"));
    QCOMPARE(built->orgId, QStringLiteral("org_a"));
    QCOMPARE(built->createdBy, QStringLiteral("coord.a"));
    QCOMPARE(built->createdAt, test::testNow());
}

void TestPayloadService::buildByTemplateId()
{
    BuildRequest request;
    request.templateId = QStringLiteral("coordinator-resume");
    request.peerMentorName = QStringLiteral("Kari Nordmann");
    request.date = utc(2026, 4, 1);
    auto built = m_payloads->build(m_world.orgAdminA, request);
    QVERIFY2(built, why(built).constData());
    QCOMPARE(built->payloadType, QStringLiteral("coordinator_resume"));
    QCOMPARE(built->templateId, QStringLiteral("coordinator-resume"));
    QCOMPARE(built->event, EventType::PauseDeactivated);
    QCOMPARE(built->body,
             QStringLiteral("Kari Nordmann has ended their pause and is active again from 1 April 2026."));

    // Both may be sent when they agree.
    request.payloadType = QStringLiteral("coordinator_resume");
    QVERIFY(m_payloads->build(m_world.orgAdminA, request).ok());
}

void TestPayloadService::buildInvalid_data()
{
    QTest::addColumn<QString>("payloadType");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("withDate");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QStringList>("fields");

    const QString name = QStringLiteral("Kari Nordmann");
    const QString type = QStringLiteral("coordinator_pause");
    QTest::newRow("unknown payload_type") << QStringLiteral("holiday_notice") << name << true << QString()
                                          << QString() << QStringList{QStringLiteral("payload_type")};
    QTest::newRow("no payload_type nor template_id")
        << QString() << name << true << QString() << QString() << QStringList{QStringLiteral("payload_type")};
    QTest::newRow("missing date") << type << name << false << QString() << QString()
                                  << QStringList{QStringLiteral("date")};
    QTest::newRow("missing name") << type << QString() << true << QString() << QString()
                                  << QStringList{QStringLiteral("peer_mentor_name")};
    QTest::newRow("name too long") << type << QString(201, QLatin1Char('n')) << true << QString() << QString()
                                   << QStringList{QStringLiteral("peer_mentor_name")};
    QTest::newRow("reason too long") << type << name << true << QString(501, QLatin1Char('r')) << QString()
                                     << QStringList{QStringLiteral("reason")};
    QTest::newRow("bad locale") << type << name << true << QString() << QStringLiteral("fr")
                                << QStringList{QStringLiteral("locale")};
    QTest::newRow("everything wrong")
        << QStringLiteral("nope") << QString() << false << QString() << QString()
        << QStringList{QStringLiteral("payload_type"), QStringLiteral("peer_mentor_name"),
                       QStringLiteral("date")};
}

void TestPayloadService::buildInvalid()
{
    QFETCH(QString, payloadType);
    QFETCH(QString, name);
    QFETCH(bool, withDate);
    QFETCH(QString, reason);
    QFETCH(QString, locale);
    QFETCH(QStringList, fields);

    BuildRequest request;
    request.payloadType = payloadType;
    request.peerMentorName = name;
    if (withDate)
        request.date = utc(2026, 3, 20);
    request.reason = reason;
    request.locale = locale;
    auto built = m_payloads->build(m_world.coordinatorA, request);
    QCOMPARE(codeOf(built), QStringLiteral("invalid"));
    QCOMPARE(fieldNames(built.error()), fields);
    QVERIFY(built.error().message.contains(fields.first()));
    // Nothing was stored.
    Query count(m_db->db(), QStringLiteral("SELECT COUNT(*) FROM built_payloads"));
    QVERIFY(count.exec().ok() && count.next());
    QCOMPARE(count.value(0).toInt(), 0);
}

void TestPayloadService::buildTypeAndTemplateMismatch()
{
    BuildRequest request;
    request.payloadType = QStringLiteral("coordinator_pause");
    request.templateId = QStringLiteral("coordinator-resume");
    request.peerMentorName = QStringLiteral("Kari Nordmann");
    request.date = utc(2026, 3, 20);
    auto built = m_payloads->build(m_world.coordinatorA, request);
    QCOMPARE(codeOf(built), QStringLiteral("unprocessable"));
    QCOMPARE(fieldNames(built.error()), QStringList{QStringLiteral("payload_type")});
}

void TestPayloadService::buildUnknownTemplateId()
{
    BuildRequest request;
    request.templateId = QStringLiteral("no-such-template");
    request.peerMentorName = QStringLiteral("Kari Nordmann");
    request.date = utc(2026, 3, 20);
    auto built = m_payloads->build(m_world.coordinatorA, request);
    QCOMPARE(codeOf(built), QStringLiteral("unprocessable"));
    QCOMPARE(fieldNames(built.error()), QStringList{QStringLiteral("template_id")});
}

void TestPayloadService::buildMentorOfAnotherOrganisation()
{
    BuildRequest request;
    request.payloadType = QStringLiteral("coordinator_pause");
    request.peerMentorId = QStringLiteral("pm_b1");
    request.date = utc(2026, 3, 20);
    auto built = m_payloads->build(m_world.coordinatorA, request);
    QCOMPARE(codeOf(built), QStringLiteral("unprocessable"));
    QCOMPARE(fieldNames(built.error()), QStringList{QStringLiteral("peer_mentor_id")});
    // Even with a name given.
    request.peerMentorName = QStringLiteral("Bjørn Berg");
    QCOMPARE(codeOf(m_payloads->build(m_world.orgAdminA, request)), QStringLiteral("unprocessable"));
    Query count(m_db->db(), QStringLiteral("SELECT COUNT(*) FROM built_payloads"));
    QVERIFY(count.exec().ok() && count.next());
    QCOMPARE(count.value(0).toInt(), 0);
}

void TestPayloadService::buildWithMentorId()
{
    BuildRequest request;
    request.payloadType = QStringLiteral("peer_mentor_pause_confirmation");
    request.peerMentorId = QStringLiteral("pm_a1");
    request.date = utc(2026, 4, 15);
    auto built = m_payloads->build(m_world.coordinatorA, request);
    QVERIFY2(built, why(built).constData());
    QCOMPARE(built->peerMentorId, QStringLiteral("pm_a1"));
    QCOMPARE(built->peerMentorName, QStringLiteral("Åse Ødegård"));
    QCOMPARE(built->body,
             QStringLiteral("Hi Åse Ødegård, your pause is registered from 15 April 2026. "
                            "Your coordinator Kari Koordinator has been notified."));
    QCOMPARE(built->effectiveDate, utc(2026, 4, 15));

    // The date of the request is the pause being announced: no reason of an older pause is added.
    request.payloadType = QStringLiteral("coordinator_pause");
    auto pause = m_payloads->build(m_world.coordinatorA, request);
    QVERIFY2(pause, why(pause).constData());
    QCOMPARE(pause->body, QStringLiteral("Åse Ødegård has activated a pause effective 15 April 2026."));
    request.reason = QStringLiteral("Family reasons");
    auto withReason = m_payloads->build(m_world.coordinatorA, request);
    QVERIFY2(withReason, why(withReason).constData());
    QCOMPARE(
        withReason->body,
        QStringLiteral("Åse Ødegård has activated a pause effective 15 April 2026. Reason: Family reasons."));
}

void TestPayloadService::buildInOrganisationLocale()
{
    BuildRequest request;
    request.payloadType = QStringLiteral("coordinator_pause");
    request.peerMentorName = QStringLiteral("Kari Nordmann");
    request.date = utc(2026, 3, 20);
    request.reason = QStringLiteral("Personal leave");
    auto nb = m_payloads->build(m_world.coordinatorB, request);
    QVERIFY2(nb, why(nb).constData());
    QCOMPARE(nb->locale, QStringLiteral("nb"));
    QCOMPARE(nb->title, QStringLiteral("Likeperson på pause – melding til koordinator"));
    QCOMPARE(nb->body, kSeedBodyNb);
    request.locale = QStringLiteral("en");
    auto en = m_payloads->build(m_world.coordinatorB, request);
    QVERIFY2(en, why(en).constData());
    QCOMPARE(en->locale, QStringLiteral("en"));
    QCOMPARE(en->body, kSeedBody);

    // An offset date is the same moment: 00:30 in Oslo on 21 March is 20 March in UTC but the 21st there.
    request.date = QDateTime(QDate(2026, 3, 21), QTime(0, 30), QTimeZone(3600));
    auto offset = m_payloads->build(m_world.coordinatorA, request);
    QVERIFY2(offset, why(offset).constData());
    QCOMPARE(offset->effectiveDate, utc(2026, 3, 20, 23, 30));
    QVERIFY2(offset->body.contains(QLatin1String("21 March 2026")), qPrintable(offset->body));
}

void TestPayloadService::buildUsesOrganisationOverride()
{
    TemplateChange mine;
    mine.title = QStringLiteral("A notice");
    mine.body = QStringLiteral("{{peer_mentor_name}} – {{date}}");
    QVERIFY(m_templates->update(m_world.orgAdminA, kPause, mine).ok());
    BuildRequest request;
    request.payloadType = QStringLiteral("coordinator_pause");
    request.peerMentorName = QStringLiteral("Kari Nordmann");
    request.date = utc(2026, 3, 20);
    auto a = m_payloads->build(m_world.coordinatorA, request);
    QVERIFY2(a, why(a).constData());
    QCOMPARE(a->title, QStringLiteral("A notice"));
    QCOMPARE(a->body, QStringLiteral("Kari Nordmann – 20 March 2026"));
    request.locale = QStringLiteral("en");
    auto b = m_payloads->build(m_world.coordinatorB, request);
    QVERIFY2(b, why(b).constData());
    QCOMPARE(b->title, QStringLiteral("Peer Mentor Pause – Coordinator Notice"));
}

void TestPayloadService::buildNeverEscapes()
{
    BuildRequest request;
    request.payloadType = QStringLiteral("coordinator_pause");
    request.peerMentorName = QStringLiteral("Ås & Co <b>");
    request.date = utc(2026, 3, 20);
    request.reason = QStringLiteral("R&D <i>trip</i>");
    auto built = m_payloads->build(m_world.coordinatorA, request);
    QVERIFY2(built, why(built).constData());
    QCOMPARE(built->body,
             QStringLiteral(
                 "Ås & Co <b> has activated a pause effective 20 March 2026. Reason: R&D <i>trip</i>."));
    QCOMPARE(built->peerMentorName, QStringLiteral("Ås & Co <b>"));
    auto stored = m_payloads->payload(m_world.coordinatorA, built->id);
    QVERIFY2(stored, why(stored).constData());
    QCOMPARE(stored->body, built->body);
    QCOMPARE(stored->peerMentorName, QStringLiteral("Ås & Co <b>"));
}

void TestPayloadService::payloadRoundTrip()
{
    BuildRequest request;
    request.payloadType = QStringLiteral("coordinator_pause");
    request.peerMentorId = QStringLiteral("pm_a1");
    request.date = utc(2026, 3, 20);
    request.reason = QStringLiteral("Personal leave");
    auto built = m_payloads->build(m_world.coordinatorA, request);
    QVERIFY2(built, why(built).constData());

    m_clock.advance(3'600'000); // later reads answer what was built, not a new rendering
    TemplateChange change;
    change.body = QStringLiteral("Changed afterwards {{date}}");
    QVERIFY(m_templates->update(m_world.orgAdminA, kPause, change).ok());

    for (const Caller &caller : {m_world.coordinatorA, m_world.orgAdminA, m_world.globalAdmin}) {
        auto stored = m_payloads->payload(caller, built->id);
        QVERIFY2(stored, why(stored).constData());
        QCOMPARE(stored->id, built->id);
        QCOMPARE(stored->orgId, built->orgId);
        QCOMPARE(stored->templateId, built->templateId);
        QCOMPARE(stored->payloadType, built->payloadType);
        QCOMPARE(stored->locale, built->locale);
        QCOMPARE(stored->title, built->title);
        QCOMPARE(stored->body, built->body);
        QCOMPARE(stored->event, built->event);
        QCOMPARE(stored->peerMentorId, built->peerMentorId);
        QCOMPARE(stored->peerMentorName, built->peerMentorName);
        QCOMPARE(stored->effectiveDate, built->effectiveDate);
        QCOMPARE(stored->createdBy, built->createdBy);
        QCOMPARE(stored->createdAt, built->createdAt);
        QCOMPARE(stored->createdAt, test::testNow());
    }
    QCOMPARE(
        built->body,
        QStringLiteral("Åse Ødegård has activated a pause effective 20 March 2026. Reason: Personal leave."));

    // Two builds are two payloads.
    auto second = m_payloads->build(m_world.coordinatorA, request);
    QVERIFY2(second, why(second).constData());
    QVERIFY(second->id != built->id);
    QCOMPARE(codeOf(m_payloads->payload(m_world.coordinatorA, QStringLiteral("payload_000000000000"))),
             QStringLiteral("not-found"));
}

void TestPayloadService::payloadOfAnotherOrganisation()
{
    BuildRequest request;
    request.payloadType = QStringLiteral("coordinator_pause");
    request.peerMentorName = QStringLiteral("Kari Nordmann");
    request.date = utc(2026, 3, 20);
    auto built = m_payloads->build(m_world.coordinatorA, request);
    QVERIFY2(built, why(built).constData());
    for (const Caller &caller : {m_world.coordinatorB, m_world.orgAdminB}) {
        auto other = m_payloads->payload(caller, built->id);
        QCOMPARE(codeOf(other), QStringLiteral("not-found"));
        QCOMPARE(other.error().message,
                 m_payloads->payload(caller, QStringLiteral("payload_ffffffffffff")).error().message);
    }
}

CC_DATABASE_TEST_MAIN(TestPayloadService)

#include "tst_payloadservice.moc"
