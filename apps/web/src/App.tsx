import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { SessionProvider, useSession } from './auth/session';
import { Layout } from './components/Layout';
import { Loading } from './components/status';
import { AnnouncerProvider } from './lib/announcer';
import { ReferenceProvider } from './lib/reference';
import { CreateHouseholdPage } from './pages/CreateHouseholdPage';
import { DossierPage } from './pages/DossierPage';
import { LoginPage } from './pages/LoginPage';
import { MonitorPage } from './pages/MonitorPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PlanPage } from './pages/PlanPage';
import { ReferPage } from './pages/ReferPage';
import { ReferralsPage } from './pages/ReferralsPage';
import { SearchPage } from './pages/SearchPage';
import { BudgetDecisionsPage } from './pages/BudgetDecisionsPage';
import { CaseloadPage } from './pages/CaseloadPage';
import { SignalPage } from './pages/SignalPage';
import { SignalsPage } from './pages/SignalsPage';
import { SpreekuurPage } from './pages/SpreekuurPage';
import { WorklistPage } from './pages/WorklistPage';
import { EditUserPage } from './pages/users/EditUserPage';
import { NewUserPage } from './pages/users/NewUserPage';
import { UsersPage } from './pages/users/UsersPage';

/** Pages behind the login: the session is restored silently first; without one, to the login page. */
function Protected({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <Loading>Uw sessie wordt geladen…</Loading>;
  if (status === 'anonymous') return <Navigate to="/inloggen" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

/** Reference data (municipalities, organisations, ...) once per signed-in user. */
function SessionScoped({ children }: { children: ReactNode }) {
  const { status, user } = useSession();
  if (status !== 'authenticated' || !user) return <>{children}</>;
  return <ReferenceProvider key={user.id}>{children}</ReferenceProvider>;
}

export function App() {
  return (
    <BrowserRouter>
      <AnnouncerProvider>
        <SessionProvider>
          <SessionScoped>
            <Layout>
              <Routes>
                <Route path="/inloggen" element={<LoginPage />} />
                <Route
                  path="/"
                  element={
                    <Protected>
                      <WorklistPage />
                    </Protected>
                  }
                />
                <Route
                  path="/monitor"
                  element={
                    <Protected>
                      <MonitorPage />
                    </Protected>
                  }
                />
                <Route
                  path="/zoeken"
                  element={
                    <Protected>
                      <SearchPage />
                    </Protected>
                  }
                />
                <Route
                  path="/huishoudens/nieuw"
                  element={
                    <Protected>
                      <CreateHouseholdPage />
                    </Protected>
                  }
                />
                <Route
                  path="/huishoudens/:id"
                  element={
                    <Protected>
                      <DossierPage />
                    </Protected>
                  }
                />
                <Route
                  path="/huishoudens/:id/plan"
                  element={
                    <Protected>
                      <PlanPage />
                    </Protected>
                  }
                />
                <Route
                  path="/huishoudens/:id/verwijzen"
                  element={
                    <Protected>
                      <ReferPage />
                    </Protected>
                  }
                />
                <Route
                  path="/verwijzingen"
                  element={
                    <Protected>
                      <ReferralsPage />
                    </Protected>
                  }
                />
                <Route
                  path="/spreekuur"
                  element={
                    <Protected>
                      <SpreekuurPage />
                    </Protected>
                  }
                />
                <Route
                  path="/signalen"
                  element={
                    <Protected>
                      <SignalsPage />
                    </Protected>
                  }
                />
                <Route
                  path="/signalen/:id"
                  element={
                    <Protected>
                      <SignalPage />
                    </Protected>
                  }
                />
                <Route
                  path="/besluiten"
                  element={
                    <Protected>
                      <BudgetDecisionsPage />
                    </Protected>
                  }
                />
                <Route
                  path="/caseload"
                  element={
                    <Protected>
                      <CaseloadPage />
                    </Protected>
                  }
                />
                <Route
                  path="/gebruikers"
                  element={
                    <Protected>
                      <UsersPage />
                    </Protected>
                  }
                />
                <Route
                  path="/gebruikers/nieuw"
                  element={
                    <Protected>
                      <NewUserPage />
                    </Protected>
                  }
                />
                <Route
                  path="/gebruikers/:id"
                  element={
                    <Protected>
                      <EditUserPage />
                    </Protected>
                  }
                />
                <Route path="*" element={<NotFoundPage />} />
              </Routes>
            </Layout>
          </SessionScoped>
        </SessionProvider>
      </AnnouncerProvider>
    </BrowserRouter>
  );
}
