// Prisma's MariaDB adapter for the engine, with the shadow database the adapter itself does not offer:
// the engine replays or compares schemas in a fresh database, so one is created on the same server for
// each call and dropped when the call ends (the live database, in the URL's path, is never touched).
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';

const require = createRequire(import.meta.url);
const { PrismaMariaDb } = require('@prisma/adapter-mariadb');
const mariadb = require('mariadb');

const withDatabase = (url, database) => { const u = new URL(url); u.pathname = '/' + database; return u.toString(); };

// r.url: mysql://user:password@host:port/database. `opened` collects what the call must close.
export function mysqlAdapter(url, opened) {
  const live = new PrismaMariaDb(url);
  let shadowName = null;
  const admin = () => mariadb.createConnection(withDatabase(url, '').replace(/^mysql:/, 'mariadb:'));
  const track = async (open) => { const adapter = await open(); opened.push(() => adapter.dispose()); return adapter; };
  return {
    provider: 'mysql',
    adapterName: live.adapterName,
    connect: () => track(() => live.connect()),
    connectToShadowDb: async () => {
      shadowName = `prisma_shadow_${randomBytes(6).toString('hex')}`;
      const connection = await admin();
      try { await connection.query(`CREATE DATABASE \`${shadowName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`); }
      finally { await connection.end(); }
      const name = shadowName;
      opened.push(async () => {
        const c = await admin();
        try { await c.query(`DROP DATABASE IF EXISTS \`${name}\``); } finally { await c.end(); }
      });
      return track(() => new PrismaMariaDb(withDatabase(url, name)).connect());
    },
  };
}
