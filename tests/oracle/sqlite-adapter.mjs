// A driver adapter for the schema engine over a real SQLite database file, read with sql.js (SQLite
// compiled to WebAssembly: node 20 has no SQLite of its own, and the engine's own SQLite adapters need
// native modules). It answers what the engine asks through @prisma/driver-adapter-utils' interface:
// column names, a column type per column, rows of plain values.
//
// sql.js does not expose the declared types of result columns, so each column's type comes from its
// first non-null value, as Prisma's SQLite adapters do for columns without a declared type (the
// engine's catalog queries read sqlite_master and PRAGMAs, whose columns have none anyway).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const initSqlJs = require('sql.js');
const { ColumnTypeEnum, DriverAdapterError } = require('@prisma/driver-adapter-utils');

let sqlJs;
const loadSqlJs = async () => (sqlJs ??= await initSqlJs());

function columnTypeOf(values, index) {
  for (const row of values) {
    const value = row[index];
    if (value === null || value === undefined) continue;
    if (typeof value === 'string') return ColumnTypeEnum.Text;
    if (typeof value === 'bigint') return ColumnTypeEnum.Int64;
    if (typeof value === 'number') return Number.isInteger(value) ? ColumnTypeEnum.Int64 : ColumnTypeEnum.Double;
    if (value instanceof Uint8Array) return ColumnTypeEnum.Bytes;
  }
  // A column of nulls only: SQLite's native connector reads it as an integer column too.
  return ColumnTypeEnum.Int32;
}

// Arguments as SQLite takes them: booleans as 0/1, byte arrays as blobs, anything else as it is.
const argument = (value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value ?? null);

class SqlJsQueryable {
  provider = 'sqlite';
  adapterName = 'strata-oracle-sqljs';

  constructor(db) { this.db = db; }

  async queryRaw(query) {
    const statement = this.prepare(query);
    try {
      const columnNames = statement.getColumnNames();
      const rows = [];
      while (statement.step()) rows.push(statement.get());
      const columnTypes = columnNames.map((_, i) => columnTypeOf(rows, i));
      return { columnNames, columnTypes, rows };
    } catch (e) {
      throw sqliteError(e);
    } finally {
      statement.free();
    }
  }

  async executeRaw(query) {
    const statement = this.prepare(query);
    try {
      while (statement.step()) { /* a statement may return rows; only the change count is wanted */ }
    } catch (e) {
      throw sqliteError(e);
    } finally {
      statement.free();
    }
    return this.db.getRowsModified();
  }

  prepare(query) {
    try {
      const statement = this.db.prepare(query.sql);
      statement.bind(query.args.map(argument));
      return statement;
    } catch (e) {
      throw sqliteError(e);
    }
  }
}

class SqlJsTransaction extends SqlJsQueryable {
  options = { usePhantomQuery: true };
  async commit() { this.db.run('COMMIT'); }
  async rollback() { this.db.run('ROLLBACK'); }
}

class SqlJsAdapter extends SqlJsQueryable {
  async executeScript(script) {
    try { this.db.exec(script); } catch (e) { throw sqliteError(e); }
  }

  async startTransaction() {
    this.db.run('BEGIN DEFERRED');
    return new SqlJsTransaction(this.db);
  }

  async dispose() { this.db.close(); }
}

// sql.js reports errors as plain messages; the engine wants them as SQLite errors.
function sqliteError(e) {
  return new DriverAdapterError({ kind: 'sqlite', extendedCode: 1, message: String(e?.message ?? e) });
}

/**
 * An adapter factory over the SQLite database in the file at `path` (read once, when the engine
 * connects: the engine only reads it), with an in-memory database as the shadow database.
 */
export function sqliteFileAdapter(path) {
  return {
    provider: 'sqlite',
    adapterName: 'strata-oracle-sqljs',
    async connect() {
      const SQL = await loadSqlJs();
      return new SqlJsAdapter(new SQL.Database(readFileSync(path)));
    },
    async connectToShadowDb() {
      const SQL = await loadSqlJs();
      return new SqlJsAdapter(new SQL.Database());
    },
  };
}
