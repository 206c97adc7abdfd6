import type { Kysely } from 'kysely';
import type { RecordDataInput } from '../../../common/schemas/record.ts';
import type { Database } from '../../db/schema.ts';
import { makePerson } from '../../test/factories.ts';
import { parseRecordData } from '../records/record-data.ts';
import { writeApprovedVersion } from '../records/records.repository.ts';

// Test data for the due lists and the exchange export: people with an approved record written
// straight into the records tables, as an approval would. Every value is generated.

export interface RecordPlace {
  agencyId: number;
  divisionId: number | null;
}

/** Builds a civil servant's record with the salary and birth fields a test sets. */
export function recordInput(
  place: RecordPlace,
  fields: {
    fullName: string;
    gender?: 'male' | 'female' | null;
    birthDate?: string | null;
    employmentType?: 'cadre' | 'civil_servant' | 'public_employee';
    salary?: NonNullable<RecordDataInput['salary']>;
    disciplines?: RecordDataInput['disciplines'];
    yearlyRatings?: RecordDataInput['yearlyRatings'];
  },
): RecordDataInput {
  return {
    identity: {
      fullName: fields.fullName,
      gender: fields.gender === undefined ? 'male' : fields.gender,
      birthDate: fields.birthDate === undefined ? '1985-06-15' : fields.birthDate,
      ethnicityCode: '01',
    },
    employment: {
      employmentType: fields.employmentType ?? 'civil_servant',
      agencyId: place.agencyId,
      divisionId: place.divisionId,
      positionName: 'Chuyên viên',
    },
    salary: fields.salary ?? {},
    disciplines: fields.disciplines ?? [],
    yearlyRatings: fields.yearlyRatings ?? [],
  };
}

/** Creates a person in the unit and writes `data` as their approved record. */
export async function personWithRecord(
  db: Kysely<Database>,
  place: RecordPlace,
  data: RecordDataInput,
  approvedBy: number | null = null,
) {
  const record = parseRecordData(data);
  const person = await makePerson(db, {
    fullName: record.identity.fullName,
    agencyId: place.agencyId,
    divisionId: place.divisionId,
    gender: record.identity.gender ?? 'male',
    birthDate: record.identity.birthDate ?? '1985-06-15',
  });
  const version = await db.transaction().execute((trx) =>
    writeApprovedVersion(trx, {
      personId: person.id,
      data: record,
      source: 'declaration',
      declarationId: null,
      approvedBy,
    }),
  );
  return { personId: person.id, versionNo: version.versionNo, data: record };
}
