import { startEmbeddedPostgres, openDatabase } from '@nanum/db'
import { sql } from 'drizzle-orm'
const pg = await startEmbeddedPostgres()
const a = openDatabase({ url: pg.url, schema: 'public' })
const b = openDatabase({ url: pg.url, schema: 'public' })
let failures = 0
for (let i = 0; i < 50; i++) {
  const results = await Promise.allSettled([
    a.db.execute(sql`select ${1}::int + ${2}::int + ${3}::int as n`),
    b.db.execute(sql`select ${'x'}::text as t`),
  ])
  for (const r of results) if (r.status === 'rejected') { failures++; if (failures === 1) console.log(String((r.reason as any).cause ?? r.reason)) }
}
console.log('failures', failures, 'of 100')
await a.close(); await b.close(); await pg.stop()
