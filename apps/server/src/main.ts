import { loadEnv } from './config/env.js';
import { bootstrap } from './app/bootstrap.js';

/** Starts Persada: API, web app, worker and scheduler in one process. */
async function main() {
  const env = loadEnv();
  const running = await bootstrap(env);
  const { app, deps } = running;
  await app.listen({ host: env.HOST, port: env.PORT });
  const url = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const lines = [
    '',
    `  Persada berjalan di ${url}  (basis data: ${deps.database.kind})`,
    `  Dokumentasi API: ${url}/api/docs`,
  ];
  if (running.seeded) {
    lines.push(
      '',
      '  Pemda contoh "Kota Contoh" telah dibuat. Masuk sebagai administrator:',
      `    Email      : ${running.seeded.adminEmail}`,
      `    Kata sandi : ${running.seeded.password}`,
      '  (Pengguna contoh lain, satu per peran, memakai kata sandi yang sama.)',
    );
  }
  console.log(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 20_000);
    try {
      await running.close();
      clearTimeout(timer);
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  // Configuration errors (e.g. a wrong token PIN) carry their own exit code and a bilingual text:
  // no stack trace, and 78 (EX_CONFIG) lets a supervisor stop restarting (RestartPreventExitStatus=78).
  if (err instanceof Error && typeof (err as { exitCode?: unknown }).exitCode === 'number') {
    console.error(`Persada tidak dapat dimulai / Persada cannot start:\n${err.message}`);
    process.exit((err as unknown as { exitCode: number }).exitCode);
  }
  console.error(err);
  process.exit(1);
});
