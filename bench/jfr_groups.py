"""Groups a JFR recording of ScanBenchmark (printed as JSON by `jfr print --json`) by thread and
component: the raw loop, the driver's consumer thread (main) and its fetch threads (apiquery-page),
each split into Jackson parsing, our extraction, value conversion, Avatica/Calcite row plumbing,
OkHttp, hand-off between threads. Usage: jfr_groups.py samples.json [allocations.json]."""
import collections
import json
import sys

# A stack that holds one of these frames (searched from the top) belongs to its group.
MARKERS = [
    ('ReaderBasedJsonParser', 'client: walking nested JSON text'),
    ('JsonFactory._createParser', 'client: walking nested JSON text'),
    ('JsonRecyclerPools', 'client: walking nested JSON text'),
    ('java.util.Date.', 'Avatica TIMESTAMP getObject (Timestamp.valueOf, zone rules)'),
    ('java.sql.Timestamp', 'Avatica TIMESTAMP getObject (Timestamp.valueOf, zone rules)'),
    ('sun.util.calendar', 'Avatica TIMESTAMP getObject (Timestamp.valueOf, zone rules)'),
    ('TimestampFromNumberAccessor', 'Avatica TIMESTAMP getObject (Timestamp.valueOf, zone rules)'),
    ('java.util.regex', 'value conversion: timestamp text'),
    ('dev.apiquery.value.DateTimeText', 'value conversion: timestamp text'),
    ('dev.apiquery.value.IsoDateTime', 'value conversion: timestamp text'),
    ('dev.apiquery.response.JsonText.copy', 'extraction: JSON subtree copied to text'),
    ('dev.apiquery.response.JsonText.scalar', 'extraction: scalar decoding'),
    ('dev.apiquery.response.PathNode.field', 'extraction: field lookup'),
    ('dev.apiquery.value.', 'value conversion: other'),
    ('ScanBenchmark.walk', 'client: walking nested JSON text'),
]
# Otherwise the first frame (from the top) in one of these packages decides.
PACKAGES = [
    ('com.fasterxml.jackson', 'Jackson tokenizing'),
    ('dev.apiquery.response', 'extraction: walk'),
    ('okhttp3', 'OkHttp'), ('okio', 'OkHttp'),
    ('org.apache.calcite.avatica', 'Calcite/Avatica row plumbing'),
    ('org.apache.calcite.jdbc', 'Calcite/Avatica row plumbing'),
    ('org.apache.calcite.linq4j', 'Calcite/Avatica row plumbing'),
    ('Baz', 'generated code'),
    ('org.apache.calcite', 'Calcite planning'), ('org.codehaus', 'Calcite planning'),
    ('dev.apiquery.sql.ScanEnumerator', 'ScanEnumerator (rows to Object[])'),
    ('dev.apiquery.scan.PagePipeline.await', 'hand-off between threads'),
    ('dev.apiquery.sql', 'sql, other'),
    ('dev.apiquery.scan', 'scan operators (items, cursors)'),
    ('dev.apiquery.profile.script', 'scan operators (items, cursors)'),
    ('dev.apiquery.http', 'http (Exchange)'),
    ('java.util.concurrent', 'hand-off between threads'),
    ('sun.nio', 'socket I/O'), ('java.net', 'socket I/O'), ('sun.net', 'socket I/O'),
]


def frames(event):
    stack = event['values'].get('stackTrace') or {}
    return [f['method']['type']['name'].replace('/', '.') + '.' + f['method']['name']
            for f in stack.get('frames') or []]


def thread(event, stack):
    t = event['values'].get('sampledThread') or event['values'].get('eventThread') or {}
    name = t.get('javaName') or ''
    text = ' '.join(stack)
    if 'ScanBenchmark.rawLoop' in text:
        return 'raw loop'
    if name == 'apiquery-page':
        return 'driver fetch'
    if 'PagedJsonServer' in text:
        return 'setup'
    # JFR does not always walk the whole stack: main's OkHttp and byte parsing are the raw loop's.
    if name == 'main' and ('okhttp3' in text or 'okio' in text or 'UTF8StreamJsonParser' in text):
        return 'raw loop'
    if name == 'main':
        return 'driver consumer'
    return 'server' if name.startswith('pool-') else 'other'


def group(stack):
    for frame in stack:
        for marker, name in MARKERS:
            if marker in frame:
                return name
    for frame in stack:
        for package, name in PACKAGES:
            if frame.startswith(package):
                return name
    return 'other: ' + (stack[0] if stack else '?')


def report(path, weight, unit):
    events = json.load(open(path))['recording']['events']
    totals = collections.Counter()
    groups = collections.Counter()
    for event in events:
        stack = frames(event)
        where = thread(event, stack)
        totals[where] += weight(event)
        groups[(where, group(stack))] += weight(event)
    driver = totals['driver consumer'] + totals['driver fetch']
    print('%s by thread: %s' % (unit, ', '.join('%s %.0f' % kv for kv in totals.most_common())))
    for where in ('driver consumer', 'driver fetch', 'raw loop'):
        base = totals['raw loop'] if where == 'raw loop' else driver
        print('  %s (%% of %s):' % (where, 'the raw loop' if where == 'raw loop' else 'the driver'))
        rows = sorted(((g, v) for (w, g), v in groups.items() if w == where), key=lambda x: -x[1])
        for name, value in rows[:14]:
            print('    %5.1f%%  %s' % (100.0 * value / max(base, 1), name))


report(sys.argv[1], lambda e: 1, 'samples')
if len(sys.argv) > 2:
    report(sys.argv[2], lambda e: e['values'].get('weight', 0) / 1e6, 'MB allocated')
