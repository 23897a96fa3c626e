import { ConfigError, loadConfig } from './platform/config.js';
import { serve } from './serve.js';

try {
  await serve(loadConfig());
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
