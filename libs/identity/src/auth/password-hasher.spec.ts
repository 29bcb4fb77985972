import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('hashes with argon2id and verifies', async () => {
    const hash = await hasher.hash('een-lang-wachtwoord');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(hash).not.toContain('een-lang-wachtwoord');
    await expect(hasher.verify(hash, 'een-lang-wachtwoord')).resolves.toBe(true);
    await expect(hasher.verify(hash, 'iets-anders')).resolves.toBe(false);
  });

  it('answers false for a malformed hash instead of throwing', async () => {
    await expect(hasher.verify('not-a-hash', 'x')).resolves.toBe(false);
  });

  it('never accepts anything against the dummy hash', async () => {
    await expect(hasher.verifyAgainstDummy('wat-dan-ook')).resolves.toBe(false);
  });
});
