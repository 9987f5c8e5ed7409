// Replicate N documents from a local PouchDB to pouchdb-server (express-pouchdb) on
// loopback and print {"docs": N, "seconds": S} on stdout. Input: a JSON-lines file with one
// document per line (bench/sync_bench.py writes the same cases it pushes to the district).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const express = require('express');
const PouchDB = require('pouchdb-node');

async function main() {
  const [docsFile] = process.argv.slice(2);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-pouch-'));
  const ServerPouch = PouchDB.defaults({ prefix: path.join(work, 'server-') });
  const app = express();
  app.use('/', require('express-pouchdb')(ServerPouch, {
    mode: 'minimumForPouchDB', logPath: path.join(work, 'log.txt'),
    configPath: path.join(work, 'config.json'),
  }));
  const server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = server.address().port;
  const local = new PouchDB(path.join(work, 'local'));
  const docs = fs.readFileSync(docsFile, 'utf8').split('\n').filter(Boolean).map(JSON.parse);
  for (let i = 0; i < docs.length; i += 1000) {
    await local.bulkDocs(docs.slice(i, i + 1000));
  }
  const started = process.hrtime.bigint();
  const result = await local.replicate.to(`http://127.0.0.1:${port}/cases`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const remote = new PouchDB(`http://127.0.0.1:${port}/cases`);
  const info = await remote.info();
  console.log(JSON.stringify({ docs: docs.length, written: result.docs_written,
                               remote_count: info.doc_count, seconds }));
  server.close();
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

main().catch((err) => { console.error(err && err.stack || String(err)); process.exit(1); });
