import type { Database } from 'better-sqlite3';
import { WINDOW_QR_SECRET, loadSecret } from '../../../gateway/src/auth/secret-files';
import { hallCheckInQrContent } from '../../../gateway/src/booking/check-in-qr';
import { runAdmin } from '../../../gateway/src/cli/admin-commands';
import { openDatabase } from '../../../gateway/src/db/open-database';
import type { RunningGateway } from './running-gateway';

/** A clock the journey moves by hand, handed to the gateway as its `now`. */
export class JourneyClock {
  constructor(private current: number) {}
  now = (): Date => new Date(this.current);
  set(isoInstant: string): void {
    this.current = Date.parse(isoInstant);
  }
}

/** What is printed at the hall's entrance: the check-in QR's content, signed with the gateway's key. */
export function hallCheckInQr(gateway: RunningGateway, hallId: string): string {
  return hallCheckInQrContent(gateway.baseUrl, hallId, loadSecret(gateway.dataDir, WINDOW_QR_SECRET));
}

/** The officer's admin CLI (`npm run gateway:admin -- …`) over the running gateway's database. */
export class HallOfficer {
  private readonly db: Database;

  constructor(
    gateway: RunningGateway,
    private readonly clock: { now: () => Date },
  ) {
    this.db = openDatabase(gateway.dataDir);
  }

  async run(...argv: string[]): Promise<string> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdmin(argv, {
      db: this.db,
      now: this.clock.now,
      rectificationDays: 15,
      defaultBase: 'https://zwfw.example.cn',
      io: { out: (l) => out.push(l), err: (l) => err.push(l) },
    });
    if (code !== 0) throw new Error(`gateway:admin ${argv.join(' ')} → ${code}: ${err.join('\n')}`);
    return out.join('\n');
  }

  close(): void {
    this.db.close();
  }
}

/** Someone else at the hall: logs in by SMS through the API and takes a walk-in number by the QR. */
export async function walkIn(gateway: RunningGateway, mobile: string, qr: string): Promise<string> {
  const call = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(`${gateway.baseUrl}/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const envelope = (await response.json()) as { ok: boolean; data: unknown; error?: { message: string } };
    if (!envelope.ok) throw new Error(`POST ${path}: ${response.status} ${envelope.error?.message}`);
    return envelope.data;
  };
  await call('/auth/sms', { mobile });
  const login = (await call('/auth/sms-login', { mobile, code: gateway.smsCodes.get(mobile) })) as {
    tokens: { accessToken: string };
  };
  const ticket = (await call('/hall-tickets', { qr }, login.tokens.accessToken)) as { number: string };
  return ticket.number;
}
