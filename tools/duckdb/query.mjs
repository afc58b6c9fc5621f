// query.mjs runs SQL statements with DuckDB (one in-memory database) and
// prints the result of each to stdout as one line: a JSON array of objects,
// one per row, with column names as keys. BIGINT and HUGEINT values are
// printed as JSON numbers when they are safe integers and as strings
// otherwise; DOUBLE as numbers; NULL as null.
//
//	node query.mjs "SELECT 42 AS answer"
//	node query.mjs "SELECT 1 AS a" "SELECT 2 AS b"     two lines
//	echo "SELECT 42 AS answer" | node query.mjs -
//
// The twintrack export tests use it to read Parquet data sets with an
// engine that shares no code with twintrack; several statements in one
// call spare them a Node start each.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const args = process.argv.slice(2);
if (args.length === 0) {
  process.stderr.write('usage: node query.mjs SQL... | -\n');
  process.exit(2);
}
const statements = args.map((a) => (a === '-' ? readFileSync(0, 'utf8') : a));

function plain(v) {
  if (typeof v === 'bigint') {
    return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  }
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

try {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const sql of statements) {
    const reader = await connection.runAndReadAll(sql);
    const rows = reader.getRowObjectsJS().map((row) => {
      const out = {};
      for (const [k, v] of Object.entries(row)) out[k] = plain(v);
      return out;
    });
    process.stdout.write(JSON.stringify(rows) + '\n');
  }
} catch (err) {
  process.stderr.write(`duckdb: ${err.message}\n`);
  process.exit(1);
}
