// The Redis the multi-instance collab tests use, and whether it answers: on CI it must,
// elsewhere those tests skip with a message when it does not.
import { createClient } from 'redis';

export const REDIS_URL = process.env.COLLAB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function redisAvailable(): Promise<boolean> {
	const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
	client.on('error', () => undefined);
	try {
		await client.connect();
		return (await client.ping()) === 'PONG';
	} catch {
		return false;
	} finally {
		await client.close().catch(() => undefined);
	}
}
