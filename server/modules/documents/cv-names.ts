import type { Kysely } from 'kysely';
import type { CatalogName } from '../../../common/schemas/catalogs.ts';
import type { Address, RecordData } from '../../../common/schemas/record.ts';
import type { Database } from '../../db/schema.ts';
import { findCatalogEntry, findEthnicGroup, listCatalog } from '../catalogs/catalogs.lookup.ts';
import type { CvNames } from './cv-model.ts';
import { joinNonEmpty } from './cv-model.ts';

// Resolves the codes of a record into the names printed on the CV. A code that has since ended
// still prints its name, and an unknown code prints as itself rather than disappearing.

async function nameOf(
  db: Kysely<Database>,
  catalog: CatalogName,
  code: string | null | undefined,
  onDate: string,
  fallback: string | null | undefined = code,
): Promise<string | null> {
  if (!code) return null;
  const current = await findCatalogEntry(db, catalog, code, onDate);
  if (current) return current.name;
  const periods = await listCatalog(db, catalog, { onDate, q: code, includeEnded: true });
  return periods.filter((entry) => entry.code === code).at(-1)?.name ?? fallback ?? null;
}

async function addressOf(
  db: Kysely<Database>,
  address: Address | null | undefined,
  onDate: string,
): Promise<string | null> {
  if (!address) return null;
  const commune = await nameOf(db, 'communes', address.communeCode, onDate);
  const province = await nameOf(db, 'provinces', address.provinceCode, onDate);
  return joinNonEmpty([address.detail, commune, province]) || null;
}

async function unitName(db: Kysely<Database>, unitId: number | null | undefined): Promise<string | null> {
  if (!unitId) return null;
  const row = await db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst();
  return row?.name ?? null;
}

export async function resolveCvNames(
  db: Kysely<Database>,
  data: RecordData,
  onDate: string,
): Promise<CvNames> {
  const { identity, education, salary, places, employment } = data;
  const ethnicity = identity.ethnicityCode
    ? ((
        await findEthnicGroup(
          db,
          identity.ethnicityCode,
          identity.ethnicityCodeSystem ?? 'qd1019_2008',
          onDate,
        )
      )?.name ?? identity.ethnicityCode)
    : null;

  const languageLevels: Record<string, string> = {};
  for (const language of education.foreignLanguages) {
    if (language.levelCode)
      languageLevels[language.levelCode] =
        (await nameOf(db, 'foreign_languages', language.levelCode, onDate)) ?? language.levelCode;
  }

  const rankCatalog: CatalogName =
    salary.rankKind === 'professional_title' ? 'professional_titles' : 'grades';
  return {
    ethnicity,
    religion: await nameOf(db, 'religions', identity.religionCode, onDate),
    generalEducation: await nameOf(db, 'general_education', education.generalEducationCode, onDate),
    professionalLevel: await nameOf(db, 'professional_levels', education.professionalLevelCode, onDate),
    academicTitle: await nameOf(db, 'academic_titles', education.academicTitleCode, onDate),
    politicalTheory: await nameOf(db, 'political_theory', education.politicalTheoryCode, onDate),
    stateManagement: await nameOf(db, 'state_management', education.stateManagementCode, onDate),
    itLevel: await nameOf(db, 'it_skills', education.itLevelCode, onDate),
    rank: await nameOf(db, rankCatalog, salary.rankCode, onDate, salary.rankName ?? salary.rankCode),
    languageLevels,
    birthPlace: await addressOf(db, places.birthPlace, onDate),
    hometown: await addressOf(db, places.hometown, onDate),
    permanentResidence: await addressOf(db, places.permanentResidence, onDate),
    currentResidence: await addressOf(db, places.currentResidence, onDate),
    agency: await unitName(db, employment.agencyId),
    division: await unitName(db, employment.divisionId),
  };
}
