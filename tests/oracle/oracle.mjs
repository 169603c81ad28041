// Prisma's own engines as one long-lived process for Strata's tests: one JSON request per line on
// stdin, one JSON response per line on stdout, so the WebAssembly start-up is paid once per test run.
// Request: {"id": 1, "op": "format" | "validate" | "lint" | "getDmmf" | "diff" | "introspect", ...}
// Response: {"id": 1, "ok": true, "result": ...} or {"id": 1, "ok": false, "error": "..."}.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as engineGlue from '@prisma/schema-engine-wasm/schema_engine_bg';
import { sqliteFileAdapter } from './sqlite-adapter.mjs';
import { mysqlAdapter } from './mysql-adapter.mjs';

const require = createRequire(import.meta.url);
const schemaWasm = require('@prisma/prisma-schema-wasm');
const { bindMigrationAwareSqlAdapterFactory, mockMigrationAwareAdapterFactory, ColumnTypeEnum } = require('@prisma/driver-adapter-utils');
const { PrismaPg } = require('@prisma/adapter-pg');

// The engine reports a Rust panic through this registry before it throws; keep the message for the reply.
globalThis.PRISMA_WASM_PANIC_REGISTRY = { message: '', set_message(m) { this.message = `RuntimeError: ${m}`; } };

// The package is built for bundlers, which would import the .wasm as a module; in plain node the glue
// module is the import object and receives the instance's exports itself.
async function startSchemaEngineWasm() {
  const wasmPath = fileURLToPath(new URL('./node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm', import.meta.url));
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': engineGlue });
  engineGlue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
}

const files = (schema) => ({ files: [{ path: 'schema.prisma', content: schema }] });

// PostgreSQL adapters the engine opened during one call; freeing the engine does not close their pools.
function closingAdapters(factory, opened) {
  const track = (open) => async () => { const adapter = await open(); opened.push(() => adapter.dispose()); return adapter; };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: track(() => factory.connect()),
    connectToShadowDb: track(() => factory.connectToShadowDb()),
  };
}

// PostgreSQL's internal one-byte type "char" (OID 18: pg_class.relkind, pg_constraint.contype...) is
// what the engine's catalog queries return, but adapter-pg 7.10.0 has no column type for it and fails
// the whole query. So each adapter (and each transaction it opens) reads such columns as text first,
// to get past the adapter's type check, and then reports them as the engine's Character type, which is
// what the engine's own PostgreSQL driver gives it (it reads check constraints' contype as a character).
const PG_CHAR = 18;
const PG_TEXT = 25;
function readCharColumns(queryable) {
  const charColumns = new WeakMap();
  const performIO = queryable.performIO.bind(queryable);
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const indexes = [];
    (result?.fields ?? []).forEach((field, i) => {
      if (field.dataTypeID === PG_CHAR) { indexes.push(i); field.dataTypeID = PG_TEXT; }
    });
    if (indexes.length > 0) charColumns.set(query, indexes);
    return result;
  };
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(query) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  if (queryable.startTransaction) {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => readCharColumns(await startTransaction(...args));
  }
  return queryable;
}
function postgresAdapter(url) {
  const factory = new PrismaPg({ connectionString: url });
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => readCharColumns(await connect());
  factory.connectToShadowDb = async () => readCharColumns(await connectToShadowDb());
  return factory;
}

// One engine per call: the adapter decides the provider and the live database (r.url for PostgreSQL or,
// as mysql://, MySQL/MariaDB; r.file for a SQLite file); with neither, SQLite's mock adapter, for
// operations that need no database.
// PostgreSQL connections are closed when the call ends (else many calls run out of server connections).
function adapterFactory(request, opened) {
  if (request.url?.startsWith('mysql:')) return mysqlAdapter(request.url, opened);
  if (request.url) return closingAdapters(postgresAdapter(request.url), opened);
  if (request.file) return sqliteFileAdapter(request.file);
  return mockMigrationAwareAdapterFactory(request.provider ?? 'sqlite');
}

async function withEngine(request, work) {
  const opened = [];
  const factory = adapterFactory(request, opened);
  const engine = await engineGlue.SchemaEngine.new({ datamodels: undefined }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    return await work(engine);
  } finally {
    engine.free();
    // In reverse order: a shadow database is dropped after the adapter on it is closed.
    for (const close of opened.reverse()) await close();
  }
}

const target = (schema) => (schema == null ? { tag: 'empty' } : { tag: 'schemaDatamodel', ...files(schema) });
const noFilter = { externalTables: [], externalEnums: [] };

// validate throws with the diagnostics as JSON text; a valid schema returns nothing.
function validate(schema) {
  try {
    schemaWasm.validate(JSON.stringify({ prismaSchema: [['schema.prisma', schema]], noColor: true }));
    return { valid: true, message: '' };
  } catch (e) {
    const text = String(e.message ?? e);
    try {
      const { error_code: errorCode, message } = JSON.parse(text);
      return { valid: false, errorCode, message };
    } catch {
      return { valid: false, errorCode: null, message: text };
    }
  }
}

const operations = {
  version: async () => engineGlue.version(),
  // format takes and returns the files as [path, text] pairs; the document named is the one formatted.
  format: async (r) => {
    const params = { textDocument: { uri: 'file:/schema.prisma' }, options: { tabSize: 2, insertSpaces: true } };
    return JSON.parse(schemaWasm.format(JSON.stringify([['/schema.prisma', r.schema]]), JSON.stringify(params)))[0][1];
  },
  validate: async (r) => validate(r.schema),
  lint: async (r) => JSON.parse(schemaWasm.lint(JSON.stringify([['schema.prisma', r.schema]]))),
  getDmmf: async (r) => JSON.parse(schemaWasm.get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', r.schema]], noColor: true }))),
  // from/to: schema text, or null for the empty database.
  diff: async (r) => withEngine(r, async (engine) => {
    const result = await engine.diff({ from: target(r.from), to: target(r.to), script: true, exitCode: null, filters: noFilter });
    return result.stdout ?? '';
  }),
  // Reads the live database (r.url or r.file) into a schema; r.schema gives the datasource and generator blocks.
  introspect: async (r) => withEngine(r, async (engine) => {
    const result = await engine.introspect({ schema: files(r.schema), baseDirectoryPath: '.', force: true, compositeTypeDepth: -1, namespaces: null });
    return { schema: result.schema.files[0]?.content ?? '', warnings: result.warnings ?? null };
  }),
};

function describe(e) {
  const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY.message;
  globalThis.PRISMA_WASM_PANIC_REGISTRY.message = '';
  if (panic) return panic;
  if (e && typeof e === 'object' && 'message' in e) return String(e.message);
  return typeof e === 'string' ? e : JSON.stringify(e);
}

await startSchemaEngineWasm();
// Requests run one at a time, in order, so each reply follows its request.
let queue = Promise.resolve();
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (!line.trim()) return;
  queue = queue.then(async () => {
    let request = {};
    try {
      request = JSON.parse(line);
      const run = operations[request.op];
      if (!run) throw new Error(`unknown op: ${request.op}`);
      process.stdout.write(JSON.stringify({ id: request.id, ok: true, result: await run(request) }) + '\n');
    } catch (e) {
      process.stdout.write(JSON.stringify({ id: request.id, ok: false, error: describe(e) }) + '\n');
    }
  });
});
lines.on('close', () => queue.then(() => process.exit(0)));
process.stdout.write(JSON.stringify({ ready: true }) + '\n');
