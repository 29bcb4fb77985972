import { Heading } from '@amsterdam/design-system-react';
import { api } from '../../api/client';
import {
  MEMBER_LABELS,
  type MemberDraft,
  MemberFields,
  memberErrors,
  newMember,
  personBody,
} from '../../components/MemberFields';
import { FormErrors } from '../../components/problems';
import { useAnnounce } from '../../lib/announcer';
import { useForm } from '../../lib/use-form';
import { FormActions } from '../../components/FormActions';

/** A new person joins the household (libs/households POST members). */
export function AddMemberForm({
  householdId,
  onDone,
  onCancel,
}: {
  householdId: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const announce = useAnnounce();
  const form = useForm<MemberDraft>({
    draftKey: `member:${householdId}`,
    idPrefix: 'member',
    labels: MEMBER_LABELS,
    initial: newMember('child'),
    // The API names the person's fields person.bsn, person.givenNames, ...
    fieldOf: (f) => (f.startsWith('person.') ? (f.slice(7) as keyof MemberDraft) : undefined),
    validate: memberErrors,
    submit: async (m) => {
      await api.post(`/households/${householdId}/members`, {
        relation: m.relation,
        joinedOn: m.joinedOn,
        person: personBody(m),
      });
      announce(`${m.givenNames.trim()} ${m.familyName.trim()} is toegevoegd aan het huishouden.`);
      onDone();
    },
  });
  return (
    <form
      onSubmit={(e) => void form.onSubmit(e)}
      noValidate
      className="gp-form gp-inline-form"
      aria-labelledby="add-member-heading"
    >
      <Heading level={3} size="level-4" id="add-member-heading">
        Gezinslid toevoegen
      </Heading>
      <FormErrors summary={form.summary} problem={form.problem} headingLevel={4} />
      <MemberFields
        idOf={(field) => `member-${field}`}
        member={form.draft}
        onChange={(field, value) => form.setDraft((d) => ({ ...d, [field]: value }))}
        errorOf={(field) => form.errors[field]}
      />
      <FormActions form={form} label="Gezinslid opslaan" busyLabel="Bezig met opslaan…" onCancel={onCancel} />
    </form>
  );
}
