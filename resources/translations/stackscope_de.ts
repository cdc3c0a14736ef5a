<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>BackendStatus</name>
    <message>
        <source>checking</source>
        <translation>wird geprüft</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>nicht eingerichtet</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Use FILE as the configuration (default: $XDG_CONFIG_HOME/stackscope/config.yaml).</source>
        <translation>FILE als Konfiguration verwenden (Vorgabe: $XDG_CONFIG_HOME/stackscope/config.yaml).</translation>
    </message>
    <message>
        <source>Check FILE and exit: 0 when valid, otherwise 1 with every problem as FILE:LINE:COLUMN: message on stderr. The file is never changed.</source>
        <translation>FILE prüfen und beenden: 0, wenn gültig, sonst 1 und jedes Problem als FILE:LINE:COLUMN: Meldung auf stderr. Die Datei wird nie verändert.</translation>
    </message>
    <message>
        <source>Print the stack's services with state and health and each backend's reachability, without opening a window. Exit 0 when everything runs and is healthy, else 1.</source>
        <translation>Dienste des Stacks mit Zustand und Gesundheit sowie die Erreichbarkeit jedes Backends ausgeben, ohne ein Fenster zu öffnen. Exit 0, wenn alles läuft und gesund ist, sonst 1.</translation>
    </message>
    <message>
        <source>Import a Grafana dashboard JSON FILE next to the configuration and exit.</source>
        <translation>Ein Grafana-Dashboard (JSON-Datei FILE) neben die Konfiguration importieren und beenden.</translation>
    </message>
    <message>
        <source>Open a Jaeger trace JSON FILE in the Traces page.</source>
        <translation>Einen Jaeger-Trace (JSON-Datei FILE) auf der Seite „Traces“ öffnen.</translation>
    </message>
    <message>
        <source>Start minimised to the tray (as at login).</source>
        <translation>Minimiert im Systembereich starten (wie bei der Anmeldung).</translation>
    </message>
    <message>
        <source>Stackscope: a desktop console for the observability stack on this machine (docker compose, Prometheus, Alertmanager, Grafana, Jaeger).</source>
        <translation>Stackscope: eine Desktop-Konsole für den Observability-Stack auf diesem Rechner (docker compose, Prometheus, Alertmanager, Grafana, Jaeger).</translation>
    </message>
    <message>
        <source>Print every compose project the Docker daemon knows (name, state, services running of total, folder, compose files), running or stopped, and exit. Exit 1 when Docker cannot be reached.</source>
        <translation>Jedes Compose-Projekt ausgeben, das der Docker-Daemon kennt (Name, Zustand, laufende von allen Diensten, Ordner, Compose-Dateien), ob es läuft oder nicht, und beenden. Exit 1, wenn Docker nicht erreichbar ist.</translation>
    </message>
    <message>
        <source>With --status or --stacks: print JSON.</source>
        <translation>Mit --status oder --stacks: JSON ausgeben.</translation>
    </message>
    <message>
        <source>With --status: report on the compose project in FILE or FOLDER, or on the project NAME that Docker knows, instead of the configured one. The configuration is not changed.</source>
        <translation>Mit --status: über das Compose-Projekt in DATEI oder ORDNER berichten, oder über das Projekt NAME, das Docker kennt, statt über das konfigurierte. Die Konfiguration bleibt unverändert.</translation>
    </message>
</context>
<context>
    <name>ConfigLoader</name>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>eine Zuordnung</translation>
    </message>
    <message>
        <source>an empty value</source>
        <translation>ein leerer Wert</translation>
    </message>
    <message>
        <source>the file is empty: it needs at least 'version: 1'</source>
        <translation>die Datei ist leer: sie braucht mindestens 'version: 1'</translation>
    </message>
    <message>
        <source>only one YAML document is allowed: remove the '---' line and what follows</source>
        <translation>nur ein YAML-Dokument ist erlaubt: entfernen Sie die Zeile '---' und alles danach</translation>
    </message>
    <message>
        <source>a tab is used for indentation: YAML indents with spaces only</source>
        <translation>zum Einrücken wird ein Tabulator verwendet: YAML rückt nur mit Leerzeichen ein</translation>
    </message>
    <message>
        <source> (check the indentation, and quote a value that contains ': ')</source>
        <translation> (prüfen Sie die Einrückung und setzen Sie einen Wert, der ': ' enthält, in Anführungszeichen)</translation>
    </message>
    <message>
        <source> (this '{' has no matching '}')</source>
        <translation> (zu dieser '{' fehlt die passende '}')</translation>
    </message>
    <message>
        <source> (a '{' has no matching '}')</source>
        <translation> (zu einer '{' fehlt die passende '}')</translation>
    </message>
    <message>
        <source> (this '[' has no matching ']')</source>
        <translation> (zu dieser '[' fehlt die passende ']')</translation>
    </message>
    <message>
        <source> (a '[' has no matching ']')</source>
        <translation> (zu einer '[' fehlt die passende ']')</translation>
    </message>
    <message>
        <source>YAML syntax error: %1%2</source>
        <translation>YAML-Syntaxfehler: %1%2</translation>
    </message>
    <message>
        <source>unterminated string: the closing %1 is missing on this line</source>
        <translation>nicht abgeschlossene Zeichenkette: das schließende %1 fehlt in dieser Zeile</translation>
    </message>
    <message>
        <source>a key must be a plain name, not %1</source>
        <translation>ein Schlüssel muss ein einfacher Name sein, nicht %1</translation>
    </message>
    <message>
        <source>'%1': secrets are not stored in the file; name the environment variable that holds it in 'secret_env' (under 'auth')</source>
        <translation>'%1': Geheimnisse werden nicht in der Datei gespeichert; nennen Sie die Umgebungsvariable, die es enthält, in 'secret_env' (unter 'auth')</translation>
    </message>
    <message>
        <source>unknown key '%1'</source>
        <translation>unbekannter Schlüssel '%1'</translation>
    </message>
    <message>
        <source>unknown key '%1' in '%2'</source>
        <translation>unbekannter Schlüssel '%1' in '%2'</translation>
    </message>
    <message>
        <source> (did you mean '%1'?)</source>
        <translation> (meinten Sie '%1'?)</translation>
    </message>
    <message>
        <source>duplicate key '%1' (first given on line %2)</source>
        <translation>doppelter Schlüssel '%1' (zuerst in Zeile %2 angegeben)</translation>
    </message>
    <message>
        <source>duplicate key '%1' in '%2' (first given on line %3)</source>
        <translation>doppelter Schlüssel '%1' in '%2' (zuerst in Zeile %3 angegeben)</translation>
    </message>
    <message>
        <source>expected a mapping (indented 'key: value' lines) for '%1', not %2</source>
        <translation>für '%1' wird eine Zuordnung erwartet (eingerückte Zeilen 'key: value'), nicht %2</translation>
    </message>
    <message>
        <source>'%1' must be text, not %2</source>
        <translation>'%1' muss Text sein, nicht %2</translation>
    </message>
    <message>
        <source>expected a list for '%1', such as ["a", "b"], not %2</source>
        <translation>für '%1' wird eine Liste erwartet, etwa ["a", "b"], nicht %2</translation>
    </message>
    <message>
        <source>each item of '%1' must be non-empty text, not %2</source>
        <translation>jeder Eintrag von '%1' muss nicht leerer Text sein, nicht %2</translation>
    </message>
    <message>
        <source>'%1' must be true or false, not %2</source>
        <translation>'%1' muss true oder false sein, nicht %2</translation>
    </message>
    <message>
        <source>'%1' must be a whole number, not %2</source>
        <translation>'%1' muss eine ganze Zahl sein, nicht %2</translation>
    </message>
    <message>
        <source>'%1' must be between %2 and %3, not %4</source>
        <translation>'%1' muss zwischen %2 und %3 liegen, nicht %4</translation>
    </message>
    <message>
        <source>'%1' must be a duration such as 10s, not %2</source>
        <translation>'%1' muss eine Dauer wie 10s sein, nicht %2</translation>
    </message>
    <message>
        <source>: a duration needs a unit, e.g. 10s</source>
        <translation>: eine Dauer braucht eine Einheit, z. B. 10s</translation>
    </message>
    <message>
        <source>'%1' must be %2, not %3</source>
        <translation>'%1' muss %2 sein, nicht %3</translation>
    </message>
    <message>
        <source>'%1' is too long: at most 24d (%2)</source>
        <translation>'%1' ist zu lang: höchstens 24d (%2)</translation>
    </message>
    <message>
        <source>'%1' must be an absolute http or https URL with a host, such as http://127.0.0.1:9090, not '%2'</source>
        <translation>'%1' muss eine absolute http- oder https-URL mit Rechnernamen sein, etwa http://127.0.0.1:9090, nicht '%2'</translation>
    </message>
    <message>
        <source>'%1' must not contain a user name or password: secrets are not stored in the file; use 'auth' with 'secret_env'</source>
        <translation>'%1' darf keinen Benutzernamen und kein Passwort enthalten: Geheimnisse werden nicht in der Datei gespeichert; verwenden Sie 'auth' mit 'secret_env'</translation>
    </message>
    <message>
        <source>expected a mapping (lines of 'key: value') at the top level, not %1</source>
        <translation>auf oberster Ebene wird eine Zuordnung erwartet (Zeilen 'key: value'), nicht %1</translation>
    </message>
    <message>
        <source>this file is for a newer Stackscope (version %1); this build reads version 1</source>
        <translation>diese Datei ist für ein neueres Stackscope (Version %1); diese Version liest Version 1</translation>
    </message>
    <message>
        <source>'version' must be 1, not %1</source>
        <translation>'version' muss 1 sein, nicht %1</translation>
    </message>
    <message>
        <source>missing 'version: 1': the file must say which format it is in</source>
        <translation>'version: 1' fehlt: die Datei muss angeben, in welchem Format sie vorliegt</translation>
    </message>
    <message>
        <source>'compose_files' needs at least one file</source>
        <translation>'compose_files' braucht mindestens eine Datei</translation>
    </message>
    <message>
        <source>'project' must be a compose project name (lowercase letters, digits, '_' and '-', starting with a letter or digit), not '%1'</source>
        <translation>'project' muss ein Compose-Projektname sein (Kleinbuchstaben, Ziffern, '_' und '-', beginnend mit Buchstabe oder Ziffer), nicht '%1'</translation>
    </message>
    <message>
        <source>'docker_host' must be a daemon address such as unix:///run/user/1000/docker.sock or tcp://127.0.0.1:2375, not '%1'</source>
        <translation>'docker_host' muss eine Daemon-Adresse sein, etwa unix:///run/user/1000/docker.sock oder tcp://127.0.0.1:2375, nicht '%1'</translation>
    </message>
    <message>
        <source>expected a mapping with a 'url' for each Alertmanager, not %1</source>
        <translation>für jeden Alertmanager wird eine Zuordnung mit 'url' erwartet, nicht %1</translation>
    </message>
    <message>
        <source>each Alertmanager needs a 'url'</source>
        <translation>jeder Alertmanager braucht eine 'url'</translation>
    </message>
    <message>
        <source>expected a list of Alertmanagers ('- url: ...' items) for 'alertmanagers', not %1</source>
        <translation>für 'alertmanagers' wird eine Liste von Alertmanagern erwartet (Einträge '- url: ...'), nicht %1</translation>
    </message>
    <message>
        <source>longer than 0s</source>
        <translation>länger als 0s</translation>
    </message>
    <message>
        <source>'ca_file' names a file that does not exist: %1</source>
        <translation>'ca_file' nennt eine Datei, die es nicht gibt: %1</translation>
    </message>
    <message>
        <source>'ca_file' is not a readable file: %1</source>
        <translation>'ca_file' ist keine lesbare Datei: %1</translation>
    </message>
    <message>
        <source>'type' must be basic, bearer or none, not '%1'</source>
        <translation>'type' muss basic, bearer oder none sein, nicht '%1'</translation>
    </message>
    <message>
        <source>'secret_env' must be the name of an environment variable, such as PROM_TOKEN, not '%1'</source>
        <translation>'secret_env' muss der Name einer Umgebungsvariablen sein, etwa PROM_TOKEN, nicht '%1'</translation>
    </message>
    <message>
        <source>'auth' needs a 'type': basic or bearer</source>
        <translation>'auth' braucht einen 'type': basic oder bearer</translation>
    </message>
    <message>
        <source>basic auth needs a 'username'</source>
        <translation>basic-Authentifizierung braucht einen 'username'</translation>
    </message>
    <message>
        <source>basic auth needs 'secret_env': the name of the environment variable that holds the password</source>
        <translation>basic-Authentifizierung braucht 'secret_env': den Namen der Umgebungsvariablen mit dem Passwort</translation>
    </message>
    <message>
        <source>'username' is only used with type: basic</source>
        <translation>'username' wird nur mit type: basic verwendet</translation>
    </message>
    <message>
        <source>bearer auth needs 'secret_env': the name of the environment variable that holds the token</source>
        <translation>bearer-Authentifizierung braucht 'secret_env': den Namen der Umgebungsvariablen mit dem Token</translation>
    </message>
    <message>
        <source>'secret_env' is not used with type: none</source>
        <translation>'secret_env' wird mit type: none nicht verwendet</translation>
    </message>
    <message>
        <source>at least 1s</source>
        <translation>mindestens 1s</translation>
    </message>
    <message>
        <source>'min_severity' must be info, warning or critical, not '%1'</source>
        <translation>'min_severity' muss info, warning oder critical sein, nicht '%1'</translation>
    </message>
    <message>
        <source>'listen' must be host:port with a port from 1 to 65535, such as 127.0.0.1:9465 (IPv6 as [::1]:9465), not '%1'</source>
        <translation>'listen' muss host:port mit einem Port von 1 bis 65535 sein, etwa 127.0.0.1:9465 (IPv6 als [::1]:9465), nicht '%1'</translation>
    </message>
    <message>
        <source>: a size needs a unit (B, KiB, MiB, GiB, KB, MB or GB)</source>
        <translation>: eine Größe braucht eine Einheit (B, KiB, MiB, GiB, KB, MB oder GB)</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>at least 1KiB</source>
        <translation>mindestens 1KiB</translation>
    </message>
    <message>
        <source>'%1' must be a size such as 64MiB, not %2</source>
        <translation>'%1' muss eine Größe wie 64MiB sein, nicht %2</translation>
    </message>
    <message>
        <source>'severity_label' must be a label name (letters, digits and _), not '%1'</source>
        <translation>'severity_label' muss ein Labelname sein (Buchstaben, Ziffern und _), nicht '%1'</translation>
    </message>
    <message>
        <source>'without_severity' must be none, info, warning or critical, not '%1'</source>
        <translation>'without_severity' muss none, info, warning oder critical sein, nicht '%1'</translation>
    </message>
    <message>
        <source>expected a list of stacks ('- name: ...' items with 'compose_files') for 'stacks', not %1</source>
        <translation>für 'stacks' wird eine Liste von Stacks erwartet ('- name: ...'-Einträge mit 'compose_files'), nicht %1</translation>
    </message>
    <message>
        <source>each stack needs 'compose_files', not %1</source>
        <translation>jeder Stack braucht 'compose_files', nicht %1</translation>
    </message>
    <message>
        <source>each stack needs 'compose_files'</source>
        <translation>jeder Stack braucht 'compose_files'</translation>
    </message>
    <message>
        <source>two stacks are called '%1': give one a 'name'</source>
        <translation>zwei Stacks heißen '%1': Geben Sie einem einen 'name'</translation>
    </message>
    <message>
        <source>'cluster' must be a name of letters, digits, '_', '.' and '-', not '%1'</source>
        <translation>'cluster' muss ein Name aus Buchstaben, Ziffern, '_', '.' und '-' sein, nicht '%1'</translation>
    </message>
</context>
<context>
    <name>EndpointOrigin</name>
    <message>
        <source>set in the configuration</source>
        <translation>in der Konfiguration gesetzt</translation>
    </message>
    <message>
        <source>from the stack: %1</source>
        <translation>aus dem Stack: %1</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <source>default (not in this stack)</source>
        <translation>Vorgabe (nicht in diesem Stack)</translation>
    </message>
</context>
<context>
    <name>ImportDashboard</name>
    <message>
        <source>Imported "%1": %2 panels, %3 variables -&gt; %4</source>
        <translation>„%1“ importiert: %2 Panels, %3 Variablen -&gt; %4</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Prometheus API</source>
        <translation>Prometheus-API</translation>
    </message>
    <message>
        <source>answered JSON, but not the %1</source>
        <translation>antwortet mit JSON, aber nicht als %1</translation>
    </message>
    <message>
        <source>Alertmanager API</source>
        <translation>Alertmanager-API</translation>
    </message>
    <message>
        <source>Jaeger query API</source>
        <translation>Jaeger-Abfrage-API</translation>
    </message>
    <message>
        <source>answered, but not as the Docker Engine API</source>
        <translation>antwortet, aber nicht als Docker-Engine-API</translation>
    </message>
    <message>
        <source>cannot remove %1</source>
        <translation>%1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>no Docker socket at %1</source>
        <translation>kein Docker-Socket unter %1</translation>
    </message>
    <message>
        <source>Is Docker installed and running?</source>
        <translation>Ist Docker installiert und gestartet?</translation>
    </message>
    <message>
        <source>connection refused at %1</source>
        <translation>Verbindung abgelehnt: %1</translation>
    </message>
    <message>
        <source>The Docker daemon is not running.</source>
        <translation>Der Docker-Daemon läuft nicht.</translation>
    </message>
    <message>
        <source>permission denied on %1</source>
        <translation>keine Berechtigung für %1</translation>
    </message>
    <message>
        <source>Add your user to the 'docker' group (sudo usermod -aG docker $USER) and log in again.</source>
        <translation>Fügen Sie Ihren Benutzer der Gruppe „docker“ hinzu (sudo usermod -aG docker $USER) und melden Sie sich neu an.</translation>
    </message>
    <message>
        <source>no answer from the Docker daemon at %1</source>
        <translation>keine Antwort vom Docker-Daemon unter %1</translation>
    </message>
    <message>
        <source>Docker socket %1: %2</source>
        <translation>Docker-Socket %1: %2</translation>
    </message>
    <message>
        <source>bad answer from the Docker daemon at %1: %2</source>
        <translation>fehlerhafte Antwort vom Docker-Daemon unter %1: %2</translation>
    </message>
    <message>
        <source>answered HTML, not the %1</source>
        <translation>antwortet mit HTML, nicht als %1</translation>
    </message>
    <message>
        <source>the answer of the %1 stops in the middle (%2 bytes)</source>
        <translation>die Antwort der %1 bricht mittendrin ab (%2 Bytes)</translation>
    </message>
    <message>
        <source>answered with an empty body, not the %1</source>
        <translation>antwortet ohne Inhalt, nicht als %1</translation>
    </message>
    <message>
        <source>answered something that is not JSON, not the %1 (%2 at byte %3)</source>
        <translation>antwortet nicht mit JSON, nicht als %1 (%2 bei Byte %3)</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 bei %2: %3</translation>
    </message>
    <message>
        <source>an alert is not a JSON object</source>
        <translation>ein Alarm ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>an alert has no labels</source>
        <translation>ein Alarm hat keine Labels</translation>
    </message>
    <message>
        <source>the alerts are not a JSON array</source>
        <translation>die Alarme sind kein JSON-Array</translation>
    </message>
    <message>
        <source>the alert groups are not a JSON array</source>
        <translation>die Alarmgruppen sind kein JSON-Array</translation>
    </message>
    <message>
        <source>the silences are not a JSON array</source>
        <translation>die Stummschaltungen sind kein JSON-Array</translation>
    </message>
    <message>
        <source>a silence has no id</source>
        <translation>eine Stummschaltung hat keine ID</translation>
    </message>
    <message>
        <source>the status is not a JSON object</source>
        <translation>der Status ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the answer holds no silenceID</source>
        <translation>die Antwort enthält keine silenceID</translation>
    </message>
    <message>
        <source>the answer is not a JSON object</source>
        <translation>die Antwort ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the answer's status is not success</source>
        <translation>der Status der Antwort ist nicht success</translation>
    </message>
    <message>
        <source>the answer holds no alerts array</source>
        <translation>die Antwort enthält kein Array mit Alarmen</translation>
    </message>
    <message>
        <source>the answer holds no groups array</source>
        <translation>die Antwort enthält kein Array mit Gruppen</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a notification state file; starting afresh</source>
        <translation>%1 ist keine Datei mit Benachrichtigungsstand; es wird neu begonnen</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>no severity</source>
        <translation>kein Schweregrad</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation>Beendet: %1</translation>
    </message>
    <message>
        <source>%1 new alerts firing</source>
        <translation>%1 neue aktive Alarme</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message>
        <source>the configured compose command '%1' is not installed</source>
        <translation>der eingestellte Compose-Befehl '%1' ist nicht installiert</translation>
    </message>
    <message>
        <source>neither 'docker compose' nor 'docker-compose' is installed</source>
        <translation>weder 'docker compose' noch 'docker-compose' ist installiert</translation>
    </message>
    <message>
        <source>(no output, exit code %1)</source>
        <translation>(keine Ausgabe, Exit-Code %1)</translation>
    </message>
    <message>
        <source>Jaeger says: %1</source>
        <translation>Jaeger meldet: %1</translation>
    </message>
    <message>
        <source>answered JSON that is not an object, not the %1</source>
        <translation>antwortet mit JSON, das kein Objekt ist, nicht als %1</translation>
    </message>
    <message>
        <source>answered JSON without `data`, not the %1</source>
        <translation>antwortet mit JSON ohne `data`, nicht als %1</translation>
    </message>
    <message>
        <source>answered something that is not JSON, not the %1</source>
        <translation>antwortet nicht mit JSON, nicht als %1</translation>
    </message>
    <message>
        <source>neither /api/services nor /api/v3/services is there: is this Jaeger? (%1)</source>
        <translation>weder /api/services noch /api/v3/services ist vorhanden: Ist das Jaeger? (%1)</translation>
    </message>
    <message>
        <source>a silence needs at least one matcher</source>
        <translation>eine Stummschaltung braucht mindestens einen Matcher</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>anstehend</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>, silenced</source>
        <translation>, stummgeschaltet</translation>
    </message>
    <message>
        <source>, inhibited</source>
        <translation>, unterdrückt</translation>
    </message>
    <message>
        <source>%1 is not a notification state file; kept it as %2 and starting afresh</source>
        <translation>%1 ist keine Datei mit Benachrichtigungsstand; sie wurde als %2 aufbewahrt, es wird neu begonnen</translation>
    </message>
    <message>
        <source>refused to run compose: '%1' is not a valid compose project name (lowercase letters, digits, '_' and '-', starting with a letter or digit)</source>
        <translation>Compose wird nicht ausgeführt: '%1' ist kein gültiger Compose-Projektname (Kleinbuchstaben, Ziffern, '_' und '-', beginnend mit Buchstabe oder Ziffer)</translation>
    </message>
    <message>
        <source>refused to run compose: '%1' is not a valid compose service name (letters, digits, '_', '.' and '-', starting with a letter or digit)</source>
        <translation>Compose wird nicht ausgeführt: '%1' ist kein gültiger Compose-Dienstname (Buchstaben, Ziffern, '_', '.' und '-', beginnend mit Buchstabe oder Ziffer)</translation>
    </message>
    <message>
        <source>refused to run compose: '-p' without a project name</source>
        <translation>Compose wird nicht ausgeführt: '-p' ohne Projektnamen</translation>
    </message>
    <message>
        <source>Jaeger API</source>
        <translation>Jaeger-API</translation>
    </message>
    <message>
        <source>the answer holds no configuration</source>
        <translation>die Antwort enthält keine Konfiguration</translation>
    </message>
    <message>
        <source>the configuration Prometheus returned is not YAML: %1</source>
        <translation>die von Prometheus gelieferte Konfiguration ist kein YAML: %1</translation>
    </message>
    <message>
        <source>, stale</source>
        <translation>, veraltet</translation>
    </message>
    <message>
        <source>%1 is not a state file of acknowledgements</source>
        <translation>%1 ist keine Zustandsdatei für Bestätigungen</translation>
    </message>
    <message>
        <source>the alert history is not a version 1 history file: %1</source>
        <translation>der Alarmverlauf ist keine Verlaufsdatei der Version 1: %1</translation>
    </message>
    <message>
        <source>unknown content</source>
        <translation>unbekannter Inhalt</translation>
    </message>
    <message>
        <source>a '{' needs its closing '}'</source>
        <translation>zu einem '{' fehlt die schließende '}'</translation>
    </message>
    <message>
        <source>cannot read a matcher at "%1": write name="value", name!="value", name=~"regex" or name!~"regex"</source>
        <translation>kann bei „%1“ keinen Matcher lesen: Schreiben Sie name="wert", name!="wert", name=~"regex" oder name!~"regex"</translation>
    </message>
    <message>
        <source>%1: the regular expression does not compile: %2</source>
        <translation>%1: Der reguläre Ausdruck ist ungültig: %2</translation>
    </message>
    <message>
        <source>receiver %1</source>
        <translation>Empfänger %1</translation>
    </message>
    <message>
        <source>cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
    <message>
        <source>answered, but not as Loki's /ready does</source>
        <translation>antwortet, aber nicht wie Lokis /ready</translation>
    </message>
</context>
<context>
    <name>ServiceStatus</name>
    <message>
        <source>not created</source>
        <translation>nicht angelegt</translation>
    </message>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>restarting</source>
        <translation>startet neu</translation>
    </message>
    <message>
        <source>removing</source>
        <translation>wird entfernt</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>tot</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>StackEndpoints</name>
    <message>
        <source>recognised by its service name (it has no image)</source>
        <translation>am Dienstnamen erkannt (er hat kein Image)</translation>
    </message>
    <message>
        <source>%1; recognised by its service name (it has no image)</source>
        <translation>%1; am Dienstnamen erkannt (er hat kein Image)</translation>
    </message>
    <message>
        <source>it uses the network of service '%1', which the stack does not declare</source>
        <translation>er nutzt das Netzwerk des Dienstes „%1“, den der Stack nicht deklariert</translation>
    </message>
    <message>
        <source>host network, default port %1</source>
        <translation>Host-Netzwerk, Standardport %1</translation>
    </message>
    <message>
        <source>host network, %1</source>
        <translation>Host-Netzwerk, %1</translation>
    </message>
    <message>
        <source>through service '%1'</source>
        <translation>über den Dienst „%1“</translation>
    </message>
    <message>
        <source>it has no network (network_mode: none)</source>
        <translation>er hat kein Netzwerk (network_mode: none)</translation>
    </message>
    <message>
        <source>it uses another container's network (%1), whose published ports are not in the stack</source>
        <translation>er nutzt das Netzwerk eines anderen Containers (%1), dessen veröffentlichte Ports nicht im Stack stehen</translation>
    </message>
    <message>
        <source>it listens on its container's loopback only (%1 %2:%3), which no published port reaches</source>
        <translation>er lauscht nur auf dem Loopback seines Containers (%1 %2:%3), den kein veröffentlichter Port erreicht</translation>
    </message>
    <message>
        <source>published %1 → %2</source>
        <translation>veröffentlicht %1 → %2</translation>
    </message>
    <message>
        <source>its port %1 is published on a host port that Docker picks when it starts; publish it on a fixed port ("%2:%1")</source>
        <translation>sein Port %1 ist auf einem Host-Port veröffentlicht, den Docker beim Start wählt; veröffentlichen Sie ihn auf einem festen Port („%2:%1“)</translation>
    </message>
    <message>
        <source>its port %1 is not published to the host</source>
        <translation>sein Port %1 ist nicht zum Host veröffentlicht</translation>
    </message>
</context>
<context>
    <name>Stackscope</name>
    <message>
        <source>no configuration file at %1</source>
        <translation>keine Konfigurationsdatei unter %1</translation>
    </message>
    <message>
        <source>Stack "%1" — Docker %2 via %3</source>
        <translation>Stack „%1“ — Docker %2 über %3</translation>
    </message>
    <message>
        <source>Docker cannot be reached: %1</source>
        <translation>Docker ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>compose file problem: %1</source>
        <translation>Problem in der Compose-Datei: %1</translation>
    </message>
    <message>
        <source>SERVICE</source>
        <translation>DIENST</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <source>HEALTH</source>
        <translation>GESUNDHEIT</translation>
    </message>
    <message>
        <source>UPTIME/EXIT</source>
        <translation>LAUFZEIT/EXIT</translation>
    </message>
    <message>
        <source>(no services)</source>
        <translation>(keine Dienste)</translation>
    </message>
    <message>
        <source>Backends:</source>
        <translation>Backends:</translation>
    </message>
    <message>
        <source>Firing alerts:</source>
        <translation>Aktive Alarme:</translation>
    </message>
    <message>
        <source>(no answer in time)</source>
        <translation>(keine Antwort innerhalb der Zeit)</translation>
    </message>
    <message>
        <source>(silenced)</source>
        <translation>(stummgeschaltet)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>OK: every service runs and is healthy.</source>
        <translation>OK: Jeder Dienst läuft und ist gesund.</translation>
    </message>
    <message>
        <source>NOT OK: not every service runs and is healthy.</source>
        <translation>NICHT OK: Nicht jeder Dienst läuft und ist gesund.</translation>
    </message>
    <message>
        <source>up</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>down</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>abgeschaltet</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>RUNNING</source>
        <translation>LAUFEND</translation>
    </message>
    <message>
        <source>FOLDER</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>COMPOSE FILES</source>
        <translation>COMPOSE-DATEIEN</translation>
    </message>
    <message>
        <source>No compose project on the Docker daemon at %1.</source>
        <translation>Kein Compose-Projekt auf dem Docker-Daemon unter %1.</translation>
    </message>
    <message>
        <source>no compose file in %1 (looked for compose.yaml, compose.yml, docker-compose.yaml and docker-compose.yml)</source>
        <translation>keine Compose-Datei in %1 (gesucht: compose.yaml, compose.yml, docker-compose.yaml und docker-compose.yml)</translation>
    </message>
    <message>
        <source>cannot install the bundled stack: %1</source>
        <translation>der mitgelieferte Stack lässt sich nicht einrichten: %1</translation>
    </message>
    <message>
        <source>project name from %1; services %2</source>
        <translation>Projektname aus %1; Dienste %2</translation>
    </message>
    <message>
        <source>invalid empty volume spec</source>
        <translation>leere Volume-Angabe</translation>
    </message>
    <message>
        <source>invalid volume "%1": empty section between colons</source>
        <translation>ungültiges Volume „%1“: leerer Abschnitt zwischen Doppelpunkten</translation>
    </message>
    <message>
        <source>invalid volume "%1": too many colons</source>
        <translation>ungültiges Volume „%1“: zu viele Doppelpunkte</translation>
    </message>
    <message>
        <source>invalid IP address %1 in port "%2"</source>
        <translation>ungültige IP-Adresse %1 im Port „%2“</translation>
    </message>
    <message>
        <source>no container port in "%1"</source>
        <translation>kein Container-Port in „%1“</translation>
    </message>
    <message>
        <source>invalid container port "%1" in "%2"</source>
        <translation>ungültiger Container-Port „%1“ in „%2“</translation>
    </message>
    <message>
        <source>invalid host port "%1" in "%2"</source>
        <translation>ungültiger Host-Port „%1“ in „%2“</translation>
    </message>
    <message>
        <source>the ranges of "%1" differ in length</source>
        <translation>die Bereiche von „%1“ sind verschieden lang</translation>
    </message>
    <message>
        <source>invalid protocol "%1" in "%2" (tcp, udp or sctp)</source>
        <translation>ungültiges Protokoll „%1“ in „%2“ (tcp, udp oder sctp)</translation>
    </message>
    <message>
        <source>a port needs a 'target' (the port inside the container)</source>
        <translation>ein Port braucht ein 'target' (den Port im Container)</translation>
    </message>
    <message>
        <source>invalid published port "%1"</source>
        <translation>ungültiger veröffentlichter Port „%1“</translation>
    </message>
    <message>
        <source>invalid protocol "%1" (tcp, udp or sctp)</source>
        <translation>ungültiges Protokoll „%1“ (tcp, udp oder sctp)</translation>
    </message>
    <message>
        <source>The "%1" variable is not set. Defaulting to a blank string.</source>
        <translation>Die Variable „%1“ ist nicht gesetzt. Sie wird als leerer Text genommen.</translation>
    </message>
    <message>
        <source>not YAML</source>
        <translation>kein YAML</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>%1 is in the volume '%2', not mounted from the host</source>
        <translation>%1 liegt im Volume „%2“, nicht vom Host eingebunden</translation>
    </message>
    <message>
        <source>%1 is not mounted from the host</source>
        <translation>%1 ist nicht vom Host eingebunden</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, %2: 'providers' is not a list</source>
        <translation>%1, %2: „providers“ ist keine Liste</translation>
    </message>
    <message>
        <source>a provider in %1</source>
        <translation>ein Provider in %1</translation>
    </message>
    <message>
        <source>provider '%1' (%2)</source>
        <translation>Provider „%1“ (%2)</translation>
    </message>
    <message>
        <source>%1 is of type '%2'; only file providers are read</source>
        <translation>%1 hat den Typ „%2“; gelesen werden nur Datei-Provider</translation>
    </message>
    <message>
        <source>%1 has no options.path</source>
        <translation>%1 hat kein options.path</translation>
    </message>
    <message>
        <source>%1: options.path %2 names an environment variable, which only Grafana knows</source>
        <translation>%1: options.path %2 nennt eine Umgebungsvariable, die nur Grafana kennt</translation>
    </message>
    <message>
        <source>Grafana's provisioning folder %1 is mounted from %2, which does not exist</source>
        <translation>Grafanas Provisioning-Ordner %1 wird aus %2 eingebunden, das es nicht gibt</translation>
    </message>
    <message>
        <source>Grafana (service '%1') provisions no dashboards from the host: %2</source>
        <translation>Grafana (Dienst „%1“) stellt keine Dashboards vom Host bereit: %2</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonym</translation>
    </message>
    <message>
        <source>provider '%1'</source>
        <translation>Provider „%1“</translation>
    </message>
    <message>
        <source>%1: the dashboards folder %2 (%3 in the container) does not exist</source>
        <translation>%1: den Dashboard-Ordner %2 (%3 im Container) gibt es nicht</translation>
    </message>
    <message>
        <source>%1: no dashboards in %2</source>
        <translation>%1: keine Dashboards in %2</translation>
    </message>
    <message>
        <source>Prometheus (service '%1'): its configuration %2</source>
        <translation>Prometheus (Dienst „%1“): seine Konfiguration %2</translation>
    </message>
    <message>
        <source>%1, %2: 'rule_files' is not a list</source>
        <translation>%1, %2: „rule_files“ ist keine Liste</translation>
    </message>
    <message>
        <source>rule_files '%1': %2</source>
        <translation>rule_files „%1“: %2</translation>
    </message>
    <message>
        <source>rule_files '%1' (%2 in the container) matches no file on the host</source>
        <translation>rule_files „%1“ (%2 im Container) trifft auf dem Host keine Datei</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>lässt sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>%1: not a rule file (it has no list of 'groups')</source>
        <translation>%1: keine Regeldatei (sie hat keine Liste „groups“)</translation>
    </message>
    <message>
        <source>%1: a group without a list of 'rules'</source>
        <translation>%1: eine Gruppe ohne Liste „rules“</translation>
    </message>
    <message>
        <source>no compose file or folder at %1, and Docker knows no project of that name (stackscope --stacks lists them)</source>
        <translation>keine Compose-Datei und kein Ordner unter %1, und Docker kennt kein Projekt dieses Namens (stackscope --stacks listet sie)</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Letzter</translation>
    </message>
    <message>
        <source>Last *</source>
        <translation>Letzter *</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Erster</translation>
    </message>
    <message>
        <source>First *</source>
        <translation>Erster *</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
</context>
<context>
    <name>Stackscope::Acknowledgements</name>
    <message>
        <source>Acknowledged until resolved: Stackscope expires this silence when the alert resolves</source>
        <translation>Bestätigt bis behoben: Stackscope beendet diese Stummschaltung, wenn der Alarm behoben ist</translation>
    </message>
</context>
<context>
    <name>Stackscope::AlertGroupModel</name>
    <message>
        <source>without %1</source>
        <translation>ohne %1</translation>
    </message>
    <message>
        <source>in no Alertmanager group (pending, or not routed yet)</source>
        <translation>in keiner Alertmanager-Gruppe (ausstehend oder noch nicht zugestellt)</translation>
    </message>
    <message>
        <source>%1 firing</source>
        <translation>%1 aktiv</translation>
    </message>
    <message>
        <source>%1 pending</source>
        <translation>%1 ausstehend</translation>
    </message>
    <message>
        <source>%1 silenced</source>
        <translation>%1 stummgeschaltet</translation>
    </message>
    <message>
        <source>%1 inhibited</source>
        <translation>%1 unterdrückt</translation>
    </message>
    <message>
        <source>%1 — 1 alert: %2</source>
        <translation>%1 — 1 Alarm: %2</translation>
    </message>
    <message>
        <source>%1 — %2 alerts: %3</source>
        <translation>%1 — %2 Alarme: %3</translation>
    </message>
    <message>
        <source>without alertname</source>
        <translation>ohne alertname</translation>
    </message>
    <message>
        <source>alertname="%1" · by alert name: no Alertmanager groups them</source>
        <translation>alertname="%1" · nach Alarmname: kein Alertmanager gruppiert sie</translation>
    </message>
</context>
<context>
    <name>Stackscope::AlertHistoryModel</name>
    <message>
        <source>%1 (silenced)</source>
        <translation>%1 (stummgeschaltet)</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>bisher %1</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Wie oft</translation>
    </message>
</context>
<context>
    <name>Stackscope::AlertHistoryView</name>
    <message>
        <source>Open as chart</source>
        <translation>Als Diagramm öffnen</translation>
    </message>
    <message>
        <source>Search name, labels</source>
        <translation>Name, Labels suchen</translation>
    </message>
    <message numerus="yes">
        <source>%n period(s)</source>
        <translation><numerusform>%n Zeitraum</numerusform><numerusform>%n Zeiträume</numerusform></translation>
    </message>
    <message>
        <source>Select a period to see its details.</source>
        <translation>Wählen Sie einen Zeitraum, um Einzelheiten zu sehen.</translation>
    </message>
    <message>
        <source>Firing since %1 (%2 so far; last seen %3)</source>
        <translation>Aktiv seit %1 (bisher %2; zuletzt gesehen %3)</translation>
    </message>
    <message>
        <source>Fired from %1 to %2 (%3)</source>
        <translation>Aktiv von %1 bis %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>Fired %n time(s) in the kept history</source>
        <translation><numerusform>%n-mal aktiv im aufbewahrten Verlauf</numerusform><numerusform>%n-mal aktiv im aufbewahrten Verlauf</numerusform></translation>
    </message>
    <message>
        <source>Silenced during this period</source>
        <translation>In diesem Zeitraum stummgeschaltet</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Labels:</translation>
    </message>
    <message>
        <source>Fingerprint: %1</source>
        <translation>Fingerabdruck: %1</translation>
    </message>
</context>
<context>
    <name>Stackscope::AlertModel</name>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Active for</source>
        <translation>Aktiv seit</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Gemeldet von</translation>
    </message>
    <message>
        <source>%1
Last said by %2, which does not answer now: it may have resolved.</source>
        <translation>%1
Zuletzt gemeldet von %2, das jetzt nicht antwortet: Es ist vielleicht schon behoben.</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
</context>
<context>
    <name>Stackscope::AlertNotifications</name>
    <message>
        <source>Silenced for 1 h from a Stackscope notification</source>
        <translation>Für 1 h aus einer Stackscope-Benachrichtigung stummgeschaltet</translation>
    </message>
</context>
<context>
    <name>Stackscope::AlertsFeature</name>
    <message>
        <source>%1 silenced for 1 h (%2).</source>
        <translation>%1 für 1 h stummgeschaltet (%2).</translation>
    </message>
    <message>
        <source>Silencing %1 failed: %2</source>
        <translation>Stummschalten von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>The silence %1 could not be expired: %2</source>
        <translation>Die Stummschaltung %1 konnte nicht beendet werden: %2</translation>
    </message>
    <message>
        <source>Silence %1 expired.</source>
        <translation>Stummschaltung %1 beendet.</translation>
    </message>
    <message>
        <source>Waiting for the first answer from the alert sources…</source>
        <translation>Warten auf die erste Antwort der Alarmquellen …</translation>
    </message>
    <message>
        <source>showing its answer from %1</source>
        <translation>gezeigt wird die Antwort von %1</translation>
    </message>
    <message>
        <source>nothing from it yet</source>
        <translation>noch keine Antwort</translation>
    </message>
    <message>
        <source>No alert source answers; what is shown is stale. %1</source>
        <translation>Keine Alarmquelle antwortet; die Anzeige ist veraltet. %1</translation>
    </message>
    <message>
        <source>Prometheus cannot be reached: these rules come from the stack's rule files (%1), not from a running Prometheus; they have no state.</source>
        <translation>Prometheus ist nicht erreichbar: Diese Regeln stammen aus den Regeldateien des Stacks (%1), nicht aus einem laufenden Prometheus; sie haben keinen Zustand.</translation>
    </message>
    <message>
        <source>Alertmanager cannot say yet (down, or just started and not yet sent the alerts again): the firing alerts shown are Prometheus' own, silenced and inhibited as Alertmanager last said. %1</source>
        <translation>Alertmanager kann es noch nicht sagen (nicht erreichbar, oder gerade gestartet und die Alarme noch nicht wieder erhalten): Die gezeigten feuernden Alarme sind die von Prometheus, stummgeschaltet und unterdrückt, wie Alertmanager es zuletzt sagte. %1</translation>
    </message>
    <message>
        <source>Acknowledging %1 failed: %2</source>
        <translation>Bestätigen von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 acknowledged until it resolves (silence %2).</source>
        <translation>%1 bestätigt, bis er behoben ist (Stummschaltung %2).</translation>
    </message>
    <message>
        <source>The silence %1 could not be extended: %2</source>
        <translation>Die Stummschaltung %1 konnte nicht verlängert werden: %2</translation>
    </message>
    <message>
        <source>Silence %1 extended until %2.</source>
        <translation>Stummschaltung %1 verlängert bis %2.</translation>
    </message>
</context>
<context>
    <name>Stackscope::AlertsPage</name>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Silences</source>
        <translation>Stummschaltungen</translation>
    </message>
    <message>
        <source>Alerts (%1 firing)</source>
        <translation>Alarme (%1 aktiv)</translation>
    </message>
    <message>
        <source>Silences (%1)</source>
        <translation>Stummschaltungen (%1)</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Alle Schweregrade</translation>
    </message>
    <message>
        <source>info and above</source>
        <translation>info und höher</translation>
    </message>
    <message>
        <source>warning and above</source>
        <translation>warning und höher</translation>
    </message>
    <message>
        <source>critical only</source>
        <translation>nur critical</translation>
    </message>
    <message>
        <source>Search name, labels, summary</source>
        <translation>Name, Labels, Zusammenfassung durchsuchen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Anstehende</translation>
    </message>
    <message>
        <source>Show alerts that are pending in Prometheus (their for: has not passed yet)</source>
        <translation>Alarme zeigen, die in Prometheus anstehen (ihr for: ist noch nicht abgelaufen)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Open as chart</source>
        <translation>Als Diagramm öffnen</translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation>Runbook</translation>
    </message>
    <message>
        <source>Traces around here</source>
        <translation>Traces um diesen Zeitpunkt</translation>
    </message>
    <message>
        <source>Silence…</source>
        <translation>Stummschalten …</translation>
    </message>
    <message>
        <source>Search rules</source>
        <translation>Regeln durchsuchen</translation>
    </message>
    <message>
        <source>Show expired</source>
        <translation>Abgelaufene zeigen</translation>
    </message>
    <message>
        <source>New silence…</source>
        <translation>Neue Stummschaltung …</translation>
    </message>
    <message>
        <source>Expire</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Select an alert to see its details.</source>
        <translation>Wählen Sie einen Alarm, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>The selected alert has resolved.</source>
        <translation>Der gewählte Alarm ist beendet.</translation>
    </message>
    <message>
        <source>no severity</source>
        <translation>kein Schweregrad</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>anstehend</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>Active since %1 (%2)</source>
        <translation>Aktiv seit %1 (%2)</translation>
    </message>
    <message>
        <source>Value %1</source>
        <translation>Wert %1</translation>
    </message>
    <message>
        <source>Silenced by %1</source>
        <translation>Stummgeschaltet durch %1</translation>
    </message>
    <message>
        <source>Inhibited by %1</source>
        <translation>Unterdrückt durch %1</translation>
    </message>
    <message>
        <source>Reported by %1</source>
        <translation>Gemeldet von %1</translation>
    </message>
    <message>
        <source>The alert has no 'service' or 'job' label</source>
        <translation>Der Alarm hat kein Label 'service' oder 'job'</translation>
    </message>
    <message>
        <source>Search Jaeger for %1 around this alert</source>
        <translation>In Jaeger um diesen Alarm herum nach %1 suchen</translation>
    </message>
    <message>
        <source>Alert %1 in group %2</source>
        <translation>Alarm %1 in Gruppe %2</translation>
    </message>
    <message>
        <source>Recording rule %1 in group %2</source>
        <translation>Aufzeichnungsregel %1 in Gruppe %2</translation>
    </message>
    <message>
        <source>Labels: %1</source>
        <translation>Labels: %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>Select a rule to see its labels and annotations.</source>
        <translation>Eine Regel auswählen, um ihre Labels und Annotationen zu sehen.</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>für %1</translation>
    </message>
    <message>
        <source>no Alertmanager answered</source>
        <translation>kein Alertmanager hat geantwortet</translation>
    </message>
    <message>
        <source>The silence could not be created: %1</source>
        <translation>Die Stummschaltung konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>The silence could not be created everywhere: %1</source>
        <translation>Die Stummschaltung konnte nicht überall angelegt werden: %1</translation>
    </message>
    <message>
        <source>Silence %1 created.</source>
        <translation>Stummschaltung %1 angelegt.</translation>
    </message>
    <message>
        <source>firing, stale</source>
        <translation>aktiv, veraltet</translation>
    </message>
    <message>
        <source>Last reported by %1, which does not answer now: it may have resolved</source>
        <translation>Zuletzt gemeldet von %1, das jetzt nicht antwortet: Es ist vielleicht schon behoben</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Matchers: severity="critical", job=~"node.*"</source>
        <translation>Matcher: severity="critical", job=~"node.*"</translation>
    </message>
    <message>
        <source>Alertmanager's matchers: name="value", name!="value", name=~"regex", name!~"regex", separated by commas</source>
        <translation>Matcher wie in Alertmanager: name="wert", name!="wert", name=~"regex", name!~"regex", durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Group the alerts as Alertmanager groups them, by a label (type its name), or not at all</source>
        <translation>Alarme wie Alertmanager gruppieren, nach einem Label (Namen eintippen) oder gar nicht</translation>
    </message>
    <message>
        <source>Alertmanager groups</source>
        <translation>Alertmanager-Gruppen</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>Keine Gruppierung</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Nach %1</translation>
    </message>
    <message>
        <source>The filter is not applied: %1</source>
        <translation>Der Filter wird nicht angewendet: %1</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Silence exactly this alert until it resolves: Stackscope expires the silence then, and renews it while the alert fires</source>
        <translation>Genau diesen Alarm stummschalten, bis er behoben ist: Stackscope beendet die Stummschaltung dann und verlängert sie, solange der Alarm aktiv ist</translation>
    </message>
    <message>
        <source>an alert no longer listed (%1)</source>
        <translation>einen nicht mehr gelisteten Alarm (%1)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>+1 h</source>
        <translation>+1 h</translation>
    </message>
    <message>
        <source>Extend the silence by an hour</source>
        <translation>Die Stummschaltung um eine Stunde verlängern</translation>
    </message>
    <message>
        <source>+1 d</source>
        <translation>+1 T</translation>
    </message>
    <message>
        <source>Extend the silence by a day</source>
        <translation>Die Stummschaltung um einen Tag verlängern</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>Duplizieren…</translation>
    </message>
    <message>
        <source>Select a silence to see its comment and what it catches.</source>
        <translation>Wählen Sie eine Stummschaltung, um ihren Kommentar und die erfassten Alarme zu sehen.</translation>
    </message>
    <message>
        <source>Created by %1: %2</source>
        <translation>Erstellt von %1: %2</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(niemand)</translation>
    </message>
    <message>
        <source>(no comment)</source>
        <translation>(kein Kommentar)</translation>
    </message>
    <message>
        <source>From %1 until %2</source>
        <translation>Von %1 bis %2</translation>
    </message>
    <message>
        <source>Acknowledged until resolved: Stackscope expires it once every alert it matched has resolved, and renews it while they fire.</source>
        <translation>Bestätigt bis behoben: Stackscope beendet sie, sobald jeder erfasste Alarm behoben ist, und verlängert sie, solange sie aktiv sind.</translation>
    </message>
    <message>
        <source>Ends soon: in %1 min.</source>
        <translation>Endet bald: in %1 min.</translation>
    </message>
    <message>
        <source>Catches none of the alerts shown now.</source>
        <translation>Erfasst keinen der jetzt angezeigten Alarme.</translation>
    </message>
    <message>
        <source>Catches %1 of the alerts shown now: %2</source>
        <translation>Erfasst %1 der jetzt angezeigten Alarme: %2</translation>
    </message>
    <message>
        <source>Cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
    <message>
        <source>Acknowledged until resolved (silence %1).</source>
        <translation>Bestätigt bis behoben (Stummschaltung %1).</translation>
    </message>
    <message>
        <source>Its silence ends soon: at %1 (in %2 min), by %3: %4</source>
        <translation>Seine Stummschaltung endet bald: um %1 (in %2 min), von %3: %4</translation>
    </message>
    <message>
        <source>Fired again: was silenced until %1 by %2: %3</source>
        <translation>Wieder aktiv: war stummgeschaltet bis %1 von %2: %3</translation>
    </message>
    <message>
        <source>Acknowledge until resolved</source>
        <translation>Bis behoben bestätigen</translation>
    </message>
    <message>
        <source>Silence %1 saved.</source>
        <translation>Stummschaltung %1 gespeichert.</translation>
    </message>
    <message>
        <source>By alertname (no Alertmanager)</source>
        <translation>Nach alertname (kein Alertmanager)</translation>
    </message>
</context>
<context>
    <name>Stackscope::AlertsService</name>
    <message>
        <source>no Alertmanager is configured: silences live in Alertmanager</source>
        <translation>kein Alertmanager eingerichtet: Stummschaltungen werden im Alertmanager verwaltet</translation>
    </message>
    <message>
        <source>no Alertmanager is configured</source>
        <translation>kein Alertmanager eingerichtet</translation>
    </message>
    <message>
        <source>no Alertmanager knows the silence %1</source>
        <translation>kein Alertmanager kennt die Stummschaltung %1</translation>
    </message>
    <message>
        <source>no configured Alertmanager holds the silence %1</source>
        <translation>kein konfigurierter Alertmanager hat die Stummschaltung %1</translation>
    </message>
    <message>
        <source>no configured Alertmanager belongs to the cluster "%1"</source>
        <translation>kein konfigurierter Alertmanager gehört zum Cluster „%1“</translation>
    </message>
</context>
<context>
    <name>Stackscope::Application</name>
    <message>
        <source>start at login: %1</source>
        <translation>Start bei Anmeldung: %1</translation>
    </message>
    <message>
        <source>Could not write the stack's endpoints into %1: %2</source>
        <translation>Die Endpunkte des Stacks ließen sich nicht in %1 schreiben: %2</translation>
    </message>
</context>
<context>
    <name>Stackscope::BackendMonitor</name>
    <message>
        <source>not configured</source>
        <translation>nicht eingerichtet</translation>
    </message>
    <message>
        <source>not in this stack (nothing answers at %1)</source>
        <translation>nicht in diesem Stack (unter %1 antwortet nichts)</translation>
    </message>
    <message>
        <source>If it runs elsewhere, set endpoints.%1 in the configuration.</source>
        <translation>Läuft er anderswo, endpoints.%1 in der Konfiguration setzen.</translation>
    </message>
</context>
<context>
    <name>Stackscope::BackendStatusBar</name>
    <message>
        <source>Check now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <source>Ask every backend again now</source>
        <translation>Alle Backends jetzt erneut fragen</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>Adresse: %1</translation>
    </message>
    <message>
        <source>Version: %1</source>
        <translation>Version: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>Since: %1</source>
        <translation>Seit: %1</translation>
    </message>
    <message>
        <source>Last check took %1 ms</source>
        <translation>Letzte Prüfung dauerte %1 ms</translation>
    </message>
    <message>
        <source>TLS certificates are NOT verified for this endpoint (insecure_skip_verify: true in the configuration)</source>
        <translation>TLS-Zertifikate werden für diese Adresse NICHT geprüft (insecure_skip_verify: true in der Konfiguration)</translation>
    </message>
    <message>
        <source>TLS unverified</source>
        <translation>TLS ungeprüft</translation>
    </message>
    <message>
        <source>Origin: %1</source>
        <translation>Herkunft: %1</translation>
    </message>
    <message>
        <source>Use these</source>
        <translation>Diese übernehmen</translation>
    </message>
    <message>
        <source>Write the endpoints found in the stack into the configuration file (its comments are kept)</source>
        <translation>Die im Stack gefundenen Adressen in die Konfigurationsdatei schreiben (ihre Kommentare bleiben erhalten)</translation>
    </message>
</context>
<context>
    <name>Stackscope::BarGaugeView</name>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
</context>
<context>
    <name>Stackscope::CadvisorHistory</name>
    <message>
        <source>Prometheus (cAdvisor), last %1</source>
        <translation>Prometheus (cAdvisor), letzte %1</translation>
    </message>
</context>
<context>
    <name>Stackscope::ChartBand</name>
    <message>
        <source>%1 firing</source>
        <translation>%1 aktiv</translation>
    </message>
    <message>
        <source>%1 pending</source>
        <translation>%1 ausstehend</translation>
    </message>
</context>
<context>
    <name>Stackscope::ComposeController</name>
    <message>
        <source>resolved by %1</source>
        <translation>aufgelöst von %1</translation>
    </message>
    <message>
        <source>read by Stackscope (no compose installed)</source>
        <translation>von Stackscope gelesen (kein Compose installiert)</translation>
    </message>
    <message>
        <source>read by Stackscope</source>
        <translation>von Stackscope gelesen</translation>
    </message>
    <message>
        <source>the output of %1 config</source>
        <translation>die Ausgabe von %1 config</translation>
    </message>
    <message>
        <source>cannot read what %1 config printed: %2</source>
        <translation>die Ausgabe von %1 config lässt sich nicht lesen: %2</translation>
    </message>
</context>
<context>
    <name>Stackscope::ComposeFile</name>
    <message>
        <source> (fix the env file, or name another one in stack.envFile)</source>
        <translation> (Env-Datei korrigieren oder in stack.envFile eine andere nennen)</translation>
    </message>
    <message>
        <source>%1:0:0: no compose file: name one in the configuration (stack.composeFiles), set COMPOSE_FILE, or add compose.yaml there</source>
        <translation>%1:0:0: keine Compose-Datei: eine in der Konfiguration nennen (stack.composeFiles), COMPOSE_FILE setzen oder dort compose.yaml anlegen</translation>
    </message>
    <message>
        <source>compose file</source>
        <translation>Compose-Datei</translation>
    </message>
</context>
<context>
    <name>Stackscope::ComposeProgressPanel</name>
    <message>
        <source>No compose run yet.</source>
        <translation>Noch kein Compose-Lauf.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>  (cancelling…)</source>
        <translation>  (wird abgebrochen …)</translation>
    </message>
    <message>
        <source>✔ Done. %1</source>
        <translation>✔ Fertig. %1</translation>
    </message>
    <message>
        <source>Cancelled. %1</source>
        <translation>Abgebrochen. %1</translation>
    </message>
    <message>
        <source>✖ Failed: %1</source>
        <translation>✖ Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>Stackscope::ComposeProject</name>
    <message>
        <source>%1 gives the project name '%2', which has no letter or digit that compose accepts: set 'project' in the configuration</source>
        <translation>%1 ergibt den Projektnamen '%2', der keinen Buchstaben und keine Ziffer enthält, die Compose annimmt: 'project' in der Konfiguration setzen</translation>
    </message>
    <message>
        <source>the configuration (stack.project)</source>
        <translation>der Konfiguration (stack.project)</translation>
    </message>
    <message>
        <source>COMPOSE_PROJECT_NAME in the environment</source>
        <translation>COMPOSE_PROJECT_NAME in der Umgebung</translation>
    </message>
    <message>
        <source>COMPOSE_PROJECT_NAME in %1</source>
        <translation>COMPOSE_PROJECT_NAME in %1</translation>
    </message>
    <message>
        <source>the bundled stack</source>
        <translation>dem mitgelieferten Stack</translation>
    </message>
    <message>
        <source>'name:' in %1</source>
        <translation>'name:' in %1</translation>
    </message>
    <message>
        <source>the folder %1</source>
        <translation>dem Ordner %1</translation>
    </message>
    <message>
        <source>no compose file: set 'stack.compose_files' in the configuration</source>
        <translation>keine Compose-Datei: 'stack.compose_files' in der Konfiguration setzen</translation>
    </message>
    <message>
        <source>'%1' (from %2) is not a valid compose project name</source>
        <translation>'%1' (aus %2) ist kein gültiger Compose-Projektname</translation>
    </message>
</context>
<context>
    <name>Stackscope::ComposeResolver</name>
    <message>
        <source>%1 did not answer 'config' within %2 s</source>
        <translation>%1 hat 'config' nicht innerhalb von %2 s beantwortet</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>%1 config ended with exit code %2</source>
        <translation>%1 config endete mit Exit-Code %2</translation>
    </message>
</context>
<context>
    <name>Stackscope::ComposeRunner</name>
    <message>
        <source>cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>compose crashed</source>
        <translation>Compose ist abgestürzt</translation>
    </message>
    <message>
        <source>refused to run compose: no valid argument list</source>
        <translation>Compose wird nicht ausgeführt: keine gültige Argumentliste</translation>
    </message>
</context>
<context>
    <name>Stackscope::ConfigEditor</name>
    <message>
        <source>the file is not a mapping</source>
        <translation>die Datei ist keine Zuordnung</translation>
    </message>
    <message>
        <source>the value of '%1' spans several lines</source>
        <translation>der Wert von '%1' erstreckt sich über mehrere Zeilen</translation>
    </message>
    <message>
        <source>'%1' is not a mapping</source>
        <translation>'%1' ist keine Zuordnung</translation>
    </message>
    <message>
        <source>'%1' is written in flow style</source>
        <translation>'%1' ist im Flow-Stil geschrieben</translation>
    </message>
</context>
<context>
    <name>Stackscope::ConfigManager</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the file's layout cannot be changed safely (%1); edit it by hand</source>
        <translation>der Aufbau der Datei lässt sich nicht sicher ändern (%1); bitte von Hand bearbeiten</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot write the default configuration: %1</source>
        <translation>die Standardkonfiguration kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>the file was removed; Stackscope keeps the last good configuration</source>
        <translation>die Datei wurde entfernt; Stackscope behält die letzte gültige Konfiguration</translation>
    </message>
</context>
<context>
    <name>Stackscope::ConfigProblemBanner</name>
    <message>
        <source>Open file</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>The configuration file has 1 problem.</source>
        <translation>Die Konfigurationsdatei hat 1 Problem.</translation>
    </message>
    <message>
        <source>The configuration file has %1 problems.</source>
        <translation>Die Konfigurationsdatei hat %1 Probleme.</translation>
    </message>
    <message>
        <source> Stackscope keeps running with the last good configuration and has not changed the file.</source>
        <translation> Stackscope läuft mit der letzten gültigen Konfiguration weiter und hat die Datei nicht verändert.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
</context>
<context>
    <name>Stackscope::Converter</name>
    <message>
        <source>more than %1 values once aliases are expanded; is an alias used inside its own anchor?</source>
        <translation>mehr als %1 Werte, wenn die Aliase aufgelöst sind; steht ein Alias in seinem eigenen Anker?</translation>
    </message>
    <message>
        <source>nested more than %1 levels deep</source>
        <translation>mehr als %1 Ebenen tief verschachtelt</translation>
    </message>
    <message>
        <source>a merge key '&lt;&lt;' takes a mapping or a list of mappings (aliases like *name)</source>
        <translation>ein Merge-Schlüssel '&lt;&lt;' nimmt eine Map oder eine Liste von Maps (Aliase wie *name)</translation>
    </message>
    <message>
        <source>a key must be a plain value, not a list or a mapping</source>
        <translation>ein Schlüssel muss ein einfacher Wert sein, keine Liste und keine Map</translation>
    </message>
    <message>
        <source>the key '%1' is defined twice in this mapping</source>
        <translation>der Schlüssel '%1' steht zweimal in dieser Map</translation>
    </message>
</context>
<context>
    <name>Stackscope::DashboardLoader</name>
    <message>
        <source>panel "%1": a query without a PromQL expression was skipped</source>
        <translation>Panel „%1“: eine Abfrage ohne PromQL-Ausdruck wurde übersprungen</translation>
    </message>
    <message>
        <source>panel "%1": type "%2" is shown as a placeholder</source>
        <translation>Panel „%1“: Typ „%2“ wird als Platzhalter gezeigt</translation>
    </message>
    <message>
        <source>variable "%1": type "%2" is not supported</source>
        <translation>Variable „%1“: Typ „%2“ wird nicht unterstützt</translation>
    </message>
    <message>
        <source>not JSON: %1 at offset %2</source>
        <translation>kein JSON: %1 bei Position %2</translation>
    </message>
    <message>
        <source>not a Grafana dashboard: it has neither "panels" nor "rows"</source>
        <translation>kein Grafana-Dashboard: es hat weder „panels“ noch „rows“</translation>
    </message>
    <message>
        <source>Untitled dashboard</source>
        <translation>Dashboard ohne Titel</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>a dashboard file is a mapping with title and panels</source>
        <translation>eine Dashboard-Datei ist eine Zuordnung mit title und panels</translation>
    </message>
    <message>
        <source>"panels" must be a list</source>
        <translation>„panels“ muss eine Liste sein</translation>
    </message>
    <message>
        <source>a panel is a mapping</source>
        <translation>ein Panel ist eine Zuordnung</translation>
    </message>
    <message>
        <source>panel "%1" has no expr or queries</source>
        <translation>Panel „%1“ hat weder expr noch queries</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>panel "%1": its datasource is %2, not Prometheus</source>
        <translation>Panel „%1“: seine Datenquelle ist %2, nicht Prometheus</translation>
    </message>
</context>
<context>
    <name>Stackscope::DashboardStore</name>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 exists and is not a dashboard Stackscope can read (%2); not replaced</source>
        <translation>%1 gibt es schon, und es ist kein Dashboard, das Stackscope lesen kann (%2); nicht ersetzt</translation>
    </message>
    <message>
        <source>replaced the earlier %1</source>
        <translation>das frühere %1 wurde ersetzt</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
</context>
<context>
    <name>Stackscope::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Silence 1 h</source>
        <translation>1 h stummschalten</translation>
    </message>
    <message>
        <source>Open traces</source>
        <translation>Traces öffnen</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
</context>
<context>
    <name>Stackscope::DockerEndpoint</name>
    <message>
        <source>configuration (stack.docker_host)</source>
        <translation>Konfiguration (stack.docker_host)</translation>
    </message>
    <message>
        <source>current context</source>
        <translation>aktueller Kontext</translation>
    </message>
    <message>
        <source>default socket</source>
        <translation>Standard-Socket</translation>
    </message>
    <message>
        <source>rootless Docker</source>
        <translation>rootless Docker</translation>
    </message>
</context>
<context>
    <name>Stackscope::DockerStream</name>
    <message>
        <source>no answer from the Docker daemon at %1</source>
        <translation>keine Antwort vom Docker-Daemon unter %1</translation>
    </message>
    <message>
        <source>unsupported Docker host %1 (only unix:// and tcp:// are)</source>
        <translation>nicht unterstützter Docker-Host %1 (nur unix:// und tcp:// werden unterstützt)</translation>
    </message>
    <message>
        <source>Docker daemon at %1: %2</source>
        <translation>Docker-Daemon unter %1: %2</translation>
    </message>
    <message>
        <source>TLS with the Docker daemon at %1 failed: %2</source>
        <translation>TLS mit dem Docker-Daemon unter %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>the Docker daemon at %1 %2: %3</source>
        <translation>der Docker-Daemon unter %1 %2: %3</translation>
    </message>
    <message>
        <source>closed the stream</source>
        <translation>hat den Datenstrom geschlossen</translation>
    </message>
    <message>
        <source>answered badly</source>
        <translation>hat fehlerhaft geantwortet</translation>
    </message>
</context>
<context>
    <name>Stackscope::DockerWatcher</name>
    <message>
        <source>Docker is not installed (no docker program, no socket at %1)</source>
        <translation>Docker ist nicht installiert (kein Programm docker, kein Socket unter %1)</translation>
    </message>
    <message>
        <source>Install Docker Engine (sudo apt install docker.io) or Docker Desktop, then start it.</source>
        <translation>Installieren Sie Docker Engine (sudo apt install docker.io) oder Docker Desktop und starten Sie es.</translation>
    </message>
    <message>
        <source>no Docker socket at %1</source>
        <translation>kein Docker-Socket unter %1</translation>
    </message>
    <message>
        <source>The Docker daemon is not running: start it (sudo systemctl start docker).</source>
        <translation>Der Docker-Daemon läuft nicht: Starten Sie ihn (sudo systemctl start docker).</translation>
    </message>
    <message>
        <source>Also looked for %1.</source>
        <translation>Außerdem gesucht: %1.</translation>
    </message>
    <message>
        <source>the Docker daemon closed the event stream (stopped or restarted); reconnecting</source>
        <translation>der Docker-Daemon hat den Ereignisstrom geschlossen (gestoppt oder neu gestartet); neue Verbindung wird aufgebaut</translation>
    </message>
    <message>
        <source>the Docker daemon's container list is not JSON</source>
        <translation>die Containerliste des Docker-Daemons ist kein JSON</translation>
    </message>
</context>
<context>
    <name>Stackscope::DotEnv</name>
    <message>
        <source>invalid interpolation format "%1"; write $$ for a literal $</source>
        <translation>ungültiges Interpolationsformat „%1“; für ein wörtliches $ $$ schreiben</translation>
    </message>
    <message>
        <source>required variable %1 is missing a value</source>
        <translation>der nötigen Variable %1 fehlt ein Wert</translation>
    </message>
    <message>
        <source>required variable %1 is missing a value: %2</source>
        <translation>der nötigen Variable %1 fehlt ein Wert: %2</translation>
    </message>
    <message>
        <source>interpolation nested more than %1 levels deep</source>
        <translation>Interpolation mehr als %1 Ebenen tief verschachtelt</translation>
    </message>
    <message>
        <source>invalid interpolation format "%1" (no closing brace); write $$ for a literal $</source>
        <translation>ungültiges Interpolationsformat „%1“ (keine schließende Klammer); für ein wörtliches $ $$ schreiben</translation>
    </message>
    <message>
        <source>unexpected character "%1" in variable name "%2"</source>
        <translation>unerwartetes Zeichen „%1“ im Variablennamen „%2“</translation>
    </message>
    <message>
        <source>key cannot contain a space</source>
        <translation>ein Schlüssel darf kein Leerzeichen enthalten</translation>
    </message>
    <message>
        <source>a variable needs a name before "%1"</source>
        <translation>eine Variable braucht vor „%1“ einen Namen</translation>
    </message>
    <message>
        <source>unterminated quoted value %1</source>
        <translation>nicht geschlossener Wert in Anführungszeichen %1</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>%1: the env file does not exist</source>
        <translation>%1: die Env-Datei gibt es nicht</translation>
    </message>
    <message>
        <source>%1: not a regular file; name the env file itself</source>
        <translation>%1: keine normale Datei; die Env-Datei selbst nennen</translation>
    </message>
    <message>
        <source>larger than 4 MiB, not an env file</source>
        <translation>größer als 4 MiB, keine Env-Datei</translation>
    </message>
</context>
<context>
    <name>Stackscope::Exemplar</name>
    <message>
        <source>Exemplar at %1</source>
        <translation>Exemplar um %1</translation>
    </message>
    <message>
        <source>Value: %1</source>
        <translation>Wert: %1</translation>
    </message>
    <message>
        <source>Click to open the trace</source>
        <translation>Klicken, um den Trace zu öffnen</translation>
    </message>
</context>
<context>
    <name>Stackscope::FlameGraphView</name>
    <message>
        <source>Flame graph</source>
        <translation>Flammendiagramm</translation>
    </message>
    <message>
        <source>No trace open.</source>
        <translation>Kein Trace geöffnet.</translation>
    </message>
    <message>
        <source>Laying out the flame graph…</source>
        <translation>Das Flammendiagramm wird angeordnet…</translation>
    </message>
    <message>
        <source>Click: zoom in · Esc: out · double-click: whole trace · lighter: self time</source>
        <translation>Klick: hineinzoomen · Esc: heraus · Doppelklick: ganzer Trace · heller: Eigenzeit</translation>
    </message>
    <message>
        <source>Whole trace</source>
        <translation>Ganzer Trace</translation>
    </message>
    <message>
        <source>%1: %2
%3 · self time %4 (%5%) · at +%6</source>
        <translation>%1: %2
%3 · Eigenzeit %4 (%5%) · bei +%6</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) below</source>
        <translation><numerusform>%n Span darunter</numerusform><numerusform>%n Spans darunter</numerusform></translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>Stackscope::Format</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
</context>
<context>
    <name>Stackscope::HeatmapView</name>
    <message>
        <source>%1
Bucket: %2
Count: %3</source>
        <translation>%1
Bucket: %2
Anzahl: %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
</context>
<context>
    <name>Stackscope::HistogramView</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
</context>
<context>
    <name>Stackscope::HttpClient</name>
    <message>
        <source>the environment variable %1 that holds the %2 secret is not set</source>
        <translation>die Umgebungsvariable %1 mit dem Geheimnis für %2 ist nicht gesetzt</translation>
    </message>
    <message>
        <source>no certificate could be read from the CA file %1</source>
        <translation>aus der CA-Datei %1 ließ sich kein Zertifikat lesen</translation>
    </message>
    <message>
        <source>the answer from %1 is larger than the %2 limit (http.max_body)</source>
        <translation>die Antwort von %1 ist größer als die Grenze von %2 (http.max_body)</translation>
    </message>
    <message>
        <source>no answer within %1 from %2</source>
        <translation>keine Antwort innerhalb von %1 von %2</translation>
    </message>
    <message>
        <source>request cancelled</source>
        <translation>Anfrage abgebrochen</translation>
    </message>
    <message>
        <source>connection refused at %1</source>
        <translation>Verbindung abgelehnt: %1</translation>
    </message>
    <message>
        <source>host not found: %1</source>
        <translation>Rechner nicht gefunden: %1</translation>
    </message>
    <message>
        <source>TLS error at %1: %2</source>
        <translation>TLS-Fehler bei %1: %2</translation>
    </message>
    <message>
        <source>the answer from %1 was cut off after %2</source>
        <translation>die Antwort von %1 brach nach %2 ab</translation>
    </message>
    <message>
        <source>%1 closed the connection without answering</source>
        <translation>%1 hat die Verbindung ohne Antwort geschlossen</translation>
    </message>
    <message>
        <source>network error at %1: %2</source>
        <translation>Netzwerkfehler bei %1: %2</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>the answer from %1 was cut off after %2 of %3</source>
        <translation>die Antwort von %1 brach nach %2 von %3 ab</translation>
    </message>
    <message>
        <source>no address is set for %1</source>
        <translation>für %1 ist keine Adresse gesetzt</translation>
    </message>
    <message>
        <source>%1 is not an http:// or https:// address</source>
        <translation>%1 ist keine http://- oder https://-Adresse</translation>
    </message>
</context>
<context>
    <name>Stackscope::LabelChips</name>
    <message>
        <source>Click: show only alerts with %1="%2"
Shift-click: hide them</source>
        <translation>Klick: nur Alarme mit %1="%2" zeigen
Umschalt-Klick: sie ausblenden</translation>
    </message>
</context>
<context>
    <name>Stackscope::LegendModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>Stackscope::Loader</name>
    <message>
        <source>compose file</source>
        <translation>Compose-Datei</translation>
    </message>
    <message>
        <source>the compose file does not exist; check the path (stack.composeFiles in the configuration, or COMPOSE_FILE)</source>
        <translation>die Compose-Datei gibt es nicht; den Pfad prüfen (stack.composeFiles in der Konfiguration oder COMPOSE_FILE)</translation>
    </message>
    <message>
        <source>this is a folder, not a compose file; name the file itself (for example %1)</source>
        <translation>das ist ein Ordner, keine Compose-Datei; die Datei selbst nennen (zum Beispiel %1)</translation>
    </message>
    <message>
        <source>larger than 16 MiB; this is not a compose file</source>
        <translation>größer als 16 MiB; das ist keine Compose-Datei</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>lässt sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>%1 (invalid YAML)</source>
        <translation>%1 (ungültiges YAML)</translation>
    </message>
    <message>
        <source>not a compose file (no top-level map)</source>
        <translation>keine Compose-Datei (keine Zuordnung auf oberster Ebene)</translation>
    </message>
    <message>
        <source>the file is empty; a compose file needs a 'services:' map</source>
        <translation>die Datei ist leer; eine Compose-Datei braucht eine 'services:'-Map</translation>
    </message>
    <message>
        <source>%1 (in %2); set %3 in the environment or in the env file</source>
        <translation>%1 (in %2); %3 in der Umgebung oder in der Env-Datei setzen</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (in %2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 has no 'services' map to extend</source>
        <translation>%1 hat keine 'services'-Map zum Erweitern</translation>
    </message>
    <message>
        <source>more than %1 extends</source>
        <translation>mehr als %1 extends</translation>
    </message>
    <message>
        <source>'extends' needs the 'service' to extend</source>
        <translation>'extends' braucht den 'service', der erweitert wird</translation>
    </message>
    <message>
        <source>circular extends: %1; remove one of these 'extends'</source>
        <translation>zirkuläres extends: %1; eines dieser 'extends' entfernen</translation>
    </message>
    <message>
        <source>cannot extend service %1: service %2 not found in %3</source>
        <translation>Dienst %1 lässt sich nicht erweitern: Dienst %2 steht nicht in %3</translation>
    </message>
    <message>
        <source>extends copy more than %1 values; do the services extend each other in a long chain?</source>
        <translation>extends kopiert mehr als %1 Werte; erweitern sich die Dienste in einer langen Kette?</translation>
    </message>
    <message>
        <source>unclosed quote in "%1"</source>
        <translation>nicht geschlossenes Anführungszeichen in „%1“</translation>
    </message>
    <message>
        <source>expected a string or a list of strings</source>
        <translation>erwartet: ein Text oder eine Liste von Texten</translation>
    </message>
    <message>
        <source>service '%1' must be a mapping</source>
        <translation>Dienst '%1' muss eine Map sein</translation>
    </message>
    <message>
        <source>a port is a string or a mapping</source>
        <translation>ein Port ist ein Text oder eine Map</translation>
    </message>
    <message>
        <source>a volume is a string or a mapping</source>
        <translation>ein Volume ist ein Text oder eine Map</translation>
    </message>
    <message>
        <source>no 'services' map</source>
        <translation>keine Zuordnung 'services'</translation>
    </message>
    <message>
        <source>'include' is a list of files, or of mappings with 'path', 'project_directory' and 'env_file'</source>
        <translation>'include' ist eine Liste von Dateien oder von Zuordnungen mit 'path', 'project_directory' und 'env_file'</translation>
    </message>
    <message>
        <source>an include is a file, or a mapping with 'path'</source>
        <translation>ein Include ist eine Datei oder eine Zuordnung mit 'path'</translation>
    </message>
    <message>
        <source>'path' is a file or a list of files</source>
        <translation>'path' ist eine Datei oder eine Liste von Dateien</translation>
    </message>
    <message>
        <source>'env_file' is a file or a list of files</source>
        <translation>'env_file' ist eine Datei oder eine Liste von Dateien</translation>
    </message>
    <message>
        <source>'project_directory' is a folder</source>
        <translation>'project_directory' ist ein Ordner</translation>
    </message>
    <message>
        <source>unknown key '%1' in an include (path, project_directory or env_file)</source>
        <translation>unbekannter Schlüssel '%1' in einem Include (path, project_directory oder env_file)</translation>
    </message>
    <message>
        <source>an include needs the 'path' of the file to include</source>
        <translation>ein Include braucht den 'path' der einzubindenden Datei</translation>
    </message>
    <message>
        <source>%1 (an env file of this include)</source>
        <translation>%1 (eine Env-Datei dieses Includes)</translation>
    </message>
    <message>
        <source>include cycle: %1; remove one of these includes</source>
        <translation>Include-Zyklus: %1; eines dieser Includes entfernen</translation>
    </message>
    <message>
        <source>the included file %1 does not exist; check the path in 'include'</source>
        <translation>die eingebundene Datei %1 gibt es nicht; den Pfad in 'include' prüfen</translation>
    </message>
    <message>
        <source>cannot include %1: %2</source>
        <translation>%1 kann nicht eingebunden werden: %2</translation>
    </message>
    <message>
        <source>more than %1 included files, or includes nested more than %2 deep; do the files include each other?</source>
        <translation>mehr als %1 eingebundene Dateien oder Includes tiefer als %2 verschachtelt; binden sich die Dateien gegenseitig ein?</translation>
    </message>
    <message>
        <source>the included files hold more than %1 values; is one file included many times over?</source>
        <translation>die eingebundenen Dateien enthalten mehr als %1 Werte; wird eine Datei vielfach eingebunden?</translation>
    </message>
    <message>
        <source>'%1' must be a mapping</source>
        <translation>'%1' muss eine Zuordnung sein</translation>
    </message>
    <message>
        <source>%1.%2 conflicts with imported resource %1.%2 of %3 (line %4); rename one of them, or remove this one</source>
        <translation>%1.%2 kollidiert mit der importierten Ressource %1.%2 aus %3 (Zeile %4); eine davon umbenennen oder diese entfernen</translation>
    </message>
</context>
<context>
    <name>Stackscope::LogFieldsTable</name>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>Stackscope::LogLinesView</name>
    <message>
        <source>%1 more characters (copy the line to see them)</source>
        <translation>%1 weitere Zeichen (die Zeile kopieren, um sie zu sehen)</translation>
    </message>
</context>
<context>
    <name>Stackscope::LogView</name>
    <message>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>Zeitstempel</translation>
    </message>
    <message>
        <source>Only matching</source>
        <translation>Nur Treffer</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Last </source>
        <translation>Letzte </translation>
    </message>
    <message>
        <source> lines</source>
        <translation> Zeilen</translation>
    </message>
    <message>
        <source>Search (Enter: next match)</source>
        <translation>Suchen (Enter: nächster Treffer)</translation>
    </message>
    <message>
        <source>Keep </source>
        <translation>Behalten: </translation>
    </message>
    <message>
        <source>Older lines are dropped from memory beyond this many</source>
        <translation>Ältere Zeilen über diese Anzahl hinaus werden aus dem Speicher entfernt</translation>
    </message>
    <message>
        <source>Copy the selection, or every shown line</source>
        <translation>Die Auswahl oder alle gezeigten Zeilen kopieren</translation>
    </message>
    <message>
        <source>Choose a service and press Logs (or double-click its row).</source>
        <translation>Wählen Sie einen Dienst und drücken Sie „Logs“ (oder doppelklicken Sie seine Zeile).</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Logs of %1</source>
        <translation>Logs von %1</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) kept</source>
        <translation><numerusform>%n Zeile behalten</numerusform><numerusform>%n Zeilen behalten</numerusform></translation>
    </message>
    <message>
        <source>, %1 older dropped</source>
        <translation>, %1 ältere verworfen</translation>
    </message>
    <message numerus="yes">
        <source> · %n match(es)</source>
        <translation><numerusform> · %n Treffer</numerusform><numerusform> · %n Treffer</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::LogVolumeChart</name>
    <message>
        <source>No lines in this range</source>
        <translation>Keine Zeilen in diesem Zeitraum</translation>
    </message>
    <message>
        <source>no level</source>
        <translation>ohne Stufe</translation>
    </message>
</context>
<context>
    <name>Stackscope::LogsFeature</name>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>No Loki is configured: set endpoints.loki in the settings to query its logs</source>
        <translation>Kein Loki eingestellt: endpoints.loki in den Einstellungen setzen, um seine Logs abzufragen</translation>
    </message>
    <message>
        <source>Loki's labels could not be read: %1</source>
        <translation>Lokis Labels konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This is a metric query: the Loki tab shows log lines; draw metric queries on a dashboard</source>
        <translation>Das ist eine Metrik-Abfrage: Der Loki-Tab zeigt Logzeilen; Metrik-Abfragen auf einem Dashboard zeichnen</translation>
    </message>
</context>
<context>
    <name>Stackscope::LogsPage</name>
    <message>
        <source>Stack</source>
        <translation>Stack</translation>
    </message>
    <message>
        <source>Loki</source>
        <translation>Loki</translation>
    </message>
</context>
<context>
    <name>Stackscope::LokiClient</name>
    <message>
        <source>%1 answered HTML, not the Loki API (is this Loki's address?)</source>
        <translation>%1 antwortet mit HTML, nicht als Loki-API (ist das Lokis Adresse?)</translation>
    </message>
    <message>
        <source>%1 answered with an empty body, not the Loki API</source>
        <translation>%1 antwortet ohne Inhalt, nicht als Loki-API</translation>
    </message>
    <message>
        <source>the answer of %1 could not be read: %2</source>
        <translation>die Antwort von %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Loki at %1 did not answer in time; the query may be too large</source>
        <translation>Loki unter %1 hat nicht rechtzeitig geantwortet; die Abfrage ist vielleicht zu groß</translation>
    </message>
    <message>
        <source>Narrow the time range or the label selector.</source>
        <translation>Grenzen Sie den Zeitraum oder den Label-Selektor ein.</translation>
    </message>
    <message>
        <source>Loki rejected the query</source>
        <translation>Loki hat die Abfrage abgelehnt</translation>
    </message>
    <message>
        <source>Loki rejected the query: %1</source>
        <translation>Loki hat die Abfrage abgelehnt: %1</translation>
    </message>
    <message>
        <source>Loki at %1 is busy (too many outstanding requests)</source>
        <translation>Loki unter %1 ist ausgelastet (zu viele offene Anfragen)</translation>
    </message>
    <message>
        <source>Try again in a moment, or ask for a shorter time range.</source>
        <translation>Versuchen Sie es gleich noch einmal oder fragen Sie einen kürzeren Zeitraum ab.</translation>
    </message>
    <message>
        <source>the query timed out at %1 (HTTP %2)</source>
        <translation>die Abfrage bei %1 hat das Zeitlimit überschritten (HTTP %2)</translation>
    </message>
    <message>
        <source>the query timed out at %1: %2</source>
        <translation>die Abfrage bei %1 hat das Zeitlimit überschritten: %2</translation>
    </message>
</context>
<context>
    <name>Stackscope::LokiLogsView</name>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last 1 hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Only matching</source>
        <translation>Nur Treffer</translation>
    </message>
    <message>
        <source>LogQL, e.g. {job="api"} |= "error"</source>
        <translation>LogQL, z. B. {job="api"} |= "error"</translation>
    </message>
    <message>
        <source>A LogQL log query; the drop-down holds the recent ones</source>
        <translation>Eine LogQL-Log-Abfrage; die Liste enthält die letzten</translation>
    </message>
    <message>
        <source>limit </source>
        <translation>Limit </translation>
    </message>
    <message>
        <source>Lines at most</source>
        <translation>Höchstens so viele Zeilen</translation>
    </message>
    <message>
        <source>Newest lines</source>
        <translation>Neueste Zeilen</translation>
    </message>
    <message>
        <source>Oldest lines</source>
        <translation>Älteste Zeilen</translation>
    </message>
    <message>
        <source>Which lines the limit keeps</source>
        <translation>Welche Zeilen das Limit behält</translation>
    </message>
    <message>
        <source>Labels: choose one to see its values</source>
        <translation>Labels: eines wählen, um seine Werte zu sehen</translation>
    </message>
    <message>
        <source>Values: click one to add it to the query</source>
        <translation>Werte: einen anklicken, um ihn der Abfrage hinzuzufügen</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Read Loki's labels again</source>
        <translation>Lokis Labels neu lesen</translation>
    </message>
    <message>
        <source>Search (regular expression, Ctrl+F)</source>
        <translation>Suchen (regulärer Ausdruck, Strg+F)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected lines (Ctrl+C)</source>
        <translation>Die ausgewählten Zeilen kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save the lines shown to a file</source>
        <translation>Die gezeigten Zeilen in eine Datei speichern</translation>
    </message>
    <message>
        <source>Save the logs shown</source>
        <translation>Die gezeigten Logs speichern</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>Log-Dateien (*.log *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The logs could not be saved to %1: %2</source>
        <translation>Die Logs konnten nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Type a LogQL query, such as {job="api"}, or build one from the labels</source>
        <translation>Eine LogQL-Abfrage eingeben, etwa {job="api"}, oder eine aus den Labels bauen</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
    <message>
        <source>Not a valid regular expression: %1</source>
        <translation>Kein gültiger regulärer Ausdruck: %1</translation>
    </message>
    <message>
        <source>%1 of %2 lines</source>
        <translation>%1 von %2 Zeilen</translation>
    </message>
    <message>
        <source>%1 matching</source>
        <translation>%1 passend</translation>
    </message>
</context>
<context>
    <name>Stackscope::LokiParser</name>
    <message>
        <source>the answer is not JSON</source>
        <translation>die Antwort ist kein JSON</translation>
    </message>
    <message>
        <source>Loki answered with an error</source>
        <translation>Loki hat mit einem Fehler geantwortet</translation>
    </message>
    <message>
        <source>the answer is JSON, but not the Loki API</source>
        <translation>die Antwort ist JSON, aber nicht die Loki-API</translation>
    </message>
    <message>
        <source>a series without its labels</source>
        <translation>eine Zeitreihe ohne ihre Labels</translation>
    </message>
    <message>
        <source>a sample that is not [time, "value"]</source>
        <translation>ein Messwert, der nicht [Zeit, "Wert"] ist</translation>
    </message>
    <message>
        <source>a series without values</source>
        <translation>eine Zeitreihe ohne Werte</translation>
    </message>
    <message>
        <source>a stream without its labels</source>
        <translation>ein Stream ohne seine Labels</translation>
    </message>
    <message>
        <source>a stream without values</source>
        <translation>ein Stream ohne Werte</translation>
    </message>
    <message>
        <source>a log line that is not ["nanoseconds", "line"]</source>
        <translation>eine Logzeile, die nicht ["Nanosekunden", "Zeile"] ist</translation>
    </message>
    <message>
        <source>a log line whose time is not a count of nanoseconds</source>
        <translation>eine Logzeile, deren Zeit keine Anzahl von Nanosekunden ist</translation>
    </message>
    <message>
        <source>the answer has no result</source>
        <translation>die Antwort hat kein result</translation>
    </message>
    <message>
        <source>an unknown result type "%1"</source>
        <translation>ein unbekannter Ergebnistyp „%1“</translation>
    </message>
    <message>
        <source>the answer's data is not a list</source>
        <translation>die Daten der Antwort sind keine Liste</translation>
    </message>
    <message>
        <source>the list holds something other than names</source>
        <translation>die Liste enthält etwas anderes als Namen</translation>
    </message>
</context>
<context>
    <name>Stackscope::LongValueDialog</name>
    <message>
        <source>Value of %1</source>
        <translation>Wert von %1</translation>
    </message>
    <message>
        <source>%L1 characters. Lines longer than %L2 characters are broken for display; Copy copies the value as it is.</source>
        <translation>%L1 Zeichen. Zeilen länger als %L2 Zeichen werden für die Anzeige umbrochen; Kopieren kopiert den Wert, wie er ist.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the whole value to the clipboard</source>
        <translation>Den ganzen Wert in die Zwischenablage kopieren</translation>
    </message>
</context>
<context>
    <name>Stackscope::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;configuration file</source>
        <translation>&amp;Konfigurationsdatei öffnen</translation>
    </message>
    <message>
        <source>&amp;Reload configuration</source>
        <translation>Konfiguration &amp;neu laden</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Check &amp;backends now</source>
        <translation>&amp;Backends jetzt prüfen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Stackscope</source>
        <translation>&amp;Über Stackscope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>About Stackscope</source>
        <translation>Über Stackscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Stackscope %1&lt;/h3&gt;&lt;p&gt;A native desktop console for the observability stack on your machine.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later. Built with Qt %2 (LGPL-3 / GPL-3), Qt Charts (GPL-3), yaml-cpp (MIT), prometheus-cpp (MIT) and simdjson (Apache-2.0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Stackscope %1&lt;/h3&gt;&lt;p&gt;Eine native Desktop-Konsole für den Observability-Stack auf Ihrem Rechner.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder später. Erstellt mit Qt %2 (LGPL-3 / GPL-3), Qt Charts (GPL-3), yaml-cpp (MIT), prometheus-cpp (MIT) und simdjson (Apache-2.0).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
</context>
<context>
    <name>Stackscope::MetricsController</name>
    <message numerus="yes">
        <source>%n native histogram sample(s) not drawn</source>
        <translation><numerusform>%n Sample eines nativen Histogramms nicht gezeichnet</numerusform><numerusform>%n Samples nativer Histogramme nicht gezeichnet</numerusform></translation>
    </message>
    <message>
        <source>a log query answers lines, not numbers: this panel needs a metric query such as count_over_time()</source>
        <translation>eine Log-Abfrage liefert Zeilen, keine Zahlen: Dieses Panel braucht eine Metrik-Abfrage wie count_over_time()</translation>
    </message>
    <message>
        <source>no Loki is configured (endpoints.loki)</source>
        <translation>kein Loki eingestellt (endpoints.loki)</translation>
    </message>
</context>
<context>
    <name>Stackscope::MetricsFeature</name>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Some dashboards could not be read:
%1</source>
        <translation>Einige Dashboards konnten nicht gelesen werden:
%1</translation>
    </message>
    <message>
        <source>Could not import %1: %2</source>
        <translation>%1 konnte nicht importiert werden: %2</translation>
    </message>
    <message>
        <source>no configuration folder</source>
        <translation>kein Konfigurationsordner</translation>
    </message>
    <message numerus="yes">
        <source>Imported "%1" (%n panel(s)) as %2</source>
        <translation><numerusform>„%1“ (%n Panel) als %2 importiert</numerusform><numerusform>„%1“ (%n Panels) als %2 importiert</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::MetricsPage</name>
    <message>
        <source>Import…</source>
        <translation>Importieren …</translation>
    </message>
    <message>
        <source>Import a Grafana dashboard JSON file (or drop one here)</source>
        <translation>Eine Grafana-Dashboard-JSON-Datei importieren (oder hier ablegen)</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert …</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Dashboard:</source>
        <translation>Dashboard:</translation>
    </message>
    <message>
        <source>Refresh:</source>
        <translation>Aktualisierung:</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Explore</source>
        <translation>Erkunden</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Scrape-Ziele</translation>
    </message>
    <message>
        <source>Import a Grafana dashboard</source>
        <translation>Ein Grafana-Dashboard importieren</translation>
    </message>
    <message>
        <source>Grafana dashboard (*.json)</source>
        <translation>Grafana-Dashboard (*.json)</translation>
    </message>
    <message>
        <source>PromQL expression, e.g. rate(prometheus_http_requests_total[5m])</source>
        <translation>PromQL-Ausdruck, z. B. rate(prometheus_http_requests_total[5m])</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation><numerusform>%n Zeitreihe</numerusform><numerusform>%n Zeitreihen</numerusform></translation>
    </message>
    <message>
        <source>, step %1 s</source>
        <translation>, Schritt %1 s</translation>
    </message>
    <message>
        <source>Filter by job, instance, health or error</source>
        <translation>Nach Job, Instanz, Gesundheit oder Fehler filtern</translation>
    </message>
    <message>
        <source>%1 (stale: %2)</source>
        <translation>%1 (veraltet: %2)</translation>
    </message>
    <message>
        <source> (imported)</source>
        <translation> (importiert)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Custom time range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 targets up in %n job(s)</source>
        <translation><numerusform>%1 von %2 Scrape-Zielen erreichbar in %n Job</numerusform><numerusform>%1 von %2 Scrape-Zielen erreichbar in %n Jobs</numerusform></translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last 30 minutes</source>
        <translation>Letzte 30 Minuten</translation>
    </message>
    <message>
        <source>Last 1 hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 3 hours</source>
        <translation>Letzte 3 Stunden</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 12 hours</source>
        <translation>Letzte 12 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 2 days</source>
        <translation>Letzte 2 Tage</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>stale: %1</source>
        <translation>veraltet: %1</translation>
    </message>
    <message>
        <source>From the stack</source>
        <translation>Aus dem Stack</translation>
    </message>
    <message>
        <source>From the stack · %1</source>
        <translation>Aus dem Stack · %1</translation>
    </message>
    <message>
        <source>Dashboards the stack's own Grafana provisions, read from your files where they are; they follow your edits</source>
        <translation>Dashboards, die das Grafana des Stacks bereitstellt, gelesen aus Ihren Dateien, wo sie liegen; sie folgen Ihren Änderungen</translation>
    </message>
    <message>
        <source>%1 (Grafana provider %2)</source>
        <translation>%1 (Grafana-Provider %2)</translation>
    </message>
    <message>
        <source> (from the stack)</source>
        <translation> (aus dem Stack)</translation>
    </message>
    <message>
        <source>%1 cannot be shown: %2</source>
        <translation>%1 kann nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Herauszoomen</translation>
    </message>
    <message>
        <source>Zoom out: twice the time range (Ctrl+Z)</source>
        <translation>Herauszoomen: doppelter Zeitraum (Strg+Z)</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>The end (%1) must be after the start (%2).</source>
        <translation>Das Ende (%1) muss nach dem Anfang (%2) liegen.</translation>
    </message>
    <message>
        <source>Time range not changed: its end (%1) is not after its start (%2).</source>
        <translation>Zeitraum nicht geändert: sein Ende (%1) liegt nicht nach seinem Anfang (%2).</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Link "%1" not opened: only http and https addresses are opened.</source>
        <translation>Link „%1“ nicht geöffnet: Nur http- und https-Adressen werden geöffnet.</translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation>Dashboards</translation>
    </message>
    <message>
        <source>No dashboard has these tags</source>
        <translation>Kein Dashboard hat diese Tags</translation>
    </message>
</context>
<context>
    <name>Stackscope::PanelRepeat</name>
    <message>
        <source>“%1” is repeated for the first %2 of the %3 values of $%4.</source>
        <translation>„%1“ wird für die ersten %2 der %3 Werte von $%4 wiederholt.</translation>
    </message>
</context>
<context>
    <name>Stackscope::PanelTime</name>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last 30 minutes</source>
        <translation>Letzte 30 Minuten</translation>
    </message>
    <message>
        <source>Last 1 hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 3 hours</source>
        <translation>Letzte 3 Stunden</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 12 hours</source>
        <translation>Letzte 12 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 2 days</source>
        <translation>Letzte 2 Tage</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last %1</source>
        <translation>Letzte %1</translation>
    </message>
    <message>
        <source>timeshift -%1</source>
        <translation>Zeitversatz -%1</translation>
    </message>
</context>
<context>
    <name>Stackscope::PanelWidget</name>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>Panel type "%1" cannot be drawn here yet.</source>
        <translation>Der Panel-Typ „%1“ kann hier noch nicht gezeichnet werden.</translation>
    </message>
    <message>
        <source>not drawn</source>
        <translation>nicht gezeichnet</translation>
    </message>
    <message>
        <source>Traces for %1 around here</source>
        <translation>Traces für %1 um diesen Zeitpunkt</translation>
    </message>
    <message>
        <source>Traces around here (no series has a 'service' or 'job' label)</source>
        <translation>Traces um diesen Zeitpunkt (keine Zeitreihe hat ein Label 'service' oder 'job')</translation>
    </message>
    <message>
        <source>stale: %1</source>
        <translation>veraltet: %1</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>%1 datasource: not queried</source>
        <translation>Datenquelle %1: nicht abgefragt</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>exemplars: %1</source>
        <translation>Exemplare: %1</translation>
    </message>
</context>
<context>
    <name>Stackscope::Paths</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot create a folder in %1: %2</source>
        <translation>in %1 kann kein Ordner angelegt werden: %2</translation>
    </message>
</context>
<context>
    <name>Stackscope::PieChartView</name>
    <message>
        <source>%1  no value</source>
        <translation>%1  kein Wert</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
</context>
<context>
    <name>Stackscope::PromParser</name>
    <message>
        <source>the answer was empty</source>
        <translation>die Antwort war leer</translation>
    </message>
    <message>
        <source>the JSON answer stops early (truncated)</source>
        <translation>die JSON-Antwort bricht vorzeitig ab (abgeschnitten)</translation>
    </message>
    <message>
        <source>the answer is not JSON (%1)</source>
        <translation>die Antwort ist kein JSON (%1)</translation>
    </message>
    <message>
        <source>the answer is not a Prometheus API object</source>
        <translation>die Antwort ist kein Objekt der Prometheus-API</translation>
    </message>
    <message>
        <source>the answer has no "status": "success"</source>
        <translation>die Antwort hat kein "status": "success"</translation>
    </message>
    <message>
        <source>the answer has no "data"</source>
        <translation>die Antwort hat kein "data"</translation>
    </message>
    <message>
        <source>the answer has no resultType</source>
        <translation>die Antwort hat keinen resultType</translation>
    </message>
    <message>
        <source>the answer has no result</source>
        <translation>die Antwort hat kein result</translation>
    </message>
    <message>
        <source>a sample is not [time, "value"]</source>
        <translation>ein Sample ist nicht [time, "value"]</translation>
    </message>
    <message>
        <source>unknown resultType "%1"</source>
        <translation>unbekannter resultType „%1“</translation>
    </message>
    <message>
        <source>the result is not a list</source>
        <translation>das Ergebnis ist keine Liste</translation>
    </message>
    <message>
        <source>a series is not an object</source>
        <translation>eine Zeitreihe ist kein Objekt</translation>
    </message>
    <message>
        <source>a series' labels are not strings</source>
        <translation>die Labels einer Zeitreihe sind keine Zeichenketten</translation>
    </message>
    <message>
        <source>the answer has no activeTargets list</source>
        <translation>die Antwort hat keine Liste activeTargets</translation>
    </message>
    <message>
        <source>the data is not a list</source>
        <translation>die Daten sind keine Liste</translation>
    </message>
    <message>
        <source>the data is not an object</source>
        <translation>die Daten sind kein Objekt</translation>
    </message>
    <message>
        <source>the answer has no groups list</source>
        <translation>die Antwort hat keine Liste groups</translation>
    </message>
    <message>
        <source>the answer has no configuration</source>
        <translation>die Antwort enthält keine Konfiguration</translation>
    </message>
    <message>
        <source>a series of exemplars has no labels</source>
        <translation>eine Exemplar-Reihe hat keine Labels</translation>
    </message>
    <message>
        <source>a series of exemplars has no exemplars list</source>
        <translation>eine Exemplar-Reihe hat keine Exemplar-Liste</translation>
    </message>
    <message>
        <source>an exemplar is not {labels, "value", timestamp}</source>
        <translation>ein Exemplar ist nicht {labels, "value", timestamp}</translation>
    </message>
    <message>
        <source>an exemplar's labels are not strings</source>
        <translation>die Labels eines Exemplars sind keine Zeichenketten</translation>
    </message>
</context>
<context>
    <name>Stackscope::PrometheusClient</name>
    <message>
        <source>Prometheus at %1: %2</source>
        <translation>Prometheus unter %1: %2</translation>
    </message>
    <message>
        <source>%1 answered HTML, not the Prometheus API</source>
        <translation>%1 antwortet mit HTML, nicht als Prometheus-API</translation>
    </message>
</context>
<context>
    <name>Stackscope::RuleModel</name>
    <message>
        <source>recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Gesundheit</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Last evaluation</source>
        <translation>Letzte Auswertung</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Ausdruck</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Labels: %1</source>
        <translation>Labels: %1</translation>
    </message>
</context>
<context>
    <name>Stackscope::SelfMetrics</name>
    <message>
        <source>cannot serve self-metrics on %1: the address is in use or not local (%2)</source>
        <translation>eigene Metriken können nicht unter %1 bereitgestellt werden: Die Adresse ist belegt oder nicht lokal (%2)</translation>
    </message>
</context>
<context>
    <name>Stackscope::SeriesTableModel</name>
    <message>
        <source>Series</source>
        <translation>Zeitreihe</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
</context>
<context>
    <name>Stackscope::ServiceModel</name>
    <message>
        <source>has check</source>
        <translation>hat Prüfung</translation>
    </message>
    <message>
        <source>no check</source>
        <translation>keine Prüfung</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>web UI</source>
        <translation>Weboberfläche</translation>
    </message>
    <message>
        <source>Last healthcheck (failing streak %1):
%2</source>
        <translation>Letzte Gesundheitsprüfung (%1 Fehlschläge in Folge):
%2</translation>
    </message>
    <message>
        <source>Container %1 (%2)</source>
        <translation>Container %1 (%2)</translation>
    </message>
    <message>
        <source>No container: the service has not been started.</source>
        <translation>Kein Container: Der Dienst wurde noch nicht gestartet.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Gesundheit</translation>
    </message>
    <message>
        <source>Uptime / exit</source>
        <translation>Laufzeit / Exit</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>nicht gesund</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>Memory over the last %1:</source>
        <translation>Speicher in den letzten %1:</translation>
    </message>
    <message>
        <source>CPU over the last %1:</source>
        <translation>CPU in den letzten %1:</translation>
    </message>
    <message>
        <source>min %1 · max %2 · last %3</source>
        <translation>min. %1 · max. %2 · zuletzt %3</translation>
    </message>
    <message>
        <source>(with gaps where the service was not running)</source>
        <translation>(mit Lücken, wo der Dienst nicht lief)</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 von %2 (%3 %)</translation>
    </message>
    <message>
        <source>Shares the host's network: its ports are the host's, as its program opens them, and none is published.</source>
        <translation>Teilt das Netzwerk des Hosts: Seine Ports sind die des Hosts, so wie sein Programm sie öffnet, und keiner wird veröffentlicht.</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Von %1</translation>
    </message>
    <message>
        <source>Stackscope's own samples of the last hour</source>
        <translation>Stackscopes eigene Messwerte der letzten Stunde</translation>
    </message>
</context>
<context>
    <name>Stackscope::SettingsDialog</name>
    <message>
        <source>Stackscope Settings</source>
        <translation>Stackscope-Einstellungen</translation>
    </message>
    <message>
        <source>One URL per line; two for an HA pair</source>
        <translation>Eine URL pro Zeile; zwei für ein HA-Paar</translation>
    </message>
    <message>
        <source>Prometheus URL</source>
        <translation>Prometheus-URL</translation>
    </message>
    <message>
        <source>Prometheus timeout</source>
        <translation>Prometheus-Zeitlimit</translation>
    </message>
    <message>
        <source>Alertmanagers</source>
        <translation>Alertmanager</translation>
    </message>
    <message>
        <source>Jaeger URL</source>
        <translation>Jaeger-URL</translation>
    </message>
    <message>
        <source>Grafana URL</source>
        <translation>Grafana-URL</translation>
    </message>
    <message>
        <source>Credentials and certificates are set in the file itself (auth, ca_file): secrets are read from environment variables, never stored.</source>
        <translation>Zugangsdaten und Zertifikate werden in der Datei selbst eingetragen (auth, ca_file): Geheimnisse werden aus Umgebungsvariablen gelesen, nie gespeichert.</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>Backend status</source>
        <translation>Backend-Status</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Jaeger services</source>
        <translation>Jaeger-Dienste</translation>
    </message>
    <message>
        <source>Durations such as 500ms, 10s, 5m or 1h; at least 1s.</source>
        <translation>Dauern wie 500ms, 10s, 5m oder 1h; mindestens 1s.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisierung</translation>
    </message>
    <message>
        <source>Show desktop notifications for firing alerts</source>
        <translation>Desktop-Benachrichtigungen für aktive Alarme zeigen</translation>
    </message>
    <message>
        <source>Also when an alert resolves</source>
        <translation>Auch wenn ein Alarm endet</translation>
    </message>
    <message>
        <source>More new alerts than this in one poll become one summary notification</source>
        <translation>Mehr neue Alarme als diese in einer Abfrage werden zu einer zusammenfassenden Benachrichtigung</translation>
    </message>
    <message>
        <source>From severity</source>
        <translation>Ab Schweregrad</translation>
    </message>
    <message>
        <source>Summarise above</source>
        <translation>Zusammenfassen ab</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>detect (docker compose, else docker-compose)</source>
        <translation>erkennen (docker compose, sonst docker-compose)</translation>
    </message>
    <message>
        <source>Compose project</source>
        <translation>Compose-Projekt</translation>
    </message>
    <message>
        <source>Compose command</source>
        <translation>Compose-Befehl</translation>
    </message>
    <message>
        <source>Stack</source>
        <translation>Stack</translation>
    </message>
    <message>
        <source>Serve Stackscope's own metrics</source>
        <translation>Eigene Metriken von Stackscope bereitstellen</translation>
    </message>
    <message>
        <source>Start Stackscope at login, minimised to the tray</source>
        <translation>Stackscope bei der Anmeldung starten, minimiert im Systembereich</translation>
    </message>
    <message>
        <source>Metrics address</source>
        <translation>Metrik-Adresse</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>Nicht gespeichert:</translation>
    </message>
    <message>
        <source>as compose names it (the folder)</source>
        <translation>wie Compose es benennt (der Ordner)</translation>
    </message>
</context>
<context>
    <name>Stackscope::SilenceDialog</name>
    <message>
        <source>New silence</source>
        <translation>Neue Stummschaltung</translation>
    </message>
    <message>
        <source>alertname="HighLatency", instance=~"web-.*"</source>
        <translation>alertname="HighLatency", instance=~"web-.*"</translation>
    </message>
    <message>
        <source>Why is it silenced?</source>
        <translation>Warum wird stummgeschaltet?</translation>
    </message>
    <message>
        <source>Create silence</source>
        <translation>Stummschaltung anlegen</translation>
    </message>
    <message>
        <source>Matchers</source>
        <translation>Matcher</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>the author is required</source>
        <translation>der Autor ist erforderlich</translation>
    </message>
    <message>
        <source>a comment is required: say why it is silenced</source>
        <translation>ein Kommentar ist erforderlich: Geben Sie an, warum stummgeschaltet wird</translation>
    </message>
    <message>
        <source>Alertmanager did not create the silence:
%1</source>
        <translation>Alertmanager hat die Stummschaltung nicht angelegt:
%1</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird angelegt …</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Edit silence</source>
        <translation>Stummschaltung bearbeiten</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>%1 is not a valid regular expression</source>
        <translation>%1 ist kein gültiger regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>Vorschau: %1</translation>
    </message>
    <message>
        <source>No alert is shown now: nothing to preview</source>
        <translation>Jetzt wird kein Alarm angezeigt: keine Vorschau</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>anstehend</translation>
    </message>
    <message>
        <source>firing, silenced</source>
        <translation>aktiv, stummgeschaltet</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>the end time has passed: pick one in the future</source>
        <translation>das Ende liegt in der Vergangenheit: Wählen Sie eines in der Zukunft</translation>
    </message>
    <message>
        <source>Alertmanager did not save the silence:
%1</source>
        <translation>Alertmanager hat die Stummschaltung nicht gespeichert:
%1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save silence</source>
        <translation>Stummschaltung speichern</translation>
    </message>
    <message>
        <source>Saved in the Alertmanager that holds it</source>
        <translation>Gespeichert im Alertmanager, der sie hält</translation>
    </message>
    <message>
        <source>Created in every Alertmanager cluster, once in each</source>
        <translation>In jedem Alertmanager-Cluster angelegt, einmal in jedem</translation>
    </message>
    <message>
        <source>Created only in the Alertmanagers without a cluster name, where the alert is</source>
        <translation>Nur in den Alertmanagern ohne Clusternamen angelegt, in denen der Alarm ist</translation>
    </message>
    <message>
        <source>Created only in the alert's Alertmanager cluster "%1"</source>
        <translation>Nur im Alertmanager-Cluster „%1“ des Alarms angelegt</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message numerus="yes">
        <source>Catches none of the %n alert(s) shown now</source>
        <translation><numerusform>Erfasst keinen der %n jetzt gezeigten Alarme</numerusform><numerusform>Erfasst keinen der %n jetzt gezeigten Alarme</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Catches %1 of the %n alert(s) shown now:</source>
        <translation><numerusform>Erfasst %1 des %n jetzt gezeigten Alarms:</numerusform><numerusform>Erfasst %1 der %n jetzt gezeigten Alarme:</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::SilenceModel</name>
    <message>
        <source>pending</source>
        <translation>anstehend</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Matchers</source>
        <translation>Matcher</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Angelegt von</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>Endet um</translation>
    </message>
    <message>
        <source>Alertmanagers</source>
        <translation>Alertmanager</translation>
    </message>
    <message>
        <source>Ends at %1, in %2 min</source>
        <translation>Endet um %1, in %2 min</translation>
    </message>
    <message>
        <source>Stackscope expires this silence when every alert it matched has resolved, and renews it while they fire</source>
        <translation>Stackscope beendet diese Stummschaltung, wenn jeder erfasste Alarm behoben ist, und verlängert sie, solange sie aktiv sind</translation>
    </message>
    <message>
        <source>%1, until resolved</source>
        <translation>%1, bis behoben</translation>
    </message>
</context>
<context>
    <name>Stackscope::SpanDetailsView</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the span's details (or the selected line) as text</source>
        <translation>Die Details des Spans (oder die gewählte Zeile) als Text kopieren</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Select a span to see its details.</source>
        <translation>Wählen Sie einen Span, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Span ID</source>
        <translation>Span-ID</translation>
    </message>
    <message>
        <source>Trace ID</source>
        <translation>Trace-ID</translation>
    </message>
    <message>
        <source>Parent span ID</source>
        <translation>Eltern-Span-ID</translation>
    </message>
    <message>
        <source>%1 (not in this trace)</source>
        <translation>%1 (nicht in diesem Trace)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>+%1 (%2)</source>
        <translation>+%1 (%2)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Tiefe</translation>
    </message>
    <message>
        <source>Critical path</source>
        <translation>Kritischer Pfad</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>clock skew</source>
        <translation>Uhrenabweichung</translation>
    </message>
    <message>
        <source>starts %1 before its parent</source>
        <translation>beginnt %1 vor seinem Eltern-Span</translation>
    </message>
    <message>
        <source>duplicate ID</source>
        <translation>doppelte ID</translation>
    </message>
    <message>
        <source>an earlier span has the same ID; children attach to that one</source>
        <translation>ein früherer Span hat dieselbe ID; Kinder hängen an jenem</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s)</source>
        <translation><numerusform>%n Feld</numerusform><numerusform>%n Felder</numerusform></translation>
    </message>
    <message>
        <source>References</source>
        <translation>Verweise</translation>
    </message>
    <message>
        <source>span %1 in trace %2</source>
        <translation>Span %1 in Trace %2</translation>
    </message>
    <message>
        <source>Go to this span (Back returns here)</source>
        <translation>Zu diesem Span (Zurück kehrt hierher zurück)</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 (%3 %) in %n segment(s)</source>
        <translation><numerusform>%1 von %2 (%3 %) in %n Segment</numerusform><numerusform>%1 von %2 (%3 %) in %n Segmenten</numerusform></translation>
    </message>
    <message>
        <source>This span is not in the trace</source>
        <translation>Dieser Span ist nicht im Trace</translation>
    </message>
    <message>
        <source>Show whole value…</source>
        <translation>Ganzen Wert zeigen…</translation>
    </message>
    <message>
        <source>[%L1 characters: double-click shows all, Copy copies all] </source>
        <translation>[%L1 Zeichen: Doppelklick zeigt alles, Kopieren kopiert alles] </translation>
    </message>
    <message>
        <source>link (FOLLOWS_FROM)</source>
        <translation>Link (FOLLOWS_FROM)</translation>
    </message>
</context>
<context>
    <name>Stackscope::SpanStatistics</name>
    <message>
        <source>without %1</source>
        <translation>ohne %1</translation>
    </message>
</context>
<context>
    <name>Stackscope::SpanStatisticsModel</name>
    <message>
        <source>%1 of the spans' %2 is their own, not their children's (%3%)</source>
        <translation>%1 der %2 der Spans ist ihre eigene, nicht die ihrer Kinder (%3%)</translation>
    </message>
    <message>
        <source>The spans' durations added up</source>
        <translation>Die Dauern der Spans zusammengezählt</translation>
    </message>
    <message>
        <source>The spans' self time added up: the time of each span that none of its children covers</source>
        <translation>Die Eigenzeit der Spans zusammengezählt: die Zeit jedes Spans, die keines seiner Kinder abdeckt</translation>
    </message>
    <message>
        <source>95 % of the spans took at most this long</source>
        <translation>95 % der Spans dauerten höchstens so lange</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Service: operation</source>
        <translation>Dienst: Operation</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>Eigenzeit</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>Stackscope::SpanStatisticsView</name>
    <message>
        <source>Group spans by</source>
        <translation>Spans gruppieren nach</translation>
    </message>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>The selected rows' previous span in the timeline (Shift+M there)</source>
        <translation>Der vorige Span der gewählten Zeilen in der Zeitleiste (dort Umschalt+M)</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>The selected rows' next span in the timeline (M there)</source>
        <translation>Der nächste Span der gewählten Zeilen in der Zeitleiste (dort M)</translation>
    </message>
    <message>
        <source>Span statistics</source>
        <translation>Span-Statistik</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Gruppieren nach</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Service and operation</source>
        <translation>Dienst und Operation</translation>
    </message>
    <message>
        <source>Tag: %1</source>
        <translation>Tag: %1</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation><numerusform>%n Gruppe</numerusform><numerusform>%n Gruppen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation><numerusform>%n Span</numerusform><numerusform>%n Spans</numerusform></translation>
    </message>
    <message>
        <source>Select rows to mark their spans</source>
        <translation>Zeilen wählen, um ihre Spans zu markieren</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) marked</source>
        <translation><numerusform>%n Span markiert</numerusform><numerusform>%n Spans markiert</numerusform></translation>
    </message>
    <message>
        <source>span %1 of %2 marked</source>
        <translation>Span %1 von %2 markiert</translation>
    </message>
</context>
<context>
    <name>Stackscope::StackDiscovery</name>
    <message>
        <source>%1 is not there (moved or deleted?).</source>
        <translation>%1 ist nicht da (verschoben oder gelöscht?).</translation>
    </message>
    <message>
        <source>%1 cannot be read: check its permissions.</source>
        <translation>%1 kann nicht gelesen werden: Prüfen Sie die Berechtigungen.</translation>
    </message>
    <message>
        <source>%1 holds no compose file (compose.yaml, compose.yml, docker-compose.yaml or docker-compose.yml): choose the file itself.</source>
        <translation>%1 enthält keine Compose-Datei (compose.yaml, compose.yml, docker-compose.yaml oder docker-compose.yml): Wählen Sie die Datei selbst.</translation>
    </message>
    <message>
        <source>no Docker daemon is configured</source>
        <translation>kein Docker-Daemon eingerichtet</translation>
    </message>
    <message>
        <source>Set stack.docker_host in the configuration, or DOCKER_HOST.</source>
        <translation>Setzen Sie stack.docker_host in der Konfiguration oder DOCKER_HOST.</translation>
    </message>
    <message>
        <source>The Docker daemon is not running: start it (sudo systemctl start docker), or point stack.docker_host or DOCKER_HOST at the socket it listens on.</source>
        <translation>Der Docker-Daemon läuft nicht: Starten Sie ihn (sudo systemctl start docker) oder lassen Sie stack.docker_host bzw. DOCKER_HOST auf den Socket zeigen, an dem er lauscht.</translation>
    </message>
    <message>
        <source>Docker is not installed: install Docker Engine (sudo apt install docker.io) or Docker Desktop, then start it.</source>
        <translation>Docker ist nicht installiert: Installieren Sie Docker Engine (sudo apt install docker.io) oder Docker Desktop und starten Sie es.</translation>
    </message>
    <message>
        <source>Also looked for %1.</source>
        <translation>Außerdem gesucht: %1.</translation>
    </message>
    <message>
        <source>no Docker socket at %1</source>
        <translation>kein Docker-Socket unter %1</translation>
    </message>
    <message>
        <source>the Docker daemon's container list is not JSON</source>
        <translation>die Containerliste des Docker-Daemons ist kein JSON</translation>
    </message>
    <message>
        <source>Is %1 a Docker daemon?</source>
        <translation>Ist %1 ein Docker-Daemon?</translation>
    </message>
    <message>
        <source>Cannot list the stacks: %1 (the Docker daemon at %2, found through %3).</source>
        <translation>Die Stacks können nicht aufgelistet werden: %1 (Docker-Daemon unter %2, gefunden über %3).</translation>
    </message>
    <message>
        <source>the configuration</source>
        <translation>die Konfiguration</translation>
    </message>
</context>
<context>
    <name>Stackscope::StackFeature</name>
    <message>
        <source>Stack</source>
        <translation>Stack</translation>
    </message>
    <message>
        <source>compose %1 finished in %2 s.</source>
        <translation>compose %1 nach %2 s abgeschlossen.</translation>
    </message>
    <message>
        <source>compose %1 was stopped.</source>
        <translation>compose %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>compose %1: %2</source>
        <translation>compose %1: %2</translation>
    </message>
    <message>
        <source>compose %1 exited with code %2.</source>
        <translation>compose %1 endete mit Code %2.</translation>
    </message>
    <message>
        <source>detected when the window opens</source>
        <translation>wird beim Öffnen des Fensters erkannt</translation>
    </message>
    <message>
        <source>%1 has no container yet: start it first.</source>
        <translation>%1 hat noch keinen Container: Starten Sie den Dienst zuerst.</translation>
    </message>
    <message>
        <source>Following %1…</source>
        <translation>Folge %1 …</translation>
    </message>
    <message>
        <source>Last %1 lines of %2</source>
        <translation>Letzte %1 Zeilen von %2</translation>
    </message>
    <message>
        <source>The log stream failed: %1</source>
        <translation>Der Log-Datenstrom ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The container stopped; the log ends here.</source>
        <translation>Der Container wurde gestoppt; das Log endet hier.</translation>
    </message>
    <message>
        <source>Stacks on this &amp;machine…</source>
        <translation>Stacks auf diesem &amp;Rechner …</translation>
    </message>
    <message>
        <source>Open s&amp;tack…</source>
        <translation>S&amp;tack öffnen …</translation>
    </message>
    <message>
        <source>Open a compose file</source>
        <translation>Eine Compose-Datei öffnen</translation>
    </message>
    <message>
        <source>Open stack &amp;folder…</source>
        <translation>Stack-&amp;Ordner öffnen …</translation>
    </message>
    <message>
        <source>The compose file %1 of the project "%2" is not there any more (moved or deleted?). Open the project's compose file with File ▸ Open stack…</source>
        <translation>Die Compose-Datei %1 des Projekts „%2“ ist nicht mehr da (verschoben oder gelöscht?). Öffnen Sie die Compose-Datei des Projekts mit Datei ▸ Stack öffnen …</translation>
    </message>
    <message>
        <source>The containers of the project "%1" do not say which compose file made them. Open its compose file with File ▸ Open stack…</source>
        <translation>Die Container des Projekts „%1“ sagen nicht, aus welcher Compose-Datei sie stammen. Öffnen Sie seine Compose-Datei mit Datei ▸ Stack öffnen …</translation>
    </message>
    <message>
        <source>There is no configuration file to write to.</source>
        <translation>Es gibt keine Konfigurationsdatei, in die geschrieben werden kann.</translation>
    </message>
    <message>
        <source>The configuration was left as it was: %1</source>
        <translation>Die Konfiguration blieb unverändert: %1</translation>
    </message>
    <message>
        <source>Open stack</source>
        <translation>Stack öffnen</translation>
    </message>
    <message>
        <source>Open stack folder</source>
        <translation>Stack-Ordner öffnen</translation>
    </message>
    <message>
        <source>Compose files (*.yaml *.yml);;All files (*)</source>
        <translation>Compose-Dateien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(noch keine)</translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation>%1 ließ sich nicht anlegen: %2</translation>
    </message>
    <message>
        <source>S&amp;witch stack</source>
        <translation>Stack &amp;wechseln</translation>
    </message>
    <message>
        <source>In the configuration</source>
        <translation>In der Konfiguration</translation>
    </message>
    <message>
        <source>Opened lately</source>
        <translation>Zuletzt geöffnet</translation>
    </message>
</context>
<context>
    <name>Stackscope::StackLogs</name>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>the log stream failed: %1</source>
        <translation>der Log-Strom ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>not running (stopped at %1, exit code %2)</source>
        <translation>läuft nicht (gestoppt um %1, Exit-Code %2)</translation>
    </message>
    <message>
        <source>restarted at %1, following</source>
        <translation>um %1 neu gestartet, wird verfolgt</translation>
    </message>
    <message>
        <source>following</source>
        <translation>wird verfolgt</translation>
    </message>
    <message>
        <source>waiting for Docker</source>
        <translation>wartet auf Docker</translation>
    </message>
</context>
<context>
    <name>Stackscope::StackLogsView</name>
    <message>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Only matching</source>
        <translation>Nur Treffer</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Dienste</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>No level</source>
        <translation>Ohne Stufe</translation>
    </message>
    <message>
        <source>%1 of 7 levels</source>
        <translation>%1 von 7 Stufen</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>last </source>
        <translation>letzte </translation>
    </message>
    <message>
        <source>How many of each container's last lines to read (0: all)</source>
        <translation>Wie viele der letzten Zeilen jedes Containers gelesen werden (0: alle)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected lines (Ctrl+C)</source>
        <translation>Die ausgewählten Zeilen kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save the lines shown to a file</source>
        <translation>Die gezeigten Zeilen in eine Datei speichern</translation>
    </message>
    <message>
        <source>%1 services</source>
        <translation>%1 Dienste</translation>
    </message>
    <message>
        <source>Not a valid regular expression: %1</source>
        <translation>Kein gültiger regulärer Ausdruck: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 of %2 lines</source>
        <translation>%1 von %2 Zeilen</translation>
    </message>
    <message>
        <source>%1 matching</source>
        <translation>%1 passend</translation>
    </message>
    <message>
        <source>%1 older lines dropped</source>
        <translation>%1 ältere Zeilen verworfen</translation>
    </message>
    <message>
        <source>Save the logs shown</source>
        <translation>Die gezeigten Logs speichern</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>Log-Dateien (*.log *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The logs could not be saved to %1: %2</source>
        <translation>Die Logs konnten nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Search (regular expression, Ctrl+F)</source>
        <translation>Suchen (regulärer Ausdruck, Strg+F)</translation>
    </message>
</context>
<context>
    <name>Stackscope::StackPage</name>
    <message>
        <source>Start stack</source>
        <translation>Stack starten</translation>
    </message>
    <message>
        <source>Stop stack</source>
        <translation>Stack stoppen</translation>
    </message>
    <message>
        <source>Restart stack</source>
        <translation>Stack neu starten</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Stack</source>
        <translation>Stack</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>Remove containers (compose down)</source>
        <translation>Container entfernen (compose down)</translation>
    </message>
    <message>
        <source>Compose output</source>
        <translation>Compose-Ausgabe</translation>
    </message>
    <message>
        <source>Compose project “%1” · %2</source>
        <translation>Compose-Projekt „%1“ · %2</translation>
    </message>
    <message>
        <source>Docker %1 via %2</source>
        <translation>Docker %1 über %2</translation>
    </message>
    <message>
        <source>Compose: %1</source>
        <translation>Compose: %1</translation>
    </message>
    <message>
        <source>The compose files have a problem (the list of services may be stale): %1</source>
        <translation>Die Compose-Dateien haben ein Problem (die Liste der Dienste ist eventuell veraltet): %1</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation><numerusform>%n Dienst</numerusform><numerusform>%n Dienste</numerusform></translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 laufend</translation>
    </message>
    <message>
        <source>%1 healthy</source>
        <translation>%1 gesund</translation>
    </message>
    <message>
        <source>%1 unhealthy</source>
        <translation>%1 nicht gesund</translation>
    </message>
    <message>
        <source>%1 stopped or exited</source>
        <translation>%1 gestoppt oder beendet</translation>
    </message>
    <message>
        <source>%1 not created</source>
        <translation>%1 nicht angelegt</translation>
    </message>
    <message>
        <source>  (Docker cannot be reached: states may be stale)</source>
        <translation>  (Docker nicht erreichbar: Zustände eventuell veraltet)</translation>
    </message>
    <message>
        <source>  — compose is running…</source>
        <translation>  — compose läuft …</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>Dienst %1</translation>
    </message>
    <message>
        <source>Select a service for its actions and logs</source>
        <translation>Wählen Sie einen Dienst für seine Aktionen und Logs</translation>
    </message>
    <message>
        <source>Project name from %1.
Services %2.</source>
        <translation>Projektname aus %1.
Dienste %2.</translation>
    </message>
    <message>
        <source>The compose file uses the external network “%1”, which does not exist on this Docker daemon.</source>
        <translation>Die Compose-Datei nutzt das externe Netzwerk „%1“, das es auf diesem Docker-Daemon nicht gibt.</translation>
    </message>
    <message>
        <source>Create network %1</source>
        <translation>Netzwerk %1 anlegen</translation>
    </message>
    <message>
        <source>CPU and memory: %1</source>
        <translation>CPU und Speicher: %1</translation>
    </message>
</context>
<context>
    <name>Stackscope::StackSummaries</name>
    <message>
        <source>an unknown folder</source>
        <translation>einem unbekannten Ordner</translation>
    </message>
    <message>
        <source>Some of its containers were made from another folder (%1), not from %2: two compose projects share the name "%3". Opening it uses %2; give the other one its own name (compose -p NAME).</source>
        <translation>Einige seiner Container stammen aus einem anderen Ordner (%1), nicht aus %2: Zwei Compose-Projekte teilen sich den Namen „%3“. Geöffnet wird %2; geben Sie dem anderen einen eigenen Namen (compose -p NAME).</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>partly running</source>
        <translation>läuft teilweise</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
</context>
<context>
    <name>Stackscope::StackSupervisor</name>
    <message>
        <source>%1, API %2</source>
        <translation>%1, API %2</translation>
    </message>
    <message>
        <source>Asking the Docker daemon for container names and networks first…</source>
        <translation>Zuerst fragt Stackscope den Docker-Daemon nach Containernamen und Netzwerken …</translation>
    </message>
</context>
<context>
    <name>Stackscope::StacksDialog</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Stacks on this machine</source>
        <translation>Stacks auf diesem Rechner</translation>
    </message>
    <message>
        <source>Every compose project the Docker daemon knows, running or stopped. Open one to watch and control it here.</source>
        <translation>Jedes Compose-Projekt, das der Docker-Daemon kennt, ob es läuft oder nicht. Öffnen Sie eines, um es hier zu beobachten und zu steuern.</translation>
    </message>
    <message>
        <source>No compose project on this Docker daemon yet.

Start one in its folder (docker compose up -d), then Refresh, or open its compose file.</source>
        <translation>Noch kein Compose-Projekt auf diesem Docker-Daemon.

Starten Sie eines in seinem Ordner (docker compose up -d) und aktualisieren Sie, oder öffnen Sie seine Compose-Datei.</translation>
    </message>
    <message>
        <source>Open &amp;file…</source>
        <translation>&amp;Datei öffnen …</translation>
    </message>
    <message>
        <source>Open a compose file, or a folder holding one, that is not listed</source>
        <translation>Eine nicht aufgeführte Compose-Datei oder einen Ordner mit einer öffnen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Docker: %1</source>
        <translation>Docker: %1</translation>
    </message>
    <message>
        <source>Docker: %1 (%2)</source>
        <translation>Docker: %1 (%2)</translation>
    </message>
    <message>
        <source>The list may be out of date: Docker cannot be asked.</source>
        <translation>Die Liste ist womöglich veraltet: Docker kann nicht gefragt werden.</translation>
    </message>
    <message>
        <source>Looking for stacks…</source>
        <translation>Stacks werden gesucht …</translation>
    </message>
    <message>
        <source>Projects: %1 · fully running: %2 · listed at %3</source>
        <translation>Projekte: %1 · vollständig laufend: %2 · aufgelistet um %3</translation>
    </message>
    <message>
        <source>&amp;Open again</source>
        <translation>Erneut ö&amp;ffnen</translation>
    </message>
</context>
<context>
    <name>Stackscope::StacksModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation><numerusform>%n Container</numerusform><numerusform>%n Container</numerusform></translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Services running</source>
        <translation>Laufende Dienste</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Compose files</source>
        <translation>Compose-Dateien</translation>
    </message>
</context>
<context>
    <name>Stackscope::StateTimelineView</name>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
</context>
<context>
    <name>Stackscope::TargetsModel</name>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Gesundheit</translation>
    </message>
    <message>
        <source>Last scrape</source>
        <translation>Letzter Scrape</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message numerus="yes">
        <source>%n target(s)</source>
        <translation><numerusform>%n Scrape-Ziel</numerusform><numerusform>%n Scrape-Ziele</numerusform></translation>
    </message>
    <message>
        <source>%1 up</source>
        <translation>%1 erreichbar</translation>
    </message>
    <message>
        <source>%1 up, %2 down</source>
        <translation>%1 erreichbar, %2 nicht erreichbar</translation>
    </message>
    <message>
        <source>%1, %2 unknown</source>
        <translation>%1, %2 unbekannt</translation>
    </message>
</context>
<context>
    <name>Stackscope::TimeSeriesChart</name>
    <message>
        <source>no sample</source>
        <translation>kein Sample</translation>
    </message>
    <message>
        <source>… and more</source>
        <translation>… und weitere</translation>
    </message>
</context>
<context>
    <name>Stackscope::Trace</name>
    <message numerus="yes">
        <source>%n span(s) repeat an earlier span ID</source>
        <translation><numerusform>%n Span wiederholt eine frühere Span-ID</numerusform><numerusform>%n Spans wiederholen eine frühere Span-ID</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) name a parent that is not in the trace; shown as roots</source>
        <translation><numerusform>%n Span nennt einen Eltern-Span, der nicht im Trace ist; als Wurzel gezeigt</numerusform><numerusform>%n Spans nennen einen Eltern-Span, der nicht im Trace ist; als Wurzeln gezeigt</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::TraceCompareView</name>
    <message>
        <source>Open in A</source>
        <translation>In A öffnen</translation>
    </message>
    <message>
        <source>Open in B</source>
        <translation>In B öffnen</translation>
    </message>
    <message>
        <source>Swap A and B</source>
        <translation>A und B tauschen</translation>
    </message>
    <message>
        <source>Changes only</source>
        <translation>Nur Änderungen</translation>
    </message>
    <message>
        <source>Show the selected node's span in trace A</source>
        <translation>Den Span des gewählten Knotens in Trace A zeigen</translation>
    </message>
    <message>
        <source>Show the selected node's span in trace B (Enter, double-click)</source>
        <translation>Den Span des gewählten Knotens in Trace B zeigen (Eingabe, Doppelklick)</translation>
    </message>
    <message>
        <source>Compare the other way round: B as the baseline</source>
        <translation>Andersherum vergleichen: B als Basis</translation>
    </message>
    <message>
        <source>Hide the calls that took the same time in both traces, unless something below them changed</source>
        <translation>Aufrufe ausblenden, die in beiden Traces gleich lange dauerten, außer etwas darunter hat sich geändert</translation>
    </message>
    <message>
        <source>Comparison of two traces</source>
        <translation>Vergleich zweier Traces</translation>
    </message>
    <message>
        <source>Compare two traces</source>
        <translation>Zwei Traces vergleichen</translation>
    </message>
    <message>
        <source>No comparison yet. Select two search results and press Compare, or use Compare… above.</source>
        <translation>Noch kein Vergleich. Zwei Suchergebnisse wählen und Vergleichen drücken, oder oben Vergleichen… nutzen.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 spans</source>
        <translation>%1 · %2 · %3 Spans</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>(empty traces)</source>
        <translation>(leere Traces)</translation>
    </message>
    <message>
        <source>A: %1
B: %2</source>
        <translation>A: %1
B: %2</translation>
    </message>
    <message>
        <source>Δ %1 (%2) · %3 slower, %4 faster, %5 only in A, %6 only in B</source>
        <translation>Δ %1 (%2) · %3 langsamer, %4 schneller, %5 nur in A, %6 nur in B</translation>
    </message>
    <message>
        <source>Open in trace A</source>
        <translation>In Trace A öffnen</translation>
    </message>
    <message>
        <source>Open in trace B</source>
        <translation>In Trace B öffnen</translation>
    </message>
</context>
<context>
    <name>Stackscope::TraceComparer</name>
    <message>
        <source>the file holds no trace</source>
        <translation>die Datei enthält keinen Trace</translation>
    </message>
    <message>
        <source>no trace chosen</source>
        <translation>kein Trace gewählt</translation>
    </message>
    <message>
        <source>no Jaeger to fetch it from</source>
        <translation>kein Jaeger, von dem er zu holen wäre</translation>
    </message>
    <message>
        <source>no trace</source>
        <translation>kein Trace</translation>
    </message>
    <message>
        <source>Trace A (%1) could not be loaded: %2</source>
        <translation>Trace A (%1) konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Trace B (%1) could not be loaded: %2</source>
        <translation>Trace B (%1) konnte nicht geladen werden: %2</translation>
    </message>
</context>
<context>
    <name>Stackscope::TraceComparisonModel</name>
    <message>
        <source>%1 (only in A)</source>
        <translation>%1 (nur in A)</translation>
    </message>
    <message>
        <source>%1 (only in B)</source>
        <translation>%1 (nur in B)</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message numerus="yes">
        <source>A: %n span(s), %1</source>
        <translation><numerusform>A: %n Span, %1</numerusform><numerusform>A: %n Spans, %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>B: %n span(s), %1</source>
        <translation><numerusform>B: %n Span, %1</numerusform><numerusform>B: %n Spans, %1</numerusform></translation>
    </message>
    <message>
        <source>Only in A: trace B made no such call here.</source>
        <translation>Nur in A: Trace B hat hier keinen solchen Aufruf gemacht.</translation>
    </message>
    <message>
        <source>Only in B: trace A made no such call here.</source>
        <translation>Nur in B: Trace A hat hier keinen solchen Aufruf gemacht.</translation>
    </message>
    <message>
        <source>Δ %1 (%2 %)</source>
        <translation>Δ %1 (%2 %)</translation>
    </message>
    <message>
        <source>Duration in B minus duration in A: positive is slower in B</source>
        <translation>Dauer in B minus Dauer in A: positiv ist langsamer in B</translation>
    </message>
    <message>
        <source>The difference as a share of the duration in A</source>
        <translation>Die Differenz als Anteil der Dauer in A</translation>
    </message>
    <message>
        <source>Spans matched by their path of service and operation from the root</source>
        <translation>Spans, zugeordnet über ihren Pfad aus Dienst und Operation von der Wurzel</translation>
    </message>
    <message>
        <source>Service: operation</source>
        <translation>Dienst: Operation</translation>
    </message>
    <message>
        <source>Count A</source>
        <translation>Anzahl A</translation>
    </message>
    <message>
        <source>Count B</source>
        <translation>Anzahl B</translation>
    </message>
    <message>
        <source>Duration A</source>
        <translation>Dauer A</translation>
    </message>
    <message>
        <source>Duration B</source>
        <translation>Dauer B</translation>
    </message>
    <message>
        <source>Δ time</source>
        <translation>Δ Zeit</translation>
    </message>
    <message>
        <source>Δ %</source>
        <translation>Δ %</translation>
    </message>
</context>
<context>
    <name>Stackscope::TraceLayout</name>
    <message>
        <source>(empty trace)</source>
        <translation>(leerer Trace)</translation>
    </message>
</context>
<context>
    <name>Stackscope::TraceParser</name>
    <message>
        <source>(unknown service)</source>
        <translation>(unbekannter Dienst)</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) name a process that the trace does not list</source>
        <translation><numerusform>%n Span nennt einen Prozess, den der Trace nicht aufführt</numerusform><numerusform>%n Spans nennen einen Prozess, den der Trace nicht aufführt</numerusform></translation>
    </message>
    <message>
        <source>the JSON stops early (truncated?)</source>
        <translation>das JSON bricht vorzeitig ab (abgeschnitten?)</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>the document is empty</source>
        <translation>das Dokument ist leer</translation>
    </message>
    <message>
        <source>not valid JSON: it starts with "%1"</source>
        <translation>kein gültiges JSON: es beginnt mit „%1“</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>`data` is neither traces nor null</source>
        <translation>`data` ist weder eine Liste von Traces noch null</translation>
    </message>
    <message numerus="yes">
        <source>%n Zipkin server span(s) share the ID of their client span; shown as its child</source>
        <translation><numerusform>%n Zipkin-Server-Span teilt die ID seines Client-Spans; als dessen Kind gezeigt</numerusform><numerusform>%n Zipkin-Server-Spans teilen die ID ihres Client-Spans; als dessen Kind gezeigt</numerusform></translation>
    </message>
    <message>
        <source>valid JSON, but not a Jaeger, OTLP or Zipkin trace: an array of something else than Zipkin v2 spans (objects with `traceId` and `id`)</source>
        <translation>gültiges JSON, aber kein Jaeger-, OTLP- oder Zipkin-Trace: ein Array von etwas anderem als Zipkin-v2-Spans (Objekte mit `traceId` und `id`)</translation>
    </message>
    <message>
        <source>valid JSON, but not a Jaeger, OTLP or Zipkin trace: %1</source>
        <translation>gültiges JSON, aber kein Jaeger-, OTLP- oder Zipkin-Trace: %1</translation>
    </message>
    <message>
        <source>a value has an unexpected type (%1)</source>
        <translation>ein Wert hat einen unerwarteten Typ (%1)</translation>
    </message>
    <message>
        <source>an empty array (Zipkin v2 spans were expected)</source>
        <translation>ein leeres Array (Zipkin-v2-Spans wurden erwartet)</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a single value, not an object or an array</source>
        <translation>ein einzelner Wert, kein Objekt und kein Array</translation>
    </message>
    <message>
        <source>expected `data`, `spans`, `resourceSpans` or `result` at the top, found %1</source>
        <translation>oben `data`, `spans`, `resourceSpans` oder `result` erwartet, gefunden %1</translation>
    </message>
    <message>
        <source>an empty object</source>
        <translation>ein leeres Objekt</translation>
    </message>
    <message>
        <source>the trace has no spans (`spans` is null, empty or missing)</source>
        <translation>der Trace hat keine Spans (`spans` ist null, leer oder fehlt)</translation>
    </message>
</context>
<context>
    <name>Stackscope::TraceResultsModel</name>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Trace ID</source>
        <translation>Trace-ID</translation>
    </message>
</context>
<context>
    <name>Stackscope::TraceSearchPage</name>
    <message>
        <source>Find traces</source>
        <translation>Traces suchen</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>http.status_code=500 error=true</source>
        <translation>http.status_code=500 error=true</translation>
    </message>
    <message>
        <source>Tags in logfmt: key=value, values with spaces in double quotes</source>
        <translation>Tags im logfmt-Format: key=value, Werte mit Leerzeichen in doppelten Anführungszeichen</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 2 hours</source>
        <translation>Letzte 2 Stunden</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 12 hours</source>
        <translation>Letzte 12 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 2 days</source>
        <translation>Letzte 2 Tage</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>e.g. 1.2s, 100ms</source>
        <translation>z. B. 1.2s, 100ms</translation>
    </message>
    <message>
        <source>e.g. 1.1s</source>
        <translation>z. B. 1.1s</translation>
    </message>
    <message>
        <source>Trace ID</source>
        <translation>Trace-ID</translation>
    </message>
    <message>
        <source>↻</source>
        <translation>↻</translation>
    </message>
    <message>
        <source>Reload the services</source>
        <translation>Dienste neu laden</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Lookback</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Min duration</source>
        <translation>Min. Dauer</translation>
    </message>
    <message>
        <source>Max duration</source>
        <translation>Max. Dauer</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open a trace by ID</source>
        <translation>Einen Trace per ID öffnen</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>Traces</translation>
    </message>
    <message>
        <source>With errors</source>
        <translation>Mit Fehlern</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>Dauer (ms)</translation>
    </message>
    <message>
        <source>Choose a service and find traces.</source>
        <translation>Wählen Sie einen Dienst und suchen Sie Traces.</translation>
    </message>
    <message>
        <source>No traces found.</source>
        <translation>Keine Traces gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s)</source>
        <translation><numerusform>%n Trace</numerusform><numerusform>%n Traces</numerusform></translation>
    </message>
    <message>
        <source> — the results below are from the last search that worked.</source>
        <translation> — die Ergebnisse unten stammen von der letzten erfolgreichen Suche.</translation>
    </message>
    <message>
        <source>tag "%1" needs a value: key=value</source>
        <translation>Tag „%1“ braucht einen Wert: key=value</translation>
    </message>
    <message>
        <source>the value of tag "%1" misses its closing quote</source>
        <translation>beim Wert von Tag „%1“ fehlt das schließende Anführungszeichen</translation>
    </message>
    <message>
        <source>Choose a service.</source>
        <translation>Wählen Sie einen Dienst.</translation>
    </message>
    <message>
        <source>The range must start before it ends.</source>
        <translation>Der Zeitraum muss beginnen, bevor er endet.</translation>
    </message>
    <message>
        <source>"%1" is not a duration such as 1.2s, 300ms or 1h30m.</source>
        <translation>„%1“ ist keine Dauer wie 1.2s, 300ms oder 1h30m.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>(alle)</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Compare the two selected traces on latency (Ctrl+click selects a second one); the earlier one is the baseline A</source>
        <translation>Die zwei gewählten Traces nach Latenz vergleichen (Strg+Klick wählt einen zweiten); der frühere ist die Basis A</translation>
    </message>
</context>
<context>
    <name>Stackscope::TraceTimeline</name>
    <message>
        <source>Trace timeline</source>
        <translation>Trace-Zeitleiste</translation>
    </message>
    <message>
        <source>No trace open. Search for one, or open a Jaeger JSON file.</source>
        <translation>Kein Trace geöffnet. Suchen Sie einen oder öffnen Sie eine Jaeger-JSON-Datei.</translation>
    </message>
    <message>
        <source>%1 spans · %2</source>
        <translation>%1 Spans · %2</translation>
    </message>
    <message>
        <source>Service &amp; operation</source>
        <translation>Dienst und Operation</translation>
    </message>
    <message>
        <source>%1: %2
%3 at +%4</source>
        <translation>%1: %2
%3 bei +%4</translation>
    </message>
    <message numerus="yes">
        <source> · %n hidden by filters</source>
        <translation><numerusform> · %n durch Filter ausgeblendet</numerusform><numerusform> · %n durch Filter ausgeblendet</numerusform></translation>
    </message>
    <message>
        <source>Focus on the subtree of “%1” (F)</source>
        <translation>Auf den Teilbaum von „%1“ fokussieren (F)</translation>
    </message>
    <message>
        <source>Leave the focus (Esc)</source>
        <translation>Fokus verlassen (Esc)</translation>
    </message>
    <message>
        <source>Next critical segment (])</source>
        <translation>Nächstes kritisches Segment (])</translation>
    </message>
    <message>
        <source>Previous critical segment ([)</source>
        <translation>Voriges kritisches Segment ([)</translation>
    </message>
</context>
<context>
    <name>Stackscope::TraceView</name>
    <message>
        <source>Critical path</source>
        <translation>Kritischer Pfad</translation>
    </message>
    <message>
        <source>Find: operation, service, tag key or key=value, span ID</source>
        <translation>Suchen: Operation, Dienst, Tag-Schlüssel oder key=value, Span-ID</translation>
    </message>
    <message>
        <source>Find in trace</source>
        <translation>Im Trace suchen</translation>
    </message>
    <message>
        <source>▲</source>
        <translation>▲</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>▼</source>
        <translation>▼</translation>
    </message>
    <message>
        <source>Next match (F3, Enter)</source>
        <translation>Nächster Treffer (F3, Enter)</translation>
    </message>
    <message>
        <source>Draw the critical path through the bars (C)</source>
        <translation>Den kritischen Pfad durch die Balken zeichnen (C)</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Alle einklappen</translation>
    </message>
    <message>
        <source>Ctrl+Left</source>
        <translation>Ctrl+Left</translation>
    </message>
    <message>
        <source>− level</source>
        <translation>− Ebene</translation>
    </message>
    <message>
        <source>Collapse one level (Shift+Left)</source>
        <translation>Eine Ebene einklappen (Umschalt+Links)</translation>
    </message>
    <message>
        <source>+ level</source>
        <translation>+ Ebene</translation>
    </message>
    <message>
        <source>Expand one level (Shift+Right)</source>
        <translation>Eine Ebene ausklappen (Umschalt+Rechts)</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Alle ausklappen</translation>
    </message>
    <message>
        <source>Ctrl+Right</source>
        <translation>Ctrl+Right</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Whole trace (0). Zoom: Ctrl+wheel, W/S, drag on the ruler or the minimap; pan: Shift+wheel, A/D</source>
        <translation>Ganzer Trace (0). Zoom: Strg+Mausrad, W/S, Ziehen auf dem Lineal oder der Übersicht; Verschieben: Umschalt+Mausrad, A/D</translation>
    </message>
    <message>
        <source>No trace open</source>
        <translation>Kein Trace geöffnet</translation>
    </message>
    <message>
        <source>%1
Trace %2 · start %3 · duration %4 · %5 services · depth %6 · %7 spans%8%9</source>
        <translation>%1
Trace %2 · Start %3 · Dauer %4 · Dienste: %5 · Tiefe %6 · Spans: %7%8%9</translation>
    </message>
    <message numerus="yes">
        <source> · %n error(s)</source>
        <translation><numerusform> · %n Fehler</numerusform><numerusform> · %n Fehler</numerusform></translation>
    </message>
    <message>
        <source> · from %1</source>
        <translation> · aus %1</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>kein Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Only matches</source>
        <translation>Nur Treffer</translation>
    </message>
    <message>
        <source>Hide spans that do not match the find; their ancestors stay, dimmed, as context</source>
        <translation>Spans ausblenden, die nicht zur Suche passen; ihre Vorfahren bleiben abgeblendet als Kontext</translation>
    </message>
    <message>
        <source>all spans</source>
        <translation>alle Spans</translation>
    </message>
    <message>
        <source>&lt; 0.1 %</source>
        <translation>&lt; 0,1 %</translation>
    </message>
    <message>
        <source>&lt; 1 %</source>
        <translation>&lt; 1 %</translation>
    </message>
    <message>
        <source>&lt; 5 %</source>
        <translation>&lt; 5 %</translation>
    </message>
    <message>
        <source>Hide spans (with their children) shorter than this share of the trace; type a share such as 0.5 %</source>
        <translation>Spans (mit ihren Kindern) ausblenden, die kürzer als dieser Anteil des Traces sind; einen Anteil wie 0.5 % eingeben</translation>
    </message>
    <message>
        <source>Hide spans shorter than</source>
        <translation>Spans ausblenden kürzer als</translation>
    </message>
    <message>
        <source>Leave focus</source>
        <translation>Fokus verlassen</translation>
    </message>
    <message>
        <source>Show the whole trace again (Esc)</source>
        <translation>Wieder den ganzen Trace zeigen (Esc)</translation>
    </message>
    <message>
        <source>◀ Critical</source>
        <translation>◀ Kritisch</translation>
    </message>
    <message>
        <source>Previous critical-path segment ([)</source>
        <translation>Voriges Segment des kritischen Pfads ([)</translation>
    </message>
    <message>
        <source>Critical ▶</source>
        <translation>Kritisch ▶</translation>
    </message>
    <message>
        <source>Next critical-path segment (])</source>
        <translation>Nächstes Segment des kritischen Pfads (])</translation>
    </message>
    <message>
        <source>Hide shorter than</source>
        <translation>Ausblenden kürzer als</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Flame graph</source>
        <translation>Flammendiagramm</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>segment %1 of %2</source>
        <translation>Segment %1 von %2</translation>
    </message>
    <message>
        <source>Not a share: type a percentage such as 0.5 %</source>
        <translation>Kein Anteil: einen Prozentwert wie 0.5 % eingeben</translation>
    </message>
    <message>
        <source>Focus: %1</source>
        <translation>Fokus: %1</translation>
    </message>
    <message>
        <source>← Back to %1</source>
        <translation>← Zurück zu %1</translation>
    </message>
</context>
<context>
    <name>Stackscope::TracesController</name>
    <message>
        <source>there is no such file</source>
        <translation>diese Datei gibt es nicht</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>es ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>es ist keine gewöhnliche Datei</translation>
    </message>
    <message>
        <source>it cannot be read (permissions)</source>
        <translation>sie kann nicht gelesen werden (Berechtigungen)</translation>
    </message>
</context>
<context>
    <name>Stackscope::TracesFeature</name>
    <message>
        <source>Could not open %1: %2. The trace below is the one open before.</source>
        <translation>%1 konnte nicht geöffnet werden: %2. Unten steht weiter der zuvor geöffnete Trace.</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>Traces</translation>
    </message>
    <message>
        <source>Open &amp;trace file…</source>
        <translation>&amp;Trace-Datei öffnen …</translation>
    </message>
    <message>
        <source>Open trace</source>
        <translation>Trace öffnen</translation>
    </message>
    <message>
        <source>Cannot list Jaeger's services: %1</source>
        <translation>Die Dienste von Jaeger können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Cannot list the operations of %1: %2</source>
        <translation>Die Operationen von %1 können nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <source>Opening trace %1…</source>
        <translation>Trace %1 wird geöffnet …</translation>
    </message>
    <message>
        <source>Loading trace %1…</source>
        <translation>Trace %1 wird geladen …</translation>
    </message>
    <message>
        <source>Could not load trace %1: %2</source>
        <translation>Trace %1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation>%1 wird mit %2 verglichen…</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n trace(s): open one from the list</source>
        <translation><numerusform>%1 enthält %n Trace: ihn aus der Liste öffnen</numerusform><numerusform>%1 enthält %n Traces: einen aus der Liste öffnen</numerusform></translation>
    </message>
    <message>
        <source>Trace files (*.json *.jsonl *.ndjson);;All files (*)</source>
        <translation>Trace-Dateien (*.json *.jsonl *.ndjson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>Stackscope::TracesPage</name>
    <message>
        <source>Open trace file…</source>
        <translation>Trace-Datei öffnen …</translation>
    </message>
    <message>
        <source>Open a Jaeger JSON export (Ctrl+Shift+O); you can also drop one here</source>
        <translation>Einen Jaeger-JSON-Export öffnen (Strg+Umschalt+O); Sie können ihn auch hier ablegen</translation>
    </message>
    <message>
        <source>Save trace as JSON…</source>
        <translation>Trace als JSON speichern …</translation>
    </message>
    <message>
        <source>Save the open trace as Jaeger JSON</source>
        <translation>Den geöffneten Trace als Jaeger-JSON speichern</translation>
    </message>
    <message>
        <source>Open trace</source>
        <translation>Trace öffnen</translation>
    </message>
    <message>
        <source>Jaeger JSON (*.json);;All files (*)</source>
        <translation>Jaeger-JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save trace</source>
        <translation>Trace speichern</translation>
    </message>
    <message>
        <source>Jaeger JSON (*.json)</source>
        <translation>Jaeger-JSON (*.json)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <source>Compare two traces on latency: the open one with a file or a search result, or two files</source>
        <translation>Zwei Traces nach Latenz vergleichen: den offenen mit einer Datei oder einem Suchergebnis, oder zwei Dateien</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>The open trace with a file…</source>
        <translation>Den offenen Trace mit einer Datei…</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <source>The open trace with a search result</source>
        <translation>Den offenen Trace mit einem Suchergebnis</translation>
    </message>
    <message>
        <source>%1 · %2 spans · %3</source>
        <translation>%1 · %2 Spans · %3</translation>
    </message>
    <message>
        <source>The two selected search results</source>
        <translation>Die zwei gewählten Suchergebnisse</translation>
    </message>
    <message>
        <source>Two trace files…</source>
        <translation>Zwei Trace-Dateien…</translation>
    </message>
    <message>
        <source>Choose two traces: A, then B</source>
        <translation>Zwei Traces wählen: A, dann B</translation>
    </message>
    <message numerus="yes">
        <source>Choose exactly two trace files to compare (%n chosen).</source>
        <translation><numerusform>Genau zwei Trace-Dateien zum Vergleichen wählen (%n gewählt).</numerusform><numerusform>Genau zwei Trace-Dateien zum Vergleichen wählen (%n gewählt).</numerusform></translation>
    </message>
</context>
<context>
    <name>Stackscope::TrayIcon</name>
    <message>
        <source>Show or hide Stackscope</source>
        <translation>Stackscope zeigen oder verbergen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>No alerts followed</source>
        <translation>Keine Alarme verfolgt</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>Benachrichtigungen stummschalten</translation>
    </message>
    <message>
        <source>No alerts firing</source>
        <translation>Keine aktiven Alarme</translation>
    </message>
    <message>
        <source>1 alert firing</source>
        <translation>1 aktiver Alarm</translation>
    </message>
    <message>
        <source>%1 alerts firing</source>
        <translation>%1 aktive Alarme</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>1 silence ends within %1 min</source>
        <translation>1 Stummschaltung endet in %1 min</translation>
    </message>
    <message>
        <source>%1 silences end within %2 min</source>
        <translation>%1 Stummschaltungen enden in %2 min</translation>
    </message>
</context>
<context>
    <name>Stackscope::UpPreflight</name>
    <message>
        <source>Service %1 wants the container name '%2', which a container not made by compose already has. Remove or rename that container (docker rm %2), or change container_name in the compose file.</source>
        <translation>Dienst %1 will den Containernamen '%2', den schon ein Container trägt, den Compose nicht angelegt hat. Diesen Container entfernen oder umbenennen (docker rm %2) oder container_name in der Compose-Datei ändern.</translation>
    </message>
    <message>
        <source>Service %1 wants the container name '%2', which service %3 of the project '%4' (in %5) already has. Stop that project first, or change container_name in one of the two compose files.</source>
        <translation>Dienst %1 will den Containernamen '%2', den schon Dienst %3 des Projekts '%4' (in %5) trägt. Erst jenes Projekt stoppen oder container_name in einer der beiden Compose-Dateien ändern.</translation>
    </message>
    <message>
        <source>The compose file uses the network '%1' as external, and it does not exist. Create it (docker network create %1), then start the stack.</source>
        <translation>Die Compose-Datei nutzt das Netzwerk '%1' als extern, und es gibt es nicht. Es anlegen (docker network create %1), dann den Stack starten.</translation>
    </message>
</context>
<context>
    <name>Stackscope::ValueView</name>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
</context>
<context>
    <name>Stackscope::VariableFormat</name>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
</context>
<context>
    <name>TraceLoader</name>
    <message>
        <source>Jaeger says: %1</source>
        <translation>Jaeger meldet: %1</translation>
    </message>
    <message>
        <source>the document holds no trace</source>
        <translation>das Dokument enthält keinen Trace</translation>
    </message>
    <message>
        <source>the document holds %1 traces; showing %2</source>
        <translation>das Dokument enthält %1 Traces; gezeigt wird %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the file holds no trace</source>
        <translation>die Datei enthält keinen Trace</translation>
    </message>
</context>
</TS>