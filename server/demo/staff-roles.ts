import type { GrantedRole } from '../../common/roles.ts';
import { demoLoginEmail } from './demo-logins.ts';
import type { DemoOrgPlan, PlannedAgency } from './org-plan.ts';
import { PROVINCE_AGENCIES } from './province-agencies.ts';
import type { SeededPerson } from './seed-context.ts';

// Who gets which role in the demo province. Every agency gets one unit admin from its office
// and one or two approvers from its leadership, so that no agency is left without an approver
// and a large agency has a second approver for the first one's own declaration. The demo
// logins are four of these people with easy e-mail addresses.

/** Agencies with at least this many people get a second approver. */
export const SECOND_APPROVER_HEADCOUNT = 100;

const HOME_AFFAIRS_CODE = PROVINCE_AGENCIES['Sở Nội vụ']!.code;
const JUSTICE_CODE = PROVINCE_AGENCIES['Sở Tư pháp']!.code;
/** Phòng Tổ chức, biên chế và tổ chức phi chính phủ of Sở Nội vụ, which runs the organisation tree. */
const PROVINCE_ADMIN_DIVISION_CODE = `${HOME_AFFAIRS_CODE}011`;
/** Phòng Kiểm soát thủ tục hành chính of Sở Tư pháp. */
const DEMO_PERSON_DIVISION_CODE = `${JUSTICE_CODE}011`;

export interface StaffGrant {
  person: SeededPerson;
  role: GrantedRole;
  unitCode: string;
}

export interface StaffRoles {
  grants: StaffGrant[];
  /** The stable e-mail of each demo login, by person id. */
  demoEmails: Map<number, string>;
}

function firstOfCategory(
  agency: PlannedAgency,
  category: 'office' | 'leadership',
  byDivision: Map<string, SeededPerson[]>,
): SeededPerson[] {
  const division = agency.divisions.find((item) => item.category === category);
  const people = division ? (byDivision.get(division.code) ?? []) : [];
  if (people.length === 0) {
    throw new Error(
      `Agency ${agency.code} has no people in its ${category} division, so it gets no unit admin or approver.`,
    );
  }
  return people;
}

export function chooseStaffRoles(plan: DemoOrgPlan, people: readonly SeededPerson[]): StaffRoles {
  const byDivision = new Map<string, SeededPerson[]>();
  const headcount = new Map<string, number>();
  for (const person of people) {
    const list = byDivision.get(person.divisionCode) ?? [];
    list.push(person);
    byDivision.set(person.divisionCode, list);
    headcount.set(person.agencyCode, (headcount.get(person.agencyCode) ?? 0) + 1);
  }

  const grants: StaffGrant[] = [];
  const demoEmails = new Map<number, string>();

  for (const agency of plan.agencies) {
    const admin = firstOfCategory(agency, 'office', byDivision)[0]!;
    grants.push({ person: admin, role: 'unit_admin', unitCode: agency.code });

    const approverCount = (headcount.get(agency.code) ?? 0) >= SECOND_APPROVER_HEADCOUNT ? 2 : 1;
    const approvers = firstOfCategory(agency, 'leadership', byDivision).slice(0, approverCount);
    for (const approver of approvers)
      grants.push({ person: approver, role: 'approver', unitCode: agency.code });

    if (agency.code === JUSTICE_CODE) {
      demoEmails.set(admin.id, demoLoginEmail('unit_admin'));
      demoEmails.set(approvers[0]!.id, demoLoginEmail('approver'));
    }
  }

  const provinceAdmin = byDivision.get(PROVINCE_ADMIN_DIVISION_CODE)?.[0];
  const demoPerson = byDivision.get(DEMO_PERSON_DIVISION_CODE)?.[0];
  if (!provinceAdmin || !demoPerson) {
    throw new Error(
      `Divisions ${PROVINCE_ADMIN_DIVISION_CODE} and ${DEMO_PERSON_DIVISION_CODE} need people for the demo logins.`,
    );
  }
  grants.push({ person: provinceAdmin, role: 'province_admin', unitCode: plan.province.code });
  demoEmails.set(provinceAdmin.id, demoLoginEmail('province_admin'));
  demoEmails.set(demoPerson.id, demoLoginEmail('person'));

  return { grants, demoEmails };
}
