import { Button, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { Page, Section } from '../components/page';
import { ProblemAlert } from '../components/problem-alert';
import { useAction } from '../components/use-action';
import { startOidcLogin, type OidcConfig } from './oidc';
import type { Role } from './session';

export interface ClientConfig {
  oidc: OidcConfig | null;
  devLogin: { roles: Role[] } | null;
}

const ROLE_NAMES: Record<string, string> = {
  'project-lead': 'Prosjektleder',
  finance: 'Økonomi',
  auditor: 'Revisor',
  representative: 'Brukerrepresentant',
  admin: 'Administrator',
};

export function roleName(role: string): string {
  return ROLE_NAMES[role] ?? role;
}

/** Log-in: the trust's identity provider, or in embedded development "Logg inn som". */
export function LoginPage({ config, onToken }: { config: ClientConfig; onToken: (token: string) => void }) {
  const [sub, setSub] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('project-lead');
  const [participantId, setParticipantId] = useState('');
  const oidc = useAction(async () => {
    if (config.oidc) await startOidcLogin(config.oidc);
  });
  const dev = useAction(async () => {
    const body = {
      sub: sub.trim(),
      name: name.trim() || sub.trim(),
      roles: [role],
      ...(participantId.trim() ? { participantId: participantId.trim() } : {}),
    };
    const { token } = await api.post<{ token: string }>('/web-client/dev-tokens', body);
    onToken(token);
  });
  const submitDev = (event: FormEvent) => {
    event.preventDefault();
    void dev.act();
  };
  return (
    <Page title="Logg inn">
      {config.oidc && (
        <Section title="Innlogging">
          <Paragraph>Du logger inn hos helseforetakets innloggingstjeneste.</Paragraph>
          <ProblemAlert error={oidc.error} />
          <Button onClick={() => void oidc.act()} loading={oidc.busy}>
            Logg inn
          </Button>
        </Section>
      )}
      {config.devLogin && (
        <Section title="Logg inn som (utviklingsmodus)">
          <Paragraph>
            Tjenesten kjører med en utviklingsnøkkel som den har laget selv. Her kan du logge inn som hvem som
            helst. Dette finnes ikke når en ekte innloggingstjeneste er satt opp.
          </Paragraph>
          <form onSubmit={submitDev} className="form" noValidate>
            <Textfield
              label="Bruker-id"
              value={sub}
              onChange={(e) => setSub(e.target.value)}
              required
              autoComplete="username"
            />
            <Textfield
              label="Navn"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="name"
            />
            <Fieldset>
              <Fieldset.Legend>Rolle</Fieldset.Legend>
              {config.devLogin.roles.map((r) => (
                <Radio
                  key={r}
                  name="role"
                  value={r}
                  label={roleName(r)}
                  checked={role === r}
                  onChange={() => setRole(r)}
                />
              ))}
            </Fieldset>
            {role === 'representative' && (
              <Textfield
                label="Deltaker-id"
                description="Brukerrepresentanten ser bare sine egne opplysninger."
                value={participantId}
                onChange={(e) => setParticipantId(e.target.value)}
              />
            )}
            <ProblemAlert error={dev.error} />
            <Button type="submit" loading={dev.busy}>
              Logg inn som {roleName(role).toLowerCase()}
            </Button>
          </form>
        </Section>
      )}
      {!config.oidc && !config.devLogin && (
        <Paragraph>
          Ingen innlogging er satt opp for nettleseren. Driftsansvarlig må sette WEB_OIDC_ISSUER og
          WEB_OIDC_CLIENT_ID.
        </Paragraph>
      )}
    </Page>
  );
}
