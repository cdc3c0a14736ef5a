// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/compose/dotenv.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Stackscope::DotEnv {

namespace {

// lupdate files a tr() call under the class or namespace around it (Stackscope,
// Stackscope::DotEnv): the translation is looked up under each of them.
QString tr(const char *text)
{
    for (const char *context : {"Stackscope", "Stackscope::DotEnv"}) {
        const QString translated = QCoreApplication::translate(context, text);
        if (translated != QLatin1StringView(text))
            return translated;
    }
    return QString::fromUtf8(text);
}

/// Deeper nesting than any real file has; it bounds the recursion on hostile input.
constexpr int kMaxNesting = 64;
/// Larger than any real .env file; bounds the memory a fuzzed or mistaken path can take.
constexpr qint64 kMaxFileSize = 4 * 1024 * 1024;

bool isNameStart(QChar c)
{
    return c == u'_' || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9');
}

struct Substitution
{
    const Lookup &lookup;
    QStringList *unset;
    QString *failedVariable;
    QString error;
    int depth = 0;
};

/// Index of the `}` closing the `${` at `start`; only `${` opens (compose-go's
/// getFirstBraceClosingIndex), so `${A:-{x}}` closes at the first `}`.
qsizetype closingBrace(const QString &s, qsizetype start)
{
    int open = 0;
    for (qsizetype i = start; i < s.size(); ++i) {
        if (s.at(i) == u'}' && --open == 0)
            return i;
        if (s.at(i) == u'$' && i + 1 < s.size() && s.at(i + 1) == u'{') {
            ++open;
            ++i;
        }
    }
    return -1;
}

std::optional<QString> lookUp(Substitution &ctx, const QString &name)
{
    std::optional<QString> value = ctx.lookup ? ctx.lookup(name) : std::nullopt;
    return value;
}

bool substitute(const QString &s, Substitution &ctx, QString &out);

/// One `${...}` body: a name, then nothing or one operator and its argument.
bool braced(const QString &template_, const QString &body, Substitution &ctx, QString &out)
{
    qsizetype k = 0;
    if (body.isEmpty() || !isNameStart(body.at(0))) {
        ctx.error
            = tr("invalid interpolation format \"%1\"; write $$ for a literal $").arg(template_);
        return false;
    }
    while (k < body.size() && isNameChar(body.at(k)))
        ++k;
    const QString name = body.left(k);
    const QString rest = body.mid(k);
    if (rest.isEmpty()) {
        const std::optional<QString> value = lookUp(ctx, name);
        if (!value && ctx.unset && !ctx.unset->contains(name))
            ctx.unset->append(name);
        out += value.value_or(QString());
        return true;
    }
    static const QStringList operators{u":-"_s, u":?"_s, u":+"_s, u"-"_s, u"?"_s, u"+"_s};
    QString op;
    for (const QString &candidate : operators) {
        if (rest.startsWith(candidate)) {
            op = candidate;
            break;
        }
    }
    if (op.isEmpty()) {
        ctx.error
            = tr("invalid interpolation format \"%1\"; write $$ for a literal $").arg(template_);
        return false;
    }
    // compose-go substitutes the argument before it looks at the variable.
    QString argument;
    if (!substitute(rest.mid(op.size()), ctx, argument))
        return false;
    const std::optional<QString> value = lookUp(ctx, name);
    const bool set = value.has_value();
    const bool nonEmpty = set && !value->isEmpty();
    if (op == u":-"_s)
        out += nonEmpty ? *value : argument;
    else if (op == u"-"_s)
        out += set ? *value : argument;
    else if (op == u":+"_s)
        out += nonEmpty ? argument : value.value_or(QString());
    else if (op == u"+"_s)
        out += set ? argument : QString();
    else { // ":?" and "?"
        if (op == u":?"_s ? !nonEmpty : !set) {
            ctx.error = argument.isEmpty()
                            ? tr("required variable %1 is missing a value").arg(name)
                            : tr("required variable %1 is missing a value: %2").arg(name, argument);
            if (ctx.failedVariable)
                *ctx.failedVariable = name;
            return false;
        }
        out += *value;
    }
    return true;
}

bool substitute(const QString &s, Substitution &ctx, QString &out)
{
    if (++ctx.depth > kMaxNesting) {
        ctx.error = tr("interpolation nested more than %1 levels deep").arg(kMaxNesting);
        return false;
    }
    out.reserve(out.size() + s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c != u'$' || i + 1 >= s.size()) {
            out += c;
            continue;
        }
        const QChar next = s.at(i + 1);
        if (next == u'$') {
            out += u'$';
            ++i;
        } else if (isNameStart(next)) {
            qsizetype j = i + 1;
            while (j < s.size() && isNameChar(s.at(j)))
                ++j;
            const QString name = s.mid(i + 1, j - i - 1);
            const std::optional<QString> value = lookUp(ctx, name);
            if (!value && ctx.unset && !ctx.unset->contains(name))
                ctx.unset->append(name);
            out += value.value_or(QString());
            i = j - 1;
        } else if (next == u'{') {
            const qsizetype close = closingBrace(s, i);
            if (close < 0) {
                ctx.error = tr("invalid interpolation format \"%1\" (no closing brace); write $$ "
                               "for a literal $")
                                .arg(s.mid(i));
                return false;
            }
            if (!braced(s.mid(i, close - i + 1), s.mid(i + 2, close - i - 2), ctx, out))
                return false;
            i = close;
        } else {
            out += c; // "$1", "$ ", "$-": compose leaves them as they are
        }
    }
    --ctx.depth;
    return true;
}

// compose-go's expandEscapes for double-quoted values: \n and \r, \$ as a literal $ (it becomes
// $$ before interpolation), and any other escaped character stands for itself.
QString expandEscapes(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c != u'\\' || i + 1 >= value.size()) {
            out += c;
            continue;
        }
        const QChar e = value.at(++i);
        if (e == u'n')
            out += u'\n';
        else if (e == u'r')
            out += u'\r';
        else if (e == u'$')
            out += u"$$"_s;
        else
            out += e;
    }
    return out;
}

bool isInlineSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\v' || c == u'\f' || c == u'\r' || c == QChar(0x85)
           || c == QChar(0xA0);
}

} // namespace

bool interpolate(const QString &text, const Lookup &lookup, QString *out, QString *error,
                 QStringList *unset, QString *failedVariable)
{
    Substitution ctx{lookup, unset, failedVariable, {}, 0};
    QString result;
    if (!substitute(text, ctx, result)) {
        if (error)
            *error = ctx.error;
        return false;
    }
    if (out)
        *out = result;
    return true;
}

namespace {

struct ParseError
{
    int line = 0;
    QString message;
};

QList<std::pair<QString, QString>>
parseText(const QByteArray &text, const QProcessEnvironment &environment, ParseError *error)
{
    QList<std::pair<QString, QString>> out;
    QHash<QString, QString> earlier;
    const Lookup lookup = [&](const QString &name) -> std::optional<QString> {
        if (environment.contains(name))
            return environment.value(name);
        if (const auto it = earlier.constFind(name); it != earlier.constEnd())
            return *it;
        return std::nullopt;
    };
    auto fail = [&](int line, const QString &message) {
        error->line = line;
        error->message = message;
    };

    QString src = QString::fromUtf8(text);
    if (src.startsWith(QChar(0xFEFF)))
        src.remove(0, 1);
    src.replace(u"\r\n"_s, u"\n"_s);
    const qsizetype n = src.size();
    qsizetype pos = 0;
    int line = 1;
    while (true) {
        // The next statement: skip blank space and comment lines.
        while (pos < n) {
            const QChar c = src.at(pos);
            if (c == u'\n') {
                ++line;
                ++pos;
            } else if (c.isSpace()) {
                ++pos;
            } else if (c == u'#') {
                while (pos < n && src.at(pos) != u'\n')
                    ++pos;
            } else {
                break;
            }
        }
        if (pos >= n)
            break;
        if (QStringView(src).mid(pos).startsWith(u"export") && pos + 6 < n
            && isInlineSpace(src.at(pos + 6))) {
            pos += 6;
            while (pos < n && isInlineSpace(src.at(pos)))
                ++pos;
        }
        const qsizetype keyStart = pos;
        QChar separator;
        while (pos < n) {
            const QChar c = src.at(pos);
            if (c == u'=' || c == u':' || c == u'\n') {
                separator = c;
                break;
            }
            if (isInlineSpace(c) || c == u'_' || c == u'.' || c == u'-' || c == u'[' || c == u']'
                || c.isLetterOrNumber()) {
                ++pos;
                continue;
            }
            const qsizetype eol = src.indexOf(u'\n', keyStart);
            fail(line, tr("unexpected character \"%1\" in variable name \"%2\"")
                           .arg(c)
                           .arg(src.mid(keyStart, eol < 0 ? -1 : eol - keyStart)));
            return out;
        }
        QString key = src.mid(keyStart, pos - keyStart);
        while (!key.isEmpty() && isInlineSpace(key.back()))
            key.chop(1);
        if (key.contains(u' ')) {
            fail(line, tr("key cannot contain a space"));
            return out;
        }
        if (separator.isNull() || separator == u'\n') {
            // A bare KEY takes its value from the environment (an empty key is a stray line).
            if (!key.isEmpty() && environment.contains(key)) {
                out.append({key, environment.value(key)});
                earlier.insert(key, environment.value(key));
            }
            continue;
        }
        if (key.isEmpty()) {
            fail(line, tr("a variable needs a name before \"%1\"").arg(separator));
            return out;
        }
        ++pos; // the separator
        while (pos < n && isInlineSpace(src.at(pos)))
            ++pos;

        QString value;
        const int valueLine = line;
        if (pos < n && (src.at(pos) == u'"' || src.at(pos) == u'\'')) {
            const QChar quote = src.at(pos);
            qsizetype end = -1;
            int lines = 0;
            for (qsizetype i = pos + 1; i < n; ++i) {
                if (src.at(i) == u'\n')
                    ++lines;
                if (src.at(i) == quote && src.at(i - 1) != u'\\') {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                const qsizetype eol = src.indexOf(u'\n', pos);
                fail(
                    valueLine,
                    tr("unterminated quoted value %1").arg(src.mid(pos, eol < 0 ? -1 : eol - pos)));
                return out;
            }
            value = src.mid(pos + 1, end - pos - 1);
            line += lines;
            pos = end + 1;
            if (quote == u'"') {
                QString problem;
                if (!interpolate(expandEscapes(value), lookup, &value, &problem)) {
                    fail(valueLine, problem);
                    return out;
                }
            }
        } else {
            qsizetype eol = src.indexOf(u'\n', pos);
            if (eol < 0)
                eol = n;
            value = src.mid(pos, eol - pos);
            if (const qsizetype comment = value.indexOf(u" #"); comment >= 0)
                value.truncate(comment);
            while (!value.isEmpty() && value.back().isSpace())
                value.chop(1);
            pos = eol;
            QString problem;
            if (!interpolate(value, lookup, &value, &problem)) {
                fail(valueLine, problem);
                return out;
            }
        }
        out.append({key, value});
        earlier.insert(key, value);
    }
    return out;
}

} // namespace

QList<std::pair<QString, QString>>
parse(const QByteArray &text, const QProcessEnvironment &environment, QStringList *errors)
{
    ParseError error;
    auto out = parseText(text, environment, &error);
    if (error.line > 0 && errors)
        errors->append(tr("line %1: %2").arg(error.line).arg(error.message));
    return out;
}

QList<std::pair<QString, QString>> parse(const QByteArray &text, QStringList *errors)
{
    return parse(text, QProcessEnvironment::systemEnvironment(), errors);
}

QHash<QString, QString> load(const QString &path, const QProcessEnvironment &environment,
                             QString *error)
{
    QHash<QString, QString> vars;
    const QFileInfo info(path);
    QFile f(path);
    if (!info.exists()) {
        if (error)
            *error = tr("%1: the env file does not exist").arg(path);
        return vars;
    }
    if (!info.isFile()) {
        if (error)
            *error = tr("%1: not a regular file; name the env file itself").arg(path);
        return vars;
    }
    if (info.size() > kMaxFileSize || !f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"%1: %2"_s.arg(path, info.size() > kMaxFileSize
                                               ? tr("larger than 4 MiB, not an env file")
                                               : f.errorString());
        return vars;
    }
    ParseError parseError;
    const auto pairs = parseText(f.read(kMaxFileSize), environment, &parseError);
    if (parseError.line > 0) {
        if (error)
            *error = u"%1:%2: %3"_s.arg(path).arg(parseError.line).arg(parseError.message);
        return {};
    }
    for (const auto &[key, value] : pairs)
        vars.insert(key, value);
    return vars;
}

QHash<QString, QString> load(const QString &path, QString *error)
{
    return load(path, QProcessEnvironment::systemEnvironment(), error);
}

} // namespace Stackscope::DotEnv
