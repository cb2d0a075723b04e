// The peer: a minimal Lambda Runtime API client in Node.js 20, measured in the same run as the .NET bootstrap.
// Same protocol and comparable work: webhook verifies the GitHub signature, parses the push and appends a trigger
// to the file queue; any other handler answers an empty SQS batch response.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';

const api = `http://${process.env.AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation`;
const local = (value) => value.replace(/^file:\/\//, '');

function webhook(event) {
  const secret = readFileSync(local(process.env.WEBHOOK_SECRET_PARAMETER));
  const body = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  const expected = Buffer.from('sha256=' + createHmac('sha256', secret).update(body).digest('hex'));
  const given = Buffer.from(event.headers['x-hub-signature-256'] ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { statusCode: 401, headers: { 'content-type': 'application/json' }, body: '{"message":"Bad signature."}' };
  }
  const push = JSON.parse(body.toString('utf8'));
  const trigger = { type: 'git-pushed', source: 'github', repositoryName: push.repository.full_name, branch: push.ref.replace('refs/heads/', ''), newCommit: push.after };
  appendFileSync(local(process.env.INTAKE_QUEUE_URL), JSON.stringify(trigger) + '\n');
  return { statusCode: 202, headers: { 'content-type': 'application/json' }, body: '{"message":"Push accepted."}' };
}

for (;;) {
  const next = await fetch(`${api}/next`);
  const requestId = next.headers.get('lambda-runtime-aws-request-id');
  const event = await next.json();
  const response = process.env._HANDLER === 'webhook' ? webhook(event) : { batchItemFailures: [] };
  await fetch(`${api}/${requestId}/response`, { method: 'POST', body: JSON.stringify(response) });
}
