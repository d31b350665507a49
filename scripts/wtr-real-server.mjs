// web-test-runner plugin: starts the real Plan API (small seed, temp storage) for packages/elements/src/real-server.test.ts.
import { register } from 'tsx/esm/api';

const root = new URL('../packages/server', import.meta.url).pathname;
let state;
export let realApi;

async function listen(config, handle, port) {
  const { buildApp } = await import(`${root}/src/app.ts`);
  const app = await buildApp(config, { handle });
  await app.listen({ port, host: '127.0.0.1' });
  return app;
}

export function realServerPlugin() {
  return {
    name: 'qj-real-server',
    async serverStart({ config: wtrConfig }) {
      register();
      const harness = await import(`${root}/test/harness.ts`);
      const { openMigrated } = await import(`${root}/src/bootstrap.ts`);
      const origins = [`http://localhost:${wtrConfig.port}`, `http://127.0.0.1:${wtrConfig.port}`];
      const storage = await harness.newStorage('sqlite');
      const first = await harness.startServer('sqlite', { reuse: storage, keep: true, config: { corsOrigins: origins } });
      const token = await first.login('city-admin');
      const tasks = await first.api('/api/v1/tasks?limit=1', { token });
      const ratings = await first.api('/api/v1/ratings?year=2025&limit=1', { token });
      const keyRows = await first.handle.db.selectFrom('embed_keys').selectAll().execute();
      for (const row of keyRows) {
        await first.handle.db.updateTable('embed_keys').set({ origins: JSON.stringify([...JSON.parse(row.origins), ...origins]) }).where('id', '=', row.id).execute();
      }
      const { config } = first;
      const port = Number(new URL(first.url).port);
      await first.close();
      const handle = await openMigrated(config);
      state = { config, port, handle, app: await listen(config, handle, port), storage, harness, sessions: {} };
      realApi = { baseUrl: `http://127.0.0.1:${port}`, embedKey: harness.DEMO_EMBED_KEY, taskId: tasks.body.items[0].id, orgUnitId: ratings.body.items[0].orgUnitId, year: 2025 };
      console.log('real server for browser tests', realApi);
    },
    async serverStop() {
      for (const own of Object.values(state?.sessions ?? {})) await own.app?.close();
      await state?.app?.close();
      await state?.handle.destroy();
    },
    async executeCommand({ command, payload, session }) {
      if (command === 'qj-server-up') {
        const own = (state.sessions[session.id] ??= { port: 0, app: undefined });
        if (!own.app) {
          own.app = await listen(state.config, state.handle, own.port);
          own.port = own.app.server.address().port;
        }
        return { baseUrl: `http://127.0.0.1:${own.port}` };
      }
      if (command === 'qj-server-down') {
        const own = state.sessions[session.id];
        await own?.app?.close();
        if (own) own.app = undefined;
        return true;
      }
      if (command === 'qj-report-progress') {
        const login = await fetch(`${realApi.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'city-admin', password: state.harness.DEMO_PASSWORD }) });
        const { accessToken } = await login.json();
        const response = await fetch(`${realApi.baseUrl}/api/v1/tasks/${payload.taskId}/progress`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
          body: JSON.stringify({ percent: payload.percent, note: 'browser test' }),
        });
        if (response.status !== 201) throw new Error(`report progress: ${response.status} ${await response.text()}`);
        return true;
      }
      return undefined;
    },
  };
}
