// A real OpenID Connect provider (oidc-provider, OpenID certified) for the dashboard's sign-in tests.
// Usage: node provider.mjs <port> <client_id> <client_secret> <redirect_uri> <post_logout_redirect_uri>
// Any login name signs in; "alice" is Alice Martin (alice@example.test, groups finance + ops). Consent is implied.
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri, postLogoutRedirectUri] = process.argv.slice(2);
if (!port || !clientId || !clientSecret || !redirectUri || !postLogoutRedirectUri) {
  console.error('usage: node provider.mjs <port> <client_id> <client_secret> <redirect_uri> <post_logout_redirect_uri>');
  process.exit(2);
}

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
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
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

provider.listen(Number(port), '127.0.0.1', () => console.log(`oidc-provider listening on http://127.0.0.1:${port}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
