import type { MemberRelation } from '../api/types';
import { today } from '../lib/format';
import { RELATION_LABELS } from '../lib/labels';
import { DateField, SelectField, TextField } from './fields';

/** A household member as typed in: a new person (BSN, names, birth date) and their place in the household. */
export interface MemberDraft {
  bsn: string;
  givenNames: string;
  familyNamePrefix: string;
  familyName: string;
  birthDate: string;
  relation: MemberRelation;
  joinedOn: string;
}

export const MEMBER_LABELS: Record<keyof MemberDraft, string> = {
  bsn: 'BSN',
  givenNames: 'Voornamen',
  familyNamePrefix: 'Tussenvoegsel',
  familyName: 'Achternaam',
  birthDate: 'Geboortedatum',
  relation: 'Relatie',
  joinedOn: 'Lid sinds',
};

export const newMember = (relation: MemberRelation): MemberDraft => ({
  bsn: '',
  givenNames: '',
  familyNamePrefix: '',
  familyName: '',
  birthDate: '',
  relation,
  joinedOn: today(),
});

/** The checks before sending, per field of one member. */
export function memberErrors(member: MemberDraft): Partial<Record<keyof MemberDraft, string>> {
  const errors: Partial<Record<keyof MemberDraft, string>> = {};
  if (!/^\d{9}$/.test(member.bsn.trim())) errors.bsn = 'Een BSN heeft 9 cijfers.';
  if (!member.givenNames.trim()) errors.givenNames = 'Vul de voornamen in.';
  if (!member.familyName.trim()) errors.familyName = 'Vul de achternaam in.';
  if (!member.birthDate) errors.birthDate = 'Vul de geboortedatum in.';
  if (!member.joinedOn) errors.joinedOn = 'Vul in sinds wanneer dit gezinslid hier woont.';
  return errors;
}

/** The person as the API takes it (libs/households NewPersonDto). */
export function personBody(m: MemberDraft) {
  return {
    bsn: m.bsn.trim(),
    givenNames: m.givenNames.trim(),
    ...(m.familyNamePrefix.trim() ? { familyNamePrefix: m.familyNamePrefix.trim() } : {}),
    familyName: m.familyName.trim(),
    birthDate: m.birthDate,
  };
}

/** The fields of one member, used where a household is created and where a member is added. */
export function MemberFields({
  idOf,
  member,
  onChange,
  errorOf,
}: {
  idOf: (field: keyof MemberDraft) => string;
  member: MemberDraft;
  onChange: (field: keyof MemberDraft, value: string) => void;
  errorOf: (field: keyof MemberDraft) => string | undefined;
}) {
  const props = (field: keyof MemberDraft) => ({
    id: idOf(field),
    label: MEMBER_LABELS[field],
    value: member[field],
    onChange: (value: string) => onChange(field, value),
    error: errorOf(field),
  });
  return (
    <>
      <TextField {...props('bsn')} inputMode="numeric" autoComplete="off" maxLength={9} />
      <TextField {...props('givenNames')} autoComplete="off" />
      <TextField {...props('familyNamePrefix')} optional autoComplete="off" />
      <TextField {...props('familyName')} autoComplete="off" />
      <DateField {...props('birthDate')} max={today()} />
      <SelectField
        {...props('relation')}
        options={Object.entries(RELATION_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <DateField {...props('joinedOn')} />
    </>
  );
}
