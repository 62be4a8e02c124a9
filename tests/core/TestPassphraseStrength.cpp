// The passphrase strength hint of the first-run page: zxcvbn's estimate through core/crypto/PassphraseStrength,
// banded as KeePassXC bands it. The cases are the ones a person meets: a famous password, a keyboard walk, the
// app's own name, a short word with digits, a four-word passphrase, a Japanese passphrase.
#include "core/crypto/PassphraseStrength.h"

#include <QTest>

using namespace techo::crypto;

class TestPassphraseStrength : public QObject {
    Q_OBJECT

private slots:
    void commonPasswordsAndPatterns_areNotGood_data()
    {
        QTest::addColumn<QString>("passphrase");
        QTest::newRow("famous password") << QStringLiteral("password");
        QTest::newRow("keyboard walk") << QStringLiteral("qwertyuiop");
        QTest::newRow("digits sequence") << QStringLiteral("123456789");
        QTest::newRow("repeated") << QStringLiteral("aaaaaaaaaaaa");
        QTest::newRow("word and year") << QStringLiteral("sakura2024");
    }
    void commonPasswordsAndPatterns_areNotGood()
    {
        QFETCH(QString, passphrase);
        const PassphraseStrength strength = estimatePassphraseStrength(passphrase.toStdString());
        QVERIFY2(strength.quality <= PassphraseQuality::Poor, qPrintable(QString::number(strength.entropyBits)));
        QVERIFY(strength.entropyBits < 40);
    }

    void longUnrelatedWords_areGoodOrBetter()
    {
        const PassphraseStrength strength = estimatePassphraseStrength("walnut orbit ferry lantern quiz mosaic");
        QVERIFY2(strength.quality >= PassphraseQuality::Good, qPrintable(QString::number(strength.entropyBits)));
    }

    // The same characters are far easier to guess when they are a word the attacker knows belongs to the person.
    void avoidWords_lowerTheEstimate()
    {
        const std::string passphrase = "Kenkoutecho";
        const PassphraseStrength plain = estimatePassphraseStrength(passphrase);
        const PassphraseStrength known = estimatePassphraseStrength(passphrase, {"kenkoutecho"});
        QVERIFY2(known.entropyBits < plain.entropyBits / 2,
            qPrintable(QStringLiteral("%1 vs %2").arg(known.entropyBits).arg(plain.entropyBits)));
    }

    // Multi-byte UTF-8 (a Japanese passphrase) is estimated, not rejected or counted as nothing.
    void japanesePassphrase_isEstimated()
    {
        const PassphraseStrength shortOne = estimatePassphraseStrength(QStringLiteral("健康").toStdString());
        const PassphraseStrength longOne
            = estimatePassphraseStrength(QStringLiteral("朝の散歩は川沿いの桜並木を三十分").toStdString());
        QVERIFY(shortOne.entropyBits > 0);
        QVERIFY2(longOne.entropyBits > shortOne.entropyBits * 3,
            qPrintable(QStringLiteral("%1 vs %2").arg(longOne.entropyBits).arg(shortOne.entropyBits)));
        QVERIFY(longOne.quality >= PassphraseQuality::Good);
    }

    void empty_isBad() { QCOMPARE(estimatePassphraseStrength("").quality, PassphraseQuality::Bad); }
};

QTEST_MAIN(TestPassphraseStrength)
#include "TestPassphraseStrength.moc"
