// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/fixtures.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace Stackscope::Test {

QString sharedDir()
{
    return QFileInfo(QStringLiteral(STACKSCOPE_SHARED_DIR)).canonicalFilePath();
}

QString sharedPath(const QString &relativePath)
{
    const QString shared = sharedDir();
    const QString base
        = shared.isEmpty() ? QDir::cleanPath(QStringLiteral(STACKSCOPE_SHARED_DIR)) : shared;
    return base + u'/' + relativePath;
}

QString jaegerFixture(const QString &name)
{
    const QString path = sharedPath(u"fixtures/jaeger/"_s + name);
    return QFileInfo(path).isFile() ? path : QString();
}

QString testDataDir()
{
    return QDir::cleanPath(QStringLiteral(STACKSCOPE_TEST_DATA_DIR));
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot read the fixture %s: %s", qPrintable(path),
                 qPrintable(file.errorString()));
        return {};
    }
    return file.readAll();
}

QByteArray testData(const QString &relativePath)
{
    return readFile(testDataDir() + u'/' + relativePath);
}

QString sharedAbsentMessage(const QString &path)
{
    return u"../shared is absent: %1 not found; this test needs the real fixtures"_s.arg(
        path.isEmpty() ? u"(no path)"_s : path);
}

} // namespace Stackscope::Test
