// One GET through OVH's official Node client (npm "ovh", pinned by package-lock.json), printed as one JSON line:
//   {"status":200,"body":<parsed answer>}  or  {"status":<code>,"body":<OVH's error body as received>}
// Usage: node call.js <host> <port> <appKey> <appSecret> <consumerKey> <path>
// The server's certificate is trusted through NODE_EXTRA_CA_CERTS; the client itself is used as published.
'use strict';
const [host, port, appKey, appSecret, consumerKey, path] = process.argv.slice(2);
let lastBody = null;
const client = require('ovh')({
  appKey, appSecret, consumerKey, host, port: Number(port), basePath: '/1.0',
  // The client reports an error as (status, message) only; its debug hook is the one place it shows the whole body.
  debug: (...parts) => { if (parts[0] === '[OVH] API response to') lastBody = parts[parts.length - 1]; },
});
client.request('GET', path, (error, result) => {
  if (error === null) {
    console.log(JSON.stringify({ status: 200, body: result }));
  } else if (typeof error === 'number') {
    console.log(JSON.stringify({ status: error, body: lastBody ? JSON.parse(lastBody) : null }));
  } else {
    console.log(JSON.stringify({ status: 0, error: String(error) }));
    process.exitCode = 1;
  }
});
