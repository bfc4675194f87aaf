import { Button, Link, Paragraph, SkipLink, Spinner } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useState } from 'react';
import { api, configureApi } from './api/client';
import { LoginPage, roleName, type ClientConfig } from './auth/login-page';
import { finishOidcLogin, isOidcCallback } from './auth/oidc';
import { clearSession, loadSession, saveToken, type Role, type Session } from './auth/session';
import { Page } from './components/page';
import { ProblemAlert } from './components/problem-alert';
import { AuditorPage } from './pages/auditor-page';
import { FinancePage } from './pages/finance-page';
import { LeadPage } from './pages/lead-page';
import { RepresentativePage } from './pages/representative-page';
import { go, href, useRoute } from './router';

/** The areas of the client, each for the roles that may use it. */
const AREAS: Array<{ path: string; title: string; roles: Role[] }> = [
  { path: 'prosjekter', title: 'Mine prosjekter', roles: ['project-lead', 'admin'] },
  { path: 'okonomi', title: 'Utbetaling', roles: ['finance'] },
  { path: 'revisjon', title: 'Revisjon', roles: ['auditor', 'admin'] },
  { path: 'mine-sider', title: 'Mine sider', roles: ['representative'] },
];

export function App() {
  const [config, setConfig] = useState<ClientConfig | null>(null);
  const [session, setSession] = useState<Session | null>(loadSession);
  const [error, setError] = useState<unknown>(null);
  const route = useRoute();

  const logOut = useCallback(() => {
    clearSession();
    setSession(null);
    go('logg-inn');
  }, []);
  useEffect(() => configureApi(() => loadSession()?.token ?? null, logOut), [logOut]);

  const acceptToken = useCallback((token: string) => {
    const next = saveToken(token);
    setSession(next);
    const area = AREAS.find((a) => next?.roles.some((r) => a.roles.includes(r)));
    go(area?.path ?? '');
  }, []);

  useEffect(() => {
    api
      .get<ClientConfig>('/web-client/config')
      .then(async (loaded) => {
        setConfig(loaded);
        if (loaded.oidc && isOidcCallback()) acceptToken(await finishOidcLogin(loaded.oidc));
      })
      .catch(setError);
  }, [acceptToken]);

  const areas = AREAS.filter((a) => session?.roles.some((r) => a.roles.includes(r)));
  const [first, ...rest] = route;
  let main;
  if (error) main = <ProblemAlert error={error} />;
  else if (!config) main = <Spinner aria-label="Laster" />;
  else if (!session) main = <LoginPage config={config} onToken={acceptToken} />;
  else if (first === 'prosjekter' && areas.some((a) => a.path === first)) main = <LeadPage route={rest} />;
  else if (first === 'okonomi' && areas.some((a) => a.path === first))
    main = <FinancePage route={rest} session={session} />;
  else if (first === 'revisjon' && areas.some((a) => a.path === first)) main = <AuditorPage />;
  else if (first === 'mine-sider' && areas.some((a) => a.path === first))
    main = <RepresentativePage session={session} />;
  else
    main = (
      <Page title="Velkommen">
        <Paragraph>
          Du er logget inn som {session.name} ({session.roles.map(roleName).join(', ') || 'ingen rolle'}).
        </Paragraph>
        {areas.length === 0 ? (
          <Paragraph>
            Brukeren din har ingen rolle som gir tilgang til noe her. Kontakt en administrator.
          </Paragraph>
        ) : (
          <ul>
            {areas.map((a) => (
              <li key={a.path}>
                <Link href={href(a.path)}>{a.title}</Link>
              </li>
            ))}
          </ul>
        )}
      </Page>
    );

  return (
    <>
      <SkipLink href="#innhold">Hopp til hovedinnhold</SkipLink>
      <header className="site-header">
        <div className="site-header__inner">
          <Link href={href('')} className="site-name">
            Brukermedvirkning
          </Link>
          {session && (
            <nav aria-label="Hovedmeny">
              <ul className="menu">
                {areas.map((a) => (
                  <li key={a.path}>
                    <Link href={href(a.path)} aria-current={first === a.path ? 'page' : undefined}>
                      {a.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {session && (
            <div className="who">
              <span>{session.name}</span>
              <Button variant="secondary" data-size="sm" onClick={logOut}>
                Logg ut
              </Button>
            </div>
          )}
        </div>
      </header>
      <main id="innhold" className="content" tabIndex={-1}>
        {main}
      </main>
    </>
  );
}
