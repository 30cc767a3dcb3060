import cvxTable from '../../../../resources/cvx/cvx.json';
import type { CvxVaccine } from '../../../../shared/domain/immunization';
import { CVX_STATUSES } from '../../../../shared/domain/immunization';

/**
 * CDC's CVX code set (resources/cvx/SOURCE.md: CDC NCIRD, US public domain), bundled into the core at
 * build time like resources/passwords, and indexed once, on first use (290 codes).
 */
interface CvxRow {
  code: string;
  short: string;
  full: string;
  notes: string;
  status: string;
  nonVaccine: boolean;
  updated: string;
}

export interface CvxEntry extends CvxVaccine {
  /** Why this code cannot be recorded at all, or null. */
  refusal: 'not-a-dose' | 'never-used' | null;
  /** Lower-case words searched: the code and both names. */
  searchText: string;
}

/**
 * Codes that name no dose of anything (CDC's notes): 99 is reserved and never used, 998 "no vaccine
 * administered" exists only to say a dose was not given. "Never Active" codes were never in use.
 */
const NOT_A_DOSE = new Set(['99', '998']);

let byCode: ReadonlyMap<string, CvxEntry> | null = null;

function table(): ReadonlyMap<string, CvxEntry> {
  if (byCode) return byCode;
  const map = new Map<string, CvxEntry>();
  for (const row of cvxTable as CvxRow[]) {
    const status = (CVX_STATUSES as readonly string[]).includes(row.status)
      ? (row.status as CvxEntry['status'])
      : 'Inactive';
    map.set(row.code, {
      code: row.code,
      shortName: row.short,
      fullName: row.full,
      status,
      // Inactive: no longer made or used in the US, so only a dose given long ago or elsewhere is recorded.
      historicalOnly: status === 'Inactive',
      refusal: NOT_A_DOSE.has(row.code) ? 'not-a-dose' : status === 'Never Active' ? 'never-used' : null,
      searchText: `${row.code} ${row.short} ${row.full}`.toLowerCase(),
    });
  }
  byCode = map;
  return map;
}

/** The entry for a code as typed ("8" and "08" are both CVX 08), or undefined. */
export function cvxEntry(code: string): CvxEntry | undefined {
  const trimmed = code.trim();
  const map = table();
  return map.get(trimmed) ?? (/^\d$/.test(trimmed) ? map.get(`0${trimmed}`) : undefined);
}

const STATUS_ORDER: Record<CvxEntry['status'], number> = { Active: 0, 'Non-US': 1, Inactive: 2, 'Never Active': 3 };

/**
 * Vaccines whose code starts with the text, or whose names contain every word of it; codes that
 * may be recorded, active ones first. An exact code comes first.
 */
export function searchCvx(text: string, limit: number): CvxVaccine[] {
  const query = text.trim().toLowerCase();
  const words = query.split(/[\s,]+/u).filter(Boolean);
  const found = [...table().values()].filter(
    (e) =>
      e.refusal === null &&
      (e.code.startsWith(query) || (words.length > 0 && words.every((w) => e.searchText.includes(w)))),
  );
  found.sort(
    (a, b) =>
      Number(b.code === query) - Number(a.code === query) ||
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      a.shortName.localeCompare(b.shortName),
  );
  return found.slice(0, limit).map(({ code, shortName, fullName, status, historicalOnly }) => ({
    code,
    shortName,
    fullName,
    status,
    historicalOnly,
  }));
}
