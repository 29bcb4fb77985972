import { Page, PageFooter, PageHeader, Paragraph, SkipLink } from '@amsterdam/design-system-react';
import { type ReactNode, type SVGProps, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { ROLE_LABELS } from '../lib/labels';
import {
  canCreateHousehold,
  canDecideBudgets,
  canLogSpreekuur,
  canManageUsers,
  canReviewCases,
  canSearchHouseholds,
  canSeeMonitor,
  canSeeIncomingReferrals,
  canWorkSignals,
} from '../lib/permissions';
import { RouterLink } from './RouterLink';

function GezinsplanLogo(props: SVGProps<SVGSVGElement>) {
  return (
    <svg viewBox="0 0 32 32" role="img" width="40" height="40" {...props}>
      <rect width="32" height="32" rx="6" fill="#004699" />
      <path d="M16 6l9 7v13h-6v-7h-6v7H7V13z" fill="#fff" />
    </svg>
  );
}
const LOGO = { label: 'Gezinsplan', svg: GezinsplanLogo };

/** Skip link, banner with the main navigation, main landmark and footer: the frame of every page. */
export function Layout({ children }: { children: ReactNode }) {
  const { user, logout } = useSession();
  const location = useLocation();
  const interacted = useRef(false);

  // After navigation the user started, move the focus to the new page's heading (as a page load would).
  // Redirects on the first load leave the focus alone, so the skip link stays the first Tab stop.
  useEffect(() => {
    const mark = () => {
      interacted.current = true;
    };
    window.addEventListener('keydown', mark, { once: true });
    window.addEventListener('pointerdown', mark, { once: true });
    return () => {
      window.removeEventListener('keydown', mark);
      window.removeEventListener('pointerdown', mark);
    };
  }, []);
  useEffect(() => {
    if (interacted.current) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [location.pathname]);

  const item = (href: string, label: string) => {
    const current = href === '/' ? location.pathname === '/' : location.pathname.startsWith(href);
    return (
      <PageHeader.MenuLink
        key={href}
        href={href}
        linkComponent={RouterLink}
        fixed
        aria-current={current ? 'page' : undefined}
      >
        {label}
      </PageHeader.MenuLink>
    );
  };

  return (
    <Page className="gp-page">
      <SkipLink href="#main">Direct naar de inhoud</SkipLink>
      <PageHeader
        brandName="Gezinsplan"
        brandNameShort="Gezinsplan"
        logoBrand={LOGO}
        logoLink="/"
        logoLinkComponent={RouterLink}
        logoLinkTitle="Naar de werkvoorraad van Gezinsplan"
        navigationLabel="Hoofdmenu"
        menuItems={
          user && (
            <>
              {item('/', 'Werkvoorraad')}
              {canSearchHouseholds(user) && item('/zoeken', 'Zoeken')}
              {canCreateHousehold(user) && item('/huishoudens/nieuw', 'Nieuw huishouden')}
              {canSeeIncomingReferrals(user) && item('/verwijzingen', 'Verwijzingen')}
              {canLogSpreekuur(user) && item('/spreekuur', 'Spreekuur')}
              {canWorkSignals(user) && item('/signalen', 'Signalen')}
              {canReviewCases(user) && item('/caseload', 'Caseload')}
              {canDecideBudgets(user) && item('/besluiten', 'Besluiten')}
              {canSeeMonitor(user) && item('/monitor', 'Monitor')}
              {canManageUsers(user) && item('/gebruikers', 'Gebruikersbeheer')}
              <li className="ams-page-header__menu-item ams-page-header__menu-item--fixed gp-account">
                <span className="gp-account__name">
                  {user.displayName}
                  <span className="ams-visually-hidden">
                    , {user.roles.map((r) => ROLE_LABELS[r]).join(', ')}
                  </span>
                </span>
                <button
                  type="button"
                  className="ams-page-header__menu-link gp-link-button"
                  onClick={() => void logout()}
                >
                  Afmelden
                </button>
              </li>
            </>
          )
        }
      />
      <main id="main" tabIndex={-1} className="gp-main">
        {children}
      </main>
      <PageFooter>
        <PageFooter.Spotlight>
          <div className="gp-footer">
            <Paragraph color="inverse" size="small">
              Gezinsplan · 1 Gezin 1 Plan 1 Regisseur · Sociaal Domein Maastricht-Heuvelland
            </Paragraph>
          </div>
        </PageFooter.Spotlight>
      </PageFooter>
    </Page>
  );
}
