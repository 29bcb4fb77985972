import { api } from '../../api/client';
import type { Member } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateField } from '../../components/fields';
import { FormErrors } from '../../components/problems';
import { useAnnounce } from '../../lib/announcer';
import { fullName, today } from '../../lib/format';
import { useForm } from '../../lib/use-form';

/** Records that a member left the household, after confirming: it ends their place in the dossier. */
export function EndMembershipDialog({
  householdId,
  member,
  onClose,
  onEnded,
}: {
  householdId: string;
  member: Member | null;
  onClose: () => void;
  onEnded: () => void;
}) {
  const announce = useAnnounce();
  const name = member?.person ? fullName(member.person) : '';
  const form = useForm<{ leftOn: string }>({
    draftKey: `member-end:${member?.id ?? 'none'}`,
    idPrefix: 'member-end',
    labels: { leftOn: 'Vertrokken op' },
    initial: { leftOn: today() },
    validate: (d) => (d.leftOn ? {} : { leftOn: 'Vul de datum van vertrek in.' }),
    submit: async (d) => {
      await api.post(`/households/${householdId}/members/${member!.id}/end`, { leftOn: d.leftOn });
      announce(`${name} staat nu als vertrokken in het dossier.`);
      onEnded();
    },
  });
  return (
    <ConfirmDialog
      open={member !== null}
      heading={`${name} uitschrijven?`}
      confirmLabel="Ja, schrijf uit"
      busy={form.busy}
      onConfirm={() => void form.onSubmit()}
      onCancel={onClose}
    >
      <FormErrors summary={form.summary} problem={form.problem} headingLevel={3} />
      <p>{name} hoort daarna niet meer bij dit huishouden. Wat al is vastgelegd blijft bewaard.</p>
      <DateField {...form.field('leftOn')} max={today()} />
    </ConfirmDialog>
  );
}
