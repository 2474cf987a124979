'use strict';
// The API benchmark's reference peer (tests/benchmarks/api-load.sh): a small Node server that
// answers the same requests as the project's `serve` on a copy of the same SQLite file, as a plain
// Node + better-sqlite3 program would, so the project's figures have something to be held against.
//
//   node server.js --db FILE [--listen 127.0.0.1] [--port 0]
//
// It serves
//   GET  /api/v1/health                    {"database":"sqlite","status":"ok","version":"peer"}
//   GET  /api/v1/notification-records      ?peer_mentor_id=…&page=…&limit=… only, the list body
//                                          of the project ({data, pagination {page, limit, total}})
//   POST /api/v1/notification-records      a record, as the project writes it: the row, its count
//                                          in record_counts, an audit_log row and two rows of the
//                                          change feed, in one BEGIN IMMEDIATE transaction; 201 with
//                                          the project's body, Location and ETag
// and checks the Bearer token as the project does: the SHA-256 (hex) of the token looked up in
// api_tokens.token_hash, unrevoked and unexpired, of a user who is not disabled; its last use is
// written at most once a minute. The database is opened with the project's pragmas (WAL,
// synchronous=FULL, 64 MiB page cache). A mentor's list walks an index on (peer_mentor_id,
// sent_at, …): the project's schema has one (idx_records_mentor_sent); if the file lacks it, one is
// added. One process, one thread, synchronous SQLite calls: the usual shape of such a server.
// Prints "listening on HOST:PORT" once it accepts connections.

const crypto = require('node:crypto');
const http = require('node:http');
const Database = require('better-sqlite3');

function option(name, fallback) {
    const at = process.argv.indexOf(name);
    return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

const file = option('--db');
if (!file) {
    process.stderr.write('usage: node server.js --db FILE [--listen HOST] [--port PORT]\n');
    process.exit(2);
}
const host = option('--listen', '127.0.0.1');
const port = Number(option('--port', '0'));

const db = new Database(file, { fileMustExist: true });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 10000');
db.pragma('cache_size = -65536');

// --- the index a mentor's list walks ---------------------------------------------------------
function mentorIndex() {
    for (const { name } of db.prepare("SELECT name FROM pragma_index_list('notification_records')").all()) {
        const columns = db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(name);
        if (columns.length >= 2 && columns[0].name === 'peer_mentor_id' && columns[1].name === 'sent_at')
            return name;
    }
    return null;
}
let index = mentorIndex();
if (!index) {
    db.exec('CREATE INDEX peer_records_mentor_sent ON notification_records (peer_mentor_id, sent_at, id)');
    index = 'peer_records_mentor_sent (added by the peer)';
}

// --- statements --------------------------------------------------------------------------------
const tokenByHash = db.prepare(
    'SELECT id, user_id, expires_at, revoked_at, last_used_at FROM api_tokens WHERE token_hash = ?');
const userById = db.prepare('SELECT id, username, role, org_id, disabled FROM users WHERE id = ?');
const touchToken = db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?');

// `+r.org_id`: the organisation is tested on the mentor's rows, not used to pick an index.
const listColumns =
    'SELECT r.id, r.peer_mentor_id, m.name AS peer_mentor_name, r.event_type, r.coordinator_id, ' +
    'r.channels, r.sent_at, r.effective_date FROM notification_records r ' +
    'JOIN peer_mentors m ON m.id = r.peer_mentor_id ';
const listOrder = ' ORDER BY r.sent_at DESC, r.id DESC LIMIT ? OFFSET ?';
const listInOrg = db.prepare(listColumns + 'WHERE r.peer_mentor_id = ? AND +r.org_id = ?' + listOrder);
const listAll = db.prepare(listColumns + 'WHERE r.peer_mentor_id = ?' + listOrder);
const countInOrg = db.prepare(
    'SELECT COUNT(*) AS n FROM notification_records r WHERE r.peer_mentor_id = ? AND +r.org_id = ?');
const countAll = db.prepare('SELECT COUNT(*) AS n FROM notification_records r WHERE r.peer_mentor_id = ?');

const mentorById = db.prepare('SELECT id, org_id, name, deactivated_at FROM peer_mentors WHERE id = ?');
const coordinatorById = db.prepare('SELECT id, org_id FROM coordinators WHERE id = ?');
const insertRecord = db.prepare(
    'INSERT INTO notification_records (id, org_id, peer_mentor_id, event_type, effective_date, reason, ' +
    'coordinator_id, channels, dispatch_ids, notes, created_by, sent_at, updated_at) ' +
    'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
const ensureCount = db.prepare(
    'INSERT INTO record_counts (org_id, coordinator_id, event_type, total) VALUES (?, ?, ?, 0) ' +
    'ON CONFLICT (org_id, coordinator_id, event_type) DO NOTHING');
const addCount = db.prepare(
    'UPDATE record_counts SET total = total + 1 WHERE org_id = ? AND coordinator_id = ? AND event_type = ?');
const insertAudit = db.prepare(
    'INSERT INTO audit_log (id, at, user_id, username, org_id, action, entity, entity_id, detail) ' +
    "VALUES (?, ?, ?, ?, ?, 'record.create', 'notification_record', ?, ?)");
const nextChange = db.prepare('UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value');
const insertChange = db.prepare(
    'INSERT INTO changes (seq, kind, org_id, entity_id, at, origin) VALUES (?, ?, ?, ?, ?, ?)');

const randomHex = (digits) => crypto.randomBytes(Math.ceil(digits / 2)).toString('hex').slice(0, digits);
const origin = 'p_' + randomHex(12);

// --- answers -------------------------------------------------------------------------------------
const titles = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
    405: 'Method Not Allowed', 413: 'Content Too Large', 415: 'Unsupported Media Type',
    422: 'Unprocessable Content', 500: 'Internal Server Error' };

function send(res, status, body, headers = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
        'Content-Type': status < 400 ? 'application/json' : 'application/problem+json',
        'Cache-Control': 'no-store',
        'Content-Length': Buffer.byteLength(text),
        ...headers,
    });
    res.end(text);
}

// Keys in the order the project writes them (QJsonObject sorts them), so the bodies match byte for
// byte, not only once parsed.
function problem(res, status, detail, field, headers) {
    const errors = field ? [{ field, message: detail }] : [];
    send(res, status, { detail, errors, status, title: titles[status] || 'Error',
        type: 'https://coordinator-console.invalid/problems/' + status }, headers);
}

function unauthorized(res, detail) {
    problem(res, 401, detail || 'The access token is missing, unknown, expired or revoked.', undefined,
        { 'WWW-Authenticate': 'Bearer realm="coordinator-console"' });
}

// The caller of a request, or null (and the 401 sent).
function authenticate(req, res) {
    const value = (req.headers.authorization || '').trim();
    if (value.length < 8 || value.slice(0, 7).toLowerCase() !== 'bearer ') {
        unauthorized(res, 'The Authorization header must carry a Bearer token.');
        return null;
    }
    const secret = value.slice(7).trim();
    if (!secret || secret.length > 256) {
        unauthorized(res);
        return null;
    }
    const token = tokenByHash.get(crypto.createHash('sha256').update(secret, 'utf8').digest('hex'));
    const now = new Date();
    const nowText = now.toISOString();
    if (!token || token.revoked_at !== null || !(nowText < token.expires_at)) {
        unauthorized(res);
        return null;
    }
    const user = userById.get(token.user_id);
    if (!user || user.disabled) {
        unauthorized(res);
        return null;
    }
    if (!token.last_used_at || now - Date.parse(token.last_used_at) > 60000)
        touchToken.run(nowText, token.id);
    return { userId: user.id, username: user.username, role: user.role,
        orgId: user.role === 'global_admin' ? '' : (user.org_id || '') };
}

function wholeNumber(text, low, high) {
    if (!/^[0-9]{1,7}$/.test(text))
        return NaN;
    const n = Number(text);
    return n >= low && n <= high ? n : NaN;
}

function list(req, res, query) {
    for (const key of query.keys()) {
        if (!['page', 'limit', 'peer_mentor_id'].includes(key))
            return problem(res, 400, `The peer does not serve the query parameter “${key}”; it serves page, limit and peer_mentor_id.`, key);
    }
    const page = wholeNumber(query.get('page') ?? '1', 1, 1000000);
    if (Number.isNaN(page))
        return problem(res, 400, 'page must be a whole number from 1 to 1000000.', 'page');
    const limit = wholeNumber(query.get('limit') ?? '20', 1, 100);
    if (Number.isNaN(limit))
        return problem(res, 400, 'limit must be a whole number from 1 to 100.', 'limit');
    const mentor = query.get('peer_mentor_id');
    if (!mentor)
        return problem(res, 400, 'The peer serves only lists of one mentor: give peer_mentor_id.', 'peer_mentor_id');
    const caller = authenticate(req, res);
    if (!caller)
        return;
    const offset = (page - 1) * limit;
    const rows = caller.orgId ? listInOrg.all(mentor, caller.orgId, limit, offset)
        : listAll.all(mentor, limit, offset);
    const total = caller.orgId ? countInOrg.get(mentor, caller.orgId).n : countAll.get(mentor).n;
    const data = rows.map((r) => ({
        channels_notified: JSON.parse(r.channels),
        coordinator_id: r.coordinator_id,
        effective_date: r.effective_date,
        event_type: r.event_type,
        id: r.id,
        peer_mentor_id: r.peer_mentor_id,
        peer_mentor_name: r.peer_mentor_name,
        sent_at: r.sent_at,
    }));
    send(res, 200, { data, pagination: { limit, page, total } });
}

const channelNames = ['push', 'in_app', 'email', 'sms'];
const recordFields = ['peer_mentor_id', 'event_type', 'effective_date', 'reason', 'coordinator_id',
    'channels_notified', 'dispatch_ids', 'notes'];
const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:\d{2})$/;

// An input date as the project stores it ("2026-03-20T00:00:00.000Z"), or null.
function timestamp(text) {
    if (typeof text !== 'string')
        return null;
    let m = dateOnly.exec(text);
    if (m) {
        const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
        return d.getUTCDate() === +m[3] && d.getUTCMonth() === +m[2] - 1 ? d.toISOString() : null;
    }
    m = dateTime.exec(text);
    if (!m)
        return null;
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

// The record of a POST body, or a [status, message, field] problem.
function recordOf(body) {
    if (body === null || typeof body !== 'object' || Array.isArray(body))
        return [400, 'The body must be a JSON object.'];
    for (const key of Object.keys(body)) {
        if (!recordFields.includes(key))
            return [400, `Unknown field “${key}”.`, key];
    }
    const text = (name) => (typeof body[name] === 'string' ? body[name] : '');
    const r = { mentor: text('peer_mentor_id'), event: text('event_type'), coordinator: text('coordinator_id'),
        effective: timestamp(body.effective_date), reason: body.reason ?? null, notes: body.notes ?? null,
        channels: body.channels_notified, dispatch: body.dispatch_ids ?? [] };
    if (!r.mentor)
        return [400, 'peer_mentor_id is required.', 'peer_mentor_id'];
    if (!r.coordinator)
        return [400, 'coordinator_id is required.', 'coordinator_id'];
    if (!r.effective)
        return [400, 'effective_date is required.', 'effective_date'];
    if (!Array.isArray(r.channels) || r.channels.length === 0)
        return [400, 'channels_notified must name at least one channel.', 'channels_notified'];
    if (r.channels.some((c) => !channelNames.includes(c)) || new Set(r.channels).size !== r.channels.length)
        return [400, 'channels_notified names an unknown channel or one twice.', 'channels_notified'];
    if (r.reason !== null && (typeof r.reason !== 'string' || r.reason.length > 500))
        return [400, 'reason must be at most 500 characters.', 'reason'];
    if (r.notes !== null && (typeof r.notes !== 'string' || r.notes.length > 2000))
        return [400, 'notes must be at most 2000 characters.', 'notes'];
    if (!Array.isArray(r.dispatch) || r.dispatch.length > 20
        || r.dispatch.some((d) => typeof d !== 'string' || !d.trim() || d.length > 128))
        return [400, 'dispatch_ids: at most 20 ids of 1 to 128 characters.', 'dispatch_ids'];
    if (r.event !== 'pause_activated' && r.event !== 'pause_deactivated')
        return [400, 'event_type must be pause_activated or pause_deactivated.', 'event_type'];
    return r;
}

const store = db.transaction((r, caller, now) => {
    insertRecord.run(r.id, r.org, r.mentor, r.event, r.effective, r.reason, r.coordinator,
        JSON.stringify(r.channels), JSON.stringify(r.dispatch), r.notes, caller.username, now, now);
    ensureCount.run(r.org, r.coordinator, r.event);
    addCount.run(r.org, r.coordinator, r.event);
    insertAudit.run('audit_' + randomHex(16), now, caller.userId, caller.username, r.org, r.id, r.event);
    insertChange.run(nextChange.get().value, 'record.created', r.org, r.id, now, origin);
    insertChange.run(nextChange.get().value, 'peer_mentor.status_changed', r.org, r.mentor, now, origin);
});

function create(req, res, raw) {
    const type = (req.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json')
        return problem(res, 415, 'Send the body as Content-Type: application/json.', 'Content-Type');
    const caller = authenticate(req, res);
    if (!caller)
        return;
    let body;
    try {
        body = JSON.parse(raw.toString('utf8'));
    } catch {
        return problem(res, 400, 'The body is not valid JSON.');
    }
    const r = recordOf(body);
    if (Array.isArray(r))
        return problem(res, r[0], r[1], r[2]);
    if (caller.role === 'global_admin')
        return problem(res, 403, 'A global admin does not record notifications.');
    const mentor = mentorById.get(r.mentor);
    if (!mentor || (caller.orgId && mentor.org_id !== caller.orgId))
        return problem(res, 422, 'peer_mentor_id: no peer mentor with this id.', 'peer_mentor_id');
    if (mentor.deactivated_at)
        return problem(res, 422, 'peer_mentor_id: this peer mentor has left the organisation.', 'peer_mentor_id');
    const coordinator = coordinatorById.get(r.coordinator);
    if (!coordinator || coordinator.org_id !== mentor.org_id)
        return problem(res, 422, "coordinator_id: no coordinator with this id in the peer mentor's organisation.",
            'coordinator_id');
    r.org = mentor.org_id;
    const now = new Date().toISOString();
    for (let attempt = 0; ; ++attempt) {
        r.id = 'nr_' + randomHex(12);
        try {
            store.immediate(r, caller, now);
            break;
        } catch (e) {
            if (e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && attempt < 3)
                continue; // an id collision: draw another
            throw e;
        }
    }
    const etag = '"' + crypto.createHash('sha256')
        .update(`${r.id}|${now}|${r.channels.join(',')}|${r.notes ?? '\x01'}`, 'utf8')
        .digest('hex').slice(0, 16) + '"';
    send(res, 201, { channels_notified: r.channels, coordinator_id: r.coordinator, event_type: r.event,
        id: r.id, peer_mentor_id: r.mentor, sent_at: now },
    { ETag: etag, Location: '/api/v1/notification-records/' + r.id });
}

const recordsPath = '/api/v1/notification-records';

const server = http.createServer((req, res) => {
    res.sendDate = false; // the project sends no Date either
    const q = req.url.indexOf('?');
    const path = q < 0 ? req.url : req.url.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1));
    try {
        if (path === '/api/v1/health' && req.method === 'GET')
            return send(res, 200, { database: 'sqlite', status: 'ok', version: 'peer' });
        if (path === recordsPath && req.method === 'GET')
            return list(req, res, query);
        if (path === recordsPath && req.method === 'POST') {
            const chunks = [];
            let size = 0;
            req.on('data', (chunk) => {
                size += chunk.length;
                if (size <= 65536)
                    chunks.push(chunk);
            });
            req.on('end', () => {
                try {
                    if (size > 65536)
                        return problem(res, 413, 'The body is larger than 64 KiB.');
                    create(req, res, Buffer.concat(chunks));
                } catch (e) {
                    process.stderr.write(`peer: ${e.stack}\n`);
                    problem(res, 500, 'The peer failed; see its log.');
                }
            });
            return undefined;
        }
        if (path === recordsPath || path === '/api/v1/health')
            return problem(res, 405, 'Method not allowed.', undefined,
                { Allow: path === recordsPath ? 'GET, POST' : 'GET' });
        return problem(res, 404, 'The peer does not serve this path.');
    } catch (e) {
        process.stderr.write(`peer: ${e.stack}\n`);
        return problem(res, 500, 'The peer failed; see its log.');
    }
});
server.keepAliveTimeout = 65000;

function stop() {
    server.close();
    db.close();
    process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

server.listen(port, host, () => {
    const plan = db.prepare('EXPLAIN QUERY PLAN ' + listColumns + 'WHERE r.peer_mentor_id = ? AND +r.org_id = ?'
        + listOrder).all('x', 'x', 20, 0).map((row) => row.detail).join('; ');
    process.stderr.write(`peer: SQLite ${db.prepare('SELECT sqlite_version() AS v').get().v}, `
        + `mentor index ${index}; list plan: ${plan}\n`);
    process.stdout.write(`listening on ${host}:${server.address().port}\n`);
});
