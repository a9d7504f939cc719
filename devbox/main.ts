// `npm run devbox -- [--port N] [--host H] [--data DIR | --memory] [--seed demo|none] [--scale C,P] [--reading R]`
import { bannerLines } from './banner.ts';
import { demoSmartKeyFile, SMART_BACKEND_ID } from './seed/demo-smart.ts';
import { configFromArgs, UsageError } from './server-config.ts';
import { startDevbox } from './server.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = configFromArgs(process.argv.slice(2), process.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`devbox: ${err.message}`);
    console.error(
      'usage: npm run devbox -- [--port N] [--host H] [--data DIR | --memory] [--seed demo|none] [--scale CLIENTS,POLICIES] [--reading strict|alternate]',
    );
    process.exit(2);
  }
  const started = Date.now();
  // Without BOX_WEB_BASE_URL the base URL follows the real port (which --port 0 picks at listen).
  const box = await startDevbox({
    ...config,
    baseUrl: process.env.BOX_WEB_BASE_URL ? config.baseUrl : undefined,
  });
  console.log(`devbox ready in ${Date.now() - started} ms at ${box.url}`);
  for (const line of bannerLines(box.ctx.config, box.url, process.env)) console.log(line);
  const keyFile = demoSmartKeyFile(box.ctx);
  if (keyFile)
    console.log(`  SMART backend demo: Client ${SMART_BACKEND_ID}, private key (RS384) in ${keyFile}`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`devbox: ${signal}, shutting down`);
    box.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('devbox: shutdown failed', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('devbox: failed to start', err);
  process.exit(1);
});
