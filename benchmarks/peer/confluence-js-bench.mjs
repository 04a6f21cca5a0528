// The peer side of benchmark scenario 7: the same operations as the Askel connector, done with confluence.js
// (https://github.com/MrRefactoring/confluence.js) the way its README shows: one client from confluence.js/core with
// Basic auth, v2 functions for pages and spaces, v1 functions for labels, attachment upload and CQL search.
//
// Usage: node confluence-js-bench.mjs input.json   (written by PeerScenario.java)
// input: {host, warmUpHost, email, token, spaceKey, warmUpRounds, rounds,
//         runbook: {title, parentTitle, body, changedBody, labels, attachment: {filename, base64}}}
// The warm-up rounds run the same steps against warmUpHost, neither counted nor timed, before the timed rounds.
// Prints one JSON object on stdout: {library, version, node, rounds: [{round, steps: [{name, calls, endpoints, ms, outcome}]}]}.
// Calls are counted by the sandbox itself (its admin API, which is never counted): reset before a step, read after.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createClient } from 'confluence.js/core';
import { createPage, getPageById, getPages, getSpaces, updatePage, getPageAttachments } from 'confluence.js/v2';
import {
  addLabelsToContent,
  createOrUpdateAttachments,
  removeLabelFromContentUsingQueryParameter,
  searchContentByCQL,
} from 'confluence.js/v1';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const clientOf = (host) => createClient({ host, auth: { type: 'basic', email: input.email, apiToken: input.token } });
let client = clientOf(input.warmUpHost);
let timing = false;
const attachmentBytes = Buffer.from(input.runbook.attachment.base64, 'base64');

async function admin(method) {
  const response = await fetch(`${input.host}/__sandbox/requests`, { method });
  return method === 'GET' ? response.json() : null;
}

// The sandbox logs a request once its answer has gone out: wait until its log has been still for a few milliseconds.
async function settled() {
  let last = (await admin('GET')).total;
  for (let quiet = 0, polls = 0; quiet < 3 && polls < 200; polls++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const now = (await admin('GET')).total;
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
  return admin('GET');
}

async function step(steps, name, action) {
  if (!timing) {
    await action();
    return;
  }
  await settled();
  await admin('DELETE');
  const start = performance.now();
  let outcome = 'ok';
  try {
    const note = await action();
    if (typeof note === 'string') outcome = `ok: ${note}`;
  } catch (error) {
    outcome = `error: ${error.constructor.name} ${error.status ?? ''} ${String(error.message).split('\n')[0].slice(0, 160)}`;
  }
  const ms = performance.now() - start;
  const log = await settled();
  steps.push({ name, calls: log.total, endpoints: log.counts, ms, outcome });
}

function storage(value) {
  return { representation: 'storage', value };
}

// Find-or-create by title, then skip when unchanged: what a careful script does with a plain client.
async function publish(spaceId, title, body) {
  const found = await getPages(client, { spaceId: [Number(spaceId)], title, bodyFormat: 'storage', status: ['current'] });
  const page = found.results[0];
  if (!page) {
    const parents = await getPages(client, { spaceId: [Number(spaceId)], title: input.runbook.parentTitle, status: ['current'] });
    let parentId = parents.results[0]?.id;
    if (!parentId) {
      parentId = (await createPage(client, { body: { spaceId, status: 'current', title: input.runbook.parentTitle, body: storage('') } })).id;
    }
    const created = await createPage(client, { body: { spaceId, status: 'current', title, parentId, body: storage(body) } });
    await addLabelsToContent(client, { id: created.id, body: input.runbook.labels.map((name) => ({ prefix: 'global', name })) });
    await createOrUpdateAttachments(client, {
      id: created.id,
      attachments: { filename: input.runbook.attachment.filename, content: attachmentBytes },
    });
    return 'created';
  }
  let note = 'unchanged';
  if (page.body?.storage?.value !== body) {
    await updatePage(client, {
      id: Number(page.id),
      body: { id: page.id, status: 'current', title, body: storage(body), version: { number: page.version.number + 1 } },
    });
    note = 'updated';
  }
  const attachments = await getPageAttachments(client, { id: Number(page.id), filename: input.runbook.attachment.filename });
  if (attachments.results[0]?.fileSize !== attachmentBytes.length) {
    await createOrUpdateAttachments(client, {
      id: page.id,
      attachments: { filename: input.runbook.attachment.filename, content: attachmentBytes },
    });
    note += ', attachment uploaded';
  }
  return note;
}

async function round(r, label) {
  const steps = [];
  const suffix = ` (${label} ${r})`;
  const spaceId = (await getSpaces(client, { keys: [input.spaceKey] })).results[0].id;
  let page;
  await step(steps, 'create page', async () => {
    page = await createPage(client, { body: { spaceId, status: 'current', title: `Peer page${suffix}`, body: storage('<p>One</p>') } });
  });
  await step(steps, 'read page', () => getPageById(client, { id: Number(page.id), bodyFormat: 'storage', includeLabels: true }));
  await step(steps, 'update page, changed', async () => {
    const current = await getPageById(client, { id: Number(page.id), bodyFormat: 'storage' });
    await updatePage(client, {
      id: Number(page.id),
      body: { id: page.id, status: 'current', title: current.title, body: storage('<p>Two</p>'), version: { number: current.version.number + 1 } },
    });
  });
  await step(steps, 'update page, unchanged', async () => {
    const current = await getPageById(client, { id: Number(page.id), bodyFormat: 'storage' });
    if (current.body.storage.value === '<p>Two</p>') return 'skipped: body equal';
    await updatePage(client, {
      id: Number(page.id),
      body: { id: page.id, status: 'current', title: current.title, body: storage('<p>Two</p>'), version: { number: current.version.number + 1 } },
    });
    return 'written: the body read back differs';
  });
  await step(steps, 'search, one page of results', () =>
    searchContentByCQL(client, { cql: `type = page and space = ${input.spaceKey}`, limit: 25 }));
  await step(steps, 'add three labels', () =>
    addLabelsToContent(client, { id: page.id, body: ['alpha', 'beta', 'gamma'].map((name) => ({ prefix: 'global', name })) }));
  await step(steps, 'remove a label', () => removeLabelFromContentUsingQueryParameter(client, { id: page.id, name: 'beta' }));
  await step(steps, 'upload an attachment', () =>
    createOrUpdateAttachments(client, { id: page.id, attachments: { filename: 'notes.bin', content: attachmentBytes } }));
  const title = `${input.runbook.title}${suffix}`;
  await step(steps, 'runbook: first publish', () => publish(spaceId, title, input.runbook.body));
  await step(steps, 'runbook: unchanged republish', () => publish(spaceId, title, input.runbook.body));
  await step(steps, 'runbook: changed republish', () => publish(spaceId, title, input.runbook.changedBody));
  return { round: r, steps };
}

for (let r = 1; r <= input.warmUpRounds; r++) {
  await round(r, 'warm-up');
}
client = clientOf(input.host);
timing = true;
const rounds = [];
for (let r = 1; r <= input.rounds; r++) {
  rounds.push(await round(r, 'confluence.js'));
}
const require = createRequire(import.meta.url);
const version = require('confluence.js/package.json').version;
process.stdout.write(JSON.stringify({ library: 'confluence.js', version, node: process.version, rounds }) + '\n');
