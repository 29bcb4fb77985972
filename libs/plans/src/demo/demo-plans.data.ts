import type { LifeDomain } from '../life-domains';

/** What households say they want, in their own words (synthetic). */
export const OWN_WORDS = [
  'Wij willen weer rust in ons hoofd over geld, zodat we niet bang zijn voor elke brief.',
  'Ik wil dat de kinderen weer met plezier naar school gaan en dat we samen kunnen eten zonder ruzie.',
  'Wij willen in dit huis kunnen blijven wonen en de huur elke maand op tijd betalen.',
  'Ik wil weer werk hebben, of in elk geval iets doen waar ik me nuttig bij voel.',
  'We willen dat oma langer thuis kan blijven wonen en dat wij het samen volhouden.',
  'Ik wil minder alleen zijn en mensen in de buurt hebben bij wie ik terecht kan.',
  'Wij willen dat het thuis veilig is, voor ons en voor de kinderen.',
  'We willen overzicht over onze rekeningen en elke maand een beetje kunnen sparen.',
];

/** Goals and actions per life domain, as a consulent would write them down with the household. */
export const GOAL_TEMPLATES: Record<
  LifeDomain,
  {
    goal: string;
    actions: { what: string; by: 'member' | 'professional' | 'organisation'; org?: string }[];
  }[]
> = {
  financien: [
    {
      goal: 'Wij hebben een betalingsregeling voor de achterstand bij de energieleverancier en houden ons eraan.',
      actions: [
        { what: 'Verzamelt alle brieven van de energieleverancier in één map.', by: 'member' },
        { what: 'Vraagt een betalingsregeling aan bij de energieleverancier.', by: 'professional' },
      ],
    },
    {
      goal: 'Wij hebben elke maand overzicht over inkomsten en vaste lasten.',
      actions: [
        { what: 'Maakt samen een maandbegroting.', by: 'professional' },
        { what: 'Houdt een kasboekje bij.', by: 'member' },
      ],
    },
    {
      goal: 'De schulden zijn in beeld en er loopt een traject bij de Kredietbank.',
      actions: [
        { what: 'Plant de intake schuldhulpverlening.', by: 'organisation', org: 'Kredietbank Limburg' },
      ],
    },
  ],
  wonen: [
    {
      goal: 'De huurachterstand is opgelost en wij kunnen in ons huis blijven wonen.',
      actions: [
        {
          what: 'Maakt een afspraak met de woningcorporatie over de achterstand.',
          by: 'organisation',
          org: 'Maasvallei',
        },
        { what: 'Betaalt de huur voortaan op de dag dat het loon binnenkomt.', by: 'member' },
      ],
    },
    {
      goal: 'Het huis is zo ingericht dat opa veilig de trap op en af kan.',
      actions: [{ what: 'Vraagt een trapleuning aan via de Wmo.', by: 'professional' }],
    },
  ],
  werk: [
    {
      goal: 'Ik heb drie ochtenden per week een vaste dagbesteding of vrijwilligerswerk.',
      actions: [
        { what: 'Bezoekt twee plekken voor vrijwilligerswerk in de wijk.', by: 'member' },
        { what: 'Meldt aan bij het re-integratietraject.', by: 'professional' },
      ],
    },
  ],
  opvoeden: [
    {
      goal: 'Er zijn vaste afspraken over bedtijden en schermtijd waar iedereen zich aan houdt.',
      actions: [{ what: 'Volgt de cursus positief opvoeden.', by: 'member' }],
    },
    {
      goal: 'De kinderen hebben een vaste oppas op de dagen dat mama werkt.',
      actions: [{ what: 'Vraagt buren en familie wie kan helpen.', by: 'member' }],
    },
  ],
  gezondheid: [
    {
      goal: 'Ik slaap beter en heb minder last van stress.',
      actions: [{ what: 'Maakt een afspraak bij de huisarts.', by: 'member' }],
    },
  ],
  'sociaal-netwerk': [
    {
      goal: 'Ik heb elke week contact met iemand uit de buurt.',
      actions: [{ what: 'Gaat mee naar de koffieochtend in het buurtcentrum.', by: 'member' }],
    },
  ],
  veiligheid: [
    {
      goal: 'Er is een veiligheidsplan dat iedereen in huis kent.',
      actions: [{ what: 'Stelt samen met het gezin een veiligheidsplan op.', by: 'professional' }],
    },
  ],
  onderwijs: [
    {
      goal: 'Noah gaat elke dag naar school en verzuimt niet meer.',
      actions: [
        { what: 'Heeft elke twee weken contact met de mentor.', by: 'member' },
        { what: 'Overlegt met de leerplichtambtenaar.', by: 'professional' },
      ],
    },
  ],
};

/** Internal notes for professionals (never in the family's PDF). */
export const INTERNAL_NOTES = [
  'Moeder vindt het lastig om over geld te praten; rustig opbouwen.',
  'Afstemmen met wijkagent voordat we dit met het gezin bespreken.',
  'Eerdere regeling liep vast door wisselend inkomen.',
];
