#!/usr/bin/env node
// Checks what the server really answers against the OpenAPI document.
//
//   node validate-capture.mjs CAPTURE.jsonl [openapi.json] [--coverage]
//   node validate-capture.mjs --routes ROUTES.txt [openapi.json]
//
// CAPTURE.jsonl: one JSON object a line, as the C++ API tests write it (CC_API_CAPTURE_FILE):
//   {"method":"GET","route":"/api/v1/notification-records/:id","status":200,
//    "content_type":"application/json","body":<parsed JSON, or null for no body>}
// For each line the operation (route ":name" → "{name}"), its response for the status (exact,
// then "4XX"-style ranges, then "default") and the media type (parameters such as charset
// stripped) are looked up, and the body is validated against that media type's schema with
// Ajv (JSON Schema 2020-12, ajv-formats, allErrors), $refs resolved within the document.
// Two answers that belong to no operation are checked against shared responses instead:
// a 405 for a method a known path lacks (components/responses/MethodNotAllowed) and a 404 for
// an unknown path (components/responses/NotFound).
// A line fails when its body does not match, or when it names a route, method, status or media
// type the document does not have (or a body where none is documented, or none where one is).
// Each failure is printed; the last line is exactly
//   openapi-responses: N passed, M failed
// Exit status: 0 when every line passed, 1 when any failed (or the capture holds no line),
// 2 on a usage error or an unreadable file.
// --coverage also prints (to stdout, before the summary) each documented operation and status
// the capture never exercised; it does not change the result.
//
// --routes ROUTES.txt: ROUTES.txt holds one "METHOD /api/v1/path/:param" a line (the routes the
// server registers; blank lines and lines starting with # are skipped). The set is compared with
// the document's operations in both directions; each difference is printed, then
//   openapi-routes: N passed, M failed
// (N routes in both, M differences). Exit status 1 on any difference.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const HERE = dirname(fileURLToPath(import.meta.url));
const DEFAULT_DOCUMENT = resolve(HERE, '../resources/openapi.json');
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const DOC_ID = 'openapi-document';

function usage(message) {
  if (message) console.error(`validate-capture: ${message}`);
  console.error('usage: node validate-capture.mjs CAPTURE.jsonl [openapi.json] [--coverage]\n'
    + '       node validate-capture.mjs --routes ROUTES.txt [openapi.json]');
  process.exit(2);
}

function readText(file, what) {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`validate-capture: cannot read ${what} ${file}: ${error.message}`);
    process.exit(2);
  }
}

function loadDocument(file) {
  try {
    return JSON.parse(readText(file, 'the OpenAPI document'));
  } catch (error) {
    console.error(`validate-capture: ${file} is not JSON: ${error.message}`);
    process.exit(2);
  }
}

// "/api/v1/x/:id" → "/api/v1/x/{id}"
const toTemplate = (route) => route.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');

const escapeToken = (token) => String(token).replace(/~/g, '~0').replace(/\//g, '~1');
const pointer = (tokens) => '#/' + tokens.map((t) => encodeURIComponent(escapeToken(t))).join('/');

// Follows a local "$ref" ("#/components/...") in the document; returns the object and its tokens.
function follow(document, object, tokens) {
  const seen = new Set();
  while (object && typeof object.$ref === 'string') {
    const ref = object.$ref;
    if (!ref.startsWith('#/') || seen.has(ref)) throw new Error(`cannot follow $ref ${ref}`);
    seen.add(ref);
    tokens = ref.slice(2).split('/').map((t) => decodeURIComponent(t).replace(/~1/g, '/').replace(/~0/g, '~'));
    object = tokens.reduce((o, t) => (o == null ? undefined : o[t]), document);
    if (object === undefined) throw new Error(`$ref ${ref} points at nothing`);
  }
  return { object, tokens };
}

function operations(document) {
  const out = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS)
      if (item && item[method]) out.push({ method: method.toUpperCase(), path, operation: item[method] });
  }
  return out;
}

function formatErrors(errors) {
  return errors.map((e) => {
    const where = e.instancePath === '' ? '(body)' : e.instancePath;
    const params = Object.keys(e.params ?? {}).length ? ` ${JSON.stringify(e.params)}` : '';
    return `    ${where} ${e.message}${params}  [schema ${e.schemaPath}]`;
  }).join('\n');
}

// ---------------------------------------------------------------- --routes
function checkRoutes(routesFile, document) {
  const registered = new Set();
  const lines = readText(routesFile, 'the routes file').split(/\r?\n/);
  let bad = 0;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^([A-Za-z]+)\s+(\/\S*)$/.exec(line);
    if (!m) {
      console.log(`${routesFile}:${index + 1}: not "METHOD /path": ${line}`);
      bad += 1;
      return;
    }
    registered.add(`${m[1].toUpperCase()} ${toTemplate(m[2])}`);
  });
  const documented = new Set(operations(document).map((o) => `${o.method} ${o.path}`));
  const missing = [...registered].filter((r) => !documented.has(r)).sort();
  const extra = [...documented].filter((r) => !registered.has(r)).sort();
  for (const r of missing) console.log(`registered by the server but not in the document: ${r}`);
  for (const r of extra) console.log(`in the document but not registered by the server: ${r}`);
  const matched = [...registered].filter((r) => documented.has(r)).length;
  const failed = missing.length + extra.length + bad;
  console.log(`openapi-routes: ${matched} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

// ---------------------------------------------------------------- capture
function checkCapture(captureFile, document, { coverage }) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat('password', true);   // OpenAPI's hint for a secret: any string
  ajv.addSchema(document, DOC_ID);
  const compiled = new Map();
  const validatorFor = (tokens) => {
    const ref = `${DOC_ID}${pointer(tokens)}`;
    if (!compiled.has(ref)) compiled.set(ref, ajv.compile({ $ref: ref }));
    return compiled.get(ref);
  };

  const exercised = new Set();
  let passed = 0;
  let failed = 0;
  const fail = (label, why) => {
    failed += 1;
    console.log(`FAIL ${label}: ${why}`);
  };

  const lines = readText(captureFile, 'the capture').split(/\r?\n/);
  lines.forEach((raw, index) => {
    if (!raw.trim()) return;
    const at = `${captureFile}:${index + 1}`;
    let entry;
    try {
      entry = JSON.parse(raw);
    } catch (error) {
      fail(at, `not JSON (${error.message})`);
      return;
    }
    const method = String(entry.method ?? '').toUpperCase();
    const route = String(entry.route ?? '');
    const status = Number(entry.status);
    const label = `${method} ${route} ${entry.status} (${at})`;
    if (!method || !route.startsWith('/') || !Number.isInteger(status)) {
      fail(label, 'the line needs "method", "route" (starting with /) and an integer "status"');
      return;
    }
    const path = toTemplate(route);
    const item = document.paths?.[path];
    let response;
    try {
      if (!item) {
        if (status !== 404) {
          fail(label, `undocumented route ${path}`);
          return;
        }
        response = follow(document, { $ref: '#/components/responses/NotFound' }, []);
      } else if (!item[method.toLowerCase()]) {
        if (status !== 405) {
          fail(label, `undocumented method ${method} on ${path}`);
          return;
        }
        response = follow(document, { $ref: '#/components/responses/MethodNotAllowed' }, []);
      } else {
        const responses = item[method.toLowerCase()].responses ?? {};
        const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
        if (!key) {
          fail(label, `undocumented status ${status} for ${method} ${path}`);
          return;
        }
        exercised.add(`${method} ${path} ${key}`);
        response = follow(document, responses[key], ['paths', path, method.toLowerCase(), 'responses', key]);
      }
    } catch (error) {
      fail(label, `the document is broken here: ${error.message}`);
      return;
    }

    const content = response.object.content;
    const body = entry.body === undefined ? null : entry.body;
    const mediaType = String(entry.content_type ?? '').split(';')[0].trim().toLowerCase();
    if (!content || Object.keys(content).length === 0) {
      if (body !== null) fail(label, 'a body was answered where the document has none');
      else passed += 1;
      return;
    }
    if (!mediaType) {
      fail(label, `no Content-Type answered; documented: ${Object.keys(content).join(', ')}`);
      return;
    }
    const mediaKey = Object.keys(content).find((k) => k.toLowerCase() === mediaType);
    if (!mediaKey) {
      fail(label, `undocumented media type ${mediaType}; documented: ${Object.keys(content).join(', ')}`);
      return;
    }
    if (!content[mediaKey].schema) {
      passed += 1;
      return;
    }
    let validate;
    try {
      validate = validatorFor([...response.tokens, 'content', mediaKey, 'schema']);
    } catch (error) {
      fail(label, `the schema does not compile: ${error.message}`);
      return;
    }
    if (validate(body)) {
      passed += 1;
    } else {
      fail(label, `the body does not match the schema\n${formatErrors(validate.errors)}`);
    }
  });

  if (passed + failed === 0) {
    console.log(`FAIL ${captureFile}: the capture holds no responses`);
    failed = 1;
  }
  if (coverage) {
    const missing = [];
    for (const { method, path, operation } of operations(document)) {
      for (const key of Object.keys(operation.responses ?? {}))
        if (!exercised.has(`${method} ${path} ${key}`)) missing.push(`${method} ${path} ${key}`);
    }
    console.log(`not exercised (${missing.length}):`);
    for (const m of missing) console.log(`  ${m}`);
  }
  console.log(`openapi-responses: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

// ---------------------------------------------------------------- main
const args = process.argv.slice(2);
if (args.includes('-h') || args.includes('--help')) usage();
const coverage = args.includes('--coverage');
const rest = args.filter((a) => a !== '--coverage');
if (rest[0] === '--routes') {
  if (rest.length < 2 || rest.length > 3) usage('--routes needs a file');
  process.exitCode = checkRoutes(rest[1], loadDocument(rest[2] ?? DEFAULT_DOCUMENT));
} else {
  if (rest.length < 1 || rest.length > 2 || rest.some((a) => a.startsWith('--'))) usage();
  process.exitCode = checkCapture(rest[0], loadDocument(rest[1] ?? DEFAULT_DOCUMENT), { coverage });
}
