// A real OpenID Connect provider (oidc-provider, OpenID certified) for the dashboard's sign-in tests.
// Usage: node provider.mjs <port> <client_id> <client_secret> <redirect_uri> <post_logout_redirect_uri> [id_tokens]
// Any login name signs in; "alice" is Alice Martin (alice@example.test, groups finance + ops). Consent is implied.
// id_tokens: "honest" (default), or a flaw the client must refuse: "nbf-future" (not valid for another hour),
// "wrong-issuer", "wrong-audience" — the token is re-signed with the provider's own key, so only that flaw differs.
import Provider from 'oidc-provider';
import { SignJWT, decodeJwt, exportJWK, generateKeyPair } from 'jose';

const [port, clientId, clientSecret, redirectUri, postLogoutRedirectUri, idTokens = 'honest'] = process.argv.slice(2);
const flaws = {
  honest: null,
  'nbf-future': (claims) => ({ ...claims, nbf: Math.floor(Date.now() / 1000) + 3600 }),
  'wrong-issuer': (claims) => ({ ...claims, iss: 'https://another-provider.example' }),
  'wrong-audience': (claims) => ({ ...claims, aud: 'another-client' }),
};
if (!port || !clientId || !clientSecret || !redirectUri || !postLogoutRedirectUri || !(idTokens in flaws)) {
  console.error(`usage: node provider.mjs <port> <client_id> <client_secret> <redirect_uri> <post_logout_redirect_uri> [${Object.keys(flaws).join('|')}]`);
  process.exit(2);
}

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingKey = { ...(await exportJWK(privateKey)), kid: 'ocm-test-signing-key', alg: 'RS256', use: 'sig' };

const accounts = {
  alice: { sub: 'alice', name: 'Alice Martin', email: 'alice@example.test', email_verified: true, groups: ['finance', 'ops'] },
  bob: { sub: 'bob', name: 'Bob Durand', email: 'bob@example.test', email_verified: true, groups: ['sales'] },
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [postLogoutRedirectUri],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  scopes: ['openid', 'profile', 'email', 'groups'],
  claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'], groups: ['groups'] },
  pkce: { required: () => true },
  cookies: { keys: ['ocm-test-provider-cookie-key'] },
  jwks: { keys: [signingKey] },
  // Without pushed authorization requests the authorization URL shows what the client asked for (PKCE, nonce).
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true }, pushedAuthorizationRequests: { enabled: false } },
  async findAccount(ctx, id) {
    const account = accounts[id] ?? { sub: id, name: id, email: `${id}@example.test`, email_verified: true, groups: [] };
    return { accountId: id, claims: async () => account };
  },
  // First-party client: grant what it asks for without a consent screen.
  async loadExistingGrant(ctx) {
    const { oidc } = ctx;
    const existing = oidc.result?.consent?.grantId || oidc.session.grantIdFor(oidc.client.clientId);
    if (existing) {
      const found = await oidc.provider.Grant.find(existing);
      if (found) return found;
    }
    const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
    grant.addOIDCScope(oidc.params.scope ?? 'openid');
    await grant.save();
    return grant;
  },
});

const flaw = flaws[idTokens];
if (flaw) {
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/token' && ctx.body?.id_token) {
      ctx.body = { ...ctx.body, id_token: await new SignJWT(flaw(decodeJwt(ctx.body.id_token))).setProtectedHeader({ alg: 'RS256', kid: signingKey.kid }).sign(privateKey) };
    }
  });
}

provider.listen(Number(port), '127.0.0.1', () => console.log(`oidc-provider listening on http://127.0.0.1:${port}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
