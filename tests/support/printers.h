// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// QCOMPARE prints values through toString() found by argument-dependent lookup; these make the
// project's enums print by name. Header-only: include it where the types are linked anyway.

#include <QMetaEnum>
#include <QTest>

namespace Stackscope {

template<typename Enum>
char *enumToString(Enum value)
{
    const char *key = QMetaEnum::fromType<Enum>().valueToKey(int(value));
    return qstrdup(key ? key : "?");
}

} // namespace Stackscope

#define STACKSCOPE_PRINTABLE_ENUM(Enum)                                                            \
    namespace Stackscope {                                                                         \
    inline char *toString(Enum value)                                                              \
    {                                                                                              \
        return enumToString(value);                                                                \
    }                                                                                              \
    }
