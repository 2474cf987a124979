#include "core/BuiltinTemplates.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "core/TemplateService.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestSupport.h"

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

    // render
    void renderSeedText();
    void renderEveryBuiltin_data();
    void renderEveryBuiltin();
    void renderLocale_data();
    void renderLocale();
    void renderRealMentor_data();
    void renderRealMentor();
    void renderGivenValuesWin();
    void renderMentorOfAnotherOrganisation_data();
    void renderMentorOfAnotherOrganisation();
    void renderBadLocale_data();
    void renderBadLocale();
    void renderUnknownTemplate();
    void renderNeverEscapes();
    void previewRendersDraft();

    // valuesFor
    void valuesForMentorWithPause_data();
    void valuesForMentorWithPause();
    void valuesForMentorWithoutRecords();
    void valuesForSampleValues_data();
    void valuesForSampleValues();
    void valuesForMentorOfAnotherOrganisation_data();
    void valuesForMentorOfAnotherOrganisation();
    void valuesForUnknownTemplate();
    void valuesForAreWhatRenderUses_data();
    void valuesForAreWhatRenderUses();

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

    // build and payloads
    void buildForbiddenForGlobalAdmin();
    void buildByPayloadType_data();
    void buildByPayloadType();
    void buildByTemplateId();
    void buildInvalid_data();
    void buildInvalid();
    void buildTypeAndTemplateMismatch();
    void buildUnknownTemplateId();
    void buildMentorOfAnotherOrganisation();
    void buildWithMentorId();
    void buildInOrganisationLocale();
    void buildUsesOrganisationOverride();
    void buildNeverEscapes();
    void payloadRoundTrip();
    void payloadOfAnotherOrganisation();

private:
    void addRecord(const Caller &caller, const QString &mentor, const QString &coordinator, EventType type,
                   const QDateTime &effective, const std::optional<QString> &reason, const QDateTime &sentAt);

    std::unique_ptr<test::TestDatabase> m_db;
    ManualClock m_clock{test::testNow()};
    std::unique_ptr<TemplateService> m_service;

    const StandardCallers m_callers;
};

void TestTemplateService::initTestCase()
{
    m_db = std::make_unique<test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_service = std::make_unique<TemplateService>(m_db->db(), m_clock);
}

void TestTemplateService::cleanupTestCase()
{
    m_service.reset();
    m_db.reset();
}

void TestTemplateService::addRecord(const Caller &caller, const QString &mentor, const QString &coordinator,
                                    EventType type, const QDateTime &effective,
                                    const std::optional<QString> &reason, const QDateTime &sentAt)
{
    NotificationRecordService records(m_db->db(), m_clock);
    m_clock.set(sentAt);
    NewRecord r;
    r.peerMentorId = mentor;
    r.coordinatorId = coordinator;
    r.eventType = type;
    r.effectiveDate = effective;
    r.reason = reason;
    r.channels = {QStringLiteral("push")};
    auto added = records.record(caller, r);
    QVERIFY2(added, why(added).constData());
}

// Organisation A speaks English, B Norwegian; each has a coordinator and mentors. Ola Hansen (A)
// paused, resumed and paused again; Siv Moen (A) has no records; Åse Løvås (B) paused once.
void TestTemplateService::init()
{
    m_db->reset();
    m_clock.set(test::testNow());
    DirectoryService directory(m_db->db(), m_clock);
    const Caller system = Caller::system();
    auto a = directory.addOrganisation(system,
                                       Organisation{QStringLiteral("org_a"),
                                                    QStringLiteral("Oslo Peer Support"),
                                                    QStringLiteral("en"),
                                                    QStringLiteral("Europe/Oslo"),
                                                    {}});
    QVERIFY2(a, why(a).constData());
    auto b = directory.addOrganisation(system,
                                       Organisation{QStringLiteral("org_b"),
                                                    QStringLiteral("Bergen likepersoner"),
                                                    QStringLiteral("nb"),
                                                    QStringLiteral("Europe/Oslo"),
                                                    {}});
    QVERIFY2(b, why(b).constData());
    for (const Coordinator &c :
         {Coordinator{
              QStringLiteral("coord_a1"), QStringLiteral("org_a"), QStringLiteral("Anne Berg"), {}, {}},
          Coordinator{
              QStringLiteral("coord_b1"), QStringLiteral("org_b"), QStringLiteral("Bjørn Dahl"), {}, {}}}) {
        auto added = directory.addCoordinator(system, c);
        QVERIFY2(added, why(added).constData());
    }
    for (const PeerMentor &m : {PeerMentor{QStringLiteral("pm_a1"),
                                           QStringLiteral("org_a"),
                                           QStringLiteral("coord_a1"),
                                           QStringLiteral("Ola Hansen"),
                                           {},
                                           {},
                                           {}},
                                PeerMentor{QStringLiteral("pm_a2"),
                                           QStringLiteral("org_a"),
                                           QStringLiteral("coord_a1"),
                                           QStringLiteral("Siv Moen"),
                                           {},
                                           {},
                                           {}},
                                PeerMentor{QStringLiteral("pm_b1"),
                                           QStringLiteral("org_b"),
                                           QStringLiteral("coord_b1"),
                                           QStringLiteral("Åse Løvås"),
                                           {},
                                           {},
                                           {}}}) {
        auto added = directory.addPeerMentor(system, m);
        QVERIFY2(added, why(added).constData());
    }
    const QDateTime now = test::testNow();
    addRecord(m_callers.coordA, QStringLiteral("pm_a1"), QStringLiteral("coord_a1"),
              EventType::PauseActivated, utc(2026, 2, 1), QStringLiteral("Illness"), now.addDays(-40));
    addRecord(m_callers.coordA, QStringLiteral("pm_a1"), QStringLiteral("coord_a1"),
              EventType::PauseDeactivated, utc(2026, 2, 20), std::nullopt, now.addDays(-30));
    addRecord(m_callers.coordA, QStringLiteral("pm_a1"), QStringLiteral("coord_a1"),
              EventType::PauseActivated, utc(2026, 3, 10), QStringLiteral("Exam period"), now.addDays(-10));
    addRecord(m_callers.coordB, QStringLiteral("pm_b1"), QStringLiteral("coord_b1"),
              EventType::PauseActivated, utc(2026, 3, 1), QStringLiteral("Travel"), now.addDays(-5));
    m_clock.set(now);
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

    auto all = m_service->list(m_callers.coordA);
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
    auto one = m_service->get(m_callers.coordA, id);
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
    auto all = m_service->list(m_callers.who(caller));
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

// ---- render --------------------------------------------------------------------------------

void TestTemplateService::renderSeedText()
{
    auto r = m_service->render(m_callers.coordA, kPause, {});
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

    const TemplateValues sample = TemplateService::sampleValues();
    QCOMPARE(sample.peerMentorName, QStringLiteral("Kari Nordmann"));
    QCOMPARE(sample.peerMentorId, QStringLiteral("pm_551e8400"));
    QCOMPARE(sample.date, utc(2026, 3, 20));
    QCOMPARE(sample.reason, QStringLiteral("Personal leave"));
}

void TestTemplateService::renderEveryBuiltin_data()
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

void TestTemplateService::renderEveryBuiltin()
{
    QFETCH(QString, id);
    QFETCH(QString, locale);
    QFETCH(QString, title);
    QFETCH(QString, body);
    auto r = m_service->render(m_callers.coordA, id, {}, locale);
    QVERIFY2(r, why(r).constData());
    QCOMPARE(r->locale, locale);
    QCOMPARE(r->title, title);
    QCOMPARE(r->body, body);
}

void TestTemplateService::renderLocale_data()
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

void TestTemplateService::renderLocale()
{
    QFETCH(QString, caller);
    QFETCH(QString, requested);
    QFETCH(QString, locale);
    QFETCH(QString, body);
    auto r = m_service->render(m_callers.who(caller), kPause, {}, requested);
    QVERIFY2(r, why(r).constData());
    QCOMPARE(r->locale, locale);
    QCOMPARE(r->body, body);
}

void TestTemplateService::renderRealMentor_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("mentor");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("body");

    QTest::newRow("latest pause date and reason")
        << QStringLiteral("coordA") << kPause << QStringLiteral("pm_a1") << QStringLiteral("en")
        << QStringLiteral("Ola Hansen has activated a pause effective 10 March 2026. Reason: Exam period.");
    QTest::newRow("latest pause, Norwegian")
        << QStringLiteral("adminA") << kPause << QStringLiteral("pm_a1") << QStringLiteral("nb")
        << QStringLiteral("Ola Hansen har startet en pause fra 10. mars 2026. Årsak: Exam period.");
    QTest::newRow("resume takes the latest resume")
        << QStringLiteral("coordA") << QStringLiteral("coordinator-resume") << QStringLiteral("pm_a1")
        << QStringLiteral("en")
        << QStringLiteral("Ola Hansen has ended their pause and is active again from 20 February 2026.");
    QTest::newRow("the mentor's coordinator")
        << QStringLiteral("coordA") << QStringLiteral("peer-mentor-pause-confirm") << QStringLiteral("pm_a1")
        << QStringLiteral("en")
        << QStringLiteral("Hi Ola Hansen, your pause is registered from 10 March 2026. Your coordinator Anne "
                          "Berg has been notified.");
    QTest::newRow("no records: today, no reason")
        << QStringLiteral("coordA") << kPause << QStringLiteral("pm_a2") << QStringLiteral("en")
        << QStringLiteral("Siv Moen has activated a pause effective 19 March 2026.");
    QTest::newRow("global admin: the mentor's organisation's locale")
        << QStringLiteral("global") << kPause << QStringLiteral("pm_b1") << QStringLiteral("nb")
        << QStringLiteral("Åse Løvås har startet en pause fra 1. mars 2026. Årsak: Travel.");
    QTest::newRow("org B coordinator")
        << QStringLiteral("coordB") << kPause << QStringLiteral("pm_b1") << QStringLiteral("nb")
        << QStringLiteral("Åse Løvås har startet en pause fra 1. mars 2026. Årsak: Travel.");
}

void TestTemplateService::renderRealMentor()
{
    QFETCH(QString, caller);
    QFETCH(QString, id);
    QFETCH(QString, mentor);
    QFETCH(QString, locale);
    QFETCH(QString, body);
    TemplateValues values;
    values.peerMentorId = mentor;
    auto r = m_service->render(m_callers.who(caller), id, values,
                               caller == QLatin1String("adminA") ? locale : QString());
    QVERIFY2(r, why(r).constData());
    QCOMPARE(r->locale, locale);
    QCOMPARE(r->body, body);
    QCOMPARE(r->peerMentorId, mentor);
}

void TestTemplateService::renderGivenValuesWin()
{
    TemplateValues values;
    values.peerMentorId = QStringLiteral("pm_a1");
    values.peerMentorName = QStringLiteral("Ola H.");
    values.date = utc(2026, 4, 2);
    values.reason = QStringLiteral("Holiday");
    auto r = m_service->render(m_callers.coordA, kPause, values);
    QVERIFY2(r, why(r).constData());
    QCOMPARE(r->body,
             QStringLiteral("Ola H. has activated a pause effective 2 April 2026. Reason: Holiday."));

    // A date given without a reason: the reason of an older pause does not belong to it.
    values.peerMentorName.clear();
    values.reason.clear();
    auto noReason = m_service->render(m_callers.coordA, kPause, values);
    QVERIFY2(noReason, why(noReason).constData());
    QCOMPARE(noReason->body, QStringLiteral("Ola Hansen has activated a pause effective 2 April 2026."));

    // Sample values fill only what is missing.
    TemplateValues partial;
    partial.reason = QStringLiteral("Surgery");
    auto sample = m_service->render(m_callers.coordA, kPause, partial);
    QVERIFY2(sample, why(sample).constData());
    QCOMPARE(sample->body,
             QStringLiteral("Kari Nordmann has activated a pause effective 20 March 2026. Reason: Surgery."));
}

void TestTemplateService::renderMentorOfAnotherOrganisation_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("mentor");
    QTest::newRow("A coordinator, B mentor") << QStringLiteral("coordA") << QStringLiteral("pm_b1");
    QTest::newRow("B admin, A mentor") << QStringLiteral("adminB") << QStringLiteral("pm_a1");
    QTest::newRow("unknown mentor") << QStringLiteral("coordA") << QStringLiteral("pm_nobody");
    QTest::newRow("unknown mentor, global admin") << QStringLiteral("global") << QStringLiteral("pm_nobody");
}

void TestTemplateService::renderMentorOfAnotherOrganisation()
{
    QFETCH(QString, caller);
    QFETCH(QString, mentor);
    TemplateValues values;
    values.peerMentorId = mentor;
    auto r = m_service->render(m_callers.who(caller), kPause, values);
    QCOMPARE(codeOf(r), QStringLiteral("unprocessable"));
    QCOMPARE(fieldNames(r.error()), QStringList{QStringLiteral("peer_mentor_id")});
    QVERIFY(r.error().message.contains(QLatin1String("peer_mentor_id")));
    // Nothing of the other organisation leaks into the message.
    QVERIFY(!r.error().message.contains(QLatin1String("Åse")));
    QVERIFY(!r.error().message.contains(QLatin1String("Ola")));
}

void TestTemplateService::renderBadLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::newRow("de") << QStringLiteral("de");
    QTest::newRow("upper case") << QStringLiteral("EN");
    QTest::newRow("region") << QStringLiteral("nb-NO");
    QTest::newRow("nn") << QStringLiteral("nn");
}

void TestTemplateService::renderBadLocale()
{
    QFETCH(QString, locale);
    auto r = m_service->render(m_callers.coordA, kPause, {}, locale);
    QCOMPARE(codeOf(r), QStringLiteral("invalid"));
    QCOMPARE(fieldNames(r.error()), QStringList{QStringLiteral("locale")});
}

void TestTemplateService::renderUnknownTemplate()
{
    auto r = m_service->render(m_callers.coordA, QStringLiteral("no-such-template"), {});
    QCOMPARE(codeOf(r), QStringLiteral("not-found"));
    auto g = m_service->get(m_callers.global, QStringLiteral("no-such-template"));
    QCOMPARE(codeOf(g), QStringLiteral("not-found"));
}

void TestTemplateService::renderNeverEscapes()
{
    TemplateValues values;
    values.peerMentorName = QStringLiteral("Ås & Co <b>");
    values.reason = QStringLiteral("\"quotes\" & 'apostrophes' <script>");
    auto r = m_service->render(m_callers.coordA, kPause, values);
    QVERIFY2(r, why(r).constData());
    QCOMPARE(r->body,
             QStringLiteral("Ås & Co <b> has activated a pause effective 20 March 2026. "
                            "Reason: \"quotes\" & 'apostrophes' <script>."));

    // Markup in a saved template stays too, and a value is never parsed as template text.
    TemplateChange change;
    change.title = QStringLiteral("<b>{{peer_mentor_name}}</b> & {{organization_name}}");
    auto saved = m_service->update(m_callers.adminA, kPause, change);
    QVERIFY2(saved, why(saved).constData());
    values.peerMentorName = QStringLiteral("{{reason}} &amp;");
    auto again = m_service->render(m_callers.coordA, kPause, values);
    QVERIFY2(again, why(again).constData());
    QCOMPARE(again->title, QStringLiteral("<b>{{reason}} &amp;</b> & Oslo Peer Support"));
}

void TestTemplateService::previewRendersDraft()
{
    PayloadTemplate draft = *builtinTemplate(kPause);
    draft.en.body = QStringLiteral("{{peer_mentor_name}} – {{date}}{{^reason}} (no reason){{/reason}}");
    TemplateValues values = TemplateService::sampleValues();
    values.reason.clear();
    auto r = m_service->preview(m_callers.coordB, draft, values, QStringLiteral("en"));
    QVERIFY2(r, why(r).constData());
    QCOMPARE(r->body, QStringLiteral("Kari Nordmann – 20 March 2026 (no reason)"));
    // Nothing was saved.
    auto stored = m_service->get(m_callers.coordB, kPause);
    QVERIFY2(stored, why(stored).constData());
    QCOMPARE(stored->en, builtinTemplate(kPause)->en);

    draft.en.body = QStringLiteral("{{nope}}");
    auto bad = m_service->preview(m_callers.coordB, draft, values, QStringLiteral("en"));
    QCOMPARE(codeOf(bad), QStringLiteral("unprocessable"));
    QCOMPARE(positions(bad.error()), QStringList{QStringLiteral("body_template:1:1")});
}

// ---- valuesFor -----------------------------------------------------------------------------

void TestTemplateService::valuesForMentorWithPause_data()
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
                                  << QStringLiteral("Ola Hansen") << QStringLiteral("Anne Berg")
                                  << utc(2026, 3, 10) << QStringLiteral("Exam period")
                                  << QStringLiteral("Oslo Peer Support");
    QTest::newRow("the mentor's own confirmation is about the pause too")
        << QStringLiteral("adminA") << QStringLiteral("peer-mentor-pause-confirm") << QStringLiteral("pm_a1")
        << QStringLiteral("Ola Hansen") << QStringLiteral("Anne Berg") << utc(2026, 3, 10)
        << QStringLiteral("Exam period") << QStringLiteral("Oslo Peer Support");
    QTest::newRow("resume: the latest resume, which has no reason")
        << QStringLiteral("coordA") << QStringLiteral("coordinator-resume") << QStringLiteral("pm_a1")
        << QStringLiteral("Ola Hansen") << QStringLiteral("Anne Berg") << utc(2026, 2, 20) << QString()
        << QStringLiteral("Oslo Peer Support");
    QTest::newRow("org B coordinator")
        << QStringLiteral("coordB") << kPause << QStringLiteral("pm_b1") << QStringLiteral("Åse Løvås")
        << QStringLiteral("Bjørn Dahl") << utc(2026, 3, 1) << QStringLiteral("Travel")
        << QStringLiteral("Bergen likepersoner");
    QTest::newRow("global admin: the mentor's organisation")
        << QStringLiteral("global") << kPause << QStringLiteral("pm_b1") << QStringLiteral("Åse Løvås")
        << QStringLiteral("Bjørn Dahl") << utc(2026, 3, 1) << QStringLiteral("Travel")
        << QStringLiteral("Bergen likepersoner");
}

void TestTemplateService::valuesForMentorWithPause()
{
    QFETCH(QString, caller);
    QFETCH(QString, id);
    QFETCH(QString, mentor);
    QFETCH(QString, name);
    QFETCH(QString, coordinator);
    QFETCH(QDateTime, date);
    QFETCH(QString, reason);
    QFETCH(QString, organisation);
    auto v = m_service->valuesFor(m_callers.who(caller), id, mentor);
    QVERIFY2(v, why(v).constData());
    QCOMPARE(v->peerMentorId, mentor);
    QCOMPARE(v->peerMentorName, name);
    QCOMPARE(v->coordinatorName, coordinator);
    QCOMPARE(v->date, date);
    QCOMPARE(v->reason, reason);
    QCOMPARE(v->organisationName, organisation);
}

void TestTemplateService::valuesForMentorWithoutRecords()
{
    m_clock.set(utc(2026, 4, 2, 9));
    auto v = m_service->valuesFor(m_callers.adminA, kPause, QStringLiteral("pm_a2"));
    QVERIFY2(v, why(v).constData());
    QCOMPARE(v->peerMentorId, QStringLiteral("pm_a2"));
    QCOMPARE(v->peerMentorName, QStringLiteral("Siv Moen"));
    QCOMPARE(v->coordinatorName, QStringLiteral("Anne Berg"));
    QCOMPARE(v->date, m_clock.now()); // no event: now, with no reason
    QVERIFY(v->reason.isEmpty());
    QCOMPARE(v->organisationName, QStringLiteral("Oslo Peer Support"));

    // An event of another kind than the template's does not count: a resume gives no pause date.
    addRecord(m_callers.coordA, QStringLiteral("pm_a2"), QStringLiteral("coord_a1"),
              EventType::PauseDeactivated, utc(2026, 3, 30), std::nullopt, utc(2026, 3, 30, 8));
    m_clock.set(utc(2026, 4, 2, 9));
    auto still = m_service->valuesFor(m_callers.adminA, kPause, QStringLiteral("pm_a2"));
    QVERIFY2(still, why(still).constData());
    QCOMPARE(still->date, m_clock.now());
    auto resume =
        m_service->valuesFor(m_callers.adminA, QStringLiteral("coordinator-resume"), QStringLiteral("pm_a2"));
    QVERIFY2(resume, why(resume).constData());
    QCOMPARE(resume->date, utc(2026, 3, 30));
}

void TestTemplateService::valuesForSampleValues_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("organisation");
    QTest::newRow("coordinator A") << QStringLiteral("coordA") << QStringLiteral("Oslo Peer Support");
    QTest::newRow("admin B") << QStringLiteral("adminB") << QStringLiteral("Bergen likepersoner");
    QTest::newRow("global admin: no organisation") << QStringLiteral("global") << QString();
}

void TestTemplateService::valuesForSampleValues()
{
    QFETCH(QString, caller);
    QFETCH(QString, organisation);
    auto v = m_service->valuesFor(m_callers.who(caller), kPause, QString());
    QVERIFY2(v, why(v).constData());
    TemplateValues expected = TemplateService::sampleValues();
    expected.organisationName = organisation;
    QCOMPARE(v->peerMentorId, expected.peerMentorId);
    QCOMPARE(v->peerMentorName, expected.peerMentorName);
    QCOMPARE(v->coordinatorName, expected.coordinatorName);
    QCOMPARE(v->date, expected.date);
    QCOMPARE(v->reason, expected.reason);
    QCOMPARE(v->organisationName, expected.organisationName);
}

void TestTemplateService::valuesForMentorOfAnotherOrganisation_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("mentor");
    QTest::newRow("A coordinator, B mentor") << QStringLiteral("coordA") << QStringLiteral("pm_b1");
    QTest::newRow("A admin, B mentor") << QStringLiteral("adminA") << QStringLiteral("pm_b1");
    QTest::newRow("B admin, A mentor") << QStringLiteral("adminB") << QStringLiteral("pm_a1");
    QTest::newRow("unknown mentor") << QStringLiteral("coordA") << QStringLiteral("pm_nobody");
    QTest::newRow("unknown mentor, global admin") << QStringLiteral("global") << QStringLiteral("pm_nobody");
}

void TestTemplateService::valuesForMentorOfAnotherOrganisation()
{
    QFETCH(QString, caller);
    QFETCH(QString, mentor);
    auto v = m_service->valuesFor(m_callers.who(caller), kPause, mentor);
    QCOMPARE(codeOf(v), QStringLiteral("not-found"));
    // Nothing of the other organisation leaks into the message.
    for (const QString &secret : {QStringLiteral("Åse"), QStringLiteral("Ola"), QStringLiteral("Travel"),
                                  QStringLiteral("Exam"), QStringLiteral("Bergen"), QStringLiteral("Oslo")})
        QVERIFY2(!v.error().message.contains(secret), qPrintable(v.error().message));
}

void TestTemplateService::valuesForUnknownTemplate()
{
    QCOMPARE(codeOf(m_service->valuesFor(m_callers.coordA, QStringLiteral("no-such-template"),
                                         QStringLiteral("pm_a1"))),
             QStringLiteral("not-found"));
    // A custom template of organisation A is unknown to B, as in render.
    TemplateChange change;
    change.type = QStringLiteral("coordinator_pause");
    change.title = QStringLiteral("Note");
    change.body = QStringLiteral("{{peer_mentor_name}}");
    auto created = m_service->update(m_callers.adminA, QStringLiteral("only-a"), change);
    QVERIFY2(created, why(created).constData());
    auto own = m_service->valuesFor(m_callers.coordA, QStringLiteral("only-a"), QStringLiteral("pm_a1"));
    QVERIFY2(own, why(own).constData());
    QCOMPARE(own->date, utc(2026, 3, 10));
    QCOMPARE(
        codeOf(m_service->valuesFor(m_callers.coordB, QStringLiteral("only-a"), QStringLiteral("pm_b1"))),
        QStringLiteral("not-found"));
}

void TestTemplateService::valuesForAreWhatRenderUses_data()
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
void TestTemplateService::valuesForAreWhatRenderUses()
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
        auto saved = m_service->update(m_callers.global, id, change);
        QVERIFY2(saved, why(saved).constData());
    }
    const Caller who = m_callers.who(caller);
    auto values = m_service->valuesFor(who, id, mentor);
    QVERIFY2(values, why(values).constData());
    auto shown = m_service->get(who, id);
    QVERIFY2(shown, why(shown).constData());
    for (const QString &locale : {QStringLiteral("en"), QStringLiteral("nb")}) {
        TemplateValues only;
        only.peerMentorId = mentor;
        auto byRender = m_service->render(who, id, only, locale);
        QVERIFY2(byRender, why(byRender).constData());
        auto byPreview = m_service->preview(who, *shown, *values, locale);
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

// ---- update --------------------------------------------------------------------------------

void TestTemplateService::updateForbiddenForCoordinator()
{
    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    TemplateChange change;
    change.title = QStringLiteral("Mine now");
    auto r = m_service->update(m_callers.coordA, kPause, change);
    QCOMPARE(codeOf(r), QStringLiteral("forbidden"));
    auto t = m_service->get(m_callers.coordA, kPause);
    QVERIFY2(t, why(t).constData());
    QCOMPARE(t->en.title, builtinTemplate(kPause)->en.title);
    auto versions = m_service->versions(m_callers.adminA, kPause);
    QVERIFY2(versions, why(versions).constData());
    QVERIFY(versions->isEmpty());
    QCOMPARE(changed.count(), 0);
}

void TestTemplateService::updateNeedsSomethingToChange()
{
    auto r = m_service->update(m_callers.adminA, kPause, TemplateChange{});
    QCOMPARE(codeOf(r), QStringLiteral("invalid"));

    TemplateChange badLocale;
    badLocale.locale = QStringLiteral("sv");
    badLocale.title = QStringLiteral("Hej");
    auto locale = m_service->update(m_callers.adminA, kPause, badLocale);
    QCOMPARE(codeOf(locale), QStringLiteral("invalid"));
    QCOMPARE(fieldNames(locale.error()), QStringList{QStringLiteral("locale")});

    TemplateChange tooLong;
    tooLong.title = QString(201, QLatin1Char('x'));
    auto longTitle = m_service->update(m_callers.adminA, kPause, tooLong);
    QCOMPARE(codeOf(longTitle), QStringLiteral("invalid"));
    QCOMPARE(fieldNames(longTitle.error()), QStringList{QStringLiteral("title")});

    TemplateChange unknown;
    unknown.title = QStringLiteral("Hello");
    auto missing = m_service->update(m_callers.adminA, QStringLiteral("does-not-exist"), unknown);
    QCOMPARE(codeOf(missing), QStringLiteral("not-found"));
}

void TestTemplateService::orgAdminWritesOverrideForOwnOrganisation()
{
    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    TemplateChange change;
    change.title = QStringLiteral("Peer Mentor Status Change – Coordinator Notice");
    change.body = QStringLiteral("{{peer_mentor_name}} is on a break from {{date}}.");
    auto saved = m_service->update(m_callers.adminA, kPause, change);
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
    for (const Caller &caller : {m_callers.coordA, m_callers.adminA}) {
        auto t = m_service->get(caller, kPause);
        QVERIFY2(t, why(t).constData());
        QCOMPARE(t->en.title, *change.title);
        auto all = m_service->list(caller);
        QVERIFY2(all, why(all).constData());
        QCOMPARE(all->size(), 4);
        QCOMPARE(all->at(0).en.title, *change.title);
        QCOMPARE(all->at(0).updatedAt, test::testNow());
    }
    auto rendered = m_service->render(m_callers.coordA, kPause, {});
    QVERIFY2(rendered, why(rendered).constData());
    QCOMPARE(rendered->title, *change.title);
    QCOMPARE(rendered->body, QStringLiteral("Kari Nordmann is on a break from 20 March 2026."));
    QCOMPARE(rendered->bodyTemplate, *change.body);

    // Organisation B and the global default are untouched.
    for (const Caller &caller : {m_callers.coordB, m_callers.adminB, m_callers.global}) {
        auto t = m_service->get(caller, kPause);
        QVERIFY2(t, why(t).constData());
        QCOMPARE(t->en, builtinTemplate(kPause)->en);
        auto all = m_service->list(caller);
        QVERIFY2(all, why(all).constData());
        QCOMPARE(all->at(0).en, builtinTemplate(kPause)->en);
    }
    auto other = m_service->render(m_callers.coordB, kPause, {}, QStringLiteral("en"));
    QVERIFY2(other, why(other).constData());
    QCOMPARE(other->body, kSeedBody);
}

void TestTemplateService::orgAdminChangesNorwegianText()
{
    TemplateChange change;
    change.locale = QStringLiteral("nb");
    change.body = QStringLiteral("{{peer_mentor_name}} tar pause fra {{date}}.");
    auto saved = m_service->update(m_callers.adminB, kPause, change);
    QVERIFY2(saved, why(saved).constData());
    QCOMPARE(saved->item.nb.body, *change.body);
    QCOMPARE(saved->item.nb.title, builtinTemplate(kPause)->nb.title);
    QCOMPARE(saved->item.en, builtinTemplate(kPause)->en);
    auto nb = m_service->render(m_callers.coordB, kPause, {});
    QVERIFY2(nb, why(nb).constData());
    QCOMPARE(nb->body, QStringLiteral("Kari Nordmann tar pause fra 20. mars 2026."));
    auto en = m_service->render(m_callers.coordB, kPause, {}, QStringLiteral("en"));
    QVERIFY2(en, why(en).constData());
    QCOMPARE(en->body, kSeedBody);
}

void TestTemplateService::globalAdminChangesGlobalDefault()
{
    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    TemplateChange change;
    change.title = QStringLiteral("Pause notice");
    change.description = QStringLiteral("Sent to the coordinator");
    auto saved = m_service->update(m_callers.global, kPause, change);
    QVERIFY2(saved, why(saved).constData());
    QCOMPARE(saved->item.scope, QString());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(1).toString(), QString());

    for (const Caller &caller :
         {m_callers.coordA, m_callers.adminA, m_callers.coordB, m_callers.adminB, m_callers.global}) {
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
    QVERIFY(m_service->update(m_callers.adminA, kPause, mine).ok());
    TemplateChange global;
    global.title = QStringLiteral("Global title");
    global.body = QStringLiteral("Global: {{peer_mentor_name}}");
    QVERIFY(m_service->update(m_callers.global, kPause, global).ok());

    auto a = m_service->get(m_callers.coordA, kPause);
    QVERIFY2(a, why(a).constData());
    QCOMPARE(a->en.title, QStringLiteral("Org A title"));
    QCOMPARE(a->en.body, builtinTemplate(kPause)->en.body); // the override is whole
    auto b = m_service->get(m_callers.coordB, kPause);
    QVERIFY2(b, why(b).constData());
    QCOMPARE(b->en.title, QStringLiteral("Global title"));
    auto g = m_service->get(m_callers.global, kPause);
    QVERIFY2(g, why(g).constData());
    QCOMPARE(g->en.title, QStringLiteral("Global title"));

    auto listA = m_service->list(m_callers.adminA);
    QVERIFY2(listA, why(listA).constData());
    QCOMPARE(listA->size(), 4);
    QCOMPARE(listA->at(0).en.title, QStringLiteral("Org A title"));
    auto listB = m_service->list(m_callers.adminB);
    QVERIFY2(listB, why(listB).constData());
    QCOMPARE(listB->at(0).en.title, QStringLiteral("Global title"));
}

void TestTemplateService::overrideInheritsGlobalChangeMadeBefore()
{
    TemplateChange global;
    global.body = QStringLiteral("Global: {{peer_mentor_name}}");
    QVERIFY(m_service->update(m_callers.global, kPause, global).ok());
    TemplateChange mine;
    mine.title = QStringLiteral("Org A title");
    auto saved = m_service->update(m_callers.adminA, kPause, mine);
    QVERIFY2(saved, why(saved).constData());
    QCOMPARE(saved->item.en.title, QStringLiteral("Org A title"));
    QCOMPARE(saved->item.en.body, QStringLiteral("Global: {{peer_mentor_name}}"));
    auto versions = m_service->versions(m_callers.adminA, kPause);
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
    for (const Caller &caller : {m_callers.adminA, m_callers.global}) {
        auto r = m_service->update(caller, kPause, change);
        QCOMPARE(codeOf(r), QStringLiteral("unprocessable"));
        QCOMPARE(positions(r.error()), problems);
        for (const FieldError &f : r.error().fields)
            QVERIFY2(f.message.startsWith(QStringLiteral("line %1, column %2: ").arg(f.line).arg(f.column))
                         || f.message == QLatin1String("must not be empty"),
                     qPrintable(f.message));
    }
    QCOMPARE(changed.count(), 0);
    auto t = m_service->get(m_callers.coordA, kPause);
    QVERIFY2(t, why(t).constData());
    QCOMPARE(t->en, builtinTemplate(kPause)->en);
    auto versions = m_service->versions(m_callers.adminA, kPause);
    QVERIFY2(versions, why(versions).constData());
    QVERIFY(versions->isEmpty());
}

void TestTemplateService::etagPrecondition()
{
    auto before = m_service->get(m_callers.adminA, kPause);
    QVERIFY2(before, why(before).constData());
    const QString etag = TemplateService::etag(*before);
    QVERIFY(etag.startsWith(QLatin1Char('"')) && etag.endsWith(QLatin1Char('"')));

    TemplateChange change;
    change.title = QStringLiteral("First");
    auto stale = m_service->update(m_callers.adminA, kPause, change, QStringLiteral("\"0000000000000000\""));
    QCOMPARE(codeOf(stale), QStringLiteral("precondition-failed"));

    auto first = m_service->update(m_callers.adminA, kPause, change, etag);
    QVERIFY2(first, why(first).constData());
    const QString next = TemplateService::etag(first->item);
    QVERIFY(next != etag);
    auto reread = m_service->get(m_callers.adminA, kPause);
    QVERIFY2(reread, why(reread).constData());
    QCOMPARE(TemplateService::etag(*reread), next);

    // The etag seen before the change no longer matches.
    change.title = QStringLiteral("Second");
    auto again = m_service->update(m_callers.adminA, kPause, change, etag);
    QCOMPARE(codeOf(again), QStringLiteral("precondition-failed"));
    auto unchanged = m_service->get(m_callers.adminA, kPause);
    QVERIFY2(unchanged, why(unchanged).constData());
    QCOMPARE(unchanged->en.title, QStringLiteral("First"));

    // "*" and no etag at all both mean "whatever is there".
    auto star = m_service->update(m_callers.adminA, kPause, change, QStringLiteral("*"));
    QVERIFY2(star, why(star).constData());
    change.title = QStringLiteral("Third");
    auto none = m_service->update(m_callers.adminA, kPause, change);
    QVERIFY2(none, why(none).constData());

    // Org B's etag is the default's, which did not change.
    auto b = m_service->get(m_callers.adminB, kPause);
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
    QVERIFY(m_service->update(m_callers.adminA, kPause, first).ok());
    m_clock.set(t2);
    TemplateChange second;
    second.body = QStringLiteral("Second: {{peer_mentor_name}}");
    second.description = QStringLiteral("Changed twice");
    auto saved = m_service->update(otherAdmin, kPause, second);
    QVERIFY2(saved, why(saved).constData());
    QCOMPARE(saved->item.version, 3);

    auto versions = m_service->versions(m_callers.adminA, kPause);
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
    auto asCoordinator = m_service->versions(m_callers.coordA, kPause);
    QVERIFY2(asCoordinator, why(asCoordinator).constData());
    QCOMPARE(asCoordinator->size(), 3);
}

void TestTemplateService::versionsAreScoped()
{
    TemplateChange change;
    change.title = QStringLiteral("A only");
    QVERIFY(m_service->update(m_callers.adminA, kPause, change).ok());
    auto b = m_service->versions(m_callers.adminB, kPause);
    QVERIFY2(b, why(b).constData());
    QVERIFY(b->isEmpty());
    auto g = m_service->versions(m_callers.global, kPause);
    QVERIFY2(g, why(g).constData());
    QVERIFY(g->isEmpty());
    auto unknown = m_service->versions(m_callers.adminA, QStringLiteral("nothing-here"));
    QCOMPARE(codeOf(unknown), QStringLiteral("not-found"));
}

void TestTemplateService::restoreBringsOldTextBack()
{
    TemplateChange x;
    x.body = QStringLiteral("X {{peer_mentor_name}}");
    QVERIFY(m_service->update(m_callers.adminA, kPause, x).ok());
    m_clock.advance(60'000);
    TemplateChange y;
    y.body = QStringLiteral("Y {{peer_mentor_name}}");
    y.title = QStringLiteral("Y title");
    QVERIFY(m_service->update(m_callers.adminA, kPause, y).ok());
    m_clock.advance(60'000);

    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    auto restored = m_service->restore(m_callers.adminA, kPause, 1);
    QVERIFY2(restored, why(restored).constData());
    QCOMPARE(restored->en, builtinTemplate(kPause)->en);
    QCOMPARE(restored->version, 4);
    QCOMPARE(changed.count(), 1);
    auto now = m_service->get(m_callers.coordA, kPause);
    QVERIFY2(now, why(now).constData());
    QCOMPARE(now->en, builtinTemplate(kPause)->en);
    QCOMPARE(now->scope, QStringLiteral("org_a")); // still an override, with the old text

    auto versions = m_service->versions(m_callers.adminA, kPause);
    QVERIFY2(versions, why(versions).constData());
    QCOMPARE(versions->size(), 4);
    QCOMPARE(versions->first().version, 4);
    QCOMPARE(versions->first().action, QStringLiteral("restore"));
    QCOMPARE(versions->first().changedAt, m_clock.now());
    QCOMPARE(versions->first().en, builtinTemplate(kPause)->en);

    auto back = m_service->restore(m_callers.adminA, kPause, 2);
    QVERIFY2(back, why(back).constData());
    QCOMPARE(back->en.body, *x.body);
    QCOMPARE(back->en.title, builtinTemplate(kPause)->en.title);
    QCOMPARE(back->version, 5);
    auto rendered = m_service->render(m_callers.coordA, kPause, {});
    QVERIFY2(rendered, why(rendered).constData());
    QCOMPARE(rendered->body, QStringLiteral("X Kari Nordmann"));
}

void TestTemplateService::restoreRules()
{
    TemplateChange x;
    x.body = QStringLiteral("X {{peer_mentor_name}}");
    QVERIFY(m_service->update(m_callers.adminA, kPause, x).ok());
    QCOMPARE(codeOf(m_service->restore(m_callers.coordA, kPause, 1)), QStringLiteral("forbidden"));
    QCOMPARE(codeOf(m_service->restore(m_callers.adminA, kPause, 99)), QStringLiteral("not-found"));
    // Organisation B has no history of its own to restore from.
    QCOMPARE(codeOf(m_service->restore(m_callers.adminB, kPause, 1)), QStringLiteral("not-found"));
    QCOMPARE(codeOf(m_service->restore(m_callers.adminA, QStringLiteral("no-such-template"), 1)),
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
    auto saved = m_service->update(m_callers.adminA, QStringLiteral("quick-note"), change);
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

    auto all = m_service->list(m_callers.coordA);
    QVERIFY2(all, why(all).constData());
    QCOMPARE(all->size(), 5);
    QCOMPARE(all->last().id, QStringLiteral("quick-note"));
    QVERIFY(all->last().custom);

    auto rendered = m_service->render(m_callers.coordA, QStringLiteral("quick-note"), {});
    QVERIFY2(rendered, why(rendered).constData());
    QCOMPARE(rendered->body, QStringLiteral("Kari Nordmann pauses from 20 March 2026 (Oslo Peer Support)."));

    auto versions = m_service->versions(m_callers.adminA, QStringLiteral("quick-note"));
    QVERIFY2(versions, why(versions).constData());
    QCOMPARE(versions->size(), 1);
    QCOMPARE(versions->first().action, QStringLiteral("create"));

    // A second PUT changes it, it does not create it again.
    TemplateChange edit;
    edit.title = QStringLiteral("Quick note (edited)");
    auto edited = m_service->update(m_callers.adminA, QStringLiteral("quick-note"), edit);
    QVERIFY2(edited, why(edited).constData());
    QVERIFY(!edited->created);
    QCOMPARE(edited->item.version, 2);
    QVERIFY(edited->item.custom);

    // A custom template can be built from by id.
    BuildRequest request;
    request.templateId = QStringLiteral("quick-note");
    request.peerMentorName = QStringLiteral("Kari Nordmann");
    request.date = utc(2026, 3, 20);
    auto built = m_service->build(m_callers.coordA, request);
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
    for (const Caller &caller : {m_callers.adminA, m_callers.global}) {
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
    auto saved = m_service->update(m_callers.adminA, QStringLiteral("only-a"), change);
    QVERIFY2(saved, why(saved).constData());

    for (const Caller &caller : {m_callers.coordB, m_callers.adminB}) {
        auto all = m_service->list(caller);
        QVERIFY2(all, why(all).constData());
        QCOMPARE(all->size(), 4);
        QCOMPARE(codeOf(m_service->get(caller, QStringLiteral("only-a"))), QStringLiteral("not-found"));
        QCOMPARE(codeOf(m_service->render(caller, QStringLiteral("only-a"), {})),
                 QStringLiteral("not-found"));
    }
    // B cannot change it without a type (it does not exist for B) ...
    TemplateChange edit;
    edit.title = QStringLiteral("Taken over");
    QCOMPARE(codeOf(m_service->update(m_callers.adminB, QStringLiteral("only-a"), edit)),
             QStringLiteral("not-found"));
    // ... nor build from it.
    BuildRequest request;
    request.templateId = QStringLiteral("only-a");
    request.peerMentorName = QStringLiteral("Someone");
    request.date = utc(2026, 3, 20);
    auto built = m_service->build(m_callers.coordB, request);
    QCOMPARE(codeOf(built), QStringLiteral("unprocessable"));
    QCOMPARE(fieldNames(built.error()), QStringList{QStringLiteral("template_id")});
    // A still has it unchanged.
    auto a = m_service->get(m_callers.coordA, QStringLiteral("only-a"));
    QVERIFY2(a, why(a).constData());
    QCOMPARE(a->en.title, QStringLiteral("Only A"));
}

void TestTemplateService::globalCustomTemplateIsVisibleToEveryOrganisation()
{
    TemplateChange change;
    change.type = QStringLiteral("coordinator_resume");
    change.title = QStringLiteral("Everyone");
    change.body = QStringLiteral("{{peer_mentor_name}} is back");
    auto saved = m_service->update(m_callers.global, QStringLiteral("everyone"), change);
    QVERIFY2(saved, why(saved).constData());
    QVERIFY(saved->created);
    QCOMPARE(saved->item.scope, QString());
    for (const Caller &caller : {m_callers.coordA, m_callers.adminB, m_callers.global}) {
        auto all = m_service->list(caller);
        QVERIFY2(all, why(all).constData());
        QCOMPARE(all->size(), 5);
        QCOMPARE(all->last().id, QStringLiteral("everyone"));
        QCOMPARE(all->last().event, EventType::PauseDeactivated);
    }
    // An org admin can override a global custom template for their organisation.
    TemplateChange mine;
    mine.title = QStringLiteral("Everyone, A style");
    auto override = m_service->update(m_callers.adminA, QStringLiteral("everyone"), mine);
    QVERIFY2(override, why(override).constData());
    QVERIFY(!override->created);
    QCOMPARE(m_service->get(m_callers.coordA, QStringLiteral("everyone"))->en.title,
             QStringLiteral("Everyone, A style"));
    QCOMPARE(m_service->get(m_callers.coordB, QStringLiteral("everyone"))->en.title,
             QStringLiteral("Everyone"));
}

void TestTemplateService::typeOfExistingTemplateCannotChange()
{
    TemplateChange change;
    change.type = QStringLiteral("coordinator_resume");
    change.title = QStringLiteral("Sneaky");
    auto r = m_service->update(m_callers.adminA, kPause, change);
    QCOMPARE(codeOf(r), QStringLiteral("invalid"));
    QCOMPARE(fieldNames(r.error()), QStringList{QStringLiteral("type")});
    change.type = QStringLiteral("coordinator_pause"); // the same type is fine
    QVERIFY(m_service->update(m_callers.adminA, kPause, change).ok());
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
    QVERIFY(m_service->update(m_callers.adminA, kPause, change).ok());
    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    QCOMPARE(codeOf(m_service->remove(m_callers.who(caller), kPause)), QStringLiteral("forbidden"));
    QCOMPARE(codeOf(m_service->remove(m_callers.who(caller), kPause, QStringLiteral("org_a"))),
             QStringLiteral("forbidden"));
    QCOMPARE(codeOf(m_service->remove(m_callers.who(caller), QStringLiteral("no-such-template"))),
             QStringLiteral("forbidden"));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_service->get(m_callers.coordA, kPause)->en.title, QStringLiteral("Override"));
}

void TestTemplateService::removeBuiltinResetsGlobalDefault()
{
    TemplateChange change;
    change.title = QStringLiteral("Global change");
    change.body = QStringLiteral("Changed {{date}}");
    QVERIFY(m_service->update(m_callers.global, kPause, change).ok());
    m_clock.advance(5000);

    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    auto removed = m_service->remove(m_callers.global, kPause);
    QVERIFY2(removed, why(removed).constData());
    QCOMPARE(removed->id, kPause);
    QCOMPARE(removed->deletedAt, m_clock.now());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), kPause);
    QCOMPARE(changed.at(0).at(1).toString(), QString());

    for (const Caller &caller : {m_callers.coordA, m_callers.coordB, m_callers.global}) {
        auto t = m_service->get(caller, kPause);
        QVERIFY2(t, why(t).constData());
        QCOMPARE(t->en, builtinTemplate(kPause)->en);
        QVERIFY(!t->custom);
    }
    auto rendered = m_service->render(m_callers.coordA, kPause, {});
    QVERIFY2(rendered, why(rendered).constData());
    QCOMPARE(rendered->body, kSeedBody);

    auto versions = m_service->versions(m_callers.global, kPause);
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
        auto first = m_service->remove(m_callers.global, builtinId);
        QVERIFY2(first, why(first).constData());
        auto second = m_service->remove(m_callers.global, builtinId);
        QVERIFY2(second, why(second).constData());
        QCOMPARE(second->id, builtinId);
    }
    TemplateChange change;
    change.title = QStringLiteral("Changed");
    QVERIFY(m_service->update(m_callers.global, kPause, change).ok());
    QVERIFY(m_service->remove(m_callers.global, kPause).ok());
    QVERIFY(m_service->remove(m_callers.global, kPause).ok());
    auto all = m_service->list(m_callers.coordA);
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
    QVERIFY(m_service->update(m_callers.global, QStringLiteral("extra"), change).ok());
    // An organisation's override of it goes with it.
    TemplateChange mine;
    mine.title = QStringLiteral("Extra for A");
    QVERIFY(m_service->update(m_callers.adminA, QStringLiteral("extra"), mine).ok());

    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    auto removed = m_service->remove(m_callers.global, QStringLiteral("extra"));
    QVERIFY2(removed, why(removed).constData());
    QCOMPARE(removed->id, QStringLiteral("extra"));
    QCOMPARE(changed.count(), 1);
    for (const Caller &caller : {m_callers.coordA, m_callers.coordB, m_callers.global}) {
        QCOMPARE(codeOf(m_service->get(caller, QStringLiteral("extra"))), QStringLiteral("not-found"));
        auto all = m_service->list(caller);
        QVERIFY2(all, why(all).constData());
        QCOMPARE(all->size(), 4);
    }
    QCOMPARE(codeOf(m_service->remove(m_callers.global, QStringLiteral("extra"))),
             QStringLiteral("not-found"));

    // The history keeps what was removed, for a global admin.
    auto versions = m_service->versions(m_callers.global, QStringLiteral("extra"));
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
    QVERIFY(m_service->update(m_callers.adminA, QStringLiteral("a-own"), change).ok());
    // Not in the global scope ...
    QCOMPARE(codeOf(m_service->remove(m_callers.global, QStringLiteral("a-own"))),
             QStringLiteral("not-found"));
    // ... but in organisation A's.
    auto removed = m_service->remove(m_callers.global, QStringLiteral("a-own"), QStringLiteral("org_a"));
    QVERIFY2(removed, why(removed).constData());
    QCOMPARE(codeOf(m_service->get(m_callers.adminA, QStringLiteral("a-own"))), QStringLiteral("not-found"));
    QCOMPARE(codeOf(m_service->remove(m_callers.global, QStringLiteral("a-own"), QStringLiteral("org_a"))),
             QStringLiteral("not-found"));
}

void TestTemplateService::removeOrganisationOverride()
{
    TemplateChange mine;
    mine.title = QStringLiteral("A title");
    QVERIFY(m_service->update(m_callers.adminA, kPause, mine).ok());
    TemplateChange theirs;
    theirs.title = QStringLiteral("B title");
    QVERIFY(m_service->update(m_callers.adminB, kPause, theirs).ok());

    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    auto removed = m_service->remove(m_callers.global, kPause, QStringLiteral("org_a"));
    QVERIFY2(removed, why(removed).constData());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(1).toString(), QStringLiteral("org_a"));
    QCOMPARE(m_service->get(m_callers.coordA, kPause)->en, builtinTemplate(kPause)->en);
    QCOMPARE(m_service->get(m_callers.coordB, kPause)->en.title, QStringLiteral("B title"));

    auto unknownOrg = m_service->remove(m_callers.global, kPause, QStringLiteral("org_nowhere"));
    QCOMPARE(codeOf(unknownOrg), QStringLiteral("not-found"));
    QCOMPARE(fieldNames(unknownOrg.error()), QStringList{QStringLiteral("org_id")});
}

void TestTemplateService::removeUnknown()
{
    QCOMPARE(codeOf(m_service->remove(m_callers.global, QStringLiteral("no-such-template"))),
             QStringLiteral("not-found"));
    QCOMPARE(codeOf(m_service->remove(m_callers.global, QStringLiteral("no-such-template"),
                                      QStringLiteral("org_a"))),
             QStringLiteral("not-found"));
}

void TestTemplateService::resetOverrideByOrgAdmin()
{
    TemplateChange mine;
    mine.title = QStringLiteral("A title");
    mine.body = QStringLiteral("A body {{date}}");
    QVERIFY(m_service->update(m_callers.adminA, kPause, mine).ok());
    TemplateChange theirs;
    theirs.title = QStringLiteral("B title");
    QVERIFY(m_service->update(m_callers.adminB, kPause, theirs).ok());
    m_clock.advance(1000);

    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    auto reset = m_service->resetOverride(m_callers.adminA, kPause);
    QVERIFY2(reset, why(reset).constData());
    QCOMPARE(reset->en, builtinTemplate(kPause)->en);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(1).toString(), QStringLiteral("org_a"));
    auto a = m_service->render(m_callers.coordA, kPause, {});
    QVERIFY2(a, why(a).constData());
    QCOMPARE(a->body, kSeedBody);
    QCOMPARE(m_service->get(m_callers.coordB, kPause)->en.title, QStringLiteral("B title"));

    auto versions = m_service->versions(m_callers.adminA, kPause);
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
    QVERIFY(m_service->update(m_callers.global, kPause, global).ok());
    TemplateChange mine;
    mine.title = QStringLiteral("A title");
    QVERIFY(m_service->update(m_callers.adminA, kPause, mine).ok());
    auto reset = m_service->resetOverride(m_callers.adminA, kPause);
    QVERIFY2(reset, why(reset).constData());
    QCOMPARE(reset->en.title, QStringLiteral("Global title"));
    QCOMPARE(m_service->get(m_callers.coordA, kPause)->en.title, QStringLiteral("Global title"));

    // Removing organisation A's override by a global admin records the same fallback.
    QVERIFY(m_service->update(m_callers.adminA, kPause, mine).ok());
    QVERIFY(m_service->remove(m_callers.global, kPause, QStringLiteral("org_a")).ok());
    QCOMPARE(m_service->get(m_callers.coordA, kPause)->en.title, QStringLiteral("Global title"));
    auto versions = m_service->versions(m_callers.adminA, kPause);
    QVERIFY2(versions, why(versions).constData());
    QCOMPARE(versions->first().action, QStringLiteral("reset"));
    QCOMPARE(versions->first().en.title, QStringLiteral("Global title"));
}

void TestTemplateService::resetOverrideWithNothingToReset()
{
    QSignalSpy changed(m_service.get(), &TemplateService::templateChanged);
    auto reset = m_service->resetOverride(m_callers.adminA, kPause);
    QVERIFY2(reset, why(reset).constData());
    QCOMPARE(reset->en, builtinTemplate(kPause)->en);
    QCOMPARE(changed.count(), 0);
    auto versions = m_service->versions(m_callers.adminA, kPause);
    QVERIFY2(versions, why(versions).constData());
    QVERIFY(versions->isEmpty());
    QCOMPARE(codeOf(m_service->resetOverride(m_callers.adminA, QStringLiteral("no-such-template"))),
             QStringLiteral("not-found"));
}

void TestTemplateService::resetOverrideForbiddenForCoordinator()
{
    TemplateChange mine;
    mine.title = QStringLiteral("A title");
    QVERIFY(m_service->update(m_callers.adminA, kPause, mine).ok());
    QCOMPARE(codeOf(m_service->resetOverride(m_callers.coordA, kPause)), QStringLiteral("forbidden"));
    QCOMPARE(m_service->get(m_callers.coordA, kPause)->en.title, QStringLiteral("A title"));
}

// ---- build and payloads ------------------------------------------------------------------------

void TestTemplateService::buildForbiddenForGlobalAdmin()
{
    BuildRequest request;
    request.payloadType = QStringLiteral("coordinator_pause");
    request.peerMentorName = QStringLiteral("Kari Nordmann");
    request.date = utc(2026, 3, 20);
    QCOMPARE(codeOf(m_service->build(m_callers.global, request)), QStringLiteral("forbidden"));
    QVERIFY(m_service->build(m_callers.adminA, request).ok());
    QVERIFY(m_service->build(m_callers.coordA, request).ok());
}

void TestTemplateService::buildByPayloadType_data()
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

void TestTemplateService::buildByPayloadType()
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
    auto built = m_service->build(m_callers.coordA, request);
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

void TestTemplateService::buildByTemplateId()
{
    BuildRequest request;
    request.templateId = QStringLiteral("coordinator-resume");
    request.peerMentorName = QStringLiteral("Kari Nordmann");
    request.date = utc(2026, 4, 1);
    auto built = m_service->build(m_callers.adminA, request);
    QVERIFY2(built, why(built).constData());
    QCOMPARE(built->payloadType, QStringLiteral("coordinator_resume"));
    QCOMPARE(built->templateId, QStringLiteral("coordinator-resume"));
    QCOMPARE(built->event, EventType::PauseDeactivated);
    QCOMPARE(built->body,
             QStringLiteral("Kari Nordmann has ended their pause and is active again from 1 April 2026."));

    // Both may be sent when they agree.
    request.payloadType = QStringLiteral("coordinator_resume");
    QVERIFY(m_service->build(m_callers.adminA, request).ok());
}

void TestTemplateService::buildInvalid_data()
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

void TestTemplateService::buildInvalid()
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
    auto built = m_service->build(m_callers.coordA, request);
    QCOMPARE(codeOf(built), QStringLiteral("invalid"));
    QCOMPARE(fieldNames(built.error()), fields);
    QVERIFY(built.error().message.contains(fields.first()));
    // Nothing was stored.
    Query count(m_db->db(), QStringLiteral("SELECT COUNT(*) FROM built_payloads"));
    QVERIFY(count.exec().ok() && count.next());
    QCOMPARE(count.value(0).toInt(), 0);
}

void TestTemplateService::buildTypeAndTemplateMismatch()
{
    BuildRequest request;
    request.payloadType = QStringLiteral("coordinator_pause");
    request.templateId = QStringLiteral("coordinator-resume");
    request.peerMentorName = QStringLiteral("Kari Nordmann");
    request.date = utc(2026, 3, 20);
    auto built = m_service->build(m_callers.coordA, request);
    QCOMPARE(codeOf(built), QStringLiteral("unprocessable"));
    QCOMPARE(fieldNames(built.error()), QStringList{QStringLiteral("payload_type")});
}

void TestTemplateService::buildUnknownTemplateId()
{
    BuildRequest request;
    request.templateId = QStringLiteral("no-such-template");
    request.peerMentorName = QStringLiteral("Kari Nordmann");
    request.date = utc(2026, 3, 20);
    auto built = m_service->build(m_callers.coordA, request);
    QCOMPARE(codeOf(built), QStringLiteral("unprocessable"));
    QCOMPARE(fieldNames(built.error()), QStringList{QStringLiteral("template_id")});
}

void TestTemplateService::buildMentorOfAnotherOrganisation()
{
    BuildRequest request;
    request.payloadType = QStringLiteral("coordinator_pause");
    request.peerMentorId = QStringLiteral("pm_b1");
    request.date = utc(2026, 3, 20);
    auto built = m_service->build(m_callers.coordA, request);
    QCOMPARE(codeOf(built), QStringLiteral("unprocessable"));
    QCOMPARE(fieldNames(built.error()), QStringList{QStringLiteral("peer_mentor_id")});
    // Even with a name given.
    request.peerMentorName = QStringLiteral("Åse Løvås");
    QCOMPARE(codeOf(m_service->build(m_callers.adminA, request)), QStringLiteral("unprocessable"));
    Query count(m_db->db(), QStringLiteral("SELECT COUNT(*) FROM built_payloads"));
    QVERIFY(count.exec().ok() && count.next());
    QCOMPARE(count.value(0).toInt(), 0);
}

void TestTemplateService::buildWithMentorId()
{
    BuildRequest request;
    request.payloadType = QStringLiteral("peer_mentor_pause_confirmation");
    request.peerMentorId = QStringLiteral("pm_a1");
    request.date = utc(2026, 4, 15);
    auto built = m_service->build(m_callers.coordA, request);
    QVERIFY2(built, why(built).constData());
    QCOMPARE(built->peerMentorId, QStringLiteral("pm_a1"));
    QCOMPARE(built->peerMentorName, QStringLiteral("Ola Hansen"));
    QCOMPARE(built->body,
             QStringLiteral("Hi Ola Hansen, your pause is registered from 15 April 2026. "
                            "Your coordinator Anne Berg has been notified."));
    QCOMPARE(built->effectiveDate, utc(2026, 4, 15));

    // The date of the request is the pause being announced: no reason of an older pause is added.
    request.payloadType = QStringLiteral("coordinator_pause");
    auto pause = m_service->build(m_callers.coordA, request);
    QVERIFY2(pause, why(pause).constData());
    QCOMPARE(pause->body, QStringLiteral("Ola Hansen has activated a pause effective 15 April 2026."));
    request.reason = QStringLiteral("Family reasons");
    auto withReason = m_service->build(m_callers.coordA, request);
    QVERIFY2(withReason, why(withReason).constData());
    QCOMPARE(
        withReason->body,
        QStringLiteral("Ola Hansen has activated a pause effective 15 April 2026. Reason: Family reasons."));
}

void TestTemplateService::buildInOrganisationLocale()
{
    BuildRequest request;
    request.payloadType = QStringLiteral("coordinator_pause");
    request.peerMentorName = QStringLiteral("Kari Nordmann");
    request.date = utc(2026, 3, 20);
    request.reason = QStringLiteral("Personal leave");
    auto nb = m_service->build(m_callers.coordB, request);
    QVERIFY2(nb, why(nb).constData());
    QCOMPARE(nb->locale, QStringLiteral("nb"));
    QCOMPARE(nb->title, QStringLiteral("Likeperson på pause – melding til koordinator"));
    QCOMPARE(nb->body, kSeedBodyNb);
    request.locale = QStringLiteral("en");
    auto en = m_service->build(m_callers.coordB, request);
    QVERIFY2(en, why(en).constData());
    QCOMPARE(en->locale, QStringLiteral("en"));
    QCOMPARE(en->body, kSeedBody);

    // An offset date is the same moment: 00:30 in Oslo on 21 March is 20 March in UTC but the 21st there.
    request.date = QDateTime(QDate(2026, 3, 21), QTime(0, 30), QTimeZone(3600));
    auto offset = m_service->build(m_callers.coordA, request);
    QVERIFY2(offset, why(offset).constData());
    QCOMPARE(offset->effectiveDate, utc(2026, 3, 20, 23, 30));
    QVERIFY2(offset->body.contains(QLatin1String("21 March 2026")), qPrintable(offset->body));
}

void TestTemplateService::buildUsesOrganisationOverride()
{
    TemplateChange mine;
    mine.title = QStringLiteral("A notice");
    mine.body = QStringLiteral("{{peer_mentor_name}} – {{date}}");
    QVERIFY(m_service->update(m_callers.adminA, kPause, mine).ok());
    BuildRequest request;
    request.payloadType = QStringLiteral("coordinator_pause");
    request.peerMentorName = QStringLiteral("Kari Nordmann");
    request.date = utc(2026, 3, 20);
    auto a = m_service->build(m_callers.coordA, request);
    QVERIFY2(a, why(a).constData());
    QCOMPARE(a->title, QStringLiteral("A notice"));
    QCOMPARE(a->body, QStringLiteral("Kari Nordmann – 20 March 2026"));
    request.locale = QStringLiteral("en");
    auto b = m_service->build(m_callers.coordB, request);
    QVERIFY2(b, why(b).constData());
    QCOMPARE(b->title, QStringLiteral("Peer Mentor Pause – Coordinator Notice"));
}

void TestTemplateService::buildNeverEscapes()
{
    BuildRequest request;
    request.payloadType = QStringLiteral("coordinator_pause");
    request.peerMentorName = QStringLiteral("Ås & Co <b>");
    request.date = utc(2026, 3, 20);
    request.reason = QStringLiteral("R&D <i>trip</i>");
    auto built = m_service->build(m_callers.coordA, request);
    QVERIFY2(built, why(built).constData());
    QCOMPARE(built->body,
             QStringLiteral(
                 "Ås & Co <b> has activated a pause effective 20 March 2026. Reason: R&D <i>trip</i>."));
    QCOMPARE(built->peerMentorName, QStringLiteral("Ås & Co <b>"));
    auto stored = m_service->payload(m_callers.coordA, built->id);
    QVERIFY2(stored, why(stored).constData());
    QCOMPARE(stored->body, built->body);
    QCOMPARE(stored->peerMentorName, QStringLiteral("Ås & Co <b>"));
}

void TestTemplateService::payloadRoundTrip()
{
    BuildRequest request;
    request.payloadType = QStringLiteral("coordinator_pause");
    request.peerMentorId = QStringLiteral("pm_a1");
    request.date = utc(2026, 3, 20);
    request.reason = QStringLiteral("Personal leave");
    auto built = m_service->build(m_callers.coordA, request);
    QVERIFY2(built, why(built).constData());

    m_clock.advance(3'600'000); // later reads answer what was built, not a new rendering
    TemplateChange change;
    change.body = QStringLiteral("Changed afterwards {{date}}");
    QVERIFY(m_service->update(m_callers.adminA, kPause, change).ok());

    for (const Caller &caller : {m_callers.coordA, m_callers.adminA, m_callers.global}) {
        auto stored = m_service->payload(caller, built->id);
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
        QStringLiteral("Ola Hansen has activated a pause effective 20 March 2026. Reason: Personal leave."));

    // Two builds are two payloads.
    auto second = m_service->build(m_callers.coordA, request);
    QVERIFY2(second, why(second).constData());
    QVERIFY(second->id != built->id);
    QCOMPARE(codeOf(m_service->payload(m_callers.coordA, QStringLiteral("payload_000000000000"))),
             QStringLiteral("not-found"));
}

void TestTemplateService::payloadOfAnotherOrganisation()
{
    BuildRequest request;
    request.payloadType = QStringLiteral("coordinator_pause");
    request.peerMentorName = QStringLiteral("Kari Nordmann");
    request.date = utc(2026, 3, 20);
    auto built = m_service->build(m_callers.coordA, request);
    QVERIFY2(built, why(built).constData());
    for (const Caller &caller : {m_callers.coordB, m_callers.adminB}) {
        auto other = m_service->payload(caller, built->id);
        QCOMPARE(codeOf(other), QStringLiteral("not-found"));
        QCOMPARE(other.error().message,
                 m_service->payload(caller, QStringLiteral("payload_ffffffffffff")).error().message);
    }
}

CC_DATABASE_TEST_MAIN(TestTemplateService)
#include "tst_templateservice.moc"
