import { AuthenticatedUser } from '@app/access';
import { DomainError, ErrorCode, RequestContext } from '@app/core';
import { AuthConfig } from '../auth.config';
import { JwtStrategy } from './jwt.strategy';
import { UserDirectory } from './user-directory';

const USER: AuthenticatedUser = {
  id: '5f0c6f5e-0000-4000-8000-000000000001',
  email: 'consulent.wmo@demo.gezinsplan.nl',
  displayName: 'Sanne Janssen',
  organisationId: 'b2000000-0000-4000-8000-000000000001',
  organisationKind: 'szmh',
  roles: ['consulent'],
  pillars: ['WMO'],
  municipalityIds: ['a1000000-0000-4000-8000-000000000001'],
  teamIds: [],
  ledTeamIds: [],
  mandateCents: 50000,
};

describe('JwtStrategy.validate', () => {
  const config = { jwtSecret: 'x'.repeat(40) } as AuthConfig;
  const setup = (found: AuthenticatedUser | null) => {
    const directory: UserDirectory = { findActiveUser: jest.fn().mockResolvedValue(found) };
    const context = { setPrincipal: jest.fn() } as unknown as RequestContext;
    return { directory, context, strategy: new JwtStrategy(config, directory, context) };
  };

  it('loads the user on every request and records the principal', async () => {
    const { directory, context, strategy } = setup(USER);
    await expect(strategy.validate({ sub: USER.id })).resolves.toBe(USER);
    expect(directory.findActiveUser).toHaveBeenCalledWith(USER.id);
    expect(context.setPrincipal).toHaveBeenCalledWith({
      id: USER.id,
      roles: ['consulent'],
      organisationId: USER.organisationId,
    });
  });

  it('refuses an unknown or deactivated user with a 401 domain error', async () => {
    const { context, strategy } = setup(null);
    const error = await strategy.validate({ sub: USER.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.Unauthenticated);
    expect(context.setPrincipal).not.toHaveBeenCalled();
  });

  it('refuses claims without a subject', async () => {
    const { directory, strategy } = setup(USER);
    await expect(strategy.validate({})).rejects.toBeInstanceOf(DomainError);
    expect(directory.findActiveUser).not.toHaveBeenCalled();
  });
});
