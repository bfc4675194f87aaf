import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '@app/platform';
import { ROLES, type Role } from '../apps/api/src/http/auth/auth-user';
import { resolveAuthSettings } from '../apps/api/src/http/auth/auth-settings';
import { decodeJwt } from 'jose';
import { signDevToken } from '../apps/api/src/http/auth/dev-token';
import { tokenLifetimeProblem } from '../apps/api/src/http/auth/token-lifetime';

const USAGE = `usage: npm run token -- --sub <id> --role <role> [--role <role>] [--name <name>] [--expires 8h]
       [--participant <participant id>]   (required with --role representative: whose own data they see)
roles: ${ROLES.join(', ')}
Prints a development HS256 token signed with the secret the API verifies with:
AUTH_JWT_SECRET when set, otherwise DATA_DIR/auth-jwt.secret (generated in embedded mode).`;

/** `npm run token`: a bearer token for trying the API by hand (curl, Swagger UI's Authorize). */
async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sub: { type: 'string' },
      role: { type: 'string', multiple: true },
      name: { type: 'string' },
      participant: { type: 'string' },
      expires: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (!values.sub) throw new UsageError('--sub is required');
  const roles = values.role ?? [];
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) throw new UsageError(`unknown role ${unknown.join(', ')}`);
  if (roles.includes('representative') && !values.participant)
    throw new UsageError('--participant is required with --role representative');
  const config = loadConfig();
  const auth = resolveAuthSettings(config);
  if (!auth.jwtSecret)
    throw new UsageError(
      'the API verifies tokens with AUTH_JWKS_URL only: get a token from that identity provider',
    );
  const token = await signDevToken(
    {
      sub: values.sub,
      name: values.name,
      roles: roles as Role[],
      ...(roles.includes('representative') ? { participantId: values.participant } : {}),
      expires: values.expires,
      issuer: auth.issuer,
      audience: auth.audience,
    },
    auth.jwtSecret,
  );
  // A token the API would refuse is no use: say so here, not at the first request.
  const tooLong = tokenLifetimeProblem(decodeJwt(token), Math.floor(Date.now() / 1000), {
    maxHours: auth.maxTokenHours,
    toleranceSeconds: 0,
  });
  if (tooLong)
    throw new UsageError(`--expires ${values.expires}: ${tooLong.replace(/^The bearer token/, 'the token')}`);
  process.stdout.write(`${token}\n`);
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else console.error(error instanceof ConfigError || error instanceof TypeError ? error.message : error);
  process.exit(1);
});
