import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scrypt,
  type KeyObject,
} from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors.js';
import { fileStart } from './files.js';

/**
 * Password encryption that still lets the unattended daily backup encrypt without the password.
 *
 * Setting the password makes an X25519 key pair: the public key is stored as is, the private key only
 * wrapped with AES-256-GCM under scrypt(password). Each backup encrypts its zip with AES-256-GCM under a
 * key from ECDH(a fresh ephemeral key, the stored public key) and HKDF, and its header carries the
 * ephemeral public key and the wrapped private key: the file alone plus the password restore it on a
 * fresh machine. A wrong password fails the unwrap; a damaged body fails the body's tag.
 */

/** The first bytes of an encrypted backup. */
export const ENCRYPTED_MAGIC = Buffer.from('OCRMENC1');
const TAG_BYTES = 16;
const HKDF_INFO = 'office-crm backup v1';
// OWASP's scrypt minimum, as for account passwords; maxmem leaves room for N*r*128 bytes.
const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const SCRYPT_MAXMEM = 256 * 1024 * 1024;

interface Sealed {
  iv: string;
  data: string;
  tag: string;
}

/** Kept in the settings: nothing here opens a backup without the password. */
export interface BackupKey {
  publicKey: string;
  wrappedPrivateKey: Sealed & { salt: string; N: number; r: number; p: number };
}

interface Header {
  version: 1;
  ephemeralPublicKey: string;
  hkdfSalt: string;
  iv: string;
  key: BackupKey['wrappedPrivateKey'];
}

const b64 = (buffer: Buffer) => buffer.toString('base64');
const unb64 = (text: string) => Buffer.from(text, 'base64');

function deriveWrappingKey(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, 32, { ...params, maxmem: SCRYPT_MAXMEM }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function seal(key: Buffer, plain: Buffer): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: b64(iv), data: b64(data), tag: b64(cipher.getAuthTag()) };
}

export async function createBackupKey(password: string): Promise<BackupKey> {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const salt = randomBytes(16);
  const wrappingKey = await deriveWrappingKey(password, salt, SCRYPT);
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  return {
    publicKey: b64(publicKey.export({ format: 'der', type: 'spki' })),
    wrappedPrivateKey: { salt: b64(salt), ...SCRYPT, ...seal(wrappingKey, pkcs8) },
  };
}

async function unwrapPrivateKey(wrapped: BackupKey['wrappedPrivateKey'], password: string): Promise<KeyObject> {
  const wrappingKey = await deriveWrappingKey(password, unb64(wrapped.salt), wrapped);
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, unb64(wrapped.iv));
    decipher.setAuthTag(unb64(wrapped.tag));
    const pkcs8 = Buffer.concat([decipher.update(unb64(wrapped.data)), decipher.final()]);
    return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  } catch {
    throw new AppError('backup_wrong_password', 'Wrong backup password');
  }
}

function bodyKey(privateKey: KeyObject, publicKey: KeyObject, salt: Buffer): Buffer {
  const shared = diffieHellman({ privateKey, publicKey });
  return Buffer.from(hkdfSync('sha256', shared, salt, HKDF_INFO, 32));
}

/** magic | header length (uint32 BE) | header JSON; the header is also the body's additional data. */
function frameHeader(header: Header): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([ENCRYPTED_MAGIC, length, json]);
}

/** A stream that turns a zip into an encrypted backup: header, ciphertext, then the 16-byte tag. */
export function encryptingStream(key: BackupKey): Transform {
  const ephemeral = generateKeyPairSync('x25519');
  const hkdfSalt = randomBytes(16);
  const iv = randomBytes(12);
  const recipient = createPublicKey({ key: unb64(key.publicKey), format: 'der', type: 'spki' });
  const header = frameHeader({
    version: 1,
    ephemeralPublicKey: b64(ephemeral.publicKey.export({ format: 'der', type: 'spki' })),
    hkdfSalt: b64(hkdfSalt),
    iv: b64(iv),
    key: key.wrappedPrivateKey,
  });
  const cipher = createCipheriv('aes-256-gcm', bodyKey(ephemeral.privateKey, recipient, hkdfSalt), iv);
  cipher.setAAD(header);
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (!started) {
        started = true;
        this.push(header);
      }
      callback(null, cipher.update(chunk));
    },
    flush(callback: TransformCallback) {
      if (!started) this.push(header);
      this.push(cipher.final());
      callback(null, cipher.getAuthTag());
    },
  });
}

const damaged = () => new AppError('backup_corrupt', 'The backup is damaged');

async function readHeader(file: string): Promise<{ header: Header; framed: Buffer; bodyStart: number; size: number; tag: Buffer }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const prefix = Buffer.alloc(ENCRYPTED_MAGIC.length + 4);
    await handle.read(prefix, 0, prefix.length, 0);
    const length = prefix.readUInt32BE(ENCRYPTED_MAGIC.length);
    const bodyStart = prefix.length + length;
    if (bodyStart + TAG_BYTES > size) throw damaged();
    const json = Buffer.alloc(length);
    await handle.read(json, 0, length, prefix.length);
    const tag = Buffer.alloc(TAG_BYTES);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    let header: Header;
    try {
      header = JSON.parse(json.toString('utf8')) as Header;
    } catch {
      throw damaged();
    }
    if (header.version !== 1) throw damaged();
    return { header, framed: Buffer.concat([prefix, json]), bodyStart, size, tag };
  } finally {
    await handle.close();
  }
}

/** Decrypts an encrypted backup into a plain zip. Wrong password and damaged file are different errors. */
export async function decryptBackup(file: string, password: string, zipFile: string): Promise<void> {
  const { header, framed, bodyStart, size, tag } = await readHeader(file);
  const privateKey = await unwrapPrivateKey(header.key, password);
  let decipher;
  try {
    const ephemeral = createPublicKey({ key: unb64(header.ephemeralPublicKey), format: 'der', type: 'spki' });
    decipher = createDecipheriv('aes-256-gcm', bodyKey(privateKey, ephemeral, unb64(header.hkdfSalt)), unb64(header.iv));
    decipher.setAAD(framed);
    decipher.setAuthTag(tag);
  } catch {
    throw damaged();
  }
  const body = size - TAG_BYTES > bodyStart ? createReadStream(file, { start: bodyStart, end: size - TAG_BYTES - 1 }) : [Buffer.alloc(0)];
  try {
    await pipeline(body, decipher, createWriteStream(zipFile));
  } catch {
    throw damaged();
  }
}

/** Whether a file starts like an encrypted backup. */
export async function isEncryptedFile(file: string): Promise<boolean> {
  return (await fileStart(file, ENCRYPTED_MAGIC.length)).equals(ENCRYPTED_MAGIC);
}
