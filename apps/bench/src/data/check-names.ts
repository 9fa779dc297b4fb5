import type { Client } from 'pg';
import { PROJECT_SEARCH_SEPARATOR } from '@zs/db';
import { checkCreditCode, nameBigrams, normalizeCompanyName } from '@zs/domain';

/**
 * The name-derived columns were filled in SQL: check a sample against the app's own TypeScript
 * (`nameBigrams`, `normalizeCompanyName`, the credit-code check, the projects' search columns), so that `q` search and the duplicate check
 * see generated rows exactly as rows the app wrote. Returns the mismatches (empty when all agree).
 */
export async function checkNameColumns(client: Client, sample = 500): Promise<string[]> {
  const problems: string[] = [];
  const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');
  const projects = await client.query(
    `SELECT p.name, p.name_bigrams, p.search_bigrams, p.search_text, CASE WHEN c.deleted_at IS NULL THEN c.name END AS company_name
       FROM projects p TABLESAMPLE SYSTEM (5) JOIN companies c ON c.id = p.company_id LIMIT $1`,
    [sample],
  );
  for (const row of projects.rows) {
    if (!sameSet(row.name_bigrams, nameBigrams(row.name))) problems.push(`project "${row.name}": name_bigrams ${row.name_bigrams}`);
    // migration ProjectSearchColumns: both names' bigrams, and both names lower-cased around the separator
    const company: string = row.company_name ?? '';
    if (!sameSet(row.search_bigrams, [...new Set([...nameBigrams(row.name), ...(row.company_name === null ? [] : nameBigrams(company))])])) {
      problems.push(`project "${row.name}": search_bigrams ${row.search_bigrams}`);
    }
    if (row.search_text !== `${row.name.toLowerCase()}${PROJECT_SEARCH_SEPARATOR}${company.toLowerCase()}`) {
      problems.push(`project "${row.name}": search_text "${row.search_text}"`);
    }
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
