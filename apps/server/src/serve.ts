import { buildApp } from './app.js';
import { ensureRootAndAdmin } from './first-start.js';
import { openContext } from './platform/bootstrap.js';
import type { Config } from './platform/config.js';
import { lockDatabase } from './platform/db/server-lock.js';

/** Boot: open and migrate the database, ensure the root and admin, listen. Stops cleanly on SIGINT/SIGTERM. */
export async function serve(config: Config) {
  // Held for the server's lifetime: `bangfu restore` refuses while it is held (platform/db/server-lock.ts).
  const lock = await lockDatabase(config, 'server');
  const ctx = await openContext(config).catch(async (e) => {
    await lock.release();
    throw e;
  });
  const app = await buildApp(ctx);
  app.addHook('onClose', async () => lock.release());
  ctx.log = app.log;
  const { generatedPassword } = await ensureRootAndAdmin(ctx);
  if (generatedPassword) {
    console.log('\n================================================================');
    console.log(' 首次启动：已创建管理员账号 / First start: administrator created');
    console.log(`   username: admin`);
    console.log(`   password: ${generatedPassword}`);
    console.log(' 此密码只显示这一次，首次登录后须修改 / shown once; change it at first sign-in');
    console.log('================================================================\n');
  }
  await app.listen({ port: config.port, host: config.host });
  const stop = async () => {
    await app.close();
    await ctx.handle.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { app, ctx };
}
