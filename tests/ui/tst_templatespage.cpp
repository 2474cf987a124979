#include "core/BuiltinTemplates.h"
#include "core/TemplateCompiler.h"
#include "core/TimeText.h"
#include "tests/ui/ConsoleFixture.h"
#include "ui/templates/TemplateHighlighter.h"
#include "ui/templates/TemplateVersionsDialog.h"
#include "ui/templates/TemplatesPage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QTextLayout>
#include <QTimer>
#include <QTreeWidget>

#include <functional>
#include <memory>

using namespace cc;
using namespace cc::test::ui;

namespace {

const QString kPause = QStringLiteral("coordinator-pause");
const QString kResume = QStringLiteral("coordinator-resume");

// Clicks, in the next message box that opens, the button `pick` chooses (the box is rejected when
// it chooses none). Gives up after five seconds, so a box that never comes fails the test's own
// checks instead of hanging it.
void answerMessageBox(std::function<QAbstractButton *(QMessageBox *)> pick)
{
    auto *timer = new QTimer;
    auto ticks = std::make_shared<int>(0);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, ticks, pick] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box && ++*ticks < 500)
            return;
        timer->stop();
        timer->deleteLater();
        if (!box)
            return;
        if (QAbstractButton *button = pick(box))
            button->click();
        else
            box->reject();
    });
    timer->start();
}

QAbstractButton *defaultButton(QMessageBox *box)
{
    return box->defaultButton();
}

std::function<QAbstractButton *(QMessageBox *)> standard(QMessageBox::StandardButton which)
{
    return [which](QMessageBox *box) { return box->button(which); };
}

// The characters of `edit` from `from` to `to` all carry a wavy underline.
bool wavyUnderlined(QPlainTextEdit *edit, int from, int to)
{
    for (int at = from; at < to; ++at) {
        const QTextBlock block = edit->document()->findBlock(at);
        const int inBlock = at - block.position();
        bool found = false;
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (inBlock >= range.start && inBlock < range.start + range.length
                && range.format.underlineStyle() == QTextCharFormat::WaveUnderline)
                found = true;
        }
        if (!found)
            return false;
    }
    return true;
}

bool anyWavyUnderline(QPlainTextEdit *edit)
{
    for (QTextBlock block = edit->document()->begin(); block.isValid(); block = block.next()) {
        for (const QTextLayout::FormatRange &range : block.layout()->formats())
            if (range.format.underlineStyle() == QTextCharFormat::WaveUnderline)
                return true;
    }
    return false;
}

QStringList itemTexts(QListWidget *list)
{
    QStringList texts;
    for (int row = 0; row < list->count(); ++row)
        texts << list->item(row)->text();
    return texts;
}

} // namespace

class TestTemplatesPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listsTheBuiltins();
    void showsWhatIsOverridden();
    void unknownPlaceholderShowsPositionedError();
    void problemInTitleIsListed();
    void previewsFollowTheText();
    void previewWithAChosenMentor();
    void saveMakesAVersion();
    void saveBothLanguages();
    void restoreBringsOldTextBack();
    void resetToDefaultBringsBuiltinBack();
    void coordinatorReadsOnly();
    void placeholderButtonInsertsAtCursor();
    void switchingAsksAboutUnsavedChanges();
    void changeElsewhereIsShown();
    void newCustomTemplate();
    void namedAndReachableByTab_data();
    void namedAndReachableByTab();

private:
    std::unique_ptr<TemplatesPage> makePage(const Caller &caller);
    template<typename T>
    T *child(const QString &name)
    {
        T *found = m_page->findChild<T *>(name);
        if (!found)
            qWarning("no child %s", qPrintable(name));
        return found;
    }
    QPlainTextEdit *englishBody() { return child<QPlainTextEdit>(QStringLiteral("englishBody")); }
    QPlainTextEdit *norwegianBody() { return child<QPlainTextEdit>(QStringLiteral("norwegianBody")); }
    QPushButton *button(const QString &name) { return child<QPushButton>(name); }

    std::unique_ptr<ConsoleFixture> m_fixture;
    std::unique_ptr<TemplatesPage> m_page;
};

void TestTemplatesPage::init()
{
    m_fixture = std::make_unique<ConsoleFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
}

void TestTemplatesPage::cleanup()
{
    m_page.reset();
    m_fixture.reset();
}

std::unique_ptr<TemplatesPage> TestTemplatesPage::makePage(const Caller &caller)
{
    auto page = std::make_unique<TemplatesPage>(m_fixture->services(), caller);
    page->resize(1000, 700);
    page->show();
    return page;
}

void TestTemplatesPage::listsTheBuiltins()
{
    m_page = makePage(orgAdminA());
    auto *list = child<QListWidget>(QStringLiteral("templateList"));
    QVERIFY(list);
    QCOMPARE(list->count(), 4);
    QStringList ids;
    for (int row = 0; row < list->count(); ++row)
        ids << list->item(row)->data(Qt::UserRole).toString();
    QStringList builtinIds;
    for (const PayloadTemplate &t : builtinTemplates())
        builtinIds << t.id;
    QCOMPARE(ids, builtinIds);
    QVERIFY(list->item(0)->text().contains(QStringLiteral("Peer Mentor Pause – Coordinator Notice")));
    QVERIFY(list->item(0)->text().contains(QStringLiteral("Built-in default")));

    // The first one is open, with its texts in both languages.
    QCOMPARE(m_page->currentTemplateId(), kPause);
    QCOMPARE(englishBody()->toPlainText(), builtinTemplate(kPause)->en.body);
    QCOMPARE(norwegianBody()->toPlainText(), builtinTemplate(kPause)->nb.body);
    QCOMPARE(child<QLineEdit>(QStringLiteral("norwegianTitle"))->text(), builtinTemplate(kPause)->nb.title);
    QVERIFY(!m_page->hasUnsavedChanges());
    QVERIFY(!button(QStringLiteral("saveButton"))->isEnabled());
    QVERIFY(!button(QStringLiteral("resetButton"))->isEnabled());
}

void TestTemplatesPage::showsWhatIsOverridden()
{
    TemplateChange change;
    change.body = QStringLiteral("{{peer_mentor_name}} is resting from {{date}}.");
    QVERIFY(m_fixture->templates->update(orgAdminA(), kResume, change).ok());
    m_page = makePage(orgAdminA());
    auto *list = child<QListWidget>(QStringLiteral("templateList"));
    QVERIFY(list->item(1)->text().contains(QStringLiteral("changed for your organisation")));
    QVERIFY(list->item(0)->text().contains(QStringLiteral("Built-in default")));
    QVERIFY(m_page->selectTemplate(kResume));
    QCOMPARE(englishBody()->toPlainText(), *change.body);
    QVERIFY(button(QStringLiteral("resetButton"))->isEnabled());

    // Another organisation sees its own default.
    std::unique_ptr<TemplatesPage> other =
        std::make_unique<TemplatesPage>(m_fixture->services(), coordinatorB());
    auto *otherList = other->findChild<QListWidget *>(QStringLiteral("templateList"));
    QVERIFY(otherList->item(1)->text().contains(QStringLiteral("Built-in default")));
}

void TestTemplatesPage::unknownPlaceholderShowsPositionedError()
{
    m_page = makePage(orgAdminA());
    QPlainTextEdit *body = englishBody();
    auto *problems = child<QListWidget>(QStringLiteral("templateProblems"));
    QCOMPARE(problems->count(), 0);

    body->setPlainText(QStringLiteral("Hello\n  "));
    body->moveCursor(QTextCursor::End);
    QTest::keyClicks(body, QStringLiteral("{{unknown}} there"));
    QCOMPARE(body->toPlainText(), QStringLiteral("Hello\n  {{unknown}} there"));

    // One problem, named by language, field, line and column, and underlined where it is.
    QCOMPARE(problems->count(), 1);
    const QString text = problems->item(0)->text();
    QVERIFY2(text.contains(QStringLiteral("English body, line 2, column 3")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("unknown")), qPrintable(text));
    QVERIFY(!problems->isHidden());
    const int at = int(QStringLiteral("Hello\n  ").size());
    const int length = int(QStringLiteral("{{unknown}}").size());
    QVERIFY(wavyUnderlined(body, at, at + length));
    QVERIFY(!wavyUnderlined(body, 0, 5));
    QVERIFY(!button(QStringLiteral("saveButton"))->isEnabled());
    QVERIFY(button(QStringLiteral("revertButton"))->isEnabled());
    QTRY_VERIFY(child<QTextEdit>(QStringLiteral("englishPreview"))
                    ->toPlainText()
                    .contains(QStringLiteral("No preview")));

    // Enter on the problem selects the tag in the editor.
    problems->setFocus();
    problems->setCurrentRow(0);
    emit problems->itemActivated(problems->item(0));
    QCOMPARE(body->textCursor().selectedText(), QStringLiteral("{{unknown}}"));

    // Fixing it clears the problem and the underline.
    QTextCursor cursor = body->textCursor();
    cursor.insertText(QStringLiteral("{{reason}}"));
    QCOMPARE(problems->count(), 0);
    QVERIFY(problems->isHidden());
    QVERIFY(!anyWavyUnderline(body));
    QVERIFY(button(QStringLiteral("saveButton"))->isEnabled());
    QTRY_VERIFY(child<QTextEdit>(QStringLiteral("englishPreview"))
                    ->toPlainText()
                    .contains(QStringLiteral("Personal leave there")));
}

void TestTemplatesPage::problemInTitleIsListed()
{
    m_page = makePage(orgAdminA());
    auto *title = child<QLineEdit>(QStringLiteral("norwegianTitle"));
    title->setText(QStringLiteral("Pause {{#reason}}for {{reason}}"));
    auto *problems = child<QListWidget>(QStringLiteral("templateProblems"));
    QCOMPARE(problems->count(), 1);
    QVERIFY2(problems->item(0)->text().contains(QStringLiteral("Norwegian title, line 1, column 7")),
             qPrintable(problems->item(0)->text()));
    // Going there shows the Norwegian tab and selects the section that is not closed.
    emit problems->itemActivated(problems->item(0));
    QCOMPARE(title->selectedText(), QStringLiteral("{{#reason}}"));

    title->clear();
    QCOMPARE(problems->count(), 1);
    QVERIFY(problems->item(0)->text().contains(QStringLiteral("Norwegian title is empty")));
    QVERIFY(!button(QStringLiteral("saveButton"))->isEnabled());
}

void TestTemplatesPage::previewsFollowTheText()
{
    m_page = makePage(orgAdminA());
    auto *english = child<QTextEdit>(QStringLiteral("englishPreview"));
    auto *norwegian = child<QTextEdit>(QStringLiteral("norwegianPreview"));
    const TemplateValues sample = PayloadService::sampleValues();
    const QString enDate = formatLongDate(sample.date, QStringLiteral("en"), QStringLiteral("Europe/Oslo"));
    const QString nbDate = formatLongDate(sample.date, QStringLiteral("nb"), QStringLiteral("Europe/Oslo"));
    QCOMPARE(enDate, QStringLiteral("20 March 2026"));

    // The saved default, rendered with the sample values.
    QVERIFY(english->toPlainText().contains(builtinTemplate(kPause)->en.title));
    QVERIFY(english->toPlainText().contains(QStringLiteral(
        "Kari Nordmann has activated a pause effective 20 March 2026. Reason: Personal leave.")));
    QVERIFY(norwegian->toPlainText().contains(
        QStringLiteral("Kari Nordmann har startet en pause fra %1.").arg(nbDate)));

    englishBody()->setPlainText(
        QStringLiteral("{{peer_mentor_name}} rests from {{date}} ({{organization_name}})."));
    QTRY_VERIFY2(english->toPlainText().contains(
                     QStringLiteral("Kari Nordmann rests from %1 (Organisation A).").arg(enDate)),
                 qPrintable(english->toPlainText()));
    norwegianBody()->setPlainText(
        QStringLiteral("{{^reason}}Uten grunn.{{/reason}}{{#reason}}Grunn: {{reason}}{{/reason}} {{date}}"));
    QTRY_VERIFY2(norwegian->toPlainText().contains(QStringLiteral("Grunn: Personal leave %1").arg(nbDate)),
                 qPrintable(norwegian->toPlainText()));
    // The other language's preview is untouched by it.
    QVERIFY(english->toPlainText().contains(QStringLiteral("rests from")));
}

void TestTemplatesPage::previewWithAChosenMentor()
{
    NewRecord record = newRecord(kMentorA1, kCoordA1, EventType::PauseActivated, day(-3));
    record.reason = QStringLiteral("Sykemelding");
    QVERIFY(m_fixture->records->record(orgAdminA(), record).ok());
    m_page = makePage(orgAdminA());
    auto *source = child<QComboBox>(QStringLiteral("previewSource"));
    // Sample values, then the organisation's mentors (never another organisation's).
    QCOMPARE(source->count(), 3);
    QVERIFY(source->findData(kMentorB1) < 0);
    source->setCurrentIndex(source->findData(kMentorA1));
    auto *english = child<QTextEdit>(QStringLiteral("englishPreview"));
    const QString date = formatLongDate(day(-3), QStringLiteral("en"), QStringLiteral("Europe/Oslo"));
    QTRY_VERIFY2(
        english->toPlainText().contains(
            QStringLiteral("Åse Ødegård has activated a pause effective %1. Reason: Sykemelding.").arg(date)),
        qPrintable(english->toPlainText()));
    // The same text the API renders for that mentor.
    TemplateValues values;
    values.peerMentorId = kMentorA1;
    auto rendered = m_fixture->payloads->render(orgAdminA(), kPause, values, QStringLiteral("nb"));
    QVERIFY(rendered.ok());
    QTRY_VERIFY(child<QTextEdit>(QStringLiteral("norwegianPreview"))->toPlainText().contains(rendered->body));
}

void TestTemplatesPage::saveMakesAVersion()
{
    m_page = makePage(orgAdminA());
    const QString newBody = QStringLiteral("{{peer_mentor_name}} pauses from {{date}}.");
    englishBody()->setPlainText(newBody);
    QVERIFY(m_page->hasUnsavedChanges());
    QVERIFY(button(QStringLiteral("saveButton"))->isEnabled());
    QTest::mouseClick(button(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(!m_page->hasUnsavedChanges());
    QVERIFY(!button(QStringLiteral("saveButton"))->isEnabled());

    auto saved = m_fixture->templates->get(orgAdminA(), kPause);
    QVERIFY(saved.ok());
    QCOMPARE(saved->en.body, newBody);
    QCOMPARE(saved->nb.body, builtinTemplate(kPause)->nb.body);
    QCOMPARE(saved->scope, kOrgA);
    // Organisation B keeps the default.
    QCOMPARE(m_fixture->templates->get(coordinatorB(), kPause)->en.body, builtinTemplate(kPause)->en.body);
    QVERIFY(child<QListWidget>(QStringLiteral("templateList"))
                ->item(0)
                ->text()
                .contains(QStringLiteral("changed for your organisation")));
    QVERIFY(button(QStringLiteral("resetButton"))->isEnabled());

    auto versions = m_fixture->templates->versions(orgAdminA(), kPause);
    QVERIFY(versions.ok());
    QCOMPARE(versions->size(), 2); // the inherited original, and the change

    QTest::mouseClick(button(QStringLiteral("versionsButton")), Qt::LeftButton);
    TemplateVersionsDialog *dialog = m_page->versionsDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->versionCount(), 2);
    auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("versionList"));
    QCOMPARE(list->topLevelItem(0)->text(1), TemplateVersionsDialog::actionText(QStringLiteral("update")));
    QCOMPARE(list->topLevelItem(0)->text(2), orgAdminA().username);
    QCOMPARE(list->topLevelItem(1)->text(1), TemplateVersionsDialog::actionText(QStringLiteral("original")));
    QVERIFY(
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("versionText"))->toPlainText().contains(newBody));
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("restoreButton"))->isEnabled());
    dialog->close();
}

void TestTemplatesPage::saveBothLanguages()
{
    m_page = makePage(orgAdminA());
    QVERIFY(m_page->selectTemplate(kResume));
    englishBody()->setPlainText(QStringLiteral("Back: {{peer_mentor_name}}."));
    norwegianBody()->setPlainText(QStringLiteral("Tilbake: {{peer_mentor_name}}."));
    child<QLineEdit>(QStringLiteral("templateDescription"))->setText(QStringLiteral("Short resume notice"));
    QVERIFY(m_page->save());
    auto saved = m_fixture->templates->get(orgAdminA(), kResume);
    QCOMPARE(saved->en.body, QStringLiteral("Back: {{peer_mentor_name}}."));
    QCOMPARE(saved->nb.body, QStringLiteral("Tilbake: {{peer_mentor_name}}."));
    QCOMPARE(saved->description, QStringLiteral("Short resume notice"));
    QCOMPARE(saved->en.title, builtinTemplate(kResume)->en.title);
    QVERIFY(!m_page->hasUnsavedChanges());
}

void TestTemplatesPage::restoreBringsOldTextBack()
{
    m_page = makePage(orgAdminA());
    const QString first = QStringLiteral("First: {{peer_mentor_name}}.");
    const QString second = QStringLiteral("Second: {{peer_mentor_name}}.");
    englishBody()->setPlainText(first);
    QVERIFY(m_page->save());
    englishBody()->setPlainText(second);
    QVERIFY(m_page->save());
    QCOMPARE(m_fixture->templates->get(orgAdminA(), kPause)->en.body, second);

    m_page->openVersions();
    TemplateVersionsDialog *dialog = m_page->versionsDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->versionCount(), 3);
    QVERIFY(dialog->selectVersion(2));
    QVERIFY(
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("versionText"))->toPlainText().contains(first));
    answerMessageBox(defaultButton);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("restoreButton")), Qt::LeftButton);

    QTRY_VERIFY(!m_page->versionsDialog());
    QCOMPARE(englishBody()->toPlainText(), first);
    QCOMPARE(m_fixture->templates->get(orgAdminA(), kPause)->en.body, first);
    QVERIFY(!m_page->hasUnsavedChanges());
    auto versions = m_fixture->templates->versions(orgAdminA(), kPause);
    QCOMPARE(versions->size(), 4);
    QCOMPARE(versions->first().action, QStringLiteral("restore"));
}

void TestTemplatesPage::resetToDefaultBringsBuiltinBack()
{
    m_page = makePage(orgAdminA());
    englishBody()->setPlainText(QStringLiteral("Changed: {{peer_mentor_name}}."));
    QVERIFY(m_page->save());
    QVERIFY(button(QStringLiteral("resetButton"))->isEnabled());

    // Cancelled: nothing happens.
    answerMessageBox(standard(QMessageBox::Cancel));
    QTest::mouseClick(button(QStringLiteral("resetButton")), Qt::LeftButton);
    QCOMPARE(englishBody()->toPlainText(), QStringLiteral("Changed: {{peer_mentor_name}}."));

    answerMessageBox(defaultButton);
    QTest::mouseClick(button(QStringLiteral("resetButton")), Qt::LeftButton);
    QCOMPARE(englishBody()->toPlainText(), builtinTemplate(kPause)->en.body);
    QCOMPARE(m_fixture->templates->get(orgAdminA(), kPause)->en.body, builtinTemplate(kPause)->en.body);
    QVERIFY(child<QListWidget>(QStringLiteral("templateList"))
                ->item(0)
                ->text()
                .contains(QStringLiteral("Built-in default")));
    QVERIFY(!button(QStringLiteral("resetButton"))->isEnabled());
    QVERIFY(!m_page->hasUnsavedChanges());
    QCOMPARE(m_fixture->templates->versions(orgAdminA(), kPause)->first().action, QStringLiteral("reset"));
}

void TestTemplatesPage::coordinatorReadsOnly()
{
    m_page = makePage(coordinatorA());
    QCOMPARE(child<QListWidget>(QStringLiteral("templateList"))->count(), 4);
    for (const QString &name : {QStringLiteral("englishBody"), QStringLiteral("norwegianBody")})
        QVERIFY(child<QPlainTextEdit>(name)->isReadOnly());
    for (const QString &name : {QStringLiteral("englishTitle"), QStringLiteral("norwegianTitle"),
                                QStringLiteral("templateDescription")})
        QVERIFY(child<QLineEdit>(name)->isReadOnly());
    for (const QString &name : {QStringLiteral("saveButton"), QStringLiteral("revertButton"),
                                QStringLiteral("resetButton"), QStringLiteral("newTemplateButton")})
        QVERIFY2(!button(name)->isEnabled(), qPrintable(name));
    for (const QString &variable : TemplateCompiler::variables())
        QVERIFY(!button(QStringLiteral("insert_") + variable)->isEnabled());
    auto *notice = child<QLabel>(QStringLiteral("readOnlyNotice"));
    QVERIFY(notice->isVisible());
    QVERIFY(notice->text().contains(QStringLiteral("only org admins")));

    // Typing changes nothing; the preview still shows the text.
    englishBody()->setFocus();
    QTest::keyClicks(englishBody(), QStringLiteral("xyz"));
    QCOMPARE(englishBody()->toPlainText(), builtinTemplate(kPause)->en.body);
    QVERIFY(child<QTextEdit>(QStringLiteral("englishPreview"))
                ->toPlainText()
                .contains(QStringLiteral("Kari Nordmann")));
    QVERIFY(!m_page->save());

    // The history can be read, not restored from.
    QVERIFY(m_fixture->templates
                ->update(
                    orgAdminA(), kPause,
                    TemplateChange{
                        QStringLiteral("en"), std::nullopt, QStringLiteral("New {{date}}"), std::nullopt, {}})
                .ok());
    QTRY_COMPARE(englishBody()->toPlainText(), QStringLiteral("New {{date}}"));
    QVERIFY(button(QStringLiteral("versionsButton"))->isEnabled());
    m_page->openVersions();
    TemplateVersionsDialog *dialog = m_page->versionsDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->versionCount(), 2);
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("restoreButton"))->isEnabled());
    dialog->close();
}

void TestTemplatesPage::placeholderButtonInsertsAtCursor()
{
    m_page = makePage(orgAdminA());
    QPlainTextEdit *body = englishBody();
    body->setPlainText(QStringLiteral("Hello , bye"));
    QTextCursor cursor = body->textCursor();
    cursor.setPosition(6);
    body->setTextCursor(cursor);
    QTest::mouseClick(button(QStringLiteral("insert_peer_mentor_name")), Qt::LeftButton);
    QCOMPARE(body->toPlainText(), QStringLiteral("Hello {{peer_mentor_name}}, bye"));
    QCOMPARE(body->textCursor().position(), 6 + int(QStringLiteral("{{peer_mentor_name}}").size()));

    // Into the title when the title was the last place typed in, in the language shown.
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    auto *title = child<QLineEdit>(QStringLiteral("englishTitle"));
    title->setFocus();
    QTRY_VERIFY(title->hasFocus());
    title->setCursorPosition(0);
    QTest::mouseClick(button(QStringLiteral("insert_date")), Qt::LeftButton);
    QVERIFY2(title->text().startsWith(QStringLiteral("{{date}}")), qPrintable(title->text()));
    QCOMPARE(body->toPlainText(), QStringLiteral("Hello {{peer_mentor_name}}, bye"));
}

void TestTemplatesPage::switchingAsksAboutUnsavedChanges()
{
    m_page = makePage(orgAdminA());
    auto *list = child<QListWidget>(QStringLiteral("templateList"));
    englishBody()->setPlainText(QStringLiteral("Unsaved {{date}}"));

    // Cancel: the same template, the text kept.
    answerMessageBox(standard(QMessageBox::Cancel));
    list->setCurrentRow(1);
    QCOMPARE(m_page->currentTemplateId(), kPause);
    QCOMPARE(list->currentRow(), 0);
    QCOMPARE(englishBody()->toPlainText(), QStringLiteral("Unsaved {{date}}"));

    // Discard: the other template, nothing saved.
    answerMessageBox(standard(QMessageBox::Discard));
    list->setCurrentRow(1);
    QCOMPARE(m_page->currentTemplateId(), kResume);
    QCOMPARE(englishBody()->toPlainText(), builtinTemplate(kResume)->en.body);
    QCOMPARE(m_fixture->templates->get(orgAdminA(), kPause)->en.body, builtinTemplate(kPause)->en.body);

    // Save: saved, then switched.
    englishBody()->setPlainText(QStringLiteral("Saved {{date}}"));
    answerMessageBox(standard(QMessageBox::Save));
    list->setCurrentRow(0);
    QCOMPARE(m_page->currentTemplateId(), kPause);
    QCOMPARE(m_fixture->templates->get(orgAdminA(), kResume)->en.body, QStringLiteral("Saved {{date}}"));
}

void TestTemplatesPage::changeElsewhereIsShown()
{
    m_page = makePage(orgAdminA());
    englishBody()->setPlainText(QStringLiteral("Mine {{date}}"));
    // Someone else saves the same template (through the API, say).
    TemplateChange theirs;
    theirs.body = QStringLiteral("Theirs {{date}}");
    QVERIFY(m_fixture->templates->update(orgAdminA(), kPause, theirs).ok());
    QTRY_VERIFY(child<QLabel>(QStringLiteral("changedElsewhereNotice"))->isVisible());
    QCOMPARE(englishBody()->toPlainText(), QStringLiteral("Mine {{date}}"));
    // Saving over it is refused (the ETag no longer matches); their text stays.
    answerMessageBox(standard(QMessageBox::Ok));
    QVERIFY(!m_page->save());
    QCOMPARE(m_fixture->templates->get(orgAdminA(), kPause)->en.body, QStringLiteral("Theirs {{date}}"));
    // Revert shows their text.
    QTest::mouseClick(button(QStringLiteral("revertButton")), Qt::LeftButton);
    QCOMPARE(englishBody()->toPlainText(), QStringLiteral("Theirs {{date}}"));
    QVERIFY(!child<QLabel>(QStringLiteral("changedElsewhereNotice"))->isVisible());
}

void TestTemplatesPage::newCustomTemplate()
{
    const Caller global = globalAdmin();
    m_page = makePage(global);
    QVERIFY(button(QStringLiteral("deleteTemplateButton"))->isVisible());
    QVERIFY(!button(QStringLiteral("deleteTemplateButton"))->isEnabled());
    m_page->newTemplate();
    auto *dialog = m_page->findChild<QDialog *>(QStringLiteral("NewTemplateDialog"));
    QVERIFY(dialog);
    dialog->findChild<QLineEdit *>(QStringLiteral("newTemplateId"))
        ->setText(QStringLiteral("coordinator-pause"));
    auto *type = dialog->findChild<QComboBox *>(QStringLiteral("newTemplateType"));
    type->setCurrentIndex(type->findData(QStringLiteral("peer_mentor_pause_confirmation")));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("createTemplateButton")),
                      Qt::LeftButton);
    // An id that exists is refused, not overwritten.
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("newTemplateError"))
                ->text()
                .contains(QStringLiteral("exists already")));

    dialog->findChild<QLineEdit *>(QStringLiteral("newTemplateId"))->setText(QStringLiteral("short-pause"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("createTemplateButton")),
                      Qt::LeftButton);
    QTRY_COMPARE(m_page->currentTemplateId(), QStringLiteral("short-pause"));
    auto *list = child<QListWidget>(QStringLiteral("templateList"));
    QCOMPARE(list->count(), 5);
    QVERIFY(itemTexts(list).last().contains(QStringLiteral("Custom template")));
    const PayloadTemplate *base = builtinTemplate(QStringLiteral("peer-mentor-pause-confirm"));
    QCOMPARE(englishBody()->toPlainText(), base->en.body);
    QCOMPARE(norwegianBody()->toPlainText(), base->nb.body);

    // A global admin may delete it again.
    QVERIFY(button(QStringLiteral("deleteTemplateButton"))->isEnabled());
    answerMessageBox([](QMessageBox *box) {
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                return b;
        return static_cast<QAbstractButton *>(nullptr);
    });
    QTest::mouseClick(button(QStringLiteral("deleteTemplateButton")), Qt::LeftButton);
    QCOMPARE(list->count(), 4);
    QCOMPARE(m_page->currentTemplateId(), kPause);
    QVERIFY(!m_fixture->templates->get(global, QStringLiteral("short-pause")).ok());
}

void TestTemplatesPage::namedAndReachableByTab_data()
{
    QTest::addColumn<int>("role");
    QTest::newRow("coordinator") << int(Role::Coordinator);
    QTest::newRow("org admin") << int(Role::OrgAdmin);
    QTest::newRow("global admin") << int(Role::GlobalAdmin);
}

// Every control of the page has an accessible name, and Tab reaches each enabled one (in both
// language tabs) without getting stuck.
void TestTemplatesPage::namedAndReachableByTab()
{
    QFETCH(int, role);
    const Caller caller = Role(role) == Role::Coordinator ? coordinatorA()
        : Role(role) == Role::OrgAdmin                    ? orgAdminA()
                                                          : globalAdmin();
    m_page = makePage(caller);
    englishBody()->setPlainText(QStringLiteral("{{oops}}")); // the problem list shows up too
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    for (int tab : {0, 1}) {
        child<QTabWidget>(QStringLiteral("languageTabs"))->setCurrentIndex(tab);
        QList<QWidget *> interactive;
        for (QWidget *w : m_page->findChildren<QWidget *>()) {
            if (!w->isVisibleTo(m_page.get()) || qobject_cast<QScrollBar *>(w) || qobject_cast<QTabBar *>(w)
                || qobject_cast<QComboBox *>(w->parentWidget()))
                continue;
            const bool operable = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w)
                || qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractItemView *>(w)
                || qobject_cast<QPlainTextEdit *>(w) || qobject_cast<QTextEdit *>(w)
                || (w->focusPolicy() & Qt::TabFocus);
            if (!operable)
                continue;
            interactive << w;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
            QVERIFY2(iface && !iface->text(QAccessible::Name).trimmed().isEmpty(),
                     qPrintable(w->objectName()));
        }
        QWidget *start = child<QListWidget>(QStringLiteral("templateList"));
        start->setFocus(Qt::TabFocusReason);
        QSet<QWidget *> visited{start};
        for (int step = 0; step < 200; ++step) {
            QWidget *before = QApplication::focusWidget();
            QTest::keyClick(before, Qt::Key_Tab);
            QWidget *now = QApplication::focusWidget();
            QVERIFY(now);
            QVERIFY2(now != before, qPrintable(now->objectName()));
            if (now == start)
                break;
            visited << now;
        }
        for (QWidget *w : std::as_const(interactive)) {
            bool reached = !w->isEnabled() || visited.contains(w);
            for (QWidget *v : std::as_const(visited))
                reached = reached || w->focusProxy() == v || w->isAncestorOf(v);
            QVERIFY2(reached,
                     qPrintable(QStringLiteral("not reached by Tab: ") + w->objectName() + QLatin1Char(' ')
                                + QString::fromLatin1(w->metaObject()->className())));
        }
    }
}

CC_UI_TEST_MAIN(TestTemplatesPage)
#include "tst_templatespage.moc"
