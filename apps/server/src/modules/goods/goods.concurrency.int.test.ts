import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { fileHousehold, generatedId, household } from '../../test-support/households.js';
import { loserCodes, race, tally } from '../../test-support/race.js';

const N = 20;

/**
 * Goods movements fired 20 times at once against a stock of one (issue 8 item 1): one hand-out, transfer or
 * write-off wins, the others get 409 GOODS_STOCK_INSUFFICIENT; the stock never goes below zero and the ledger
 * holds exactly one movement per success, each with the right balance after it.
 */
describe.each(testDialects)('goods movements under 20 parallel requests on %s', (dialect) => {
  let env: TestEnv;
  let county: { id: number };
  let street: { id: number };
  let clerk: Client;
  let file: number;
  let today: string;

  const receive = (itemName: string, quantity: number) =>
    clerk.post('/api/v1/goods/receipts', {
      orgId: county.id,
      donorName: '韶钢集团',
      donorKind: 'enterprise',
      category: 'grain_oil',
      itemName,
      unit: '袋',
      quantity,
      receivedOn: today,
      handler: '李干事',
    });
  const movements = (stockId: number) =>
    env.ctx.db
      .selectFrom('goods_movement')
      .select(['kind', 'quantity', 'balance_after'])
      .where('stock_id', '=', stockId)
      .orderBy('id')
      .execute();
  const quantityOf = async (stockId: number) =>
    Number(
      (
        await env.ctx.db
          .selectFrom('goods_stock')
          .select('quantity')
          .where('id', '=', stockId)
          .executeTakeFirstOrThrow()
      ).quantity,
    );

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    today = env.ctx.clock.today();
    ({ county, street } = await env.countyWithStreet());
    await env.user('clerk', county.id, ['intake_clerk']);
    clerk = await env.login('clerk');
    file = await fileHousehold(env, household(county.id, { idNumber: generatedId(1), members: [] }));
  });
  afterAll(() => env.close());

  it('20 receipts of a new item at once: one stock row, 20 movements, the balance adds up', async () => {
    const results = await race(N, () => receive('大米', 1));
    expect(tally(results)).toEqual({ 201: N });
    const stockIds = new Set(results.map((r) => r.body.stockId));
    expect(stockIds.size).toBe(1);
    const [stockId] = [...stockIds] as number[];
    expect(await quantityOf(stockId as number)).toBe(N);
    const ms = await movements(stockId as number);
    expect(ms.map((m) => Number(m.balance_after))).toEqual(Array.from({ length: N }, (_, i) => i + 1));
  });

  it('hand-out, transfer and write-off of the last unit: one winner each, never below zero', async () => {
    const fire = {
      handout: (stockId: number) =>
        clerk.post('/api/v1/goods/handouts', {
          stockId,
          householdId: file,
          quantity: 1,
          handedOn: today,
          signedName: '张建国',
          cadre: '王干部',
        }),
      transfer: (stockId: number) =>
        clerk.post('/api/v1/goods/transfers', {
          stockId,
          toOrgId: street.id,
          quantity: 1,
          movedOn: today,
          handler: '李干事',
        }),
      writeOff: (stockId: number) =>
        clerk.post('/api/v1/goods/write-offs', {
          stockId,
          quantity: 1,
          movedOn: today,
          reason: '受潮霉变',
          handler: '李干事',
        }),
    };
    for (const [name, go] of Object.entries(fire)) {
      const r = await receive(`面粉-${name}`, 1);
      expect(r.status, r.text).toBe(201);
      const stockId = r.body.stockId as number;
      const results = await race(N, () => go(stockId));
      expect(tally(results), name).toEqual({ 201: 1, 409: N - 1 });
      expect(loserCodes(results)).toEqual({ GOODS_STOCK_INSUFFICIENT: N - 1 });
      expect(await quantityOf(stockId)).toBe(0);
      const ms = await movements(stockId);
      expect(ms).toHaveLength(2);
      expect(Number(ms[1]?.balance_after)).toBe(0);
    }
    const inStreet = await env.ctx.db
      .selectFrom('goods_movement')
      .select('quantity')
      .where('org_id', '=', street.id)
      .where('kind', '=', 'transfer_in')
      .execute();
    expect(inStreet).toHaveLength(1);
  });
});
