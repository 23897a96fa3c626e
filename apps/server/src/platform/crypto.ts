import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Field encryption for personal data (身份证号, bank card, phone, health) and blind indexes for exact search.
 *
 * Keys derive from BANGFU_SECRET with HKDF-SHA256, one per purpose, so the encryption key and the index key
 * differ. Ciphertext: 'e1.<keyId>.<iv>.<tag>.<data>' (AES-256-GCM, base64url parts); keyId names the key so
 * that a rotated secret can still read old values while new writes use the new key. BANGFU_OLD_SECRETS lists the
 * old secrets, oldest last; the oldest also keys the blind indexes, which therefore survive a rotation.
 */
export interface FieldCrypto {
  encrypt(plain: string): string;
  encryptNullable(plain: string | null | undefined): string | null;
  decrypt(cipher: string): string;
  decryptNullable(cipher: string | null | undefined): string | null;
  /** Keyed hash for equality search without storing the value: HMAC-SHA256 under the index key, hex. */
  blindIndex(value: string, domain: string): string;
}

const b64 = (b: Buffer) => b.toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url');

function derive(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.from('bangfu'), Buffer.from(purpose), 32));
}

export function createFieldCrypto(secret: string, oldSecrets: string[] = []): FieldCrypto {
  const key = derive(secret, 'field-encryption-v1');
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  const readKeys = new Map<string, Buffer>([[keyId, key]]);
  for (const s of oldSecrets) {
    const k = derive(s, 'field-encryption-v1');
    readKeys.set(createHash('sha256').update(k).digest('hex').slice(0, 8), k);
  }
  // Blind indexes are stored in the rows and compared with freshly computed ones (一人一档, exact ID search,
  // the worker's link to their file): their key must not change when the encryption secret rotates, or every
  // stored index stops matching. It derives from the original secret: the last of the old ones, if any.
  const indexKey = derive(oldSecrets.at(-1) ?? secret, 'blind-index-v1');

  const encrypt = (plain: string) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `e1.${keyId}.${b64(iv)}.${b64(cipher.getAuthTag())}.${b64(data)}`;
  };
  const decrypt = (value: string) => {
    const [v, kid, iv, tag, data] = value.split('.');
    if (v !== 'e1' || !kid || !iv || !tag || data === undefined) throw new Error('not an encrypted value');
    const k = readKeys.get(kid);
    if (!k) throw new Error(`no key ${kid}: was BANGFU_SECRET changed without keeping the old one?`);
    const decipher = createDecipheriv('aes-256-gcm', k, unb64(iv));
    decipher.setAuthTag(unb64(tag));
    return Buffer.concat([decipher.update(unb64(data)), decipher.final()]).toString('utf8');
  };
  return {
    encrypt,
    decrypt,
    encryptNullable: (p) => (p === null || p === undefined || p === '' ? null : encrypt(p)),
    decryptNullable: (c) => (c === null || c === undefined ? null : decrypt(c)),
    blindIndex: (value, domain) => createHmac('sha256', indexKey).update(`${domain}\u0000${value}`).digest('hex'),
  };
}
