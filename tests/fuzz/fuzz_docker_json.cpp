// SPDX-License-Identifier: GPL-3.0-or-later
// The Docker Engine API's one-shot answers: /containers/json (the compose project's containers)
// and /containers/{id}/json (inspect, applied to every listed container and to a blank one).
#include "app/docker/dockerjson.h"
#include "tests/fuzz/fuzzcommon.h"

using namespace Stackscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::quietQt();
    const QByteArray body = Fuzz::bytes(data, size);
    bool ok = false;
    QList<ContainerInfo> containers = DockerJson::parseContainerList(body, &ok);
    for (ContainerInfo &c : containers)
        DockerJson::applyInspect(c, body);
    ContainerInfo blank;
    DockerJson::applyInspect(blank, body);
    Fuzz::keep(blank);
    if (size < 64)
        Fuzz::keep(DockerJson::parseTime(QString::fromLatin1(body)));
    return 0;
}
