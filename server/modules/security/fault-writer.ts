// A child process for the kill -9 test: opens the database named by its arguments, commits one
// row marked 'fault.committed', then inserts rows marked 'fault.partial' in one transaction that
// never commits, printing "ready" once many rows are in. The test kills it there.
//
// Usage: node fault-writer.ts (--data-dir DIR | --database-url URL)
import { sql } from 'kysely';
import { openDatabase } from '../../db/database.ts';

const [option, value] = process.argv.slice(2);
const handle = await openDatabase(option === '--database-url' ? { databaseUrl: value } : { dataDir: value });

await sql`insert into audit_log (action, entity_type) values ('fault.committed', 'fault')`.execute(handle.db);

await handle.db.transaction().execute(async (trx) => {
  for (let batch = 0; ; batch++) {
    await sql`
      insert into audit_log (action, entity_type, entity_id, detail)
      select 'fault.partial', 'fault', ${String(batch)}, jsonb_build_object('row', n, 'text', repeat('Dữ liệu dở dang ', 20))
      from generate_series(1, 500) as n
    `.execute(trx);
    if (batch === 20) process.stdout.write('ready\n');
    // Past "ready" the writer keeps the transaction busy until it is killed.
    if (batch > 20) await new Promise((resolve) => setTimeout(resolve, 20));
  }
});
