import { ActionGroup, Button, Heading } from '@amsterdam/design-system-react';
import { api } from '../../api/client';
import type { Household } from '../../api/types';
import {
  CheckboxField,
  CheckboxGroupField,
  DateField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/fields';
import { FormErrors } from '../../components/problems';
import { useAnnounce } from '../../lib/announcer';
import { today } from '../../lib/format';
import {
  CONSENT_METHOD_OPTIONS,
  CONTACT_REFERRAL_LABELS,
  LINK_BASIS_LABELS,
  options,
  TOPIC_LABELS,
} from '../../lib/outreach-labels';
import { useReference } from '../../lib/reference';
import { useForm } from '../../lib/use-form';
import { HouseholdPicker } from './HouseholdPicker';

export interface MyLocation {
  wijkservicepuntId: string;
  wijkservicepunt: string;
  isPrimary: boolean;
}

type LinkedHousehold = Pick<Household, 'id' | 'street' | 'houseNumber' | 'postcode' | 'city'>;

interface ContactDraft {
  wijkservicepuntId: string;
  contactAt: string;
  topics: string[];
  note: string;
  followUpOn: string;
  linking: boolean;
  household: LinkedHousehold | null;
  basis: string;
  consentGivenOn: string;
  consentMethod: string;
  referralTo: string;
  referralOrganisationId: string;
  referralOther: string;
}

const LABELS: Record<keyof ContactDraft, string> = {
  wijkservicepuntId: 'Locatie',
  contactAt: 'Tijdstip',
  topics: 'Onderwerpen',
  note: 'Notitie',
  followUpOn: 'Opvolgen op',
  linking: 'Koppelen aan een huishouden',
  household: 'Huishouden',
  basis: 'Grondslag voor het koppelen',
  consentGivenOn: 'Toestemming gegeven op',
  consentMethod: 'Hoe is de toestemming gegeven',
  referralTo: 'Verwezen naar',
  referralOrganisationId: 'Welk sociaal team',
  referralOther: 'Naam van de organisatie',
};

/** The API's nested error fields (link.*, referral.*) on the form's own fields. */
const API_FIELDS: Record<string, keyof ContactDraft> = {
  'link.householdId': 'household',
  'link.basis': 'basis',
  'link.consentGivenOn': 'consentGivenOn',
  'link.consentMethod': 'consentMethod',
  'link.legalBasis': 'basis',
  'referral.to': 'referralTo',
  'referral.organisationId': 'referralOrganisationId',
  'referral.other': 'referralOther',
};

/** Now, to the minute, as a datetime-local value in the browser's time zone. */
function nowLocal() {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${date}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Logging a walk-in contact in a few taps: location (my vaste locatie) and time (now) are filled in,
 * so an anonymous visit is one topic and "Contact vastleggen". Linking to a household, the legal basis
 * for that, a referral and a follow-up date are there when needed.
 */
export function ContactForm({ locations, onSaved }: { locations: MyLocation[]; onSaved: () => void }) {
  const announce = useAnnounce();
  const reference = useReference();
  const primary = locations.find((l) => l.isPrimary) ?? locations[0];
  const form = useForm<ContactDraft>({
    draftKey: 'spreekuur-contact',
    idPrefix: 'contact',
    labels: LABELS,
    initial: {
      wijkservicepuntId: primary?.wijkservicepuntId ?? '',
      contactAt: nowLocal(),
      topics: [],
      note: '',
      followUpOn: '',
      linking: false,
      household: null,
      basis: 'publieke-taak',
      consentGivenOn: today(),
      consentMethod: '',
      referralTo: '',
      referralOrganisationId: '',
      referralOther: '',
    },
    fieldOf: (f) => API_FIELDS[f],
    validate: (d) => ({
      ...(d.wijkservicepuntId ? {} : { wijkservicepuntId: 'Kies de locatie van het spreekuur.' }),
      ...(d.contactAt ? {} : { contactAt: 'Vul het tijdstip van het contact in.' }),
      ...(d.topics.length ? {} : { topics: 'Kies minstens één onderwerp.' }),
      ...(d.linking && !d.household ? { household: 'Zoek en kies het huishouden, of koppel niet.' } : {}),
      ...(d.household && d.basis === 'toestemming' && !d.consentMethod
        ? { consentMethod: 'Kies hoe de toestemming is gegeven.' }
        : {}),
      ...(d.referralTo === 'sociaal-team' && !d.referralOrganisationId
        ? { referralOrganisationId: 'Kies het sociaal team.' }
        : {}),
      ...(d.referralTo === 'other' && !d.referralOther.trim()
        ? { referralOther: 'Vul in naar welke organisatie.' }
        : {}),
    }),
    submit: async (d) => {
      await api.post('/outreach/spreekuur/contacts', {
        wijkservicepuntId: d.wijkservicepuntId,
        contactAt: new Date(d.contactAt).toISOString(),
        topics: d.topics,
        ...(d.note.trim() ? { note: d.note.trim() } : {}),
        ...(d.followUpOn ? { followUpOn: d.followUpOn } : {}),
        ...(d.linking && d.household
          ? {
              link: {
                householdId: d.household.id,
                basis: d.basis,
                ...(d.basis === 'toestemming'
                  ? { consentGivenOn: d.consentGivenOn, consentMethod: d.consentMethod }
                  : {}),
              },
            }
          : {}),
        ...(d.referralTo
          ? {
              referral: {
                to: d.referralTo,
                ...(d.referralTo === 'sociaal-team' ? { organisationId: d.referralOrganisationId } : {}),
                ...(d.referralTo === 'other' ? { other: d.referralOther.trim() } : {}),
              },
            }
          : {}),
      });
      announce(d.linking && d.household ? 'Contact vastgelegd en gekoppeld.' : 'Anoniem contact vastgelegd.');
      onSaved();
    },
  });
  const { draft, field, set } = form;
  const socialTeams = reference.organisations.filter((o) => o.kind === 'sociaal-team');

  return (
    <form
      onSubmit={(e) => void form.onSubmit(e)}
      noValidate
      className="gp-form"
      aria-labelledby="contact-form-heading"
    >
      <Heading level={2} size="level-3" id="contact-form-heading">
        Contact vastleggen
      </Heading>
      <FormErrors summary={form.summary} problem={form.problem} />
      <CheckboxGroupField
        id="contact-topics"
        legend={LABELS.topics}
        options={options(TOPIC_LABELS)}
        value={draft.topics}
        onChange={set('topics')}
        error={form.errors.topics}
      />
      <SelectField
        {...field('wijkservicepuntId')}
        placeholder={primary ? undefined : 'Kies een wijkservicepunt'}
        options={locations.map((l) => ({
          value: l.wijkservicepuntId,
          label: l.isPrimary ? `${l.wijkservicepunt} (mijn vaste locatie)` : l.wijkservicepunt,
        }))}
      />
      <DateField
        {...field('contactAt')}
        type="datetime-local"
        hint="Nu ingevuld; pas aan als het eerder was."
      />
      <CheckboxField
        id="contact-linking"
        label="Koppelen aan een huishouden (niet anoniem)"
        checked={draft.linking}
        onChange={set('linking')}
      />
      {draft.linking && (
        <div className="gp-form gp-inline-form">
          <HouseholdPicker picked={draft.household} onPick={set('household')} error={form.errors.household} />
          {draft.household && (
            <>
              <SelectField {...field('basis')} options={options(LINK_BASIS_LABELS)} />
              {draft.basis === 'toestemming' && (
                <>
                  <DateField {...field('consentGivenOn')} max={today()} />
                  <SelectField
                    {...field('consentMethod')}
                    placeholder="Kies hoe"
                    options={CONSENT_METHOD_OPTIONS}
                  />
                </>
              )}
            </>
          )}
        </div>
      )}
      <SelectField
        {...field('referralTo')}
        optional
        placeholder="Niet verwezen"
        options={options(CONTACT_REFERRAL_LABELS)}
      />
      {draft.referralTo === 'sociaal-team' && (
        <SelectField
          {...field('referralOrganisationId')}
          placeholder="Kies het sociaal team"
          options={socialTeams.map((o) => ({ value: o.id, label: o.name }))}
        />
      )}
      {draft.referralTo === 'other' && <TextField {...field('referralOther')} maxLength={100} />}
      <DateField {...field('followUpOn')} optional min={today()} />
      <TextAreaField {...field('note')} optional hint="Kort, zonder namen of BSN." rows={2} maxLength={500} />
      <ActionGroup>
        <Button type="submit" disabled={form.busy}>
          {form.busy ? 'Bezig met opslaan…' : 'Contact vastleggen'}
        </Button>
        <Button type="button" variant="secondary" onClick={form.reset}>
          Leegmaken
        </Button>
      </ActionGroup>
    </form>
  );
}
