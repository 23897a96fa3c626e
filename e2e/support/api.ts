/** A tiny API client for the parts of a walk that are not its point (organisations, accounts, the clock). */
export class Api {
  private cookie = '';
  constructor(readonly baseUrl: string) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0] ?? '';
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  login(username: string, password: string) {
    return this.call<{ orgId: number; mustChangePassword: boolean }>('POST', '/v1/auth/login', { username, password });
  }

  async org(parentId: number, name: string, type: string, divisionCode?: string): Promise<number> {
    const o = await this.call<{ id: number }>('POST', '/v1/orgs', { parentId, name, type, divisionCode });
    return o.id;
  }

  /** A staff account whose initial password has already been replaced (the forced change is not this walk's point). */
  async user(u: {
    username: string;
    name: string;
    orgId: number;
    roles: string[];
    password: string;
    idNumber?: string;
  }) {
    await this.call('POST', '/v1/users', {
      username: u.username,
      displayName: u.name,
      orgId: u.orgId,
      roles: u.roles,
      password: 'Initial2026x',
      idNumber: u.idNumber,
    });
    const own = new Api(this.baseUrl);
    await own.login(u.username, 'Initial2026x');
    await own.call('POST', '/v1/auth/password', { currentPassword: 'Initial2026x', newPassword: u.password });
  }

  /** Test mode only: move the server's clock forward. */
  advanceClock(ms: number) {
    return this.call<{ time: string; today: string }>('POST', '/test/clock', { advanceMs: ms });
  }

  /** Test mode only: set the server's clock to an instant ('2026-12-31T17:00:00Z'); `today` is its Beijing date. */
  setClock(at: string) {
    return this.call<{ time: string; today: string }>('POST', '/test/clock', { at });
  }
}
