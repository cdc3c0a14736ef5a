// SPDX-License-Identifier: GPL-3.0-or-later
// A .env file as compose reads it, then the same bytes as one value to interpolate.
#include "app/compose/dotenv.h"
#include "tests/fuzz/fuzzcommon.h"

using namespace Stackscope;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::quietQt();
    static const QProcessEnvironment environment = [] {
        QProcessEnvironment e;
        e.insert(u"HOME"_s, u"/home/fuzz"_s);
        e.insert(u"SET"_s, u"value"_s);
        e.insert(u"EMPTY"_s, QString());
        return e;
    }();
    const QByteArray bytes = Fuzz::bytes(data, size);
    QStringList errors;
    const auto pairs = DotEnv::parse(bytes, environment, &errors);
    if (errors.size() > 1)
        abort(); // parsing stops at the first error, as compose does
    Fuzz::keep(pairs);

    const DotEnv::Lookup lookup = [](const QString &name) -> std::optional<QString> {
        if (environment.contains(name))
            return environment.value(name);
        return std::nullopt;
    };
    QString out, error;
    QStringList unset;
    if (!DotEnv::interpolate(QString::fromUtf8(bytes), lookup, &out, &error, &unset)
        && error.isEmpty())
        abort(); // a refusal always says why
    Fuzz::keep(out);
    return 0;
}
