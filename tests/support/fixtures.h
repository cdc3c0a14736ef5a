// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFileInfo>
#include <QString>
#include <QTest>

namespace Stackscope::Test {

/// The shared folder beside the checkout (STACKSCOPE_SHARED_DIR, canonical), empty if absent.
QString sharedDir();
/// Where relativePath would be under the shared folder, whether it exists or not (for messages).
QString sharedPath(const QString &relativePath);
/// The path of a Jaeger fixture under shared/fixtures/jaeger, empty if it is not there.
QString jaegerFixture(const QString &name);
/// The project's own fixtures, tests/data (STACKSCOPE_TEST_DATA_DIR).
QString testDataDir();
/// The bytes of the file at `path`; empty (with a warning naming it) when it cannot be read, so
/// that the test's own assertion on the content fails with the reason beside it.
QByteArray readFile(const QString &path);
/// The bytes of tests/data/`relativePath`, as readFile().
QByteArray testData(const QString &relativePath);
/// The text STACKSCOPE_REQUIRE_SHARED skips with.
QString sharedAbsentMessage(const QString &path);

} // namespace Stackscope::Test

/// Skips the current test function, saying why, when a file from ../shared is missing.
/// Pass sharedPath(...) rather than jaegerFixture(...) to have the missing path in the message.
#define STACKSCOPE_REQUIRE_SHARED(path)                                                            \
    do {                                                                                           \
        const QString stackscopeRequiredPath_ = (path);                                            \
        if (stackscopeRequiredPath_.isEmpty() || !QFileInfo::exists(stackscopeRequiredPath_))      \
            QSKIP(qPrintable(::Stackscope::Test::sharedAbsentMessage(stackscopeRequiredPath_)));   \
    } while (false)
