import { describe, expect, it } from 'vitest';
import { createFieldCrypto } from './crypto.js';

const secret = 'a-test-secret-of-at-least-32-characters!';

describe('field encryption and blind indexes', () => {
  it('round-trips, and the same value encrypts differently each time', () => {
    const c = createFieldCrypto(secret);
    const a = c.encrypt('11010519491231002X');
    const b = c.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('110105');
    expect(c.decrypt(a)).toBe('11010519491231002X');
    expect(c.decryptNullable(c.encryptNullable(null))).toBeNull();
  });

  it('detects tampering with the ciphertext', () => {
    const c = createFieldCrypto(secret);
    const parts = c.encrypt('13800001111').split('.');
    parts[4] = Buffer.from('13900001111').toString('base64url');
    expect(() => c.decrypt(parts.join('.'))).toThrow();
  });

  it('reads values written under an old secret after rotation', () => {
    const old = createFieldCrypto(secret);
    const written = old.encrypt('6222020200112233445');
    const rotated = createFieldCrypto('a-brand-new-secret-of-32-characters-or-more', [secret]);
    expect(rotated.decrypt(written)).toBe('6222020200112233445');
    expect(() => createFieldCrypto('another-secret-without-the-old-one-32+').decrypt(written)).toThrow(/no key/);
  });

  it('keeps blind indexes stable across rotations (keyed by the original secret, the last old one)', () => {
    const original = createFieldCrypto(secret);
    const second = 'a-brand-new-secret-of-32-characters-or-more';
    const once = createFieldCrypto(second, [secret]);
    const twice = createFieldCrypto('a-third-secret-of-32-characters-or-more!', [second, secret]);
    expect(once.blindIndex('11010519491231002X', 'id')).toBe(original.blindIndex('11010519491231002X', 'id'));
    expect(twice.blindIndex('11010519491231002X', 'id')).toBe(original.blindIndex('11010519491231002X', 'id'));
    expect(twice.decrypt(once.encrypt('x'))).toBe('x');
  });

  it('gives deterministic, domain-separated blind indexes', () => {
    const c = createFieldCrypto(secret);
    expect(c.blindIndex('x', 'id')).toBe(c.blindIndex('x', 'id'));
    expect(c.blindIndex('x', 'id')).not.toBe(c.blindIndex('x', 'phone'));
    expect(createFieldCrypto('other-secret-other-secret-other-secret').blindIndex('x', 'id')).not.toBe(
      c.blindIndex('x', 'id'),
    );
  });
});
