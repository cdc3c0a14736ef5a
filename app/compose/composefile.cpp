// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/compose/composefile.h"

#include "app/compose/dotenv.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QHostAddress>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

// lupdate files a tr() call under the class or namespace around it (Stackscope, Stackscope::Loader,
// Stackscope::Converter, Stackscope::ComposeFile): the translation is looked up under each of them.
QString tr(const char *text)
{
    for (const char *context :
         {"Stackscope", "Stackscope::Loader", "Stackscope::Converter", "Stackscope::ComposeFile"}) {
        const QString translated = QCoreApplication::translate(context, text);
        if (translated != QLatin1StringView(text))
            return translated;
    }
    return QString::fromUtf8(text);
}

/// Far above any real project (a large one has a few thousand nodes); it stops alias bombs
/// ("billion laughs") and self-referencing anchors from eating the memory.
constexpr int kMaxNodes = 200000;
constexpr int kMaxDepth = 200;
constexpr int kMaxExtends = 1000;
constexpr int kMaxIncludes = 256;    // files loaded through `include`, counting repeats
constexpr int kMaxIncludeDepth = 64; // a cycle through symbolic links has ever new paths
constexpr qint64 kMaxFileSize = 16 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// The model: YAML converted into our own tree, so that aliases become copies we may change,
// merge keys are applied, and every value knows its file, line and column.

struct Entry;

struct Node
{
    enum class Kind { Null, Scalar, Seq, Map };
    Kind kind = Kind::Null;
    QString scalar;
    std::vector<Node> items;
    std::vector<Entry> entries;
    int file = -1;
    bool reset = false;    // `!reset`: a later file removes the value
    bool override = false; // `!override`: a later file replaces the value instead of merging
    int line = 0;          // 0-based, as yaml-cpp's marks
    int column = 0;        // 0-based

    bool isMap() const { return kind == Kind::Map; }
    bool isSeq() const { return kind == Kind::Seq; }
    bool isScalar() const { return kind == Kind::Scalar; }
    bool isNull() const { return kind == Kind::Null; }
    const Node *get(QStringView key) const;
    Node *get(QStringView key);
    QString text(QStringView key) const
    {
        const Node *n = get(key);
        return n && n->isScalar() ? n->scalar : QString();
    }
    void remove(QStringView key);
};

struct Entry
{
    QString key;
    Node value;
};

const Node *Node::get(QStringView key) const
{
    for (const Entry &e : entries) {
        if (e.key == key)
            return &e.value;
    }
    return nullptr;
}

Node *Node::get(QStringView key)
{
    for (Entry &e : entries) {
        if (e.key == key)
            return &e.value;
    }
    return nullptr;
}

void Node::remove(QStringView key)
{
    std::erase_if(entries, [&](const Entry &e) { return e.key == key; });
}

/// How many values a tree holds; extends copies are counted against kMaxNodes too.
qsizetype countNodes(const Node &n)
{
    qsizetype count = 1;
    for (const Node &item : n.items)
        count += countNodes(item);
    for (const Entry &e : n.entries)
        count += countNodes(e.value);
    return count;
}

bool isTrue(const Node *n)
{
    return n && n->isScalar() && n->scalar.compare(u"true"_s, Qt::CaseInsensitive) == 0;
}

// ---------------------------------------------------------------------------------------------
// Errors carry the position; the message says what is wrong and, where it helps, what to do.

struct Problem
{
    int file = -1;
    int line = 0;
    int column = 0;
    QString message;
};

struct Converter
{
    int file = -1;
    int lineOffset = 0; // the document's first line in the file
    int budget = kMaxNodes;
    std::optional<Problem> problem;

    bool fail(const YAML::Mark &mark, const QString &message)
    {
        if (!problem)
            problem = Problem{file, mark.line + lineOffset, mark.column, message};
        return false;
    }

    bool convert(const YAML::Node &y, Node &out, int depth);
};

bool isMergeKey(const YAML::Node &key)
{
    if (!key.IsScalar())
        return false;
    const std::string scalar = key.Scalar(); // copies: gcc 12 warns about the references
    const std::string tag = key.Tag();
    return scalar == "<<" && (tag == "?" || tag == "tag:yaml.org,2002:merge");
}

bool Converter::convert(const YAML::Node &y, Node &out, int depth)
{
    const YAML::Mark mark = y.Mark();
    out.file = file;
    out.line = mark.line + lineOffset;
    out.column = mark.column;
    if (--budget < 0)
        return fail(mark, tr("more than %1 values once aliases are expanded; is an alias used "
                             "inside its own anchor?")
                              .arg(kMaxNodes));
    if (depth > kMaxDepth)
        return fail(mark, tr("nested more than %1 levels deep").arg(kMaxDepth));
    const std::string tag = y.Tag(); // a copy: gcc 12 warns about the reference
    out.reset = tag == "!reset";
    out.override = tag == "!override";
    switch (y.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        out.kind = Node::Kind::Null;
        return true;
    case YAML::NodeType::Scalar:
        out.kind = Node::Kind::Scalar;
        out.scalar = QString::fromStdString(y.Scalar());
        return true;
    case YAML::NodeType::Sequence:
        out.kind = Node::Kind::Seq;
        out.items.reserve(y.size());
        for (const YAML::Node &item : y) {
            out.items.emplace_back();
            if (!convert(item, out.items.back(), depth + 1))
                return false;
        }
        return true;
    case YAML::NodeType::Map:
        break;
    }
    out.kind = Node::Kind::Map;
    // Merge keys (YAML 1.1, which compose's parser follows): the mapping's own keys win, then
    // the merged mappings in order, the first one winning.
    std::vector<Node> merged;
    qsizetype mergeAt = -1;
    QHash<QString, bool> keys;
    for (auto it = y.begin(); it != y.end(); ++it) {
        const YAML::Node key = it->first;
        if (isMergeKey(key)) {
            Node source;
            if (!convert(it->second, source, depth + 1))
                return false;
            if (mergeAt < 0)
                mergeAt = qsizetype(out.entries.size());
            if (source.isMap()) {
                merged.push_back(std::move(source));
            } else if (source.isSeq()) {
                for (Node &item : source.items) {
                    if (!item.isMap())
                        return fail(key.Mark(),
                                    tr("a merge key '<<' takes a mapping or a list of mappings "
                                       "(aliases like *name)"));
                    merged.push_back(std::move(item));
                }
            } else {
                return fail(key.Mark(), tr("a merge key '<<' takes a mapping or a list of "
                                           "mappings (aliases like *name)"));
            }
            continue;
        }
        if (!key.IsScalar() && !key.IsNull())
            return fail(key.Mark(), tr("a key must be a plain value, not a list or a mapping"));
        const QString name = key.IsScalar() ? QString::fromStdString(key.Scalar()) : QString();
        if (keys.contains(name))
            return fail(key.Mark(), tr("the key '%1' is defined twice in this mapping").arg(name));
        keys.insert(name, true);
        Entry e{name, {}};
        if (!convert(it->second, e.value, depth + 1))
            return false;
        out.entries.push_back(std::move(e));
    }
    if (mergeAt >= 0) {
        std::vector<Entry> added;
        for (Node &source : merged) {
            for (Entry &e : source.entries) {
                if (!keys.contains(e.key)) {
                    keys.insert(e.key, true);
                    added.push_back(std::move(e));
                }
            }
        }
        out.entries.insert(out.entries.begin() + mergeAt, std::make_move_iterator(added.begin()),
                           std::make_move_iterator(added.end()));
    }
    return true;
}

/// The YAML documents of a file with their first line: split at the `---` markers in column 0
/// (which end any scalar in YAML too), the marker blanked so that columns stay right. Each is
/// read with YAML::Load: yaml-cpp 0.7's LoadAll loops forever on some broken input (", x").
QList<std::pair<int, QByteArray>> documents(const QByteArray &yaml)
{
    QList<std::pair<int, QByteArray>> out;
    QByteArray current;
    int start = 0;
    int line = 0;
    qsizetype pos = 0;
    while (pos <= yaml.size()) {
        qsizetype eol = yaml.indexOf('\n', pos);
        if (eol < 0)
            eol = yaml.size();
        QByteArray text = yaml.mid(pos, eol - pos + 1);
        if (text.startsWith("---")
            && (text.size() == 3 || text.at(3) == ' ' || text.at(3) == '\t' || text.at(3) == '\r'
                || text.at(3) == '\n')) {
            out.append({start, current});
            current.clear();
            start = line;
            text.replace(0, 3, "   ");
        }
        current += text;
        ++line;
        pos = eol + 1;
    }
    out.append({start, current});
    return out;
}

// ---------------------------------------------------------------------------------------------
// Merging (several files, extends) with compose-go's rules.

enum class Rule { Merge, Replace, KeyValue };

Rule ruleFor(const QStringList &path)
{
    if (path.size() == 3 && path.at(0) == u"services"_s) {
        const QString &k = path.at(2);
        if (k == u"command"_s || k == u"entrypoint"_s)
            return Rule::Replace;
        if (k == u"labels"_s || k == u"environment"_s || k == u"annotations"_s || k == u"sysctls"_s)
            return Rule::KeyValue;
    }
    if (path.size() == 4 && path.at(0) == u"services"_s) {
        if (path.at(2) == u"healthcheck"_s && path.at(3) == u"test"_s)
            return Rule::Replace;
        if (path.at(2) == u"build"_s && path.at(3) == u"args"_s)
            return Rule::KeyValue;
    }
    return Rule::Merge;
}

/// `[K=V, K2]` or `{K: V}` as a mapping.
Node keyValueMap(const Node &n)
{
    if (!n.isSeq())
        return n;
    Node out;
    out.kind = Node::Kind::Map;
    out.file = n.file;
    out.line = n.line;
    out.column = n.column;
    QHash<QString, size_t> index;
    for (const Node &item : n.items) {
        if (!item.isScalar())
            continue;
        const qsizetype eq = item.scalar.indexOf(u'=');
        Node value;
        value.file = item.file;
        value.line = item.line;
        value.column = item.column;
        if (eq >= 0) {
            value.kind = Node::Kind::Scalar;
            value.scalar = item.scalar.mid(eq + 1);
        }
        const QString key = eq >= 0 ? item.scalar.left(eq) : item.scalar;
        if (const auto it = index.constFind(key); it != index.constEnd()) {
            out.entries[*it].value = value;
        } else {
            index.insert(key, out.entries.size());
            out.entries.push_back({key, value});
        }
    }
    return out;
}

Node merge(const Node &base, const Node &over, QStringList &path)
{
    if (over.reset) // compose v2.24's `!reset`: the value is gone
        return Node{};
    if (over.isNull()) // compose needs !reset to remove a value; null alone does not
        return base;
    if (over.override)
        return over;
    const Rule rule = ruleFor(path);
    if (rule == Rule::Replace || base.isNull())
        return over;
    if (rule == Rule::KeyValue) {
        Node a = keyValueMap(base);
        const Node b = keyValueMap(over);
        if (!a.isMap() || !b.isMap())
            return over;
        QHash<QString, size_t> index;
        for (size_t i = 0; i < a.entries.size(); ++i)
            index.insert(a.entries[i].key, i);
        for (const Entry &e : b.entries) {
            if (const auto it = index.constFind(e.key); it != index.constEnd()) {
                a.entries[*it].value = e.value;
            } else {
                index.insert(e.key, a.entries.size());
                a.entries.push_back(e);
            }
        }
        return a;
    }
    if (base.isMap() && over.isMap()) {
        Node out = base;
        QHash<QString, size_t> index;
        for (size_t i = 0; i < out.entries.size(); ++i)
            index.insert(out.entries[i].key, i);
        for (const Entry &e : over.entries) {
            if (const auto it = index.constFind(e.key); it != index.constEnd()) {
                path.append(e.key);
                out.entries[*it].value = merge(out.entries[*it].value, e.value, path);
                path.removeLast();
            } else {
                index.insert(e.key, out.entries.size());
                out.entries.push_back(e);
            }
        }
        return out;
    }
    if (base.isSeq() && over.isSeq()) {
        Node out = base;
        out.items.insert(out.items.end(), over.items.begin(), over.items.end());
        return out;
    }
    return over;
}

// ---------------------------------------------------------------------------------------------
// Ports, volumes, commands.

struct VolumeSpec
{
    QString source;
    QString target;
    bool readOnly = false;
    bool bind = false;
};

bool isFilePath(const QString &source)
{
    return source.startsWith(u'.') || source.startsWith(u'/') || source.startsWith(u'~');
}

/// compose-go's ParseVolume for the short syntax (Linux paths).
bool parseVolume(const QString &spec, VolumeSpec *out, QString *error)
{
    if (spec.isEmpty()) {
        *error = tr("invalid empty volume spec");
        return false;
    }
    if (spec.size() <= 2) {
        out->target = spec;
        return true;
    }
    const QStringList parts = spec.split(u':');
    for (const QString &p : parts) {
        if (p.isEmpty()) {
            *error = tr("invalid volume \"%1\": empty section between colons").arg(spec);
            return false;
        }
    }
    if (parts.size() > 3) {
        *error = tr("invalid volume \"%1\": too many colons").arg(spec);
        return false;
    }
    if (parts.size() == 1) {
        out->target = parts.at(0);
        return true;
    }
    out->source = parts.at(0);
    out->target = parts.at(1);
    if (parts.size() == 3) {
        for (const QString &option : parts.at(2).split(u',')) {
            if (option == u"ro"_s)
                out->readOnly = true;
            else if (option == u"rw"_s)
                out->readOnly = false;
        }
    }
    out->bind = isFilePath(out->source);
    return true;
}

QString volumeTarget(const Node &n)
{
    if (n.isMap())
        return n.text(u"target");
    VolumeSpec v;
    QString ignored;
    return n.isScalar() && parseVolume(n.scalar, &v, &ignored) ? v.target : QString();
}

QString portKey(const Node &n)
{
    if (n.isScalar())
        return n.scalar;
    if (!n.isMap())
        return QString();
    const QString host = n.get(u"host_ip") ? n.text(u"host_ip") : u"0.0.0.0"_s;
    const QString protocol = n.get(u"protocol") ? n.text(u"protocol") : u"tcp"_s;
    return u"%1:%2:%3/%4"_s.arg(host, n.text(u"published"), n.text(u"target"), protocol);
}

/// compose-go's EnforceUnicity for the sequences Stackscope reads: the later of two entries
/// with the same key replaces the earlier one, in the earlier one's place.
void enforceUnicity(Node &service)
{
    if (!service.isMap())
        return;
    auto unique = [&](QStringView key, auto keyOf) {
        Node *seq = service.get(key);
        if (!seq || !seq->isSeq())
            return;
        std::vector<Node> out;
        QHash<QString, size_t> seen;
        for (Node &item : seq->items) {
            const QString k = keyOf(item);
            if (const auto it = seen.constFind(k); it != seen.constEnd()) {
                out[*it] = std::move(item);
            } else {
                seen.insert(k, out.size());
                out.push_back(std::move(item));
            }
        }
        seq->items = std::move(out);
    };
    auto scalar = [](const Node &n) {
        return n.isScalar() ? n.scalar : QString();
    };
    unique(u"ports", portKey);
    unique(u"volumes", volumeTarget);
    unique(u"expose", scalar);
    unique(u"profiles", scalar);
    unique(u"cap_add", scalar);
    unique(u"cap_drop", scalar);
    unique(u"dns", scalar);
}

bool parsePortRange(const QString &text, int *start, int *end)
{
    const QStringList parts = text.split(u'-');
    if (parts.size() > 2)
        return false;
    bool ok1 = false, ok2 = true;
    *start = parts.at(0).toInt(&ok1);
    *end = parts.size() == 2 ? parts.at(1).toInt(&ok2) : *start;
    return ok1 && ok2 && *start >= 0 && *start <= 65535 && *end >= *start && *end <= 65535;
}

bool validProtocol(const QString &p)
{
    return p == u"tcp"_s || p == u"udp"_s || p == u"sctp"_s;
}

/// `[[ip:][hostPort]:]containerPort[/protocol]`, as docker's nat.ParsePortSpec reads it.
bool parseShortPort(const QString &spec, PublishedPort *out, QString *error)
{
    QString rest = spec;
    QString protocol = u"tcp"_s;
    if (const qsizetype slash = rest.lastIndexOf(u'/'); slash >= 0) {
        protocol = rest.mid(slash + 1).toLower();
        rest.truncate(slash);
    }
    const QStringList parts = rest.split(u':');
    const qsizetype n = parts.size();
    const QString container = parts.at(n - 1);
    const QString host = n >= 2 ? parts.at(n - 2) : QString();
    QString ip = n >= 3 ? parts.mid(0, n - 2).join(u':') : QString();
    if (ip.startsWith(u'[') && ip.endsWith(u']'))
        ip = ip.mid(1, ip.size() - 2);
    if (!ip.isEmpty() && QHostAddress(ip).isNull()) {
        *error = tr("invalid IP address %1 in port \"%2\"").arg(ip, spec);
        return false;
    }
    if (container.isEmpty()) {
        *error = tr("no container port in \"%1\"").arg(spec);
        return false;
    }
    if (!parsePortRange(container, &out->containerPort, &out->containerPortEnd)) {
        *error = tr("invalid container port \"%1\" in \"%2\"").arg(container, spec);
        return false;
    }
    out->hostPort = out->hostPortEnd = 0;
    if (!host.isEmpty() && !parsePortRange(host, &out->hostPort, &out->hostPortEnd)) {
        *error = tr("invalid host port \"%1\" in \"%2\"").arg(host, spec);
        return false;
    }
    if (!host.isEmpty() && out->containerPortEnd != out->containerPort
        && out->containerPortEnd - out->containerPort != out->hostPortEnd - out->hostPort) {
        *error = tr("the ranges of \"%1\" differ in length").arg(spec);
        return false;
    }
    if (!validProtocol(protocol)) {
        *error = tr("invalid protocol \"%1\" in \"%2\" (tcp, udp or sctp)").arg(protocol, spec);
        return false;
    }
    out->hostIp = ip;
    out->protocol = protocol;
    return true;
}

bool parseLongPort(const Node &n, PublishedPort *out, QString *error)
{
    bool ok = false;
    const QString target = n.text(u"target");
    out->containerPort = out->containerPortEnd = target.toInt(&ok);
    if (!ok || out->containerPort < 0 || out->containerPort > 65535) {
        *error = tr("a port needs a 'target' (the port inside the container)");
        return false;
    }
    const QString published = n.text(u"published");
    out->hostPort = out->hostPortEnd = 0;
    if (!published.isEmpty() && !parsePortRange(published, &out->hostPort, &out->hostPortEnd)) {
        *error = tr("invalid published port \"%1\"").arg(published);
        return false;
    }
    out->hostIp = n.text(u"host_ip");
    if (out->hostIp.startsWith(u'[') && out->hostIp.endsWith(u']'))
        out->hostIp = out->hostIp.mid(1, out->hostIp.size() - 2);
    out->protocol = n.get(u"protocol") ? n.text(u"protocol").toLower() : u"tcp"_s;
    if (!validProtocol(out->protocol)) {
        *error = tr("invalid protocol \"%1\" (tcp, udp or sctp)").arg(out->protocol);
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Paths and values of included files.

QString absolutePath(const QString &dir, const QString &path)
{
    return QDir::cleanPath(QDir(dir).absoluteFilePath(path));
}

/// A build context compose fetches instead of reading a folder.
bool isRemote(const QString &path)
{
    return path.contains(u"://"_s) || path.startsWith(u"git@"_s)
           || path.startsWith(u"github.com/"_s);
}

/// Makes a relative path (a scalar) absolute against `dir`; `~` and remote paths stay.
void absolutize(Node *n, const QString &dir)
{
    if (!n || !n->isScalar() || n->scalar.isEmpty() || QDir::isAbsolutePath(n->scalar)
        || n->scalar.startsWith(u'~') || isRemote(n->scalar))
        return;
    n->scalar = absolutePath(dir, n->scalar);
}

/// A string or a list of strings (`path` and `env_file` of an include).
bool stringList(const Node &n, QStringList *out)
{
    if (n.isScalar()) {
        *out << n.scalar;
        return true;
    }
    if (!n.isSeq())
        return false;
    for (const Node &item : n.items) {
        if (!item.isScalar())
            return false;
        *out << item.scalar;
    }
    return true;
}

/// Whether two values are the same (reflect.DeepEqual in compose-go: map order aside), wherever
/// they were written.
bool sameValue(const Node &a, const Node &b)
{
    if (a.kind != b.kind || a.scalar != b.scalar || a.items.size() != b.items.size()
        || a.entries.size() != b.entries.size())
        return false;
    for (size_t i = 0; i < a.items.size(); ++i) {
        if (!sameValue(a.items[i], b.items[i]))
            return false;
    }
    if (a.entries.size() <= 16) { // the common case: a lookup by scanning
        for (const Entry &e : a.entries) {
            const Node *other = b.get(e.key);
            if (!other || !sameValue(e.value, *other))
                return false;
        }
        return true;
    }
    QHash<QString, const Node *> index;
    for (const Entry &e : b.entries)
        index.insert(e.key, &e.value);
    for (const Entry &e : a.entries) {
        const Node *other = index.value(e.key);
        if (!other || !sameValue(e.value, *other))
            return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// The loader: files, interpolation, extends.

struct Loader
{
    QProcessEnvironment environment;
    QHash<QString, QString> variables; // the project environment: .env, then the environment
    QString projectDir;
    QString home;
    QStringList files; // index = Node::file
    QStringList unset;
    QStringList warnings;
    QStringList *sources = nullptr;
    std::optional<Problem> problem;
    std::map<QString, Node> extendedFiles; // absolute path -> its interpolated model
    int extendsDone = 0;
    qsizetype extendsCopied = 0;
    // `include`: each included project is read in its own scope (see Scope).
    QString scopeDir;                 // where relative include paths start; empty = projectDir
    QHash<QString, QString> baseDirs; // an included file -> its project folder (for extends)
    QStringList includeChain;         // the files whose includes are being read, outermost first
    int includesDone = 0;
    qsizetype includedNodes = 0;

    bool fail(const Node &at, const QString &message)
    {
        if (!problem)
            problem = Problem{at.file, at.line, at.column, message};
        return false;
    }
    bool failFile(const QString &path, int line, int column, const QString &message)
    {
        if (!problem)
            problem = Problem{fileIndex(path), line, column, message};
        return false;
    }

    int fileIndex(const QString &path)
    {
        const qsizetype i = files.indexOf(path);
        if (i >= 0)
            return int(i);
        files.append(path);
        return int(files.size() - 1);
    }

    QString fileName(int file) const
    {
        return file >= 0 && file < files.size() ? files.at(file) : tr("compose file");
    }

    QString errorText() const
    {
        if (!problem)
            return QString();
        return u"%1:%2:%3: %4"_s.arg(fileName(problem->file))
            .arg(problem->line + 1)
            .arg(problem->column + 1)
            .arg(problem->message);
    }

    bool readFile(const QString &path, QByteArray *bytes)
    {
        const QFileInfo info(path);
        if (!info.exists())
            return failFile(
                path, -1, -1,
                tr("the compose file does not exist; check the path (stack.composeFiles "
                   "in the configuration, or COMPOSE_FILE)"));
        if (info.isDir())
            return failFile(path, -1, -1,
                            tr("this is a folder, not a compose file; name the file itself (for "
                               "example %1)")
                                .arg(QDir(path).filePath(u"compose.yaml"_s)));
        QFile f(path);
        if (!info.isFile() || info.size() > kMaxFileSize || !f.open(QIODevice::ReadOnly))
            return failFile(path, -1, -1,
                            info.size() > kMaxFileSize
                                ? tr("larger than 16 MiB; this is not a compose file")
                                : tr("cannot be read: %1").arg(f.errorString()));
        *bytes = f.read(kMaxFileSize);
        if (sources && !sources->contains(path))
            sources->append(path);
        return true;
    }

    /// The documents of one file, converted, merged and interpolated.
    bool parseText(const QByteArray &yaml, const QString &path, Node *model)
    {
        const int file = fileIndex(path);
        bool any = false;
        Converter converter;
        converter.file = file;
        for (const auto &[firstLine, text] : documents(yaml)) {
            YAML::Node doc;
            try {
                doc = YAML::Load(text.toStdString());
            } catch (const YAML::Exception &e) {
                problem = Problem{file, e.mark.line + firstLine, e.mark.column,
                                  tr("%1 (invalid YAML)").arg(QString::fromStdString(e.msg))};
                return false;
            }
            if (doc.IsNull())
                continue;
            any = true;
            Node one;
            converter.lineOffset = firstLine;
            if (!converter.convert(doc, one, 0)) {
                problem = converter.problem;
                return false;
            }
            if (!one.isMap()) {
                Node at = one;
                return fail(at, tr("not a compose file (no top-level map)"));
            }
            if (!interpolateTree(one, {}))
                return false;
            QStringList path;
            *model = model->isNull() ? std::move(one) : merge(*model, one, path);
        }
        if (!any) {
            Node at;
            at.file = file;
            return fail(at, tr("the file is empty; a compose file needs a 'services:' map"));
        }
        return true;
    }

    std::optional<QString> lookup(const QString &name) const
    {
        if (const auto it = variables.constFind(name); it != variables.constEnd())
            return *it;
        return std::nullopt;
    }

    bool interpolateTree(Node &n, const QStringList &path)
    {
        switch (n.kind) {
        case Node::Kind::Null:
            return true;
        case Node::Kind::Scalar: {
            if (!n.scalar.contains(u'$'))
                return true;
            QString error, variable;
            const DotEnv::Lookup look = [this](const QString &v) {
                return lookup(v);
            };
            if (!DotEnv::interpolate(n.scalar, look, &n.scalar, &error, &unset, &variable)) {
                const QString where = path.join(u'.');
                if (!variable.isEmpty())
                    return fail(n, tr("%1 (in %2); set %3 in the environment or in the env file")
                                       .arg(error, where, variable));
                return fail(n, tr("%1 (in %2)").arg(error, where));
            }
            return true;
        }
        case Node::Kind::Seq:
            for (qsizetype i = 0; i < qsizetype(n.items.size()); ++i) {
                if (!interpolateTree(n.items[i], path + QStringList{u"[%1]"_s.arg(i)}))
                    return false;
            }
            return true;
        case Node::Kind::Map:
            for (Entry &e : n.entries) {
                if (!interpolateTree(e.value, path + QStringList{e.key}))
                    return false;
            }
            return true;
        }
        return true;
    }

    /// Makes the relative bind sources of a service taken from another file absolute against
    /// that file's folder (compose resolves them there, not in the project folder).
    void rebase(Node &service, const QString &dir)
    {
        Node *volumes = service.get(u"volumes");
        if (!volumes || !volumes->isSeq())
            return;
        for (Node &v : volumes->items) {
            if (v.isScalar()) {
                const QString source = v.scalar.section(u':', 0, 0);
                if (source.startsWith(u'.') && v.scalar.contains(u':'))
                    v.scalar = QDir::cleanPath(dir + u'/' + source) + v.scalar.mid(source.size());
            } else if (v.isMap()) {
                Node *source = v.get(u"source");
                const QString type = v.text(u"type");
                if (source && source->isScalar()
                    && (type == u"bind"_s || (type.isEmpty() && source->scalar.startsWith(u'.')))
                    && !source->scalar.startsWith(u'/') && !source->scalar.startsWith(u'~'))
                    source->scalar = QDir::cleanPath(dir + u'/' + source->scalar);
            }
        }
    }

    struct Link
    {
        QString file;
        QString service;
    };

    Node *extendedServices(const QString &path, const Node &at)
    {
        auto it = extendedFiles.find(path);
        if (it == extendedFiles.end()) {
            QByteArray bytes;
            if (!readFile(path, &bytes)) {
                // Point at the `extends` that names the file, which the user has to fix.
                const QString message = problem->message;
                problem.reset();
                fail(at, tr("%1: %2").arg(path, message));
                return nullptr;
            }
            Node model;
            if (!parseText(bytes, path, &model))
                return nullptr;
            it = extendedFiles.emplace(path, std::move(model)).first;
        }
        Node *services = it->second.get(u"services");
        if (!services || !services->isMap()) {
            fail(at, tr("%1 has no 'services' map to extend").arg(path));
            return nullptr;
        }
        return services;
    }

    /// compose-go's applyServiceExtends: the base (resolved first, recursively) merged with the
    /// service, which wins.
    bool applyExtends(Node &services, const QString &name, const QString &file, QList<Link> &chain)
    {
        Node *service = services.get(name);
        if (!service || !service->isMap())
            return true;
        const Node *extends = service->get(u"extends");
        if (!extends)
            return true;
        if (++extendsDone > kMaxExtends)
            return fail(*extends, tr("more than %1 extends").arg(kMaxExtends));
        QString ref, refFile;
        if (extends->isScalar()) {
            ref = extends->scalar;
        } else if (extends->isMap()) {
            ref = extends->text(u"service");
            refFile = extends->text(u"file");
        }
        if (ref.isEmpty())
            return fail(*extends, tr("'extends' needs the 'service' to extend"));
        for (const Link &l : chain) {
            if (l.file == file && l.service == name) {
                QStringList steps;
                for (const Link &s : chain)
                    steps << u"%1 (%2)"_s.arg(s.service, QFileInfo(s.file).fileName());
                steps << u"%1 (%2)"_s.arg(name, QFileInfo(file).fileName());
                return fail(*extends, tr("circular extends: %1; remove one of these 'extends'")
                                          .arg(steps.join(u" → "_s)));
            }
        }
        chain.append({file, name});
        const Node at = *extends;
        Node base;
        if (!refFile.isEmpty()) {
            // An included project's files extend against its project folder, others against
            // their own folder.
            const QString path
                = absolutePath(baseDirs.value(file, QFileInfo(file).absolutePath()), refFile);
            Node *other = extendedServices(path, at);
            if (!other)
                return false;
            if (!other->get(ref))
                return fail(at, tr("cannot extend service %1: service %2 not found in %3")
                                    .arg(name, ref, path));
            if (!applyExtends(*other, ref, path, chain))
                return false;
            // The cache may have moved: look it up again.
            other = extendedServices(path, at);
            if (!other)
                return false;
            base = *other->get(ref);
            rebase(base, QFileInfo(path).absolutePath());
        } else {
            if (!services.get(ref))
                return fail(at, tr("cannot extend service %1: service %2 not found in %3")
                                    .arg(name, ref, file));
            if (!applyExtends(services, ref, file, chain))
                return false;
            base = *services.get(ref);
        }
        chain.removeLast();
        if (base.isNull()) {
            base.kind = Node::Kind::Map;
        }
        base.remove(u"extends");
        service = services.get(name); // applyExtends above replaced other entries, not this one
        Node own = *service;
        own.remove(u"extends");
        QStringList path{u"services"_s, name};
        Node merged = merge(base, own, path);
        enforceUnicity(merged);
        extendsCopied += countNodes(merged);
        if (extendsCopied > 4 * kMaxNodes)
            return fail(at, tr("extends copy more than %1 values; do the services extend each "
                               "other in a long chain?")
                                .arg(4 * kMaxNodes));
        *service = std::move(merged);
        return true;
    }

    bool applyAllExtends(Node &model, const QString &path)
    {
        Node *services = model.get(u"services");
        if (!services || !services->isMap())
            return true;
        for (size_t i = 0; i < services->entries.size(); ++i) {
            const Node &service = services->entries[i].value;
            if (!service.isMap() || !service.get(u"extends"))
                continue; // the common case, kept linear
            QList<Link> chain;
            if (!applyExtends(*services, services->entries[i].key, path, chain))
                return false;
        }
        return true;
    }

    /// One compose file: parsed, interpolated, its extends applied, then its includes (in this
    /// order, as compose-go does: an extends cannot name an included service of the same file).
    bool loadFile(const QByteArray &bytes, const QString &path, Node *model)
    {
        if (!parseText(bytes, path, model) || !applyAllExtends(*model, path))
            return false;
        // parse() may name the file relatively.
        includeChain.append(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
        const bool ok = applyIncludes(*model);
        includeChain.removeLast();
        return ok;
    }

    // -----------------------------------------------------------------------------------------
    // `include` (compose-go's ApplyInclude): each entry is read as a project of its own (its
    // folder, its env file), then its services, networks, volumes, secrets and configs join the
    // including file's.

    struct IncludeFile
    {
        QString path; // absolute
        Node at;      // the value naming it, for errors
    };

    struct Include
    {
        std::vector<IncludeFile> files; // the first one is the main file, the others override it
        QString projectDir;             // absolute
        QStringList envFiles;           // absolute; may be empty
        Node at;                        // the entry, for errors
    };

    /// What one project reads with: its variables and its folder. Extended files are cached per
    /// scope, as their interpolation depends on the variables.
    struct Scope
    {
        QHash<QString, QString> variables;
        QString dir;
        QHash<QString, QString> baseDirs;
        std::map<QString, Node> extendedFiles;
    };

    Scope swapScope(Scope next)
    {
        Scope previous{std::move(variables), std::move(scopeDir), std::move(baseDirs),
                       std::move(extendedFiles)};
        variables = std::move(next.variables);
        scopeDir = std::move(next.dir);
        baseDirs = std::move(next.baseDirs);
        extendedFiles = std::move(next.extendedFiles);
        return previous;
    }

    QString currentDir() const { return scopeDir.isEmpty() ? projectDir : scopeDir; }

    /// A path for messages: relative to the project folder when inside it.
    QString shortPath(const QString &path) const
    {
        const QString relative = QDir(projectDir).relativeFilePath(path);
        return relative.startsWith(u"../"_s) ? path : relative;
    }

    bool applyIncludes(Node &model)
    {
        const Node *list = model.get(u"include");
        if (!list || list->isNull())
            return true;
        if (!list->isSeq())
            return fail(*list, tr("'include' is a list of files, or of mappings with 'path', "
                                  "'project_directory' and 'env_file'"));
        const Node entries = *list; // the model changes while the entries are read
        for (const Node &entry : entries.items) {
            Include include;
            Node imported;
            if (!readInclude(entry, &include) || !loadInclude(include, &imported)
                || !importResources(model, imported))
                return false;
        }
        model.remove(u"include");
        return true;
    }

    /// One entry of `include`, its paths made absolute against the including project's folder.
    bool readInclude(const Node &entry, Include *out)
    {
        const QString dir = currentDir();
        out->at = entry;
        QString projectDirectory;
        if (entry.isScalar()) {
            out->files.push_back({absolutePath(dir, entry.scalar), entry});
        } else if (!entry.isMap()) {
            return fail(entry, tr("an include is a file, or a mapping with 'path'"));
        }
        for (const Entry &e : entry.entries) {
            QStringList values;
            if (e.key == u"path"_s) {
                if (!stringList(e.value, &values))
                    return fail(e.value, tr("'path' is a file or a list of files"));
                for (size_t i = 0; i < size_t(values.size()); ++i)
                    out->files.push_back({absolutePath(dir, values.at(qsizetype(i))),
                                          e.value.isSeq() ? e.value.items[i] : e.value});
            } else if (e.key == u"env_file"_s) {
                if (!stringList(e.value, &values))
                    return fail(e.value, tr("'env_file' is a file or a list of files"));
                for (const QString &v : std::as_const(values))
                    out->envFiles << absolutePath(dir, v);
            } else if (e.key == u"project_directory"_s) {
                if (!e.value.isScalar())
                    return fail(e.value, tr("'project_directory' is a folder"));
                projectDirectory = e.value.scalar;
            } else if (!e.key.startsWith(u"x-"_s)) {
                return fail(e.value, tr("unknown key '%1' in an include (path, project_directory "
                                        "or env_file)")
                                         .arg(e.key));
            }
        }
        if (out->files.empty() || out->files.front().path.isEmpty())
            return fail(entry, tr("an include needs the 'path' of the file to include"));
        out->projectDir = projectDirectory.isEmpty()
                              ? QFileInfo(out->files.front().path).absolutePath()
                              : absolutePath(dir, projectDirectory);
        const QString dotenv = QDir(out->projectDir).filePath(u".env"_s);
        if (out->envFiles.isEmpty() && QFileInfo(dotenv).isFile())
            out->envFiles << dotenv;
        return true;
    }

    /// The included project's variables: the including project's, which win (the environment
    /// and its env file), then its own env files, a later one winning over an earlier one.
    bool includeVariables(const Include &include, QHash<QString, QString> *out)
    {
        QProcessEnvironment outer;
        for (auto it = variables.constBegin(); it != variables.constEnd(); ++it)
            outer.insert(it.key(), it.value());
        QHash<QString, QString> own;
        for (const QString &path : include.envFiles) {
            QString error;
            const QHash<QString, QString> read = DotEnv::load(path, outer, &error);
            if (!error.isEmpty())
                return fail(include.at, tr("%1 (an env file of this include)").arg(error));
            own.insert(read);
            if (sources && !sources->contains(path))
                sources->append(path);
        }
        *out = variables;
        for (auto it = own.constBegin(); it != own.constEnd(); ++it) {
            if (!out->contains(it.key()))
                out->insert(it.key(), it.value());
        }
        return true;
    }

    bool checkCycle(const IncludeFile &file)
    {
        if (!includeChain.contains(file.path))
            return true;
        QStringList steps;
        for (const QString &f : std::as_const(includeChain))
            steps << shortPath(f);
        steps << shortPath(file.path);
        return fail(
            file.at,
            tr("include cycle: %1; remove one of these includes").arg(steps.join(u" → "_s)));
    }

    bool readIncluded(const IncludeFile &file, QByteArray *bytes)
    {
        if (!QFileInfo::exists(file.path))
            return fail(file.at, tr("the included file %1 does not exist; check the path in "
                                    "'include'")
                                     .arg(file.path));
        if (readFile(file.path, bytes))
            return true;
        const QString message = problem->message; // readFile's words, at the include instead
        problem.reset();
        return fail(file.at, tr("cannot include %1: %2").arg(file.path, message));
    }

    /// Reads the include's files in their own scope and merges them as several -f files are.
    bool loadInclude(const Include &include, Node *imported)
    {
        for (const IncludeFile &file : include.files) {
            if (!checkCycle(file))
                return false;
        }
        if (++includesDone > kMaxIncludes || includeChain.size() > kMaxIncludeDepth)
            return fail(include.at, tr("more than %1 included files, or includes nested more than "
                                       "%2 deep; do the files include each other?")
                                        .arg(kMaxIncludes)
                                        .arg(kMaxIncludeDepth));
        Scope scope;
        if (!includeVariables(include, &scope.variables))
            return false;
        scope.dir = include.projectDir;
        for (const IncludeFile &file : include.files)
            scope.baseDirs.insert(file.path, include.projectDir);
        Scope outer = swapScope(std::move(scope));
        bool ok = true;
        for (const IncludeFile &file : include.files) {
            QByteArray bytes;
            Node one;
            ok = readIncluded(file, &bytes) && loadFile(bytes, file.path, &one);
            if (!ok)
                break;
            QStringList treePath;
            *imported = imported->isNull() ? std::move(one) : merge(*imported, one, treePath);
        }
        swapScope(std::move(outer));
        if (!ok)
            return false;
        includedNodes += countNodes(*imported);
        if (includedNodes > 4 * kMaxNodes)
            return fail(include.at, tr("the included files hold more than %1 values; is one file "
                                       "included many times over?")
                                        .arg(4 * kMaxNodes));
        resolvePaths(*imported, include.projectDir);
        return true;
    }

    /// The relative paths compose resolves against the project folder, made absolute against
    /// the included one's: bind mounts, build contexts, env files, secret and config files.
    void resolvePaths(Node &model, const QString &dir)
    {
        if (Node *services = model.get(u"services"); services && services->isMap()) {
            for (Entry &e : services->entries) {
                enforceUnicity(e.value);
                resolveServicePaths(e.value, dir);
            }
        }
        for (const QString &kind : {u"secrets"_s, u"configs"_s}) {
            if (Node *resources = model.get(kind); resources && resources->isMap()) {
                for (Entry &e : resources->entries)
                    absolutize(e.value.get(u"file"), dir);
            }
        }
    }

    void resolveServicePaths(Node &service, const QString &dir)
    {
        if (!service.isMap())
            return;
        rebase(service, dir);
        if (Node *build = service.get(u"build"); build && build->isScalar())
            absolutize(build, dir);
        else if (build && build->isMap())
            absolutize(build->get(u"context"), dir);
        Node *envFile = service.get(u"env_file");
        if (!envFile || !envFile->isSeq())
            return absolutize(envFile, dir);
        for (Node &item : envFile->items)
            absolutize(item.isMap() ? item.get(u"path") : &item, dir);
    }

    /// compose-go's importResources: a name declared by both files is a conflict unless both
    /// declare the very same thing (two includes of one file).
    bool importResources(Node &model, const Node &imported)
    {
        for (const QString &kind :
             {u"services"_s, u"volumes"_s, u"networks"_s, u"secrets"_s, u"configs"_s}) {
            const Node *from = imported.get(kind);
            if (!from || from->isNull())
                continue;
            if (!from->isMap())
                return fail(*from, tr("'%1' must be a mapping").arg(kind));
            Node *to = model.get(kind);
            if (!to) {
                model.entries.push_back({kind, Node{}});
                to = &model.entries.back().value;
            }
            if (!to->isNull() && !to->isMap())
                return fail(*to, tr("'%1' must be a mapping").arg(kind));
            to->kind = Node::Kind::Map;
            if (!importInto(*to, *from, kind))
                return false;
        }
        return true;
    }

    bool importInto(Node &to, const Node &from, const QString &kind)
    {
        QHash<QString, size_t> index; // a lookup per name stays linear for thousands of them
        for (size_t i = 0; i < to.entries.size(); ++i)
            index.insert(to.entries[i].key, i);
        for (const Entry &e : from.entries) {
            const auto it = index.constFind(e.key);
            if (it == index.constEnd()) {
                index.insert(e.key, to.entries.size());
                to.entries.push_back(e);
                continue;
            }
            const Node *mine = &to.entries[*it].value;
            if (!sameValue(*mine, e.value))
                return fail(*mine, tr("%1.%2 conflicts with imported resource %1.%2 of %3 (line "
                                      "%4); rename one of them, or remove this one")
                                       .arg(kind, e.key, fileName(e.value.file))
                                       .arg(e.value.line + 1));
        }
        return true;
    }

    QString absoluteSource(const QString &source) const
    {
        if (source == u"~"_s)
            return home;
        if (source.startsWith(u"~/"_s))
            return QDir::cleanPath(home + source.mid(1));
        if (source.startsWith(u'/'))
            return source;
        return QDir::cleanPath(projectDir + u'/' + source);
    }

    bool readCommand(const Node *n, QStringList *out)
    {
        out->clear();
        if (!n || n->isNull())
            return true;
        if (n->isScalar()) {
            if (!ComposeFile::splitCommand(n->scalar, out))
                return fail(*n, tr("unclosed quote in \"%1\"").arg(n->scalar));
            return true;
        }
        if (n->isSeq()) {
            for (const Node &item : n->items)
                *out << item.scalar;
            return true;
        }
        return fail(*n, tr("expected a string or a list of strings"));
    }

    bool readService(const QString &name, const Node &n, ComposeService &s)
    {
        s.name = name;
        if (n.isNull())
            return true;
        if (!n.isMap())
            return fail(n, tr("service '%1' must be a mapping").arg(name));
        s.image = n.text(u"image");
        s.containerName = n.text(u"container_name");
        s.networkMode = n.text(u"network_mode");
        if (!readCommand(n.get(u"command"), &s.command)
            || !readCommand(n.get(u"entrypoint"), &s.entrypoint))
            return false;
        if (const Node *ports = n.get(u"ports"); ports && ports->isSeq()) {
            for (const Node &p : ports->items) {
                PublishedPort port;
                QString error;
                const bool ok = p.isScalar() ? parseShortPort(p.scalar, &port, &error)
                                : p.isMap()
                                    ? parseLongPort(p, &port, &error)
                                    : (error = tr("a port is a string or a mapping"), false);
                if (!ok)
                    return fail(p, error);
                s.ports << port;
                if (port.hostPort > 0 && !s.hostPorts.contains(port.hostPort))
                    s.hostPorts << port.hostPort;
            }
        }
        if (const Node *volumes = n.get(u"volumes"); volumes && volumes->isSeq()) {
            for (const Node &v : volumes->items) {
                ServiceMount m;
                if (v.isScalar()) {
                    VolumeSpec spec;
                    QString error;
                    if (!parseVolume(v.scalar, &spec, &error))
                        return fail(v, error);
                    m.source = spec.source;
                    m.target = spec.target;
                    m.readOnly = spec.readOnly;
                    m.bind = spec.bind;
                } else if (v.isMap()) {
                    m.source = v.text(u"source");
                    m.target = v.text(u"target");
                    m.readOnly = isTrue(v.get(u"read_only"));
                    const QString type = v.text(u"type");
                    m.bind = type == u"bind"_s || (type.isEmpty() && isFilePath(m.source));
                } else {
                    return fail(v, tr("a volume is a string or a mapping"));
                }
                if (m.bind)
                    m.source = absoluteSource(m.source);
                s.mounts << m;
            }
        }
        if (const Node *labels = n.get(u"labels")) {
            const Node map = keyValueMap(*labels);
            if (map.isMap())
                s.url = map.text(u"stackscope.url");
        }
        if (const Node *environment = n.get(u"environment")) {
            const Node map = keyValueMap(*environment);
            if (map.isMap()) {
                for (const auto &entry : map.entries)
                    s.environment.insert(entry.key,
                                         entry.value.isScalar() ? entry.value.scalar : QString());
            }
        }
        if (const Node *profiles = n.get(u"profiles"); profiles && profiles->isSeq()) {
            for (const Node &p : profiles->items)
                s.profiles << p.scalar;
        }
        if (const Node *hc = n.get(u"healthcheck"); hc && hc->isMap()) {
            const Node *test = hc->get(u"test");
            const bool none = test && test->isSeq() && !test->items.empty()
                              && test->items.front().scalar == u"NONE"_s;
            s.hasHealthcheck = !isTrue(hc->get(u"disable")) && !none;
        }
        return true;
    }

    bool extract(const Node &model, ComposeFile &result)
    {
        result.name = model.text(u"name");
        if (const Node *networks = model.get(u"networks"); networks && networks->isMap()) {
            for (const Entry &e : networks->entries) {
                const Node *external = e.value.get(u"external");
                if (!external)
                    continue;
                QString real;
                if (external->isMap() && external->get(u"name"))
                    real = external->text(u"name"); // the legacy `external: {name: y}`
                else if (isTrue(external))
                    real = e.value.get(u"name") ? e.value.text(u"name") : e.key;
                if (!real.isEmpty() && !result.externalNetworks.contains(real))
                    result.externalNetworks << real;
            }
        }
        const Node *services = model.get(u"services");
        if (!services || !services->isMap()) {
            const Node &at = services ? *services : model;
            return fail(at, tr("no 'services' map"));
        }
        for (const Entry &e : services->entries) {
            ComposeService s;
            if (!readService(e.key, e.value, s))
                return false;
            result.allServices << s;
        }
        return true;
    }
};

void finish(Loader &loader, ComposeFile &result, const Node &model)
{
    if (!loader.problem)
        loader.extract(model, result);
    for (const QString &v : std::as_const(loader.unset))
        result.warnings
            << tr("The \"%1\" variable is not set. Defaulting to a blank string.").arg(v);
    result.warnings << loader.warnings;
    if (loader.problem) {
        result.error = loader.errorText();
        result.services.clear();
        result.allServices.clear();
    }
}

} // namespace

bool ComposeFile::splitCommand(const QString &text, QStringList *arguments)
{
    // mattn/go-shellwords as compose-go calls it (no environment or backtick expansion).
    QStringList args;
    QString buf;
    bool escaped = false, single = false, dbl = false, got = false;
    for (const QChar r : text) {
        if (escaped) {
            buf += r;
            escaped = false;
            got = true;
            continue;
        }
        if (r == u'\\') {
            if (single)
                buf += r;
            else
                escaped = true;
            continue;
        }
        if (r == u' ' || r == u'\t' || r == u'\r' || r == u'\n') {
            if (single || dbl) {
                buf += r;
            } else if (got) {
                args << buf;
                buf.clear();
                got = false;
            }
            continue;
        }
        if (r == u'"' && !single) {
            dbl = !dbl;
            got = true;
            continue;
        }
        if (r == u'\'' && !dbl) {
            single = !single;
            got = true;
            continue;
        }
        if ((r == u';' || r == u'&' || r == u'|' || r == u'<' || r == u'>') && !single && !dbl)
            break;
        got = true;
        buf += r;
    }
    if (escaped || single || dbl)
        return false;
    if (got)
        args << buf;
    *arguments = args;
    return true;
}

ComposeFile ComposeFile::resolve(const ComposeInputs &in)
{
    ComposeFile result;
    Loader loader;
    loader.sources = &result.sources;
    loader.environment = in.environment;
    loader.home
        = in.environment.contains(u"HOME"_s) ? in.environment.value(u"HOME"_s) : QDir::homePath();
    const QString workDir
        = in.workingDirectory.isEmpty() ? QDir::currentPath() : in.workingDirectory;
    QStringList files;
    for (const QString &f : in.files)
        files << absolutePath(workDir, f);
    loader.projectDir = files.isEmpty() ? workDir : QFileInfo(files.first()).absolutePath();

    // The env file: --env-file replaces .env; the environment wins over either.
    QHash<QString, QString> dotenv;
    const QString envFile = in.envFile.isEmpty() ? QDir(loader.projectDir).filePath(u".env"_s)
                                                 : absolutePath(workDir, in.envFile);
    if (!in.envFile.isEmpty() || QFileInfo(envFile).isFile()) {
        QString error;
        dotenv = DotEnv::load(envFile, in.environment, &error);
        if (!error.isEmpty()) {
            // DotEnv::load says "PATH:LINE: message" or "PATH: reason".
            const QString rest = error.mid(envFile.size() + 1);
            bool numeric = false;
            const int line = rest.section(u':', 0, 0).toInt(&numeric);
            result.error = numeric
                               ? u"%1:%2:1:%3"_s.arg(envFile).arg(line).arg(rest.section(u':', 1))
                               : u"%1:0:0:%2"_s.arg(envFile, rest);
            result.error += tr(" (fix the env file, or name another one in stack.envFile)");
            return result;
        }
        result.sources << envFile;
    }
    loader.variables = dotenv;
    for (const QString &key : in.environment.keys())
        loader.variables.insert(key, in.environment.value(key));

    if (files.isEmpty()) {
        const QString composeFile = loader.variables.value(u"COMPOSE_FILE"_s);
        const QString separator = loader.variables.value(u"COMPOSE_PATH_SEPARATOR"_s, u":"_s);
        for (const QString &f : composeFile.split(separator, Qt::SkipEmptyParts))
            files << absolutePath(workDir, f);
        if (files.isEmpty()) {
            const QStringList candidates{u"compose.yaml"_s, u"compose.yml"_s,
                                         u"docker-compose.yaml"_s, u"docker-compose.yml"_s};
            for (const QString &c : candidates) {
                const QString path = QDir(workDir).filePath(c);
                if (!QFileInfo(path).isFile())
                    continue;
                files << path;
                const QString base = c.section(u'.', 0, 0);
                for (const QString &ext : {u"yaml"_s, u"yml"_s}) {
                    const QString override = QDir(workDir).filePath(base + u".override."_s + ext);
                    if (QFileInfo(override).isFile()) {
                        files << override;
                        break;
                    }
                }
                break;
            }
        }
        if (files.isEmpty()) {
            result.error = tr("%1:0:0: no compose file: name one in the configuration "
                              "(stack.composeFiles), set COMPOSE_FILE, or add compose.yaml there")
                               .arg(workDir);
            return result;
        }
        loader.projectDir = QFileInfo(files.first()).absolutePath();
    }

    QStringList profiles = in.profiles;
    if (profiles.isEmpty()) {
        for (const QString &p : loader.variables.value(u"COMPOSE_PROFILES"_s).split(u','))
            if (!p.trimmed().isEmpty())
                profiles << p.trimmed();
    }
    result.activeProfiles = profiles;

    Node model;
    for (const QString &path : std::as_const(files)) {
        QByteArray bytes;
        Node one;
        if (!loader.readFile(path, &bytes) || !loader.loadFile(bytes, path, &one))
            break;
        QStringList treePath;
        model = model.isNull() ? std::move(one) : merge(model, one, treePath);
    }
    if (Node *services = model.get(u"services"); services && services->isMap()) {
        for (Entry &e : services->entries)
            enforceUnicity(e.value);
    }
    finish(loader, result, model);
    if (result.ok())
        result.services = active(result.allServices, profiles);
    return result;
}

ComposeFile ComposeFile::parse(const QByteArray &yaml, const QString &fileName)
{
    ComposeFile result;
    Loader loader;
    loader.sources = &result.sources;
    loader.environment = QProcessEnvironment::systemEnvironment();
    loader.home = QDir::homePath();
    const QString name = fileName.isEmpty() ? tr("compose file") : fileName;
    loader.projectDir
        = fileName.isEmpty() ? QDir::currentPath() : QFileInfo(fileName).absolutePath();
    for (const QString &key : loader.environment.keys())
        loader.variables.insert(key, loader.environment.value(key));
    Node model;
    if (loader.loadFile(yaml, name, &model)) {
        if (Node *services = model.get(u"services"); services && services->isMap()) {
            for (Entry &e : services->entries)
                enforceUnicity(e.value);
        }
    }
    finish(loader, result, model);
    result.services = result.allServices;
    return result;
}

ComposeFile ComposeFile::load(const QStringList &paths)
{
    if (paths.isEmpty())
        return {};
    ComposeInputs in;
    in.files = paths;
    in.profiles = {u"*"_s}; // not filtered: callers apply active()
    ComposeFile result = resolve(in);
    result.activeProfiles.clear();
    return result;
}

QList<ComposeService> ComposeFile::active(const QList<ComposeService> &services,
                                          const QStringList &profiles)
{
    if (profiles.contains(u"*"_s))
        return services;
    QList<ComposeService> out;
    for (const ComposeService &s : services) {
        const bool on = s.profiles.isEmpty()
                        || std::any_of(s.profiles.begin(), s.profiles.end(),
                                       [&](const QString &p) { return profiles.contains(p); });
        if (on)
            out << s;
    }
    return out;
}

} // namespace Stackscope
