import type { Role } from '@bangfu/contracts';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { ensureRootAndAdmin } from '../first-start.js';
import * as orgRepo from '../modules/orgs/orgs.repository.js';
import { createOrg } from '../modules/orgs/orgs.service.js';
import { createUser } from '../modules/users/users.service.js';
import { type Actor, systemActor } from '../platform/auth/actor.js';
import { SystemClock } from '../platform/clock.js';
import { type Config, type Dialect, loadConfig } from '../platform/config.js';
import type { AppContext } from '../platform/context.js';
import { createFieldCrypto } from '../platform/crypto.js';
import { freshDatabase, type TestDb } from './db.js';

export const ADMIN_PASSWORD = 'Admin-pass-2026';
export const USER_PASSWORD = 'Staff-pass-2026';

const silent = { info() {}, warn() {}, error() {}, debug() {} } as unknown as AppContext['log'];

export interface Client {
  get(url: string): Promise<Res>;
  post(url: string, body?: unknown): Promise<Res>;
  patch(url: string, body?: unknown): Promise<Res>;
  put(url: string, body?: unknown): Promise<Res>;
  /** POST one file as multipart/form-data (field "file"), as the web's upload does. */
  upload(url: string, filename: string, content: Buffer, contentType?: string): Promise<Res>;
}

/** A multipart/form-data body holding one file in the field "file". */
export function multipartFile(filename: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = '----bangfu-test-upload';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}
export interface Res {
  status: number;
  body: any;
  text: string;
  headers: Record<string, unknown>;
}

/** A real app over a fresh, migrated database, driven through HTTP with Fastify's inject(). */
export class TestEnv {
  private constructor(
    readonly ctx: AppContext,
    readonly app: FastifyInstance,
    private readonly tdb: TestDb,
  ) {}

  static async create(dialect: Dialect, env: Record<string, string> = {}): Promise<TestEnv> {
    const tdb = await freshDatabase(dialect);
    const config: Config = loadConfig({
      DATABASE_URL: tdb.url,
      BANGFU_ADMIN_PASSWORD: ADMIN_PASSWORD,
      BANGFU_SECRET: 'integration-test-secret-at-least-32-chars',
      LOG_LEVEL: 'silent',
      ...env,
    });
    const ctx: AppContext = {
      db: tdb.handle.db,
      dialect,
      handle: tdb.handle,
      config,
      clock: new SystemClock(),
      crypto: createFieldCrypto(config.secret as string),
      log: silent,
    };
    await ensureRootAndAdmin(ctx);
    const app = await buildApp(ctx, { logger: false });
    return new TestEnv(ctx, app, tdb);
  }

  async close() {
    await this.app.close();
    await this.tdb.drop();
  }

  async root() {
    const r = await orgRepo.findRoot(this.ctx.db);
    if (!r) throw new Error('no root');
    return r;
  }

  /** The system actor at the root, for factories. */
  async system(): Promise<Actor> {
    const r = await this.root();
    return systemActor({ orgId: r.id, path: r.path, provinceCode: r.province_code });
  }

  async org(parentId: number, name: string, type: Parameters<typeof createOrg>[2]['type'], divisionCode?: string) {
    return createOrg(this.ctx, await this.system(), { parentId, name, type, divisionCode });
  }

  /** A user who has already changed the initial password: ready to work. */
  async user(username: string, orgId: number, roles: Role[], opts: { phone?: string } = {}) {
    const u = await createUser(this.ctx, await this.system(), {
      username,
      displayName: username,
      orgId,
      roles,
      password: USER_PASSWORD,
      phone: opts.phone ?? null,
    });
    await this.ctx.db.updateTable('app_user').set({ must_change_password: 0 }).where('id', '=', u.id).execute();
    return u;
  }

  /** The usual sample chain: 广东省总工会 → 武江区总工会 (county 440203) → 西河镇总工会 (street). */
  async countyWithStreet() {
    const root = await this.root();
    const province = await this.org(root.id, '广东省总工会', 'province', '440000');
    const county = await this.org(province.id, '武江区总工会', 'county', '440203');
    const street = await this.org(county.id, '西河镇总工会', 'street');
    return { root, province, county, street };
  }

  client(): Client & { cookie?: string } {
    const self = this;
    const c: Client & { cookie?: string } = {
      async get(url) {
        return send('GET', url);
      },
      async post(url, body) {
        return send('POST', url, body);
      },
      async patch(url, body) {
        return send('PATCH', url, body);
      },
      async put(url, body) {
        return send('PUT', url, body);
      },
      async upload(url, filename, content, contentType) {
        const m = multipartFile(filename, content, contentType);
        return send('POST', url, m.payload, m.contentType);
      },
    };
    async function send(
      method: 'GET' | 'POST' | 'PATCH' | 'PUT',
      url: string,
      body?: unknown,
      contentType?: string,
    ): Promise<Res> {
      const res = await self.app.inject({
        method,
        url,
        headers: { ...(c.cookie ? { cookie: c.cookie } : {}), ...(contentType ? { 'content-type': contentType } : {}) },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      const setCookie = res.headers['set-cookie'];
      const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
      if (first?.startsWith('bangfu_sid=')) c.cookie = first.split(';')[0];
      let parsed: unknown = null;
      try {
        parsed = res.json();
      } catch {
        parsed = null;
      }
      return { status: res.statusCode, body: parsed, text: res.body, headers: res.headers };
    }
    return c;
  }

  async login(username: string, password = USER_PASSWORD) {
    const c = this.client();
    const res = await c.post('/api/v1/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.text}`);
    return c;
  }

  loginAdmin() {
    return this.login('admin', ADMIN_PASSWORD);
  }
}
