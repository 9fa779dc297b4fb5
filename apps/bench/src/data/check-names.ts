import type { Client } from 'pg';
import { checkCreditCode, nameBigrams, normalizeCompanyName } from '@zs/domain';

/**
 * The name-derived columns were filled in SQL: check a sample against the app's own TypeScript
 * (`nameBigrams`, `normalizeCompanyName`, the credit-code check), so that `q` search and the duplicate check
 * see generated rows exactly as rows the app wrote. Returns the mismatches (empty when all agree).
 */
export async function checkNameColumns(client: Client, sample = 500): Promise<string[]> {
  const problems: string[] = [];
  const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');
  const projects = await client.query(`SELECT name, name_bigrams FROM projects TABLESAMPLE SYSTEM (5) LIMIT $1`, [sample]);
  for (const row of projects.rows) {
    if (!sameSet(row.name_bigrams, nameBigrams(row.name))) problems.push(`project "${row.name}": name_bigrams ${row.name_bigrams}`);
  }
  const companies = await client.query(`SELECT name, name_norm, name_bigrams, credit_code FROM companies TABLESAMPLE SYSTEM (5) LIMIT $1`, [sample]);
  for (const row of companies.rows) {
    if (!sameSet(row.name_bigrams, nameBigrams(row.name))) problems.push(`company "${row.name}": name_bigrams ${row.name_bigrams}`);
    if (row.name_norm !== normalizeCompanyName(row.name).slice(0, 200)) problems.push(`company "${row.name}": name_norm "${row.name_norm}"`);
    if (row.credit_code && !checkCreditCode(row.credit_code).valid) problems.push(`company "${row.name}": credit code ${row.credit_code}`);
  }
  const leads = await client.query(`SELECT title, company_name, company_name_norm, name_bigrams FROM leads TABLESAMPLE SYSTEM (5) LIMIT $1`, [sample]);
  for (const row of leads.rows) {
    const expected = [...new Set([...nameBigrams(row.title), ...nameBigrams(row.company_name)])];
    if (!sameSet(row.name_bigrams, expected)) problems.push(`lead "${row.title}": name_bigrams ${row.name_bigrams}`);
    if (row.company_name_norm !== normalizeCompanyName(row.company_name).slice(0, 200)) problems.push(`lead "${row.title}": company_name_norm "${row.company_name_norm}"`);
  }
  return problems;
}
