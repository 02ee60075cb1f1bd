import { AccessToken } from "livekit-server-sdk";

const ttlSeconds = 600;
const renewBeforeSeconds = 60;

/** Mints `sip.admin` tokens and reuses each one until shortly before it expires. */
export class AdminTokens {
  private current?: { jwt: string; expiresAt: number };

  constructor(
    private readonly apiKey: string,
    private readonly apiSecret: string,
  ) {}

  async get(now = Date.now()): Promise<string> {
    if (this.current && this.current.expiresAt - renewBeforeSeconds * 1000 > now) return this.current.jwt;
    const token = new AccessToken(this.apiKey, this.apiSecret, { ttl: ttlSeconds });
    token.addSIPGrant({ admin: true });
    this.current = { jwt: await token.toJwt(), expiresAt: now + ttlSeconds * 1000 };
    return this.current.jwt;
  }
}
